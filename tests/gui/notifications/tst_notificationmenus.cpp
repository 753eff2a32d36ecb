// Mutes, snoozes and quiet hours set from the menus: the tray account submenu and main menu
// (through TrayController's hooks) and the Messages tab's context menu write
// channeltray.notifications in a real config file (through the format-keeping writer); read
// back, the settings make the NotificationPolicy silence what was muted, and the menus show the
// new state. Snoozes run on the test's clock.
#include "common/messagebox.h"
#include "config/configloader.h"
#include "config/configsaver.h"
#include "gui/guitesthelpers.h"
#include "history/historymodel.h"
#include "history/messagestab.h"
#include "inbound/historystore.h"
#include "inbound/notificationpolicy.h"
#include "inbound/notificationrules.h"
#include "notifications/notificationmenus.h"
#include "tray/traycontroller.h"

#include <QMenu>
#include <QTemporaryDir>
#include <QtTest>

using namespace ct;
using namespace ct::ui;
using namespace ct::guitest;

namespace {
const AccountAddress kOps{kGotifyChannel, QStringLiteral("ops")};

QAction *named(QMenu *menu, const QString &name)
{
    for (QAction *a : menu->actions())
        if (a->objectName() == name)
            return a;
    return nullptr;
}
} // namespace

class TestNotificationMenus : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;
    Config m_config;
    QDateTime m_now = QDateTime(QDate(2026, 12, 2), QTime(10, 0), Qt::UTC);
    std::unique_ptr<NotificationMenus> m_menus;

    bool edit(const std::function<bool(QJsonObject &, QString *)> &change)
    {
        QJsonObject root = m_config.raw;
        QString error;
        if (!change(root, &error) || !saveConfigChanges(m_path, m_config.raw, root, &error))
            return false;
        const LoadResult r = loadConfig(m_path);
        m_config = r.config;
        return r.problems.isEmpty();
    }

private Q_SLOTS:
    void init()
    {
        m_path = m_dir.filePath(QStringLiteral("config.json"));
        QFile f(m_path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(
            "{\n  // mine\n  \"channels\": {\"gotify\": {\"accounts\": {\"ops\": {\"serverUrl\": \"https://g.example.org\"}}}}\n}\n");
        f.close();
        m_config = loadConfig(m_path).config;
        m_menus = std::make_unique<NotificationMenus>([this] { return m_config.app.notifications; },
                                                      [this](const auto &change) { return edit(change); });
        m_menus->setClock([this] { return m_now; });
    }

    void trayAccountMenu_muteAndSnooze_writeTheConfig_andShowTheirState()
    {
        AccountRegistry registry(drivenFactory());
        registry.setConfig(sampleConfig());
        MessageBox box;
        TrayActions actions;
        actions.extendAccountMenu = [this](QMenu *menu, const AccountAddress &a) {
            m_menus->addTargetEntries(menu, accountTarget(a), a.toString());
        };
        actions.extendMenu = [this](QMenu *menu) { m_menus->addQuietHoursEntry(menu); };
        TrayController tray(&registry, nullptr, &box, actions);
        tray.rebuildMenu();
        QMenu *ops = nullptr;
        for (QAction *a : tray.menu()->actions())
            if (a->objectName() == QStringLiteral("account:gotify/ops"))
                ops = a->menu();
        QVERIFY(ops);
        QAction *mute = named(ops, QStringLiteral("mute:gotify/ops"));
        QVERIFY(mute);
        QCOMPARE(mute->text(), QStringLiteral("Mute notifications from gotify/ops"));
        QVERIFY(!mute->isChecked());
        mute->setChecked(true); // saved once control is back in the event loop (the menu is rebuilt then)
        QTRY_VERIFY(m_config.app.notifications.mute.value(QStringLiteral("gotify/ops")).muted);

        named(ops, QStringLiteral("snooze:gotify/ops"))->trigger();
        QTRY_COMPARE(m_config.app.notifications.mute.value(QStringLiteral("gotify/ops")).snoozeUntil,
                     m_now.addSecs(3600));

        tray.rebuildMenu();
        for (QAction *a : tray.menu()->actions())
            if (a->objectName() == QStringLiteral("account:gotify/ops"))
                ops = a->menu();
        QVERIFY(named(ops, QStringLiteral("mute:gotify/ops"))->isChecked());
        QVERIFY(
            named(ops, QStringLiteral("snooze:gotify/ops"))->text().startsWith(QStringLiteral("Stop snoozing")));

        QAction *quiet = named(tray.menu(), QStringLiteral("quietHours"));
        QVERIFY(quiet);
        QVERIFY(!quiet->isChecked());
        quiet->setChecked(true);
        QTRY_VERIFY(m_config.app.notifications.quietHours.enabled);
        QCOMPARE(m_config.app.notifications.quietHours.minPriority, 8);

        QFile f(m_path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().startsWith("{\n  // mine\n"));
    }

    void messageContextMenu_mutesTheApplication_andThePolicyThenSilencesOnlyIt()
    {
        HistoryStore store(m_dir.filePath(QStringLiteral("h.sqlite")));
        QVERIFY(store.open());
        InboundMessage m;
        m.account = kOps;
        m.id = QStringLiteral("7");
        m.sender = QStringLiteral("3");
        m.senderName = QStringLiteral("backup");
        m.title = QStringLiteral("Backup");
        m.text = QStringLiteral("done");
        m.priority = 5;
        m.sessionKey = QStringLiteral("agent:main:main");
        m.serverTime = QDateTime::currentDateTimeUtc();
        QList<bool> inserted;
        QVERIFY(store.storeBatch({m}, &inserted));

        AccountRegistry registry(drivenFactory());
        registry.setConfig(sampleConfig());
        MessagesTab tab(&registry, &store);
        tab.setContextMenuExtender(
            [this](QMenu *menu, const HistoryRecord &r) { m_menus->addMessageEntries(menu, r.message); });
        QCOMPARE(tab.model()->rowCount(), 1);
        std::unique_ptr<QMenu> menu(tab.contextMenuFor(0));
        QVERIFY(menu);
        QStringList texts;
        for (QAction *a : menu->actions())
            if (!a->isSeparator())
                texts << a->text().remove(QLatin1Char('&'));
        QCOMPARE(texts,
                 (QStringList{QStringLiteral("Mark read"), QStringLiteral("Mute notifications from gotify/ops"),
                              QStringLiteral("Snooze gotify/ops for 1 hour"),
                              QStringLiteral("Mute notifications from application backup"),
                              QStringLiteral("Snooze application backup for 1 hour"),
                              QStringLiteral("Delete from this computer")}));
        named(menu.get(), QStringLiteral("mute:gotify/ops/app:3"))->setChecked(true);
        QTRY_VERIFY(m_config.app.notifications.mute.value(QStringLiteral("gotify/ops/app:3")).muted);

        NotificationPolicy policy;
        policy.setSettings(m_config.app.notifications);
        QVERIFY(!policy.wants(m));
        InboundMessage other = m;
        other.sender = QStringLiteral("4");
        QVERIFY(policy.wants(other));

        QSignalSpy read(&tab, &MessagesTab::readRequested);
        menu->actions().first()->trigger();
        QCOMPARE(read.size(), 1);
        QVERIFY(!tab.contextMenuFor(5));
    }
};

QTEST_MAIN(TestNotificationMenus)
#include "tst_notificationmenus.moc"
