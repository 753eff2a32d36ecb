#pragma once
// The tray application's windows over one AppRuntime: the main window, the tray and the
// dialogs, and their requests (edit accounts, send, enable/disable). The config document, the
// accounts, their history and their tokens belong to the runtime; this class only asks it.
// Holds no config, no file, no keychain, no connection of its own.
#include "config/configmodel.h"
#include "mainwindow/mainwindow.h"
#include "trayactions.h"
#include "trayservices.h"

#include <QObject>
#include <QPointer>
#include <memory>

namespace ct {
class AccountRegistry;
class AppRuntime;
class HistoryStore;
} // namespace ct

namespace ct {
class AutostartFile;
} // namespace ct

namespace ct::ui {

class DemoStarter;
class GotifyAdminWindow;
class MessageBox;
class NotificationCenter;
class NotificationMenus;
class SingleInstance;
class TrayController;

class AppController : public QObject
{
    Q_OBJECT
public:
    AppController(AppRuntime &runtime, TrayServices services, MessageBox *messageBox, AutostartFile *autostart,
                  QObject *parent = nullptr);
    ~AppController() override;

    // Creates the tray (when a tray host exists) or shows the main window with a notice, and
    // starts the connections.
    void start();
    // The config file read and edited (it changes when the gateway's file is used in place).
    QString configPath() const;

    // The main window, made on the first call (it is not made at start: a tray that is never
    // opened does not pay for it).
    MainWindow *mainWindow();
    bool hasMainWindow() const { return m_window != nullptr; }
    TrayController *tray() const { return m_tray; }
    const AccountRegistry *registry() const { return m_registry; }
    // The runtime's config document, which the editor edits.
    const Config &config() const;

    void openAccountEditor(const AccountAddress &address = {}, const QString &newChannel = {});
    void openSendDialog(const AccountAddress &account = {});
    // The Gotify administration window (one, raised when already open); needs services.gotifyApi.
    GotifyAdminWindow *openGotifyAdmin(const AccountAddress &account = {});
    void openContacts(const AccountAddress &account);
    void setAccountEnabled(const AccountAddress &address, bool enabled);
    QStringList markerFiles() const;
    // The lock "Try the demo" hands over to the demo instance.
    void setSingleInstance(SingleInstance *instance);
    DemoStarter *demoStarter() const { return m_demo; }
    // Empty when the account is connected, else its state in words (probes need a connection).
    QString notConnectedReason(const AccountAddress &address) const;

Q_SIGNALS:
    void quitRequested();

private:
    // Through AppRuntime::changeConfig, the one writer; a failure is shown and returns false.
    bool saveRaw(const QJsonObject &root);
    bool noAccounts() const;
    void storeTokens(const AccountAddress &address, const QMap<QString, QString> &tokens);
    void removeAccount(const AccountAddress &address);
    void importOpenClaw();
    // The gateway's openclaw.json becomes the config, edited where it is (remembered).
    void useGatewayConfigInPlace();
    TrayActions trayActions();
    void createTray();
    void createMainWindow();
    void showTab(MainWindow::Tab tab);
    // The window's notice, kept while there is no window; the history notes follow `text`.
    void showNotice(const QString &text);
    QString movedAsideNote(const QString &movedTo, const QString &why) const;
    // The tray's tooltip and a desktop notification say where the unreadable history is kept.
    void announceMovedAside(const QString &movedTo, const QString &why);
    // The history file was deleted (or replaced) under the app (HistoryStore::fileReplaced): the
    // window's notice, the tray's tooltip and a desktop notification say so, and what was kept.
    void announceReplaced(bool deleted);

    AppRuntime &m_runtime;
    TrayServices m_services;
    MessageBox *m_messageBox;
    AutostartFile *m_autostart;
    QStringList m_problems;
    QStringList m_historyNotes; // histories moved aside, deleted or replaced while the app runs
    QString m_noticeLead;       // what the notice says before the history notes
    QString m_notice;
    SingleInstance *m_instance = nullptr;
    const AccountRegistry *m_registry;
    std::unique_ptr<MainWindow> m_window;
    TrayController *m_tray = nullptr;
    NotificationCenter *m_notifications = nullptr;
    NotificationMenus *m_notificationMenus = nullptr;
    QPointer<GotifyAdminWindow> m_admin;
    DemoStarter *m_demo = nullptr;
};

} // namespace ct::ui
