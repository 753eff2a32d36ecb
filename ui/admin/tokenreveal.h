#pragma once
// Shows a freshly issued token once: a read-only field and a copy button. The token lives only
// in this widget until clear() (or the next token); it is never logged.
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ct::ui {

class TokenReveal : public QWidget
{
    Q_OBJECT
public:
    explicit TokenReveal(QWidget *parent = nullptr);

    void reveal(const QString &caption, const QString &token);
    void clear();
    QString token() const;
    QLineEdit *field() const { return m_field; }
    QPushButton *copyButton() const { return m_copy; }

private:
    QLabel *m_caption;
    QLineEdit *m_field;
    QPushButton *m_copy;
};

} // namespace ct::ui
