#include "tokenreveal.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ct::ui {

TokenReveal::TokenReveal(QWidget *parent)
    : QWidget(parent), m_caption(new QLabel), m_field(new QLineEdit), m_copy(new QPushButton(tr("&Copy token")))
{
    m_caption->setWordWrap(true);
    m_field->setReadOnly(true);
    m_field->setAccessibleName(tr("New token"));
    m_copy->setAccessibleName(tr("Copy the new token to the clipboard"));
    m_caption->setBuddy(m_field);
    auto *row = new QHBoxLayout;
    row->addWidget(m_field, 1);
    row->addWidget(m_copy);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_caption);
    layout->addLayout(row);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        if (QClipboard *c = QGuiApplication::clipboard())
            c->setText(m_field->text());
    });
    setVisible(false);
}

void TokenReveal::reveal(const QString &caption, const QString &token)
{
    m_caption->setText(caption);
    m_field->setText(token);
    setVisible(true);
    m_field->setFocus();
    m_field->selectAll();
}

void TokenReveal::clear()
{
    m_field->clear();
    m_caption->clear();
    setVisible(false);
}

QString TokenReveal::token() const
{
    return m_field->text();
}

} // namespace ct::ui
