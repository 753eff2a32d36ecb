#pragma once
// Messages stored on a Gotify server, per application, a page at a time (newest first), with
// delete one / all of an application / all — each confirmed.
#include "adminpage.h"

#include <QJsonArray>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace ct::ui {

class MessagesPage : public AdminPage
{
    Q_OBJECT
public:
    explicit MessagesPage(MessageBox *messageBox, QWidget *parent = nullptr);

    void reload() override; // the newest page
    void setApplications(const QJsonArray &applications);
    void setPageSize(int size) { m_pageSize = qBound(1, size, 200); }
    void chooseApplication(qint64 appId);

    QTableWidget *table() const { return m_table; }
    QComboBox *applicationBox() const { return m_app; }
    QPushButton *olderButton() const { return m_older; }
    QPushButton *newestButton() const { return m_newest; }
    QPushButton *deleteButton() const { return m_delete; }
    QPushButton *deleteApplicationButton() const { return m_deleteApp; }
    QPushButton *deleteAllButton() const { return m_deleteAll; }

protected:
    void clear() override;

private:
    void load(qint64 since);
    void updateButtons();
    qint64 appId() const;
    qint64 selectedId() const;
    void removeOne();
    void removeApplication();
    void removeAll();
    void afterDelete(const GotifyResult &r, const QString &done);

    QComboBox *m_app;
    QTableWidget *m_table;
    QLabel *m_page;
    QPushButton *m_newest;
    QPushButton *m_older;
    QPushButton *m_delete;
    QPushButton *m_deleteApp;
    QPushButton *m_deleteAll;
    int m_pageSize = 50;
    qint64 m_since = 0;     // the page shown: messages older than this id (0 = newest)
    qint64 m_nextSince = 0; // 0 = no older page
    int m_pageNumber = 1;
};

} // namespace ct::ui
