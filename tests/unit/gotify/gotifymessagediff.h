#pragma once
// Two decoded Gotify messages compared field by field, for the frame scanner's tests and its
// differential fuzzer (tests/fuzz/gotify_frame): the scanner and the JSON path must agree.
#include "inbound/inboundmessage.h"

#include <QVariant>
#include <optional>

namespace ct {

// The first field in which a and b differ ("" when they are the same message or both nullopt).
inline QString difference(const std::optional<InboundMessage> &a, const std::optional<InboundMessage> &b)
{
    if (a.has_value() != b.has_value())
        return QStringLiteral("one is nullopt: fast %1, json %2").arg(a.has_value()).arg(b.has_value());
    if (!a)
        return {};
    const auto field = [](const char *name, const auto &x, const auto &y) {
        if (x == y)
            return QString();
        return QStringLiteral("%1: fast \"%2\", json \"%3\"")
            .arg(QLatin1String(name))
            .arg(QVariant::fromValue(x).toString(), QVariant::fromValue(y).toString());
    };
    const QString differences[] = {
        a->account == b->account ? QString() : QStringLiteral("account"),
        field("id", a->id, b->id),
        field("seq", a->seq, b->seq),
        field("conversationId", a->conversationId, b->conversationId),
        field("peer", a->peer, b->peer),
        field("groupId", a->groupId, b->groupId),
        field("sender", a->sender, b->sender),
        field("senderName", a->senderName, b->senderName),
        field("title", a->title, b->title),
        field("text", a->text, b->text),
        field("contentType", a->contentType, b->contentType),
        field("rawContent", a->rawContent, b->rawContent),
        field("priority", a->priority, b->priority),
        field("serverTime", a->serverTime, b->serverTime),
        field("serverTime.isValid", a->serverTime.isValid(), b->serverTime.isValid()),
        field("serverTime.timeSpec", int(a->serverTime.timeSpec()), int(b->serverTime.timeSpec())),
        field("via", int(a->via), int(b->via)),
        field("direction", int(a->direction), int(b->direction)),
        field("atUserIds", a->atUserIds, b->atUserIds),
        field("mentionsMe", a->mentionsMe, b->mentionsMe),
        field("mentionsAll", a->mentionsAll, b->mentionsAll),
        field("isNotification", a->isNotification, b->isNotification),
        field("fromSelf", a->fromSelf, b->fromSelf),
        field("clickUrl", a->clickUrl, b->clickUrl),
        field("imageUrl", a->imageUrl, b->imageUrl),
        field("sessionKey", a->sessionKey, b->sessionKey),
        field("filtered", a->filtered, b->filtered),
    };
    for (const QString &d : differences) {
        if (!d.isEmpty())
            return d;
    }
    return {};
}

// The frame with every character outside printable ASCII as \x{…}, for failure messages.
inline QString printable(const QString &frame)
{
    QString out;
    for (const QChar c : frame) {
        if (c.unicode() >= 0x20 && c.unicode() < 0x7f)
            out += c;
        else
            out += QStringLiteral("\\x{%1}").arg(c.unicode(), 0, 16);
    }
    return out;
}

} // namespace ct
