// The tray on a real StatusNotifierItem host (xfce4-panel), as KDE, XFCE, GNOME with the
// AppIndicator extension and Wayland panels show it: the tray exports its own
// org.kde.StatusNotifierItem (TrayStatusItem), registered with the panel's
// org.kde.StatusNotifierWatcher, and the menu as com.canonical.dbusmenu. What the panel reads
// over D-Bus is checked here: the item is registered, its status says NeedsAttention while an
// account fails or a critical message is unread and Active again after, it names the symbolic icon (installed here in a theme of
// the test's own) with the state dot as overlay, its tooltip shows the accounts' states (never a
// notification's text), its menu lists the accounts, a menu entry clicked through D-Bus acts on
// its account, and activating the item opens the main window.
#include "common/messagebox.h"
#include "gui/guitesthelpers.h"
#include "gui/statusnotifierpanel.h"
#include "inbound/historystore.h"
#include "tray/sni/statusnotifieritem.h"
#include "tray/traycontroller.h"
#include "tray/traystatusitem.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusInterface>
#include <QDBusReply>
#include <QDBusVariant>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace ct;
using namespace ct::ui;
using namespace ct::guitest;

namespace {

// Asks over the session bus from another process (gdbus), as the panel would; the event loop
// runs meanwhile, so this process can answer.
QString gdbus(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("gdbus"), QStringList{QStringLiteral("call"), QStringLiteral("--session")} + args);
    if (!QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, 10000))
        return {};
    const QByteArray err = p.readAllStandardError();
    if (!err.isEmpty())
        qWarning("gdbus %s: %s", qPrintable(args.join(QLatin1Char(' '))), err.constData());
    return QString::fromUtf8(p.readAllStandardOutput());
}
} // namespace

class TestTraySni : public QObject
{
    Q_OBJECT
    QProcess m_panel;
    AccountRegistry *m_registry = nullptr;
    MessageBox m_messageBox;
    TrayController *m_tray = nullptr;
    QString m_service, m_path;
    QTemporaryDir m_icons;
    int m_windowShown = 0;

    QStringList registeredItems() const { return registeredStatusNotifierItems(); }
    QString itemProperty(const QString &name) const
    {
        return gdbus({QStringLiteral("--dest"), m_service, QStringLiteral("--object-path"), m_path,
                      QStringLiteral("--method"), QStringLiteral("org.freedesktop.DBus.Properties.Get"),
                      QStringLiteral("org.kde.StatusNotifierItem"), name});
    }
    QString menuPath() const
    {
        const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("objectpath '([^']+)'"))
                                              .match(itemProperty(QStringLiteral("Menu")));
        return m.captured(1);
    }
    QString layout() const
    {
        const QString path = menuPath();
        gdbus({QStringLiteral("--dest"), m_service, QStringLiteral("--object-path"), path,
               QStringLiteral("--method"), QStringLiteral("com.canonical.dbusmenu.AboutToShow"),
               QStringLiteral("0")});
        return gdbus({QStringLiteral("--dest"), m_service, QStringLiteral("--object-path"), path,
                      QStringLiteral("--method"), QStringLiteral("com.canonical.dbusmenu.GetLayout"),
                      QStringLiteral("0"), QStringLiteral("int32 -1"), QStringLiteral("[]")});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(startStatusNotifierPanel(m_panel));

        // The symbolic icon installed as the package installs it (hicolor/symbolic/apps).
        QVERIFY(QDir(m_icons.path()).mkpath(QStringLiteral("hicolor/symbolic/apps")));
        QFile index(m_icons.filePath(QStringLiteral("hicolor/index.theme")));
        QVERIFY(index.open(QIODevice::WriteOnly));
        index.write("[Icon Theme]\nName=Hicolor\nDirectories=symbolic/apps\n\n"
                    "[symbolic/apps]\nMinSize=8\nSize=16\nMaxSize=512\nContext=Applications\nType=Scalable\n");
        index.close();
        QVERIFY(QFile::copy(qEnvironmentVariable("CHANNELTRAY_SOURCE_DIR")
                                + QStringLiteral("/resources/icons/org.channeltray.ChannelTray-symbolic.svg"),
                            m_icons.filePath(QStringLiteral("hicolor/symbolic/apps/"
                                                            "org.channeltray.ChannelTray-symbolic.svg"))));
        QIcon::setThemeSearchPaths({m_icons.path()});
        QIcon::setThemeName(QStringLiteral("hicolor"));

        m_registry = new AccountRegistry(drivenFactory(), this);
        m_registry->setConfig(sampleConfig());
        TrayActions actions;
        actions.showMainWindow = [this] { ++m_windowShown; };
        actions.reconnect = [this](const AccountAddress &a) { m_registry->connection(a)->reconnectNow(); };
        m_tray = new TrayController(m_registry, nullptr, &m_messageBox, actions, this);
        m_tray->show();
        QTRY_VERIFY_WITH_TIMEOUT(!registeredItems().isEmpty(), 10000);
        const QString item = registeredItems().first();
        const int slash = item.indexOf(QLatin1Char('/'));
        m_service = item.left(slash);
        m_path = slash > 0 ? item.mid(slash) : QStringLiteral("/StatusNotifierItem");
    }
    void cleanupTestCase()
    {
        delete m_tray;
        m_panel.terminate();
        m_panel.waitForFinished(5000);
    }

    void item_registersWithTheWatcher_active()
    {
        QCOMPARE(registeredItems().size(), 1);
        QVERIFY(m_tray->statusItem());
        QVERIFY(!m_tray->trayIcon()->isVisible()); // one item: Qt's own is not shown
        QVERIFY2(itemProperty(QStringLiteral("Status")).contains(QStringLiteral("'Active'")),
                 qPrintable(itemProperty(QStringLiteral("Status"))));
    }

    void icon_namesTheSymbolicIcon_withTheStateDotAsOverlay_andPixmaps()
    {
        QVERIFY2(itemProperty(QStringLiteral("IconName")).contains(TrayStatusItem::kSymbolicIconName),
                 qPrintable(itemProperty(QStringLiteral("IconName"))));
        // a(iiay) with at least one 16x16 image; the overlay likewise.
        for (const QString &p : {QStringLiteral("IconPixmap"), QStringLiteral("OverlayIconPixmap")})
            QVERIFY2(itemProperty(p).contains(QStringLiteral("(16, 16, [")), qPrintable(p));
    }

    void attentionIcon_isTheIcon_withItsPixmapsHeldOnce()
    {
        // The host shows the same picture while the item needs attention, and the item keeps
        // one copy of it: the attention pixmaps are the icon's, not drawn again.
        QCOMPARE(itemProperty(QStringLiteral("AttentionIconPixmap")), itemProperty(QStringLiteral("IconPixmap")));
        const SniPixmapList icon = m_tray->statusItem()->item()->iconPixmaps();
        const SniPixmapList attention = m_tray->statusItem()->item()->attentionPixmaps();
        QVERIFY(!icon.isEmpty());
        QCOMPARE(attention.size(), icon.size());
        for (qsizetype i = 0; i < icon.size(); ++i)
            QCOMPARE(static_cast<const void *>(attention.at(i).argb.constData()),
                     static_cast<const void *>(icon.at(i).argb.constData()));
    }

    void status_needsAttentionWhileAnAccountFails_activeAgainWhenItConnects()
    {
        m_registry->startAll();
        auto *primary = driven(*m_registry, QStringLiteral("multi-openim/primary"));
        primary->drive(AccountState::Failed, QStringLiteral("gave up"));
        QTRY_VERIFY2(itemProperty(QStringLiteral("Status")).contains(QStringLiteral("'NeedsAttention'")),
                     qPrintable(itemProperty(QStringLiteral("Status"))));
        primary->drive(AccountState::NeedsLogin, QStringLiteral("token refused"));
        primary->drive(AccountState::Connected);
        QTRY_VERIFY2(itemProperty(QStringLiteral("Status")).contains(QStringLiteral("'Active'")),
                     qPrintable(itemProperty(QStringLiteral("Status"))));
    }

    void status_needsAttentionWhileACriticalMessageIsUnread_activeOnceItIsRead()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.filePath(QStringLiteral("history.sqlite")));
        QVERIFY(store.open());
        m_tray->setCriticalUnreadSource([&store] { return store.unreadCriticalCount(8); });
        connect(&store, &HistoryStore::unreadChanged, m_tray, &TrayController::criticalUnreadChanged);
        InboundMessage mention;
        mention.account = AccountAddress::parse(QStringLiteral("multi-openim/primary"));
        mention.id = QStringLiteral("c1");
        mention.groupId = QStringLiteral("ops");
        mention.text = QStringLiteral("@bot the backup failed");
        mention.mentionsMe = true;
        InboundMessage low;
        low.account = AccountAddress::parse(QStringLiteral("gotify/ops"));
        low.id = QStringLiteral("1");
        low.priority = 5;
        QVERIFY(store.storeBatch({low}, nullptr));
        m_tray->repaintNow();
        QVERIFY2(itemProperty(QStringLiteral("Status")).contains(QStringLiteral("'Active'")),
                 qPrintable(itemProperty(QStringLiteral("Status"))));

        QVERIFY(store.storeBatch({mention}, nullptr));
        QTRY_VERIFY2(itemProperty(QStringLiteral("Status")).contains(QStringLiteral("'NeedsAttention'")),
                     qPrintable(itemProperty(QStringLiteral("Status"))));
        QCOMPARE(store.markRead(mention.account), 1);
        QTRY_VERIFY2(itemProperty(QStringLiteral("Status")).contains(QStringLiteral("'Active'")),
                     qPrintable(itemProperty(QStringLiteral("Status"))));
        m_tray->setCriticalUnreadSource({});
    }

    void activate_overDBus_opensTheMainWindow()
    {
        const int before = m_windowShown;
        gdbus({QStringLiteral("--dest"), m_service, QStringLiteral("--object-path"), m_path,
               QStringLiteral("--method"), QStringLiteral("org.kde.StatusNotifierItem.Activate"),
               QStringLiteral("0"), QStringLiteral("0")});
        QTRY_COMPARE(m_windowShown, before + 1);
    }

    void tooltip_showsAccountStates_notTheLastNotification()
    {
        m_registry->startAll();
        for (const QString &a : {QStringLiteral("gotify/ops"), QStringLiteral("gotify/alerts")})
            driven(*m_registry, a)->drive(AccountState::Connected);
        driven(*m_registry, QStringLiteral("multi-openim/primary"))
            ->drive(AccountState::Failed, QStringLiteral("gave up"));
        QTRY_VERIFY2(itemProperty(QStringLiteral("ToolTip")).contains(QStringLiteral("2 connected")),
                     qPrintable(itemProperty(QStringLiteral("ToolTip"))));
        QVERIFY(itemProperty(QStringLiteral("ToolTip")).contains(QStringLiteral("1 failed")));
    }

    void menu_listsTheAccounts_andAnEntryClickedOverDBusActs()
    {
        const QString l = layout();
        for (const QString &a : {QStringLiteral("gotify/alerts"), QStringLiteral("gotify/ops"),
                                 QStringLiteral("multi-openim/primary")})
            QVERIFY2(l.contains(a + QStringLiteral(" — ")), qPrintable(l));
        // The "Reconnect now" entry inside gotify/ops's submenu.
        const int ops = l.indexOf(QStringLiteral("gotify/ops — "));
        const QRegularExpression entry(QStringLiteral("\\((\\d+), \\{[^}]*'label': <'_Reconnect now'>"));
        const QRegularExpressionMatch m = entry.match(l, ops);
        QVERIFY2(m.hasMatch(), qPrintable(l));
        const QString path = menuPath();
        gdbus({QStringLiteral("--dest"), m_service, QStringLiteral("--object-path"), path,
               QStringLiteral("--method"), QStringLiteral("com.canonical.dbusmenu.Event"), m.captured(1),
               QStringLiteral("clicked"), QStringLiteral("<0>"), QStringLiteral("0")});
        QTRY_COMPARE(driven(*m_registry, QStringLiteral("gotify/ops"))->reconnects, 1);
    }
};

QTEST_MAIN(TestTraySni)
#include "tst_traysni.moc"
