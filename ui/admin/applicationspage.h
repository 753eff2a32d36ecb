#pragma once
// Applications of a Gotify server: list (icons fetched lazily from the server), create, edit,
// upload/remove icon, rotate token (v3) and delete, each destructive action confirmed.
#include "adminpage.h"

#include <QHash>
#include <QIcon>
#include <QJsonArray>
#include <QSet>

class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace ct::ui {

class TokenReveal;

class ApplicationsPage : public AdminPage
{
    Q_OBJECT
public:
    // Asks for an image file; returns "" when cancelled. Replaced in tests.
    using FileChooser = std::function<QString(QWidget *parent)>;

    explicit ApplicationsPage(MessageBox *messageBox, QWidget *parent = nullptr);

    void reload() override;
    void setV3(bool v3);
    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }

    QTableWidget *table() const { return m_table; }
    QLineEdit *nameField() const { return m_name; }
    QLineEdit *descriptionField() const { return m_description; }
    TokenReveal *tokenReveal() const { return m_token; }
    QPushButton *createButton() const { return m_create; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *uploadIconButton() const { return m_upload; }
    QPushButton *removeIconButton() const { return m_removeIcon; }
    QPushButton *rotateButton() const { return m_rotate; }
    QPushButton *deleteButton() const { return m_delete; }
    // How many icons arrived and could be shown (for tests and the status line).
    int iconsShown() const { return m_iconsShown; }

Q_SIGNALS:
    // The applications as the server listed them (the Messages tab offers them).
    void applicationsChanged(const QJsonArray &applications);

protected:
    void clear() override;

private:
    void fill(const QJsonArray &apps);
    void fetchIcon(const QString &image);
    void applyIcon(const QString &image);
    void selectionChanged();
    void updateButtons();
    qint64 selectedId() const;
    QString selectedName() const;

    void create();
    void save();
    void uploadIcon();
    void removeIcon();
    void rotateToken();
    void remove();

    QTableWidget *m_table;
    QLineEdit *m_name;
    QLineEdit *m_description;
    QSpinBox *m_priority;
    QPushButton *m_refresh;
    QPushButton *m_create;
    QPushButton *m_save;
    QPushButton *m_upload;
    QPushButton *m_removeIcon;
    QPushButton *m_rotate;
    QPushButton *m_delete;
    TokenReveal *m_token;
    FileChooser m_chooseFile;
    bool m_v3 = false;
    QHash<QString, QIcon> m_icons; // image path → icon, fetched once per window
    QSet<QString> m_requested;
    int m_iconsShown = 0;
};

} // namespace ct::ui
