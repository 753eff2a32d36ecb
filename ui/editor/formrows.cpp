#include "formrows.h"

#include "fieldnote.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace ct::ui {

QWidget *withNote(QWidget *field, FieldNote *note)
{
    auto *box = new QWidget;
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    v->addWidget(field);
    v->addWidget(note);
    return box;
}

void addLabelledRow(QFormLayout *form, const QString &label, QWidget *buddy, QWidget *shown)
{
    auto *l = new QLabel(label);
    l->setBuddy(buddy);
    form->addRow(l, shown);
}

} // namespace ct::ui
