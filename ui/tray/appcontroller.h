#pragma once
// Owns the running tray application: config, history, pipeline, account registry, the main
// window and the tray, and answers their requests (edit accounts, send, enable/disable).
#include "config/configmodel.h"
#include "trayactions.h"
#include "trayservices.h"

#include <QObject>
#include <QPointer>
#include <memory>

namespace ct {
class AccountRegistry;
class HistoryStore;
class InboundPipeline;
class NotificationPolicy;
class SecretStore;
struct Notification;
}

namespace ct::ui {

class AutostartFile;
class DemoStarter;
class GotifyAdminWindow;
class MainWindow;
class MessageBox;
class SingleInstance;
class TrayController;

class AppController : public QObject
{
    Q_OBJECT
public:
    AppController(QString configPath, TrayServices services, MessageBox *messageBox,
                  AutostartFile *autostart, QObject *parent = nullptr);
    ~AppController() override;

    // Creates the tray (when a tray host exists) or shows the main window with a notice, and
    // starts the connections.
    void start();

    MainWindow *mainWindow() const { return m_window.get(); }
    TrayController *tray() const { return m_tray; }
    AccountRegistry *registry() const { return m_registry; }
    HistoryStore *history() const { return m_history; }
    const Config &config() const { return m_config; }

    void openAccountEditor(const AccountAddress &address = {}, const QString &newChannel = {});
    void openSendDialog(const AccountAddress &account = {});
    // The Gotify administration window (one, raised when already open); needs services.gotifyApi.
    GotifyAdminWindow *openGotifyAdmin(const AccountAddress &account = {});
    void openContacts(const AccountAddress &account);
    void setAccountEnabled(const AccountAddress &address, bool enabled);
    QString sessionKeyFor(const AccountAddress &address) const;
    QStringList markerFiles() const;
    // The lock "Try the demo" hands over to the demo instance.
    void setSingleInstance(SingleInstance *instance);
    DemoStarter *demoStarter() const { return m_demo; }
    // Empty when the account is connected, else its state in words (probes need a connection).
    QString notConnectedReason(const AccountAddress &address) const;

Q_SIGNALS:
    void quitRequested();

private:
    void loadConfig();
    bool saveRaw(const QJsonObject &root);
    void storeTokens(const AccountAddress &address, const QMap<QString, QString> &tokens);
    void removeAccount(const AccountAddress &address);
    void refreshUnread();
    void showNotification(const ct::Notification &notification);
    void importOpenClaw();
    TrayActions trayActions();

    QString m_configPath;
    TrayServices m_services;
    MessageBox *m_messageBox;
    AutostartFile *m_autostart;
    Config m_config;
    QStringList m_problems;
    HistoryStore *m_history;
    InboundPipeline *m_pipeline = nullptr;
    NotificationPolicy *m_policy;
    SecretStore *m_secrets = nullptr;
    AccountRegistry *m_registry;
    std::unique_ptr<MainWindow> m_window;
    TrayController *m_tray = nullptr;
    AccountAddress m_lastNotified;
    QPointer<GotifyAdminWindow> m_admin;
    DemoStarter *m_demo = nullptr;
};

} // namespace ct::ui
