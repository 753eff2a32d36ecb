#pragma once
// One look at a Gotify account's server, for `doctor --probe` and the account editor:
// reachable, version, user, client token accepted, app token accepted, health, latency.
// The app token is checked without posting anything: POST /message with an empty body is
// authenticated before it is validated, so a valid app token gets 400 and a bad one 401.
#include "gotifyapi.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ct {

struct GotifyProbeResult
{
    AccountAddress account;
    bool reachable = false;
    QString version;
    QString user;
    bool userIsAdmin = false;
    std::optional<bool> clientTokenAccepted; // nullopt: no client token configured
    std::optional<bool> appTokenAccepted;    // nullopt: no app token configured
    bool healthy = false;
    QString health; // "green", "orange", …
    QString database;
    qint64 latencyMs = -1; // of GET /health
    QStringList problems;  // one user-facing line each

    bool ok() const
    {
        return reachable && healthy && clientTokenAccepted.value_or(true) && appTokenAccepted.value_or(true);
    }
    QJsonObject toJson() const;
};

class GotifyProbe : public QObject
{
    Q_OBJECT
public:
    explicit GotifyProbe(const GotifyEndpoint &endpoint, QObject *parent = nullptr);
    void setNetwork(QNetworkAccessManager *network) { m_api.setNetwork(network); } // before run()
    void run();                                                                    // emits finished() once
    // FOR COMMAND-LINE CODE ONLY: runs a local event loop until the probe is done.
    static GotifyProbeResult runBlocking(const GotifyEndpoint &endpoint, int timeoutMs = 20000);

Q_SIGNALS:
    void finished(const ct::GotifyProbeResult &result);

private:
    void checkApp();
    GotifyApi m_api;
    GotifyProbeResult m_result;
};

} // namespace ct
