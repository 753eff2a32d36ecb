#pragma once
// The loopback OpenIM REST API (docs/protocols.md "OpenIM REST"): POST, headers `token` and
// `operationID`, always HTTP 200 with {"errCode","errMsg","errDlt","data"}.
#include "loopbackstore.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>

#include <functional>

class QHttpServer;
class QHttpServerRequest;

namespace ct::loopback {

class LoopbackRest : public QObject
{
    Q_OBJECT
public:
    // `sendAsAdmin` stores and pushes a message built by /msg/send_msg.
    using SendHook = std::function<QString(::openim::sdkws::MsgData &msg)>;
    LoopbackRest(LoopbackStore *store, QByteArray secret, SendHook sendHook, QObject *parent = nullptr);

    quint16 listen(); // 127.0.0.1, port 0
    QStringList calledPaths() const { return m_paths; }
    QString adminUserID() const { return QStringLiteral("imAdmin"); }

Q_SIGNALS:
    void called(const QString &path);

private:
    QJsonObject handle(const QString &path, const QHttpServerRequest &request);
    QJsonObject dispatch(const QString &path, const QString &caller, const QJsonObject &body, int &errCode,
                         QString &errMsg, QJsonValue &data);
    QJsonObject userJson(const QString &userID) const;
    QJsonObject memberJson(const QString &groupID, const QString &userID) const;
    QJsonObject groupJson(const QString &groupID) const;
    QByteArray jssdkConversations(const QString &path, const QByteArray &body) const;

    QHttpServer *m_http;
    LoopbackStore *m_store;
    QByteArray m_secret;
    SendHook m_sendHook;
    QStringList m_paths;
    QByteArray m_rawBody; // body of the request being handled
};

} // namespace ct::loopback
