#include "fieldnote.h"

namespace ct::ui {

FieldNote::FieldNote(QWidget *parent) : QLabel(parent)
{
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

void FieldNote::setProblem(QWidget *field, const QString &problem)
{
    m_problem = !problem.isEmpty();
    setStyleSheet(QStringLiteral("color:#c62828"));
    setText(problem);
    setVisible(m_problem);
    if (field) {
        field->setProperty("invalid", m_problem);
        field->setStyleSheet(m_problem ? QStringLiteral("border:1px solid #c62828") : QString());
        field->setAccessibleDescription(problem);
    }
}

void FieldNote::setHint(const QString &hint)
{
    m_problem = false;
    setStyleSheet(QStringLiteral("color:palette(mid)"));
    setText(hint);
    setVisible(!hint.isEmpty());
}

} // namespace ct::ui
