#pragma once
// channeltray-sandbox: two loopback Gotify servers ("ops", "alerts") and the loopback OpenIM
// server in one process on 127.0.0.1, seeded with applications, users and a group; a demo
// config pointing at them; a token-refresh route that mints fresh OpenIM tokens; a trickle of
// messages. The first OpenIM token is short-lived so that a newcomer sees it expire and the
// tray refresh it within a minute.
#include "democonfig.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponse;
class QTimer;

namespace ct::testserver {
class GotifyServer;
}
namespace ct::loopback {
class OpenImLoopbackServer;
}

namespace ct::sandbox {

class Trickle;

struct SandboxOptions
{
    QString configPath;
    int intervalMs = 4000;
    bool quiet = false;                  // no line per event (start-up lines stay)
    qint64 tokenLifetimeSecs = 40;       // the first OpenIM token
    qint64 refreshedLifetimeSecs = 3600; // tokens minted by the refresh route
};

class Sandbox : public QObject
{
    Q_OBJECT
public:
    using Print = std::function<void(const QString &line)>;
    // `print` receives every line meant for stderr (tests may capture them).
    explicit Sandbox(SandboxOptions options, Print print, QObject *parent = nullptr);
    ~Sandbox() override;

    // Listen, seed, serve the refresh route, write the config. False with *error on failure.
    bool start(QString *error);
    // Start the message trickle and the token-expiry watch.
    void startTraffic();
    // Stop the timers and close every server.
    void stop();

    int refreshCount() const { return m_refreshCount; }
    QString refreshEndpoint() const;
    static QString refreshKeyHeader() { return QStringLiteral("X-Demo-Refresh-Key"); }

private:
    bool startServers(QString *error);
    void seedGotify();
    void seedOpenIm();
    bool startRefreshRoute(QString *error);
    QHttpServerResponse refresh(const QHttpServerRequest &request);
    DemoConfigInput configInput() const;
    void watchServers();
    void onTokenLifetimeOver();
    void sayEvent(const QString &line) const; // per-event line (dropped with --quiet)

    SandboxOptions m_options;
    Print m_print;
    std::unique_ptr<ct::testserver::GotifyServer> m_ops;
    std::unique_ptr<ct::testserver::GotifyServer> m_alerts;
    std::unique_ptr<ct::loopback::OpenImLoopbackServer> m_openim;
    std::unique_ptr<QHttpServer> m_refreshHttp;
    quint16 m_refreshPort = 0;
    QHash<QString, qint64> m_opsApps;
    QHash<QString, qint64> m_alertsApps;
    QString m_primaryToken;
    QString m_refreshKey;
    int m_refreshCount = 0;
    Trickle *m_trickle = nullptr;
    QTimer *m_expiryTimer = nullptr;
};

} // namespace ct::sandbox
