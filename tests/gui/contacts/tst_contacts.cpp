// The OpenIM contacts dialog on the loopback OpenIM server, through the tray's real wiring
// (app/traywiring.cpp runs the core's OpenImRest): with the friend guard on, the guard's
// message naming the account; with it off, the seeded friends and pending applications.
#include "accounts/accountregistry.h"
#include "config/configloader.h"
#include "contacts/contactsdialog.h"
#include "mainwindow/accountstab.h"
#include "openimloopbackserver.h"
#include "runtime/appruntime.h"
#include "traywiring.h"

#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace ct;
using namespace ct::ui;

class TestContacts : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    loopback::OpenImLoopbackServer m_server;
    std::unique_ptr<AppRuntime> m_runtime;
    TrayServices m_services;
    const AccountAddress m_guarded{kOpenImChannel, QStringLiteral("guarded")};
    const AccountAddress m_open{kOpenImChannel, QStringLiteral("open")};

    QJsonObject account(const QString &userID, bool friendSdkOff)
    {
        QJsonObject a{{"wsAddr", m_server.wsAddr()},
                      {"apiAddr", m_server.apiAddr()},
                      {"userID", userID},
                      {"token", m_server.mintToken(userID, 5)}};
        if (friendSdkOff)
            a.insert(QStringLiteral("disableFriendSdk"), false);
        return a;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_server.start());
        m_server.addUser(QStringLiteral("bot"), QStringLiteral("Bot"));
        m_server.addUser(QStringLiteral("watcher"), QStringLiteral("Watcher"));
        m_server.addUser(QStringLiteral("alice"), QStringLiteral("Alice"));
        m_server.addUser(QStringLiteral("carol"), QStringLiteral("Carol"));
        m_server.store().addFriend(QStringLiteral("bot"), QStringLiteral("alice"));
        loopback::FriendApplication request;
        request.fromUserID = QStringLiteral("carol");
        request.toUserID = QStringLiteral("bot");
        request.reqMsg = QStringLiteral("hello from carol");
        request.createTime = QDateTime::currentMSecsSinceEpoch();
        m_server.store().addFriendApplication(request);

        m_runtime = std::make_unique<AppRuntime>(AppRuntime::Options{m_dir.filePath(QStringLiteral("c.json")),
                                                                     m_dir.filePath(QStringLiteral("h.sqlite"))});
        QString error;
        QVERIFY2(m_runtime->open(&error), qPrintable(error));
        const QJsonObject channels{
            {"gotify",
             QJsonObject{{"accounts", QJsonObject{{"ops", QJsonObject{{"serverUrl", "http://127.0.0.1:1"},
                                                                      {"clientToken", "c"}}}}}}},
            {"multi-openim",
             QJsonObject{{"tokenRefresh", QJsonObject{{"mode", "off"}}},
                         {"accounts", QJsonObject{{"guarded", account(QStringLiteral("watcher"), false)},
                                                  {"open", account(QStringLiteral("bot"), true)}}}}}};
        const LoadResult config = configFromJson(QJsonObject{{"channels", channels}});
        QVERIFY2(config.ok(), qPrintable(config.problemStrings().join(QLatin1Char('\n'))));
        m_services = app::trayServicesFor(*m_runtime);
        QVERIFY(m_services.contacts);
        m_runtime->applyConfig(config.config);
        QTRY_COMPARE(m_runtime->registry().rowCount(), 3);
    }

    void guardOn_showsTheGuardsMessageNamingTheAccount()
    {
        ContactsDialog dialog(m_guarded, m_services.contacts);
        QSignalSpy loaded(&dialog, &ContactsDialog::loaded);
        QVERIFY(loaded.wait(10000));
        const QString text = dialog.messageLabel()->text();
        QVERIFY2(text.contains(m_guarded.toString()), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("disableFriendSdk")), qPrintable(text));
        QCOMPARE(dialog.friendsTable()->rowCount(), 0);
        QVERIFY(!dialog.tabs()->isEnabled());
    }

    void guardOff_listsFriendsAndPendingApplications()
    {
        ContactsDialog dialog(m_open, m_services.contacts);
        QSignalSpy loaded(&dialog, &ContactsDialog::loaded);
        QVERIFY(loaded.wait(10000));
        QVERIFY(dialog.tabs()->isEnabled());
        QCOMPARE(dialog.friendsTable()->rowCount(), 1);
        QCOMPARE(dialog.friendsTable()->item(0, 0)->text(), QStringLiteral("alice"));
        QCOMPARE(dialog.friendsTable()->item(0, 1)->text(), QStringLiteral("Alice"));
        QCOMPARE(dialog.applicationsTable()->rowCount(), 1);
        QCOMPARE(dialog.applicationsTable()->item(0, 0)->text(), QStringLiteral("carol"));
        QCOMPARE(dialog.applicationsTable()->item(0, 2)->text(), QStringLiteral("hello from carol"));

        // A friend added on the server shows after Refresh.
        m_server.store().addFriend(QStringLiteral("bot"), QStringLiteral("carol"));
        QMetaObject::invokeMethod(&dialog, &ContactsDialog::reload);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(dialog.friendsTable()->rowCount(), 2);
    }

    void accountsTab_contactsButton_onlyForOpenImRows()
    {
        AccountsTab tab(&m_runtime->registry());
        QSignalSpy requested(&tab, &AccountsTab::contactsRequested);
        QVERIFY(!tab.contactsButton()->isEnabled());
        QVERIFY(!tab.contactsButton()->text().isEmpty());
        tab.view()->selectRow(m_runtime->registry().rowOf(AccountAddress{kGotifyChannel, QStringLiteral("ops")}));
        QVERIFY(!tab.contactsButton()->isEnabled());
        tab.view()->selectRow(m_runtime->registry().rowOf(m_open));
        QVERIFY(tab.contactsButton()->isEnabled());
        tab.contactsButton()->click();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().first().value<AccountAddress>(), m_open);
    }

    void cleanupTestCase() { m_runtime.reset(); }
};

QTEST_MAIN(TestContacts)
#include "tst_contacts.moc"
