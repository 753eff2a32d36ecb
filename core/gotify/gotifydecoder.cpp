#include "gotifydecoder.h"

#include "inbound/sessionkeyresolver.h"

#include <QJsonDocument>

namespace ct {

QDateTime parseGotifyDate(const QString &text)
{
    // Qt wants at most milliseconds: cut the fraction to 3 digits, keep the offset.
    QString s = text;
    const qsizetype dot = s.indexOf(QLatin1Char('.'), 19);
    if (dot == 19) {
        qsizetype end = dot + 1;
        while (end < s.size() && s.at(end).isDigit())
            ++end;
        QString frac = s.mid(dot + 1, end - dot - 1).left(3);
        while (frac.size() < 3)
            frac += QLatin1Char('0');
        s = s.left(dot + 1) + frac + s.mid(end);
    }
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : t;
}

std::optional<InboundMessage> decodeGotifyMessage(const QJsonObject &o, const AccountAddress &account,
                                                  InboundMessage::Via via)
{
    const qint64 id = o.value(QStringLiteral("id")).toInteger();
    if (id <= 0)
        return std::nullopt;
    InboundMessage m;
    m.account = account;
    m.id = QString::number(id);
    m.via = via;
    const qint64 appid = o.value(QStringLiteral("appid")).toInteger();
    m.sender = appid > 0 ? QString::number(appid) : QString();
    m.title = o.value(QStringLiteral("title")).toString();
    m.text = o.value(QStringLiteral("message")).toString();
    m.priority = o.value(QStringLiteral("priority")).toInt();
    m.serverTime = parseGotifyDate(o.value(QStringLiteral("date")).toString());

    const QJsonObject extras = o.value(QStringLiteral("extras")).toObject();
    const QString peerId = extras.value(QStringLiteral("openclaw")).toObject().value(QStringLiteral("peerId")).toVariant().toString();
    m.peer = SessionKeyResolver::gotifyPeer(peerId, appid, m.title);
    const QString contentType =
        extras.value(QStringLiteral("client::display")).toObject().value(QStringLiteral("contentType")).toString();
    m.contentType = contentType.isEmpty() ? QStringLiteral("text/plain") : contentType;
    const QJsonObject notification = extras.value(QStringLiteral("client::notification")).toObject();
    m.clickUrl = notification.value(QStringLiteral("click")).toObject().value(QStringLiteral("url")).toString();
    m.imageUrl = notification.value(QStringLiteral("bigImageUrl")).toString();
    if (!extras.isEmpty())
        m.rawContent = QString::fromUtf8(QJsonDocument(extras).toJson(QJsonDocument::Compact));
    return m;
}

std::optional<InboundMessage> decodeGotifyFrame(const QString &frame, const AccountAddress &account)
{
    const QJsonDocument doc = QJsonDocument::fromJson(frame.toUtf8());
    if (!doc.isObject())
        return std::nullopt;
    return decodeGotifyMessage(doc.object(), account, InboundMessage::Via::Stream);
}

} // namespace ct
