#include "appcontroller.h"

#include "about/aboutbox.h"
#include "accounts/accountregistry.h"
#include "admin/gotifyadminwindow.h"
#include "common/messagebox.h"
#include "common/statelabels.h"
#include "config/configeditor.h"
#include "config/configlocation.h"
#include "config/openclawimport.h"
#include "contacts/contactsdialog.h"
#include "editor/accounteditordialog.h"
#include "firstrun/demostarter.h"
#include "firstrun/welcomepage.h"
#include "history/gotifyappnames.h"
#include "history/historymodel.h"
#include "history/messagestab.h"
#include "history/messageview.h"
#include "inbound/historystore.h"
#include "inbound/notificationrules.h"
#include "logging/logging.h"
#include "mainwindow/accountstab.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/probetable.h"
#include "notifications/desktopnotifier.h"
#include "notifications/notificationcenter.h"
#include "notifications/notificationmenus.h"
#include "runtime/appruntime.h"
#include "send/senddialog.h"
#include "traycontroller.h"
#include "trayhostwatcher.h"
#include "traystatusitem.h"

#include <QApplication>
#include <QMenu>
#include <QPointer>
#include <QSystemTrayIcon>

namespace ct::ui {

AppController::AppController(AppRuntime &runtime, TrayServices services, MessageBox *messageBox,
                             AutostartFile *autostart, QObject *parent)
    : QObject(parent), m_runtime(runtime), m_services(std::move(services)), m_messageBox(messageBox),
      m_autostart(autostart), m_registry(&runtime.registry())
{
    QString error;
    if (!m_runtime.history().isOpen() && !m_runtime.open(&error))
        m_problems << tr("The message history could not be opened: %1").arg(error);
    if (!m_runtime.history().movedAsidePath().isEmpty()) // announced by start()
        m_historyNotes << movedAsideNote(m_runtime.history().movedAsidePath(), {});
    m_problems << m_runtime.readConfig();
    // The registry is filled by AppRuntime::applyConfig once the tokens are read.
    connect(&m_runtime, &AppRuntime::accountsStarted, this, [this] {
        if (m_window)
            m_window->setWelcomeVisible(m_registry->rowCount() == 0);
    });
    // The runtime offers every delivered batch to its notification policy; these show them
    // (a click on one opens the main window, made then if it was not yet).
    m_notifications = new NotificationCenter(
        m_runtime, [this] { return mainWindow(); }, this);
    // Mutes, snoozes and quiet hours from the tray menu and the Messages tab's context menu.
    m_notificationMenus = new NotificationMenus([this] { return m_runtime.document().app.notifications; },
                                                [this](const std::function<bool(QJsonObject &, QString *)> &edit) {
                                                    QJsonObject root = m_runtime.document().raw;
                                                    QString error;
                                                    if (!edit(root, &error)) {
                                                        m_messageBox->warning(m_window.get(),
                                                                              tr("Save configuration"), error);
                                                        return false;
                                                    }
                                                    return saveRaw(root);
                                                },
                                                this);
    // The history's own trouble, in the window's notice while it lasts (messages are not lost:
    // the pipeline keeps them and stores them when the history takes writes again).
    connect(&m_runtime, &AppRuntime::storageChanged, this, [this](const QString &error, int held) {
        QStringList notice = m_problems;
        if (!error.isEmpty() && held > 0)
            notice << tr("Received messages cannot be stored in the history (%1); %n message(s) are kept in "
                         "memory and stored when it works again.",
                         nullptr, held)
                          .arg(error);
        else if (!error.isEmpty()) // stored, but the history falls behind (a failing checkpoint)
            notice << tr("The message history has a problem: %1").arg(error);
        showNotice(notice.join(QLatin1Char('\n')));
    });
    connect(&m_runtime, &AppRuntime::problemReported, this, [this](const QString &problem) {
        m_problems << problem;
        showNotice(m_problems.join(QLatin1Char('\n')));
    });
    // A corrupt history moved aside while the app runs (issue 14: the user is told where the old
    // one is): the window's notice, the tray's tooltip and a desktop notification.
    connect(&m_runtime.history(), &HistoryStore::movedAside, this,
            [this](const QString &movedTo, const QString &why) {
                m_historyNotes << movedAsideNote(movedTo, why);
                showNotice(m_noticeLead);
                announceMovedAside(movedTo, why);
            });
    connect(&m_runtime.history(), &HistoryStore::fileReplaced, this, &AppController::announceReplaced);
}

QString AppController::movedAsideNote(const QString &movedTo, const QString &why) const
{
    return why.isEmpty()
               ? tr("The message history could not be read; it was moved to %1 and a new one was started.")
                     .arg(movedTo)
               : tr("The message history could not be read (%1); it was moved to %2 and a new one was started.")
                     .arg(why, movedTo);
}

void AppController::announceMovedAside(const QString &movedTo, const QString &why)
{
    if (m_tray)
        m_tray->showHistoryMovedAside(movedTo);
    const QString body = why.isEmpty()
                             ? tr("The old history is kept at %1.").arg(movedTo)
                             : tr("It could not be read (%1). The old history is kept at %2.").arg(why, movedTo);
    m_notifications->notifier()->notifyNotice(tr("Message history restarted"), body, NotificationUrgency::Normal);
}

void AppController::announceReplaced(bool deleted)
{
    const QString path = m_runtime.history().path();
    const QString what =
        deleted ? tr("The message history %1 was deleted while ChannelTray ran. A new one was started there: it "
                     "holds the messages from then on, and those being stored at that moment; the older ones went "
                     "with the deleted file.")
                      .arg(path)
                : tr("The message history %1 was replaced by another file while ChannelTray ran. That file is the "
                     "history now: it holds the messages from then on, and those being stored at that moment; the "
                     "messages of the replaced file are not in it.")
                      .arg(path);
    m_historyNotes << what;
    showNotice(m_noticeLead);
    if (m_tray)
        m_tray->showHistoryReplaced(path, deleted);
    m_notifications->notifier()->notifyNotice(tr("Message history restarted"), what, NotificationUrgency::Normal);
}

MainWindow *AppController::mainWindow()
{
    if (!m_window)
        createMainWindow();
    return m_window.get();
}

void AppController::showNotice(const QString &text)
{
    m_noticeLead = text;
    QStringList lines = m_historyNotes; // kept while the app runs, whatever else the notice says
    if (!text.isEmpty())
        lines.prepend(text);
    m_notice = lines.join(QLatin1Char('\n'));
    if (m_window)
        m_window->showNotice(m_notice);
}

// The main window and its tabs are made when first needed (a tray click, a notification, a
// dialog), not at start: a tray that is never opened does not pay for them (issue 11).
void AppController::createMainWindow()
{
    m_window = std::make_unique<MainWindow>(m_registry, &m_runtime.history(), [this] { return markerFiles(); });
    MainWindow *w = m_window.get();
    qCDebug(lcUi) << "main window created";
    m_notifications->attachWindow(w);
    // Gotify application names (once per account) and icons (once per server and image) in the
    // Messages view.
    auto *appNames = new GotifyAppNames(m_services.gotifyApi, w);
    HistoryModel *messages = w->messagesTab()->model();
    messages->setSenderNamer(
        [appNames](const InboundMessage &m) { return appNames->nameOf(m.account, m.sender); });
    messages->setSenderIcon([appNames](const InboundMessage &m) { return appNames->iconOf(m.account, m.sender); });
    connect(appNames, &GotifyAppNames::changed, messages, &HistoryModel::sendersRenamed);
    w->messagesTab()->setContextMenuExtender(
        [this](QMenu *menu, const HistoryRecord &r) { m_notificationMenus->addMessageEntries(menu, r.message); });
    w->messagesTab()->messageView()->setImageFetcher(m_services.imageFetcher);
    w->diagnosticsTab()->probeTable()->setSource(
        &m_runtime, [this](const AccountAddress &a) { return notConnectedReason(a); });
    connect(w->accountsTab(), &AccountsTab::addRequested, this, [this] { openAccountEditor(); });
    connect(w->accountsTab(), &AccountsTab::editRequested, this,
            [this](const AccountAddress &a) { openAccountEditor(a); });
    connect(w->accountsTab(), &AccountsTab::removeRequested, this, &AppController::removeAccount);
    connect(w->accountsTab(), &AccountsTab::sendRequested, this,
            [this](const AccountAddress &a) { openSendDialog(a); });
    connect(w->accountsTab(), &AccountsTab::contactsRequested, this, &AppController::openContacts);
    connect(w->accountsTab(), &AccountsTab::reconnectRequested, &m_runtime, &AppRuntime::reconnectNow);
    connect(w->welcomePage(), &WelcomePage::addGotifyRequested, this,
            [this] { openAccountEditor({}, kGotifyChannel); });
    connect(w->welcomePage(), &WelcomePage::addOpenImRequested, this,
            [this] { openAccountEditor({}, kOpenImChannel); });
    connect(w->welcomePage(), &WelcomePage::importRequested, this, &AppController::importOpenClaw);
    connect(w->welcomePage(), &WelcomePage::useInPlaceRequested, this, &AppController::useGatewayConfigInPlace);
    m_demo = new DemoStarter(m_services.startDemo, w->welcomePage(), this);
    if (m_instance)
        m_demo->setSingleInstance(m_instance);
    connect(w->welcomePage(), &WelcomePage::demoRequested, m_demo, &DemoStarter::start);
    connect(m_demo, &DemoStarter::quitRequested, this, &AppController::quitRequested);
    w->welcomePage()->setImportHint(detectOpenClawConfig());
    w->setWelcomeVisible(noAccounts());
    connect(&m_runtime, &AppRuntime::messagesDelivered, w->messagesTab(), &MessagesTab::messagesArrived);
    connect(w->messagesTab(), &MessagesTab::readRequested, this,
            [this](const QList<qint64> &rows) { m_runtime.markRead(rows); });
    connect(w->messagesTab(), &MessagesTab::unreadRequested, this,
            [this](const QList<qint64> &rows) { m_runtime.markUnread(rows); });
    connect(w->messagesTab(), &MessagesTab::deleteRequested, this,
            [this](const QList<qint64> &rows) { m_runtime.deleteLocally(rows); });
    w->showNotice(m_notice);
}

AppController::~AppController()
{
    if (m_window)
        m_window->saveState();
    m_runtime.stop();
}

QString AppController::configPath() const
{
    return m_runtime.configPath();
}

const Config &AppController::config() const
{
    return m_runtime.document();
}

bool AppController::noAccounts() const
{
    return m_runtime.document().gotify.accounts.isEmpty() && m_runtime.document().openim.accounts.isEmpty();
}

void AppController::start()
{
    QStringList notices;
    if (!m_problems.isEmpty())
        notices << tr("Problems in %1:").arg(configPath()) << m_problems;
    if (TrayStatusItem::hostAvailable() || QSystemTrayIcon::isSystemTrayAvailable()) {
        createTray();
    } else {
        notices.prepend(tr("No system tray was found on this desktop, so ChannelTray runs in this "
                           "window. Closing it quits the application."));
        QApplication::setQuitOnLastWindowClosed(true);
        // A panel that starts later (or restarts) still gets the icon; the notice then goes.
        auto *watcher = new TrayHostWatcher(this);
        connect(watcher, &TrayHostWatcher::hostAppeared, this, [this, watcher, problems = notices.mid(1)] {
            watcher->deleteLater();
            createTray();
            QApplication::setQuitOnLastWindowClosed(false);
            showNotice(problems.join(QLatin1Char('\n')));
        });
        watcher->start();
    }
    showNotice(notices.join(QLatin1Char('\n')));
    if (!m_runtime.history().movedAsidePath().isEmpty())
        announceMovedAside(m_runtime.history().movedAsidePath(), {});
    if (!m_tray || noAccounts() || !m_problems.isEmpty() || !m_historyNotes.isEmpty())
        mainWindow()->bringToFront();
    m_runtime.applyDocument(); // reads tokens, then connects
}

void AppController::createTray()
{
    m_tray = new TrayController(m_registry, m_autostart, m_messageBox, trayActions(), this);
    m_notifications->setTrayIcon(m_tray->trayIcon());
    // Unread critical messages ask for attention (TrayController); counted again when the
    // unread messages change, at most once per repaint.
    const HistoryStore &history = m_runtime.history();
    m_tray->setCriticalUnreadSource([this, &history] {
        return history.isOpen()
                   ? history.unreadCriticalCount(m_runtime.document().app.notifications.urgency.criticalFrom)
                   : 0;
    });
    connect(&history, &HistoryStore::unreadChanged, m_tray, &TrayController::criticalUnreadChanged);
    connect(&m_runtime, &AppRuntime::storageChanged, m_tray, &TrayController::showStorageTrouble);
    m_tray->showStorageTrouble(m_runtime.storageError(), m_runtime.heldMessages());
    m_tray->showHistoryMovedAside(m_runtime.history().movedAsidePath());
    m_tray->show();
}

TrayActions AppController::trayActions()
{
    TrayActions a;
    a.showMainWindow = [this] { mainWindow()->bringToFront(); };
    a.showMessages = [this] { showTab(MainWindow::Tab::Messages); };
    a.showAccounts = [this] { showTab(MainWindow::Tab::Accounts); };
    a.findAccount = [this] {
        showTab(MainWindow::Tab::Accounts);
        m_window->accountsTab()->focusSearch();
    };
    a.showDiagnostics = [this] { showTab(MainWindow::Tab::Diagnostics); };
    a.showAbout = [this] { showAboutBox(mainWindow()); };
    a.sendTestMessage = [this](const AccountAddress &addr) { openSendDialog(addr); };
    a.setAccountEnabled = [this](const AccountAddress &addr, bool on) { setAccountEnabled(addr, on); };
    a.reconnect = [this](const AccountAddress &addr) { m_runtime.reconnectNow(addr); };
    a.sessionKeyFor = [this](const AccountAddress &addr) { return m_runtime.sessionKeyFor(addr); };
    a.quit = [this] { Q_EMIT quitRequested(); };
    a.extendAccountMenu = [this](QMenu *menu, const AccountAddress &addr) {
        menu->addSeparator();
        m_notificationMenus->addTargetEntries(menu, accountTarget(addr), addr.toString());
    };
    a.extendMenu = [this](QMenu *menu) { m_notificationMenus->addQuietHoursEntry(menu); };
    if (m_services.gotifyApi)
        a.showGotifyAdmin = [this] { openGotifyAdmin(); };
    return a;
}

void AppController::showTab(MainWindow::Tab tab)
{
    mainWindow()->showTab(tab);
    m_window->bringToFront();
}

bool AppController::saveRaw(const QJsonObject &root)
{
    QString error;
    // Only what changed against the runtime's document is written, on the file as it is now.
    if (!m_runtime.changeConfig(root, &error)) {
        m_messageBox->warning(m_window.get(), tr("Save configuration"), error);
        return false;
    }
    m_problems = m_runtime.configProblems();
    if (m_window)
        m_window->setWelcomeVisible(noAccounts());
    showNotice(m_problems.join(QLatin1Char('\n')));
    return true;
}

void AppController::storeTokens(const AccountAddress &address, const QMap<QString, QString> &tokens)
{
    for (auto it = tokens.begin(); it != tokens.end(); ++it) {
        const QString field = it.key();
        m_runtime.setToken(address, field, it.value(), [this, address, field](const SecretResult &r) {
            if (!r.ok())
                m_messageBox->warning(m_window.get(), tr("Keychain"),
                                      tr("The %1 of %2 could not be stored in the keychain: %3")
                                          .arg(field, address.toString(), r.message));
        });
    }
}

void AppController::openAccountEditor(const AccountAddress &address, const QString &newChannel)
{
    AccountEditorDialog dialog(m_runtime.document(), m_messageBox, m_services.probe, m_window.get());
    if (address.isValid()) {
        dialog.startEdit(address);
        // Tokens kept in the keychain are not in the config: ask which ones it holds, so the
        // editor does not demand them again.
        QPointer<AccountEditorDialog> guard(&dialog);
        m_runtime.storedTokenFields(address, [guard](const QStringList &stored) {
            if (guard)
                guard->setStoredTokens(stored);
        });
    } else {
        dialog.startNew(newChannel.isEmpty() ? kGotifyChannel : newChannel);
    }
    // A failed save reopens the dialog with everything typed, so nothing is lost.
    while (dialog.exec() == QDialog::Accepted) {
        if (dialog.outcome() == AccountEditorDialog::Removed) {
            removeAccount(dialog.draft().address);
            return;
        }
        const AccountDraft draft = dialog.draft();
        QString error;
        const QJsonObject root = draft.applyTo(m_runtime.document().raw, &error);
        if (!error.isEmpty()) {
            m_messageBox->warning(m_window.get(), tr("Save configuration"), error);
            continue;
        }
        storeTokens(draft.address, draft.tokens);
        if (saveRaw(root))
            return;
    }
}

void AppController::removeAccount(const AccountAddress &address)
{
    if (!address.isValid())
        return;
    QJsonObject root = m_runtime.document().raw;
    if (!ConfigEditor::removeAccount(root, address))
        return;
    m_runtime.removeTokens(address);
    saveRaw(root);
}

void AppController::setAccountEnabled(const AccountAddress &address, bool enabled)
{
    QJsonObject root = m_runtime.document().raw;
    QString error;
    if (!ConfigEditor::setAccountField(root, address, QStringLiteral("enabled"), enabled, &error)) {
        m_messageBox->warning(m_window.get(), tr("Save configuration"), error);
        return;
    }
    saveRaw(root);
}

void AppController::openSendDialog(const AccountAddress &account)
{
    auto *dialog = new SendDialog(m_registry, m_services.sender, mainWindow());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->chooseAccount(account);
    // The runtime stores what was sent; the Messages tab shows it.
    connect(dialog, &SendDialog::sent, this, [this](const SendRequest &, const SendResult &result) {
        if (result.ok && m_window)
            m_window->messagesTab()->messagesArrived();
    });
    dialog->show();
}

GotifyAdminWindow *AppController::openGotifyAdmin(const AccountAddress &account)
{
    if (!m_admin) {
        m_admin = new GotifyAdminWindow(m_services.gotifyApi, m_messageBox, mainWindow());
        m_admin->setAttribute(Qt::WA_DeleteOnClose);
        // A reconfigured account gets a new connection (and API): offer the accounts afresh.
        connect(m_registry, &QAbstractItemModel::rowsInserted, m_admin,
                [this] { m_admin->setAccounts(m_registry->addresses()); });
        connect(m_registry, &QAbstractItemModel::rowsRemoved, m_admin,
                [this] { m_admin->setAccounts(m_registry->addresses()); });
    }
    m_admin->setAccounts(m_registry->addresses());
    if (account.isValid())
        m_admin->chooseAccount(account);
    m_admin->show();
    m_admin->raise();
    m_admin->activateWindow();
    return m_admin;
}

void AppController::openContacts(const AccountAddress &account)
{
    if (account.channel != kOpenImChannel)
        return;
    auto *dialog = new ContactsDialog(account, m_services.contacts, mainWindow());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void AppController::setSingleInstance(SingleInstance *instance)
{
    m_instance = instance;
    if (m_demo)
        m_demo->setSingleInstance(instance);
}

QString AppController::notConnectedReason(const AccountAddress &address) const
{
    const AccountConnection *c = m_registry->connection(address);
    if (!c)
        return tr("no connection");
    return c->state() == AccountState::Connected ? QString() : StateLabels::label(c->state());
}

QStringList AppController::markerFiles() const
{
    return m_runtime.markerFiles();
}

void AppController::useGatewayConfigInPlace()
{
    const QString path = detectOpenClawConfig();
    const ImportPreview preview = previewOpenClawImport(path);
    const QString title = tr("Use the gateway's configuration");
    if (!preview.ok) {
        m_messageBox->warning(m_window.get(), title, preview.summary);
        return;
    }
    const QString question =
        preview.summary + QStringLiteral("\n\n")
        + tr("Use this file in place? ChannelTray then reads and edits %1 itself, changing only what you "
             "change (comments and the gateway's own settings stay as they are, the previous version is kept "
             "as %1.bak), and refreshed tokens land where the gateway reads them. Tokens written in it stay "
             "there. The choice is remembered.")
              .arg(path);
    if (m_messageBox->question(m_window.get(), title, question) != QMessageBox::Yes)
        return;
    QString error;
    if (!rememberGatewayConfigInPlace(path, &error)) {
        m_messageBox->warning(m_window.get(), title, error);
        return;
    }
    m_problems = m_runtime.readConfigFrom(path);
    m_runtime.applyDocument();
    mainWindow()->setWelcomeVisible(noAccounts());
    QStringList notice{tr("Using the gateway's configuration %1 in place.").arg(path)};
    if (!m_problems.isEmpty())
        notice << tr("Problems in %1:").arg(path) << m_problems;
    showNotice(notice.join(QLatin1Char('\n')));
}

void AppController::importOpenClaw()
{
    const QString path = detectOpenClawConfig();
    const ImportPreview preview = previewOpenClawImport(path);
    if (!preview.ok) {
        m_messageBox->warning(m_window.get(), tr("Import from openclaw.json"), preview.summary);
        return;
    }
    if (m_messageBox->question(m_window.get(), tr("Import from openclaw.json"),
                               preview.summary + QStringLiteral("\n\n")
                                   + tr("Copy these accounts into ChannelTray's own configuration? Keys "
                                        "ChannelTray does not know are kept as they are."))
        != QMessageBox::Yes)
        return;
    if (!saveRaw(preview.raw))
        return;
    if (preview.inlineTokens.isEmpty()
        || m_messageBox->question(m_window.get(), tr("Import from openclaw.json"),
                                  tr("Move the %n inline token(s) into the system keychain? The copy "
                                     "written for ChannelTray will then hold no token in plain text.",
                                     nullptr, int(preview.inlineTokens.size())))
               != QMessageBox::Yes)
        return;
    // Each token leaves the file only once the keychain has it.
    for (const InlineToken &t : preview.inlineTokens) {
        const QStringList path = t.path;
        m_runtime.setToken(t.address, t.field, t.value, [this, path](const SecretResult &r) {
            if (!r.ok())
                return;
            QJsonObject root = m_runtime.document().raw;
            if (ConfigEditor::removeAt(root, path))
                saveRaw(root);
        });
    }
}

} // namespace ct::ui
