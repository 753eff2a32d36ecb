#include "gotifyprobe.h"

#include <QEventLoop>
#include <QTimer>

namespace ct {

QJsonObject GotifyProbeResult::toJson() const
{
    auto optional = [](const std::optional<bool> &v) { return v ? QJsonValue(*v) : QJsonValue(); };
    return {{QStringLiteral("account"), account.toString()},
            {QStringLiteral("reachable"), reachable},
            {QStringLiteral("version"), version},
            {QStringLiteral("user"), user},
            {QStringLiteral("clientTokenAccepted"), optional(clientTokenAccepted)},
            {QStringLiteral("appTokenAccepted"), optional(appTokenAccepted)},
            {QStringLiteral("healthy"), healthy},
            {QStringLiteral("health"), health},
            {QStringLiteral("database"), database},
            {QStringLiteral("latencyMs"), latencyMs},
            {QStringLiteral("problems"), QJsonArray::fromStringList(problems)},
            {QStringLiteral("ok"), ok()}};
}

GotifyProbe::GotifyProbe(const GotifyEndpoint &endpoint, QObject *parent) : QObject(parent), m_api(endpoint)
{
    m_result.account = endpoint.address;
}

void GotifyProbe::run()
{
    m_api.version([this](const GotifyResult &r) {
        m_result.reachable = r.httpStatus != 0;
        m_result.version = r.value.toObject().value(QStringLiteral("version")).toString();
        if (!m_result.reachable)
            m_result.problems << r.error.message();
    });
    m_api.health([this](const GotifyHealth &h) {
        m_result.reachable = m_result.reachable || h.reachable;
        m_result.healthy = h.healthy;
        m_result.health = h.health;
        m_result.database = h.database;
        m_result.latencyMs = h.latencyMs;
        if (h.reachable && !h.healthy)
            m_result.problems << tr("server unhealthy: %1").arg(h.error);
    });
    if (!m_api.endpoint().clientToken.isEmpty()) {
        m_api.currentUser([this](const GotifyResult &r) {
            if (r.httpStatus == 0)
                return;
            m_result.clientTokenAccepted = r.ok();
            const QJsonObject u = r.value.toObject();
            m_result.user = u.value(QStringLiteral("name")).toString();
            m_result.userIsAdmin = u.value(QStringLiteral("admin")).toBool();
            if (!r.ok())
                m_result.problems << tr("client token: %1").arg(r.error.message());
        });
    }
    checkApp(); // queued after the others: the serial queue keeps the order
}

void GotifyProbe::checkApp()
{
    if (m_api.endpoint().appToken.isEmpty()) {
        QTimer::singleShot(0, this, [this] {
            // Runs after the queued requests only if none is pending; else wait for the queue.
            auto finish = [this] { Q_EMIT finished(m_result); };
            if (m_api.rest().pending() == 0)
                return finish();
            m_api.version([this, finish](const GotifyResult &) { finish(); });
        });
        return;
    }
    GotifyRestClient::Request r;
    r.method = "POST";
    r.path = QStringLiteral("/message");
    r.body = "{}";
    r.token = GotifyRestClient::TokenKind::App;
    m_api.rest().send(r, [this](const GotifyResult &res) {
        if (res.httpStatus != 0) {
            // The server checks the app token before it reads the body (its router puts the
            // token check in front of POST /message), and "message" is a required field: with
            // "{}" a good token gets 400 and nothing is posted; 401/403 = token refused.
            m_result.appTokenAccepted = res.httpStatus == 400 || res.ok();
            if (!*m_result.appTokenAccepted)
                m_result.problems << tr("app token: %1").arg(res.error.message());
        }
        Q_EMIT finished(m_result);
    });
}

GotifyProbeResult GotifyProbe::runBlocking(const GotifyEndpoint &endpoint, int timeoutMs)
{
    GotifyProbe probe(endpoint);
    GotifyProbeResult result;
    result.account = endpoint.address;
    bool done = false;
    QEventLoop loop;
    connect(&probe, &GotifyProbe::finished, &loop, [&](const GotifyProbeResult &r) {
        result = r;
        done = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    probe.run();
    if (!done)
        loop.exec();
    if (!done)
        result.problems << tr("the probe did not finish in time");
    return result;
}

} // namespace ct
