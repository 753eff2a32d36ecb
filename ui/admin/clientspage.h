#pragma once
// Clients of a Gotify server: list, create (its token shown once), rename, delete (confirmed).
#include "adminpage.h"

class QLineEdit;
class QPushButton;
class QTableWidget;

namespace ct::ui {

class TokenReveal;

class ClientsPage : public AdminPage
{
    Q_OBJECT
public:
    explicit ClientsPage(MessageBox *messageBox, QWidget *parent = nullptr);

    void reload() override;

    QTableWidget *table() const { return m_table; }
    QLineEdit *nameField() const { return m_name; }
    TokenReveal *tokenReveal() const { return m_token; }
    QPushButton *createButton() const { return m_create; }
    QPushButton *renameButton() const { return m_rename; }
    QPushButton *deleteButton() const { return m_delete; }

protected:
    void clear() override;

private:
    void updateButtons();
    qint64 selectedId() const;
    QString selectedName() const;
    void create();
    void rename();
    void remove();

    QTableWidget *m_table;
    QLineEdit *m_name;
    QPushButton *m_refresh;
    QPushButton *m_create;
    QPushButton *m_rename;
    QPushButton *m_delete;
    TokenReveal *m_token;
};

} // namespace ct::ui
