#pragma once
// The Gotify REST operations of one account, on top of its GotifyRestClient (serial queue):
// send, administration (applications, clients, messages) and health. Every answer is the
// server's JSON (GotifyResult::value) or a typed GotifyError.
#include "accounts/sendrequest.h"
#include "gotifyrestclient.h"

#include <QJsonObject>
#include <optional>

namespace ct {

// The POST /message body of a send (extras: docs/protocols.md "Message").
QJsonObject gotifyMessageBody(const SendRequest &request, int defaultPriority);

struct GotifyAppParams
{
    QString name;
    QString description;
    int defaultPriority = 0;
    qint64 sortKey = 0;
    QJsonObject toJson() const;
};

struct GotifyHealth
{
    bool reachable = false;
    bool healthy = false;
    QString health;   // "green" | "orange" | …
    QString database; // "green" | "red" | …
    int httpStatus = 0;
    qint64 latencyMs = -1;
    QString error;
};

class GotifyApi : public QObject
{
    Q_OBJECT
public:
    using Callback = GotifyRestClient::Callback;
    explicit GotifyApi(const GotifyEndpoint &endpoint, QObject *parent = nullptr);

    GotifyRestClient &rest() { return *m_rest; }
    void setNetwork(QNetworkAccessManager *network) { m_rest->setNetwork(network); }
    const GotifyEndpoint &endpoint() const { return m_rest->endpoint(); }

    // POST /message with the app token; without one, with the client token and `appid`
    // (v3; the first application is used when the request names none).
    void sendMessage(const SendRequest &request, Callback done);

    void listApplications(Callback done);
    void createApplication(const GotifyAppParams &params, Callback done);
    void updateApplication(qint64 id, const GotifyAppParams &params, Callback done);
    void deleteApplication(qint64 id, Callback done);
    void uploadApplicationImage(qint64 id, const QString &fileName, const QByteArray &data, Callback done);
    // Reads `path` and uploads it as above. A file that cannot be read sends nothing: false, with
    // the sentence for the user in *error, and `done` is not called.
    bool uploadApplicationImageFile(qint64 id, const QString &path, Callback done, QString *error);
    void deleteApplicationImage(qint64 id, Callback done);
    void rotateApplicationToken(qint64 id, Callback done); // v3: PUT /application/{id}/security
    // GET an application's icon: `image` as the application object gives it ("image/x.png",
    // relative to the server). The answer is the raw image in GotifyResult::body (status 200).
    void applicationImage(const QString &image, Callback done);

    void listClients(Callback done);
    void createClient(const QString &name, Callback done);
    void updateClient(qint64 id, const QString &name, Callback done);
    void deleteClient(qint64 id, Callback done);

    // limit 1..200; since 0 = from the newest; appId 0 = every application.
    void listMessages(int limit, qint64 since, Callback done, qint64 appId = 0);
    void deleteMessage(qint64 id, Callback done);
    void deleteApplicationMessages(qint64 appId, Callback done);
    void deleteAllMessages(Callback done);

    void health(std::function<void(const GotifyHealth &)> done);
    void version(Callback done);
    void currentUser(Callback done); // with the client token

private:
    void call(const QByteArray &method, const QString &path, const QJsonValue &body, Callback done,
              GotifyRestClient::TokenKind token = GotifyRestClient::TokenKind::Client,
              const QUrlQuery &query = {});
    GotifyRestClient *m_rest;
};

} // namespace ct
