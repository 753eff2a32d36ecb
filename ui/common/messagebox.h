#pragma once
// The one place ui/ asks the user a modal question. An instance (no static state) is passed to
// the windows that need it; tests queue answers with setNextAnswer() so no dialog ever blocks.
#include <QList>
#include <QMessageBox>
#include <QString>
#include <QStringList>

class QWidget;

namespace ct::ui {

class MessageBox
{
public:
    using Button = QMessageBox::StandardButton;

    MessageBox() = default;
    virtual ~MessageBox() = default;

    // Asks a yes/no (or other) question. Returns the pre-set answer when one is queued.
    Button question(QWidget *parent, const QString &title, const QString &text,
                    QMessageBox::StandardButtons buttons = QMessageBox::Yes | QMessageBox::No,
                    Button defaultButton = QMessageBox::No);
    void warning(QWidget *parent, const QString &title, const QString &text);
    void information(QWidget *parent, const QString &title, const QString &text);

    // The next dialog is not shown; it returns `answer` at once. Answers are used in order.
    void setNextAnswer(Button answer) { m_answers.append(answer); }
    bool hasNextAnswer() const { return !m_answers.isEmpty(); }
    // The text of every dialog asked through this object, for tests.
    QStringList askedTexts() const { return m_asked; }

protected:
    virtual Button show(QMessageBox::Icon icon, QWidget *parent, const QString &title, const QString &text,
                        QMessageBox::StandardButtons buttons, Button defaultButton);

private:
    Button ask(QMessageBox::Icon icon, QWidget *parent, const QString &title, const QString &text,
               QMessageBox::StandardButtons buttons, Button defaultButton);

    QList<Button> m_answers;
    QStringList m_asked;
};

} // namespace ct::ui
