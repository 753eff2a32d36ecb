// The Gotify administration window on the loopback Gotify server, v2 and v3, through the tray's
// real wiring: the account's own GotifyApi from a running AppRuntime. Every destructive action is
// answered through the MessageBox seam: "no" leaves the server as it was, "yes" changes it.
#include "admin/applicationspage.h"
#include "admin/clientspage.h"
#include "admin/gotifyadminwindow.h"
#include "admin/messagespage.h"
#include "admin/tokenreveal.h"
#include "common/messagebox.h"
#include "config/configloader.h"
#include "gotifyserver.h"
#include "runtime/appruntime.h"
#include "tray/appcontroller.h"
#include "traywiring.h"

#include <QComboBox>
#include <QImage>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace ct;
using namespace ct::ui;
using ct::testserver::GotifyServer;

class TestGotifyAdmin : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    GotifyServer m_v2{GotifyServer::Mode::V2};
    GotifyServer m_v3{GotifyServer::Mode::V3};
    std::unique_ptr<AppRuntime> m_runtime;
    TrayServices m_services;
    MessageBox m_box;
    const AccountAddress m_ops{kGotifyChannel, QStringLiteral("ops")};
    const AccountAddress m_next{kGotifyChannel, QStringLiteral("next")};

    QJsonObject account(const GotifyServer &s)
    {
        return {{"serverUrl", s.url().toString()}, {"clientToken", s.clientToken()}, {"appToken", s.appToken()}};
    }
    std::unique_ptr<GotifyAdminWindow> openWindow(const AccountAddress &account)
    {
        auto w = std::make_unique<GotifyAdminWindow>(m_services.gotifyApi, &m_box);
        w->setAccounts(m_runtime->registry().addresses());
        w->chooseAccount(account);
        w->show();
        return w;
    }
    static int rowOf(QTableWidget *t, const QString &name)
    {
        for (int row = 0; row < t->rowCount(); ++row)
            if (t->item(row, 0) && t->item(row, 0)->text() == name)
                return row;
        return -1;
    }
    static bool hasApp(GotifyServer &s, const QString &name)
    {
        for (const auto &a : s.store().apps())
            if (a.name == name)
                return true;
        return false;
    }
    static bool hasClient(GotifyServer &s, const QString &name)
    {
        for (const auto &c : s.store().clients())
            if (c.name == name)
                return true;
        return false;
    }
    // Creates an application through the page and waits until the table lists it.
    static void createApp(ApplicationsPage *page, const QString &name)
    {
        page->nameField()->setText(name);
        QVERIFY(page->createButton()->isEnabled());
        page->createButton()->click();
        QTRY_VERIFY(rowOf(page->table(), name) >= 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY(m_v2.listen());
        QVERIFY(m_v3.listen());
        m_runtime = std::make_unique<AppRuntime>(AppRuntime::Options{m_dir.filePath(QStringLiteral("c.json")),
                                                                     m_dir.filePath(QStringLiteral("h.sqlite"))});
        QString error;
        QVERIFY2(m_runtime->open(&error), qPrintable(error));
        const QJsonObject channels{
            {"gotify", QJsonObject{{"accounts", QJsonObject{{"ops", account(m_v2)}, {"next", account(m_v3)}}}}},
            {"multi-openim",
             QJsonObject{{"tokenRefresh", QJsonObject{{"mode", "off"}}},
                         {"accounts", QJsonObject{{"im", QJsonObject{{"wsAddr", "ws://127.0.0.1:1"},
                                                                     {"apiAddr", "http://127.0.0.1:1"},
                                                                     {"token", "t"}}}}}}}};
        const LoadResult config = configFromJson(QJsonObject{{"channels", channels}});
        QVERIFY2(config.ok(), qPrintable(config.problemStrings().join(QLatin1Char('\n'))));
        m_services = app::trayServicesFor(*m_runtime);
        QVERIFY(m_services.gotifyApi);
        m_runtime->applyConfig(config.config);
        QTRY_VERIFY(m_services.gotifyApi(m_ops) && m_services.gotifyApi(m_next));
    }

    void accountBox_offersOnlyGotifyAccounts_andPagesWaitForAChoice()
    {
        GotifyAdminWindow w(m_services.gotifyApi, &m_box);
        w.setAccounts(m_runtime->registry().addresses());
        QCOMPARE(w.accountBox()->count(), 3); // "Choose…", next, ops — not the OpenIM account
        QVERIFY(w.accountBox()->findData(QStringLiteral("multi-openim/im")) < 0);
        QVERIFY(!w.tabs()->isEnabled());
        QVERIFY(!w.noticeLabel()->text().isEmpty());
        QVERIFY(!w.accountBox()->accessibleName().isEmpty());
        w.chooseAccount(m_ops);
        QVERIFY(w.tabs()->isEnabled());
        QTRY_VERIFY(rowOf(w.applicationsPage()->table(), m_v2.store().app(m_v2.appId())->name) >= 0);
    }

    void applications_createRenameDelete_confirmedThroughTheSeam()
    {
        auto w = openWindow(m_ops);
        ApplicationsPage *page = w->applicationsPage();
        // Icons are asked of the server by each application's image path.
        auto iconAsked = [this] {
            const QList<testserver::GotifyRequestRecord> log = m_v2.requestLog();
            return std::any_of(log.cbegin(), log.cend(), [](const testserver::GotifyRequestRecord &r) {
                return r.method == "GET" && r.path.startsWith(QLatin1String("/static/"));
            });
        };
        QTRY_VERIFY(iconAsked());

        createApp(page, QStringLiteral("backups"));
        QVERIFY(hasApp(m_v2, QStringLiteral("backups")));
        QVERIFY(!page->tokenReveal()->isHidden()); // v2 answers the new token: shown once
        QVERIFY(page->tokenReveal()->field()->isReadOnly());

        page->table()->selectRow(rowOf(page->table(), QStringLiteral("backups")));
        QCOMPARE(page->nameField()->text(), QStringLiteral("backups"));
        page->nameField()->setText(QStringLiteral("nightly backups"));
        page->saveButton()->click();
        QTRY_VERIFY(hasApp(m_v2, QStringLiteral("nightly backups")));
        QTRY_VERIFY(rowOf(page->table(), QStringLiteral("nightly backups")) >= 0);

        page->table()->selectRow(rowOf(page->table(), QStringLiteral("nightly backups")));
        m_box.setNextAnswer(QMessageBox::No);
        page->deleteButton()->click();
        QVERIFY(!m_box.hasNextAnswer());
        QVERIFY(m_box.askedTexts().last().contains(QLatin1String("nightly backups")));
        QVERIFY(hasApp(m_v2, QStringLiteral("nightly backups")));

        m_box.setNextAnswer(QMessageBox::Yes);
        page->deleteButton()->click();
        QTRY_VERIFY(!hasApp(m_v2, QStringLiteral("nightly backups")));
        QTRY_COMPARE(rowOf(page->table(), QStringLiteral("nightly backups")), -1);
        QVERIFY(!page->rotateButton()->isEnabled()); // v2 has no token rotation
    }

    void applications_uploadAndRemoveIcon()
    {
        auto w = openWindow(m_ops);
        ApplicationsPage *page = w->applicationsPage();
        createApp(page, QStringLiteral("with icon"));
        const QString png = m_dir.filePath(QStringLiteral("icon.png"));
        QImage image(16, 16, QImage::Format_ARGB32);
        image.fill(Qt::red);
        QVERIFY(image.save(png));
        page->setFileChooser([png](QWidget *) { return png; });
        page->table()->selectRow(rowOf(page->table(), QStringLiteral("with icon")));
        page->uploadIconButton()->click();
        auto imageOf = [this] {
            for (const auto &a : m_v2.store().apps())
                if (a.name == QLatin1String("with icon"))
                    return a.image;
            return QString();
        };
        QTRY_VERIFY(imageOf().startsWith(QLatin1String("image/")));

        page->table()->selectRow(rowOf(page->table(), QStringLiteral("with icon")));
        m_box.setNextAnswer(QMessageBox::No);
        page->removeIconButton()->click();
        QVERIFY(imageOf().startsWith(QLatin1String("image/")));
        m_box.setNextAnswer(QMessageBox::Yes);
        page->removeIconButton()->click();
        QTRY_COMPARE(imageOf(), QStringLiteral("static/defaultapp.png"));
    }

    void clients_createRenameDelete()
    {
        auto w = openWindow(m_ops);
        ClientsPage *page = w->clientsPage();
        page->nameField()->setText(QStringLiteral("laptop"));
        page->createButton()->click();
        QTRY_VERIFY(rowOf(page->table(), QStringLiteral("laptop")) >= 0);
        QVERIFY(hasClient(m_v2, QStringLiteral("laptop")));
        QVERIFY(!page->tokenReveal()->isHidden());

        page->table()->selectRow(rowOf(page->table(), QStringLiteral("laptop")));
        page->nameField()->setText(QStringLiteral("old laptop"));
        page->renameButton()->click();
        QTRY_VERIFY(hasClient(m_v2, QStringLiteral("old laptop")));
        QTRY_VERIFY(rowOf(page->table(), QStringLiteral("old laptop")) >= 0);

        page->table()->selectRow(rowOf(page->table(), QStringLiteral("old laptop")));
        m_box.setNextAnswer(QMessageBox::No);
        page->deleteButton()->click();
        QVERIFY(hasClient(m_v2, QStringLiteral("old laptop")));
        m_box.setNextAnswer(QMessageBox::Yes);
        page->deleteButton()->click();
        QTRY_VERIFY(!hasClient(m_v2, QStringLiteral("old laptop")));
    }

    void messages_pagedPerApplication_deleteOneAndAll()
    {
        m_v2.store().removeAllMessages();
        const QString other = m_v2.addApplication(QStringLiteral("other"));
        const qint64 otherId = m_v2.store().appByToken(other)->id;
        for (int i = 1; i <= 5; ++i)
            m_v2.postMessage(QStringLiteral("message %1").arg(i), QStringLiteral("t%1").arg(i));
        m_v2.postMessage(QStringLiteral("elsewhere"), {}, 5, {}, otherId);

        auto w = openWindow(m_ops);
        MessagesPage *page = w->messagesPage();
        page->setPageSize(2);
        QTRY_VERIFY(page->applicationBox()->findData(m_v2.appId()) >= 0);
        page->chooseApplication(m_v2.appId());
        QTRY_COMPARE(page->table()->rowCount(), 2);
        QTRY_COMPARE(page->table()->item(0, 3)->text(), QStringLiteral("message 5"));
        QVERIFY(page->olderButton()->isEnabled());
        page->olderButton()->click();
        QTRY_COMPARE(page->table()->item(0, 3)->text(), QStringLiteral("message 3"));
        page->olderButton()->click();
        QTRY_COMPARE(page->table()->item(0, 3)->text(), QStringLiteral("message 1"));
        QTRY_VERIFY(!page->olderButton()->isEnabled());

        page->table()->selectRow(0);
        const qint64 first = page->table()->item(0, 0)->data(Qt::UserRole).toLongLong();
        m_box.setNextAnswer(QMessageBox::No);
        page->deleteButton()->click();
        QVERIFY(m_v2.store().message(first));
        m_box.setNextAnswer(QMessageBox::Yes);
        page->deleteButton()->click();
        QTRY_VERIFY(!m_v2.store().message(first));
        QTRY_COMPARE(page->table()->item(0, 3)->text(), QStringLiteral("message 5")); // back to the newest page

        m_box.setNextAnswer(QMessageBox::No);
        page->deleteApplicationButton()->click();
        QCOMPARE(m_v2.messageCount(), 5);
        m_box.setNextAnswer(QMessageBox::Yes);
        page->deleteApplicationButton()->click();
        QTRY_COMPARE(m_v2.messageCount(), 1); // only "elsewhere" is left
        QTRY_COMPARE(page->table()->rowCount(), 0);

        m_box.setNextAnswer(QMessageBox::Yes);
        page->deleteAllButton()->click();
        QTRY_COMPARE(m_v2.messageCount(), 0);
    }

    void v3_rotateShowsTheNewTokenOnce()
    {
        m_v3.addApplication(QStringLiteral("rotated"));
        auto w = openWindow(m_next);
        ApplicationsPage *page = w->applicationsPage();
        QTRY_VERIFY(rowOf(page->table(), QStringLiteral("rotated")) >= 0);
        page->table()->selectRow(rowOf(page->table(), QStringLiteral("rotated")));
        QTRY_VERIFY(page->rotateButton()->isEnabled()); // once the server said it is 3.x
        QString before;
        for (const auto &a : m_v3.store().apps())
            if (a.name == QLatin1String("rotated"))
                before = a.token;

        m_box.setNextAnswer(QMessageBox::No);
        page->rotateButton()->click();
        QVERIFY(page->tokenReveal()->isHidden());
        m_box.setNextAnswer(QMessageBox::Yes);
        page->rotateButton()->click();
        QTRY_VERIFY(!page->tokenReveal()->isHidden());
        const QString shown = page->tokenReveal()->token();
        QVERIFY(!shown.isEmpty());
        QVERIFY(shown != before);
        QVERIFY(m_v3.store().appByToken(shown));
        QVERIFY(page->tokenReveal()->field()->isReadOnly());
        QVERIFY(page->tokenReveal()->copyButton()->isEnabled());
        // Listing again never shows a v3 token.
        QVERIFY(!page->table()->findItems(shown, Qt::MatchContains).size());
    }

    void v3_deleteWithoutElevation_explainsElevation()
    {
        m_v3.setElevated(false);
        m_v3.addApplication(QStringLiteral("protected"));
        auto w = openWindow(m_next);
        ApplicationsPage *page = w->applicationsPage();
        QTRY_VERIFY(rowOf(page->table(), QStringLiteral("protected")) >= 0);
        page->table()->selectRow(rowOf(page->table(), QStringLiteral("protected")));
        m_box.setNextAnswer(QMessageBox::Yes);
        page->deleteButton()->click();
        QTRY_VERIFY(page->statusLabel()->text().contains(QLatin1String("elevated session")));
        QVERIFY(hasApp(m_v3, QStringLiteral("protected")));

        m_v3.setElevated(true);
        page->table()->selectRow(rowOf(page->table(), QStringLiteral("protected")));
        m_box.setNextAnswer(QMessageBox::Yes);
        page->deleteButton()->click();
        QTRY_VERIFY(!hasApp(m_v3, QStringLiteral("protected")));
        m_v3.setElevated(false);
    }

    // Last: the controller stops the runtime's accounts when it goes.
    void appController_opensOneAdminWindow_onTheRuntimesGotifyAccounts()
    {
        AppController controller(*m_runtime, m_services, &m_box, nullptr);
        GotifyAdminWindow *w = controller.openGotifyAdmin(m_next);
        QVERIFY(w);
        QCOMPARE(w->currentAccount(), m_next);
        QVERIFY(w->tabs()->isEnabled());
        QCOMPARE(w->accountBox()->count(), 3);
        QCOMPARE(controller.openGotifyAdmin(), w); // raised, not opened twice
        QTRY_VERIFY(w->applicationsPage()->table()->rowCount() > 0);
    }

    void cleanupTestCase() { m_runtime.reset(); }
};

QTEST_MAIN(TestGotifyAdmin)
#include "tst_gotifyadmin.moc"
