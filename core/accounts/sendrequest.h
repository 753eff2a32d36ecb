#pragma once
// What an account is asked to send and what came back: one request type and one result type
// for every channel, used alike by the send dialog, `channeltray send`, AppRuntime and the
// channels' send classes (GotifySend::send, OpenImSend::send). Fields a channel does not have
// are ignored by it.
#include "config/accountaddress.h"
#include "inbound/inboundmessage.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <optional>

namespace ct {

struct SendRequest
{
    enum class Kind { Text, Picture, Video, File };

    AccountAddress account; // always named: there is no implicit first account
    Kind kind = Kind::Text; // Gotify sends text only
    QString text;           // the message (Kind::Text)
    QString url;            // the picture, video or file (the other kinds)
    QString localFile;      // OpenIM: a readable local file behind `url`, for its size

    QString recipient; // OpenIM: "user:<id>" or "group:<id>"

    QString title;               // Gotify
    std::optional<int> priority; // Gotify: the account's defaultPriority when not given
    bool markdown = false;       // Gotify: extras client::display.contentType text/markdown
    QString clickUrl;            // Gotify: extras client::notification.click.url
    QString bigImageUrl;         // Gotify: extras client::notification.bigImageUrl
    qint64 appId = 0;            // Gotify v3 with only a client token: which application posts
};

struct SendResult
{
    bool ok = false;
    QString serverId; // Gotify message id / OpenIM serverMsgID
    QString clientId; // OpenIM clientMsgID
    QDateTime time;   // the server's time, when it said
    int errCode = 0;  // OpenIM errCode (-1 timeout, -2 not connected, -3 bad recipient); Gotify HTTP status
    QString error;    // the server's own words, or ours, when not ok
    // When ok: the message as sent, ready for the history (direction Out, no session key yet).
    InboundMessage sent;
    // Gotify: the server's answer as it came (the message object `channeltray send` prints).
    QJsonObject answer;
};

} // namespace ct

Q_DECLARE_METATYPE(ct::SendResult)
