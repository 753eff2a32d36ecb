#pragma once
// OpenIM REST client (docs/protocols.md "OpenIM REST"): POST apiAddr + path with headers `token` and
// `operationID`; every answer is HTTP 200 {"errCode","errMsg","errDlt","data"}.
// Friend guard: while disableFriendSdk is true every /friend/… call is refused locally.
#include "config/configmodel.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QObject>

#include <functional>

class QNetworkAccessManager;

namespace ct {

inline constexpr QLatin1StringView kFriendApiDisabled{"MULTI_OPENIM_FRIEND_API_DISABLED"};

struct OpenImRestResult
{
    bool ok = false;
    int errCode = 0; // server errCode; -1 transport error
    QString code;    // local refusal code, e.g. MULTI_OPENIM_FRIEND_API_DISABLED
    QString error;
    QJsonValue data;
    int latencyMs = -1;
};

class OpenImRest : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const OpenImRestResult &)>;
    OpenImRest(const OpenImAccountConfig &config, const QString &token, QNetworkAccessManager *network,
               QObject *parent = nullptr);

    void setToken(const QString &token) { m_token = token; }
    void post(const QString &path, const QJsonObject &body, Callback callback);

    void parseToken(Callback callback);
    void getUsersInfo(const QStringList &userIDs, Callback callback);
    void newestSeq(const QString &userID, Callback callback);
    void friendList(const QString &userID, Callback callback);         // guarded
    void friendApplications(const QString &userID, Callback callback); // guarded

private:
    OpenImAccountConfig m_config;
    QString m_token;
    QNetworkAccessManager *m_network;
};

} // namespace ct
