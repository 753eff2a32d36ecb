#include "sandbox.h"

#include "gotifyserver.h"
#include "openimloopbackserver.h"
#include "trickle.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimer>

namespace ct::sandbox {

namespace {
using ct::testserver::GotifyServer;

const QString kBot = QStringLiteral("primary");
const QString kGroup = QStringLiteral("g_oncall");
const QStringList kPeople{QStringLiteral("u_alice"), QStringLiteral("u_bob"), QStringLiteral("u_carol")};
constexpr int kPlatformLinux = 7;

QString randomKey()
{
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return QString::fromLatin1(bytes.toHex());
}

QHttpServerResponse jsonError(const QString &message, QHttpServerResponse::StatusCode status)
{
    return QHttpServerResponse(QJsonObject{{QStringLiteral("errCode"), int(status)},
                                           {QStringLiteral("errMsg"), message},
                                           {QStringLiteral("data"), QJsonValue()}},
                               status);
}
} // namespace

Sandbox::Sandbox(SandboxOptions options, Print print, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_print(std::move(print))
{
}

Sandbox::~Sandbox()
{
    stop();
}

void Sandbox::sayEvent(const QString &line) const
{
    if (!m_options.quiet)
        m_print(line);
}

QString Sandbox::refreshEndpoint() const
{
    return QStringLiteral("http://127.0.0.1:%1/demo/refresh").arg(m_refreshPort);
}

bool Sandbox::start(QString *error)
{
    if (!startServers(error) || !startRefreshRoute(error))
        return false;
    seedGotify();
    seedOpenIm();
    watchServers();
    if (!writeDemoConfig(m_options.configPath, buildDemoConfig(configInput()), error))
        return false;
    m_print(QStringLiteral("sandbox: gotify/ops at %1, gotify/alerts at %2")
                .arg(m_ops->url().toString(), m_alerts->url().toString()));
    m_print(QStringLiteral("sandbox: multi-openim/primary at %1 (REST %2); token refresh at %3")
                .arg(m_openim->wsAddr(), m_openim->apiAddr(), refreshEndpoint()));
    m_print(QStringLiteral("sandbox: demo config written to %1").arg(m_options.configPath));
    m_print(QStringLiteral("sandbox: the demo tokens are INLINE in that file (mode 0600) on purpose: a demo "
                           "never writes to your keychain, and they only work with this sandbox while it runs."));
    m_print(
        QStringLiteral("sandbox: the first multi-openim/primary token expires in %1 s; watch the tray refresh it.")
            .arg(m_options.tokenLifetimeSecs));
    return true;
}

bool Sandbox::startServers(QString *error)
{
    m_ops = std::make_unique<GotifyServer>(GotifyServer::Mode::V2);
    m_alerts = std::make_unique<GotifyServer>(GotifyServer::Mode::V2);
    m_openim = std::make_unique<ct::loopback::OpenImLoopbackServer>();
    if (!m_ops->listen(0) || !m_alerts->listen(0)) {
        *error = QStringLiteral("cannot listen on 127.0.0.1 for the loopback Gotify servers");
        return false;
    }
    if (!m_openim->start()) {
        *error = QStringLiteral("cannot listen on 127.0.0.1 for the loopback OpenIM server");
        return false;
    }
    return true;
}

void Sandbox::seedGotify()
{
    // "ops": three applications and a second client besides the seeded "channeltray-demo" app
    // (the account's appToken, used by test sends) and "channeltray" client (its clientToken).
    auto &ops = m_ops->store();
    auto &alerts = m_alerts->store();
    // The tray keeps history across runs, keyed by account and message id; so ids grow with wall
    // time (4 per second since 2024) and a new run continues above what an earlier run stored.
    const qint64 firstId = qMax<qint64>(1, (QDateTime::currentSecsSinceEpoch() - 1704067200) * 4);
    ops.raiseNextMessageId(firstId);
    alerts.raiseNextMessageId(firstId);
    m_opsApps.insert(QStringLiteral("backup"),
                     ops.addApp(QStringLiteral("backup"), QStringLiteral("Nightly backups"), 3).id);
    m_opsApps.insert(QStringLiteral("deploy"),
                     ops.addApp(QStringLiteral("deploy"), QStringLiteral("CI/CD rollouts"), 5).id);
    m_opsApps.insert(QStringLiteral("monitoring"),
                     ops.addApp(QStringLiteral("monitoring"), QStringLiteral("Host metrics"), 4).id);
    m_ops->addClient(QStringLiteral("phone"));
    m_alertsApps.insert(QStringLiteral("alertmanager"),
                        alerts.addApp(QStringLiteral("alertmanager"), QStringLiteral("Prometheus alerts"), 8).id);
    m_alertsApps.insert(QStringLiteral("uptime"),
                        alerts.addApp(QStringLiteral("uptime"), QStringLiteral("Uptime probes"), 4).id);

    // History from before the tray started (it catches up on first connect).
    m_ops->postMessage(QStringLiteral("db-1: 40.2 GiB in 3m05s"), QStringLiteral("Nightly backup finished"), 3, {},
                       m_opsApps.value(QStringLiteral("backup")));
    m_ops->postMessage(QStringLiteral("Rolled out to 6/6 pods."), QStringLiteral("Deployed api v1.4.0"), 5, {},
                       m_opsApps.value(QStringLiteral("deploy")));
    m_ops->postMessage(QStringLiteral("web-2 load average 4.1"), QStringLiteral("CPU above 90%"), 6, {},
                       m_opsApps.value(QStringLiteral("monitoring")));
    m_alerts->postMessage(QStringLiteral("every probe answered within 120 ms"), QStringLiteral("All sites up"), 2,
                          {}, m_alertsApps.value(QStringLiteral("uptime")));
}

void Sandbox::seedOpenIm()
{
    m_openim->addUser(kBot, QStringLiteral("Ops Bot"));
    const QStringList names{QStringLiteral("Alice"), QStringLiteral("Bob"), QStringLiteral("Carol")};
    for (int i = 0; i < kPeople.size(); ++i)
        m_openim->addUser(kPeople.at(i), names.value(i));
    m_openim->store().addFriend(kBot, kPeople.at(0));
    m_openim->store().addFriend(kBot, kPeople.at(1));
    m_openim->addGroup(kGroup, QStringList{kBot} + kPeople, QStringLiteral("On-call"));
    m_openim->storeDirectSilently(kPeople.at(0), kBot, QStringLiteral("good morning, anything on fire?"));
    m_openim->storeGroupSilently(kPeople.at(1), kGroup, QStringLiteral("handing over the pager to Carol"));
    m_primaryToken = m_openim->mintToken(kBot, kPlatformLinux, m_options.tokenLifetimeSecs);
}

bool Sandbox::startRefreshRoute(QString *error)
{
    m_refreshKey = randomKey();
    m_refreshHttp = std::make_unique<QHttpServer>();
    m_refreshHttp->route(QStringLiteral("/demo/refresh"), QHttpServerRequest::Method::Post,
                         [this](const QHttpServerRequest &request) { return refresh(request); });
    m_refreshPort = m_refreshHttp->listen(QHostAddress::LocalHost, 0);
    if (m_refreshPort == 0) {
        *error = QStringLiteral("cannot listen on 127.0.0.1 for the token-refresh route");
        return false;
    }
    return true;
}

// POST /demo/refresh, header X-Demo-Refresh-Key, body {"accountId","reason"} →
// {"errCode":0,"data":{"token","expireTimeSeconds"}}, like OpenIM's /auth/get_user_token.
QHttpServerResponse Sandbox::refresh(const QHttpServerRequest &request)
{
    QByteArray key;
    for (const auto &h : request.headers())
        if (h.first.compare(refreshKeyHeader().toLatin1(), Qt::CaseInsensitive) == 0)
            key = h.second;
    if (key != m_refreshKey.toLatin1()) {
        sayEvent(QStringLiteral("refresh: refused a request without the right %1 header").arg(refreshKeyHeader()));
        return jsonError(QStringLiteral("missing or wrong refresh key"),
                         QHttpServerResponse::StatusCode::Unauthorized);
    }
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    const QString accountId = body.value(QStringLiteral("accountId")).toString();
    const QString reason = body.value(QStringLiteral("reason")).toString();
    if (accountId != kBot) {
        sayEvent(QStringLiteral("refresh: unknown account \"%1\"").arg(accountId.left(40)));
        return jsonError(QStringLiteral("unknown account"), QHttpServerResponse::StatusCode::NotFound);
    }
    const qint64 exp = QDateTime::currentSecsSinceEpoch() + m_options.refreshedLifetimeSecs;
    const QString token = m_openim->mintToken(kBot, kPlatformLinux, m_options.refreshedLifetimeSecs);
    ++m_refreshCount;
    sayEvent(QStringLiteral("refresh: minted a new token for multi-openim/%1 (reason: %2), valid %3 s")
                 .arg(accountId, reason.isEmpty() ? QStringLiteral("none given") : reason.left(80))
                 .arg(m_options.refreshedLifetimeSecs));
    return QHttpServerResponse(
        QJsonObject{{QStringLiteral("errCode"), 0},
                    {QStringLiteral("errMsg"), QString()},
                    {QStringLiteral("data"),
                     QJsonObject{{QStringLiteral("token"), token}, {QStringLiteral("expireTimeSeconds"), exp}}}});
}

DemoConfigInput Sandbox::configInput() const
{
    DemoConfigInput in;
    in.gotify = {
        {QStringLiteral("ops"), m_ops->url().toString(), m_ops->appToken(), m_ops->clientToken()},
        {QStringLiteral("alerts"), m_alerts->url().toString(), m_alerts->appToken(), m_alerts->clientToken()}};
    in.openim = {{kBot, m_openim->wsAddr(), m_openim->apiAddr(), m_primaryToken}};
    in.refreshEndpoint = refreshEndpoint();
    in.refreshKeyHeader = refreshKeyHeader();
    in.refreshKey = m_refreshKey;
    in.manualLoginMarkerPath =
        QFileInfo(m_options.configPath).absoluteDir().filePath(QStringLiteral("manual-login.json"));
    return in;
}

void Sandbox::watchServers()
{
    const QList<QPair<QString, GotifyServer *>> gotify{{QStringLiteral("ops"), m_ops.get()},
                                                       {QStringLiteral("alerts"), m_alerts.get()}};
    for (const auto &[id, server] : gotify) {
        const QString name = id;
        connect(server, &GotifyServer::streamConnected, this,
                [this, name] { sayEvent(QStringLiteral("gotify/%1: a client opened the stream").arg(name)); });
        connect(server, &GotifyServer::streamDisconnected, this,
                [this, name] { sayEvent(QStringLiteral("gotify/%1: a stream closed").arg(name)); });
    }
    auto &gateway = m_openim->gateway();
    connect(&gateway, &ct::loopback::LoopbackGateway::sessionOpened, this,
            [this](const QString &user, int platform) {
                sayEvent(QStringLiteral("multi-openim: %1 connected (platform %2)").arg(user).arg(platform));
            });
    connect(&gateway, &ct::loopback::LoopbackGateway::sessionClosed, this,
            [this](const QString &user) { sayEvent(QStringLiteral("multi-openim: %1 disconnected").arg(user)); });
    connect(&gateway, &ct::loopback::LoopbackGateway::handshakeDone, this, [this](int errCode) {
        if (errCode != 0)
            sayEvent(QStringLiteral("multi-openim: refused a connection with errCode %1%2")
                         .arg(errCode)
                         .arg(errCode == 1501 ? QStringLiteral(" (token expired)") : QString()));
    });
    connect(&gateway, &ct::loopback::LoopbackGateway::messageReceived, this, [this](const QString &conversation) {
        sayEvent(QStringLiteral("multi-openim: the tray sent a message in %1").arg(conversation));
    });
}

void Sandbox::startTraffic()
{
    TrickleTargets targets;
    targets.gotify = {{QStringLiteral("ops"), m_ops.get(), m_opsApps},
                      {QStringLiteral("alerts"), m_alerts.get(), m_alertsApps}};
    targets.openim = m_openim.get();
    targets.bot = kBot;
    targets.people = kPeople;
    targets.group = kGroup;
    m_trickle = new Trickle(
        targets, [this](const QString &line) { sayEvent(line); }, this);
    m_trickle->start(m_options.intervalMs);

    m_expiryTimer = new QTimer(this);
    m_expiryTimer->setSingleShot(true);
    connect(m_expiryTimer, &QTimer::timeout, this, &Sandbox::onTokenLifetimeOver);
    m_expiryTimer->start(int(qBound<qint64>(0, m_options.tokenLifetimeSecs * 1000 + 1500, 24LL * 3600 * 1000)));
}

// A live OpenIM connection outlives its token (the real server checks tokens at handshake).
// Unless the tray refreshed ahead of time, drop the bot's connection now: its reconnect with the
// expired token gets 1501, and the tray's http refresh recipe asks /demo/refresh for a new one.
void Sandbox::onTokenLifetimeOver()
{
    if (m_refreshCount > 0) {
        sayEvent(QStringLiteral("multi-openim: the first token of %1 expired; the tray had already refreshed it")
                     .arg(kBot));
        return;
    }
    const int dropped = m_openim->dropTcp(kBot);
    if (dropped > 0)
        sayEvent(QStringLiteral("multi-openim: the token of %1 expired; dropped its %2 connection(s) so the tray "
                                "reconnects, gets errCode 1501 and refreshes the token")
                     .arg(kBot)
                     .arg(dropped));
    else
        sayEvent(
            QStringLiteral("multi-openim: the token of %1 expired; its next connect gets errCode 1501").arg(kBot));
}

void Sandbox::stop()
{
    if (m_trickle)
        m_trickle->stop();
    if (m_expiryTimer)
        m_expiryTimer->stop();
    m_refreshHttp.reset();
    m_ops.reset();
    m_alerts.reset();
    m_openim.reset();
}

} // namespace ct::sandbox
