#pragma once
// One received (or sent) message, whatever the channel. Channel decoders (gotify/, openim/)
// fill it; the inbound pipeline filters, de-duplicates, keys, stores and delivers it.
#include "config/accountaddress.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace ct {

struct InboundMessage
{
    enum class Via { Stream, Catchup };
    enum class Direction { In, Out };

    AccountAddress account;
    QString id;             // Gotify message id (decimal); OpenIM clientMsgID
    qint64 seq = 0;         // OpenIM seq (0 when none)
    QString conversationId; // OpenIM "si_a_b" / "sg_g" / "n_…"; empty for Gotify
    QString peer;           // the other party (docs/architecture.md "Session keys"), before identityLinks
    QString groupId;        // OpenIM group; empty for direct messages
    QString sender;         // sender id (OpenIM sendID; Gotify appid)
    QString senderName;     // display name when known
    QString title;          // Gotify title
    QString text;           // readable text
    QString contentType;    // Gotify "text/plain" | "text/markdown"; OpenIM the number, e.g. "101"
    QString rawContent;     // raw content JSON (OpenIM content; Gotify extras)
    int priority = 0;       // Gotify priority
    QDateTime serverTime;   // UTC
    Via via = Via::Stream;
    Direction direction = Direction::In;
    QStringList atUserIds;       // OpenIM atUserIDList
    bool mentionsMe = false;     // set by the pipeline from atUserIds and the account's userID
    bool mentionsAll = false;    // the all-members tag was present
    bool isNotification = false; // OpenIM notification conversation: stored, never notified
    bool fromSelf = false;       // set by the pipeline: the account itself sent it (another device)
    QString clickUrl;            // Gotify client::notification.click.url
    QString imageUrl;            // picture / big image URL when any

    // Filled by the pipeline:
    QString sessionKey;
    bool filtered = false;
};

inline QString viaName(InboundMessage::Via via)
{
    return via == InboundMessage::Via::Stream ? QStringLiteral("stream") : QStringLiteral("catchup");
}

} // namespace ct

// Every member is relocatable (Qt's implicitly shared types, enums, numbers): a QList of
// messages grows and drops its front by moving bytes, not by running move constructors.
Q_DECLARE_TYPEINFO(ct::InboundMessage, Q_RELOCATABLE_TYPE);
Q_DECLARE_METATYPE(ct::InboundMessage)
