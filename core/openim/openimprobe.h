#pragma once
#include "openimrest.h"

#include <QDateTime>

class QNetworkAccessManager;

namespace ct {

struct OpenImProbeResult
{
    bool reachable = false;
    bool tokenValid = false;
    int errCode = 0;
    QString error;
    QString userID;
    int platformID = -1;
    QDateTime expiresAt;
    QString nickname;
    int latencyMs = -1;
};

// One look at an OpenIM account's server, for `doctor --probe`, the health monitor and the
// account editor: parse_token (reachable, token valid, latency), then get_users_info (nickname).
class OpenImProbe : public QObject
{
    Q_OBJECT
public:
    OpenImProbe(const OpenImAccountConfig &config, const QString &token, QObject *parent = nullptr);
    // Through a shared network manager (not owned) instead of one of its own.
    OpenImProbe(const OpenImAccountConfig &config, const QString &token, QNetworkAccessManager *network,
                QObject *parent);
    void run(); // emits finished() once
    // Runs an event loop until done or timeout.
    static OpenImProbeResult runBlocking(const OpenImAccountConfig &config, const QString &token,
                                         int timeoutMs = 10000);

Q_SIGNALS:
    void finished(const ct::OpenImProbeResult &result);

private:
    QNetworkAccessManager *m_network;
    OpenImRest m_rest;
    OpenImProbeResult m_result;
};

} // namespace ct
