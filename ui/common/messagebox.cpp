#include "messagebox.h"

namespace ct::ui {

MessageBox::Button MessageBox::question(QWidget *parent, const QString &title, const QString &text,
                                        QMessageBox::StandardButtons buttons, Button defaultButton)
{
    return ask(QMessageBox::Question, parent, title, text, buttons, defaultButton);
}

void MessageBox::warning(QWidget *parent, const QString &title, const QString &text)
{
    ask(QMessageBox::Warning, parent, title, text, QMessageBox::Ok, QMessageBox::Ok);
}

void MessageBox::information(QWidget *parent, const QString &title, const QString &text)
{
    ask(QMessageBox::Information, parent, title, text, QMessageBox::Ok, QMessageBox::Ok);
}

MessageBox::Button MessageBox::ask(QMessageBox::Icon icon, QWidget *parent, const QString &title,
                                   const QString &text, QMessageBox::StandardButtons buttons, Button defaultButton)
{
    m_asked.append(text);
    if (!m_answers.isEmpty())
        return m_answers.takeFirst();
    return show(icon, parent, title, text, buttons, defaultButton);
}

MessageBox::Button MessageBox::show(QMessageBox::Icon icon, QWidget *parent, const QString &title,
                                    const QString &text, QMessageBox::StandardButtons buttons,
                                    Button defaultButton)
{
    QMessageBox box(icon, title, text, buttons, parent);
    box.setDefaultButton(defaultButton);
    return Button(box.exec());
}

} // namespace ct::ui
