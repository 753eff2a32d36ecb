#include "openimprobe.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTimer>

namespace ct {

OpenImProbe::OpenImProbe(const OpenImAccountConfig &config, const QString &token, QObject *parent)
    : OpenImProbe(config, token, nullptr, parent)
{
}

OpenImProbe::OpenImProbe(const OpenImAccountConfig &config, const QString &token, QNetworkAccessManager *network,
                         QObject *parent)
    : QObject(parent), m_network(network ? network : new QNetworkAccessManager(this)),
      m_rest(config, token, m_network, this)
{
}

void OpenImProbe::run()
{
    m_rest.parseToken([this](const OpenImRestResult &r) {
        m_result.latencyMs = r.latencyMs;
        m_result.reachable = r.errCode != -1;
        m_result.errCode = r.errCode;
        m_result.error = r.error;
        if (!r.ok)
            return emit finished(m_result);
        const QJsonObject d = r.data.toObject();
        m_result.tokenValid = true;
        m_result.userID = d.value(QStringLiteral("userID")).toString();
        m_result.platformID = d.value(QStringLiteral("platformID")).toInt(-1);
        m_result.expiresAt = QDateTime::fromSecsSinceEpoch(
            d.value(QStringLiteral("expireTimeSeconds")).toInteger(), Qt::UTC);
        m_rest.getUsersInfo({m_result.userID}, [this](const OpenImRestResult &info) {
            const QJsonArray users = info.data.toObject().value(QStringLiteral("usersInfo")).toArray();
            if (!users.isEmpty())
                m_result.nickname = users.first().toObject().value(QStringLiteral("nickname")).toString();
            emit finished(m_result);
        });
    });
}

OpenImProbeResult OpenImProbe::runBlocking(const OpenImAccountConfig &config, const QString &token, int timeoutMs)
{
    OpenImProbe probe(config, token);
    QEventLoop loop;
    OpenImProbeResult result;
    result.error = tr("probe timed out");
    connect(&probe, &OpenImProbe::finished, &loop, [&](const OpenImProbeResult &r) {
        result = r;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    probe.run();
    loop.exec();
    return result;
}

} // namespace ct
