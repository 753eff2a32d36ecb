#pragma once
// Every REST call of one Gotify account goes through here: one request in flight at a time
// (a per-account SerialQueue), a timeout each, the token in the X-Gotify-Key header only
// (never in the URL), TLS verification on, an optional extra CA from the account.
#include "gotifyendpoint.h"
#include "gotifyerror.h"

#include <QByteArray>
#include <QHash>
#include <QJsonValue>
#include <QObject>
#include <QPointer>
#include <QUrlQuery>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace ct {

class SerialQueue;

struct GotifyResult
{
    GotifyError error;
    int httpStatus = 0;
    QJsonValue value; // the parsed JSON answer (Undefined when the body was empty)
    QByteArray body;  // the raw answer
    qint64 latencyMs = -1;
    bool ok() const { return !error.isError(); }
};

class GotifyRestClient : public QObject
{
    Q_OBJECT
public:
    enum class TokenKind { None, App, Client };
    using Callback = std::function<void(const GotifyResult &)>;

    struct Request
    {
        QByteArray method = QByteArrayLiteral("GET");
        QString path;    // "/message"
        QUrlQuery query; // never a token
        QByteArray body;
        QByteArray contentType = QByteArrayLiteral("application/json");
        TokenKind token = TokenKind::Client;
        QString overrideToken; // used instead of the endpoint's token when set
    };

    explicit GotifyRestClient(const GotifyEndpoint &endpoint, QObject *parent = nullptr);
    ~GotifyRestClient() override;

    const GotifyEndpoint &endpoint() const { return m_endpoint; }
    void setEndpoint(const GotifyEndpoint &endpoint);
    // Queues the request; `done` is called exactly once (also on timeout), from the event loop.
    void send(Request request, Callback done);
    // Sends through this manager (shared by every account of a process: one HTTP thread and one
    // connection pool, not one per account) instead of one of its own. Before the first request.
    void setNetwork(QNetworkAccessManager *network) { m_nam = network; }
    void cancelAll();
    int pending() const;

private:
    void start(quint64 jobId, const Request &request, const Callback &done, const std::function<void()> &finish);
    static GotifyResult resultOf(QNetworkReply *reply, qint64 latencyMs);

    GotifyEndpoint m_endpoint;
    QNetworkAccessManager *m_nam = nullptr; // shared (not owned) or made on first use
    SerialQueue *m_queue;
    struct InFlight
    {
        QPointer<QNetworkReply> reply;
        Callback done;
    };
    QHash<quint64, InFlight> m_inFlight;
};

} // namespace ct
