#include "openimcontent.h"

#include "openimmessages.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeDatabase>
#include <QSize>
#include <QUrl>
#include <QUuid>

namespace ct::openim {

namespace {
QString fileNameOf(const QString &url)
{
    const QString name = QUrl(url).fileName();
    return name.isEmpty() ? QStringLiteral("file") : name;
}

QString mimeOf(const QString &url)
{
    return QMimeDatabase().mimeTypeForFile(fileNameOf(url), QMimeDatabase::MatchExtension).name();
}

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Width and height from a PNG, GIF or JPEG header (core stays free of QtGui).
QSize imageSize(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray h = f.read(256 * 1024);
    auto u8 = [&h](int i) { return i < h.size() ? int(uchar(h[i])) : 0; };
    if (h.startsWith("\x89PNG") && h.size() >= 24)
        return QSize((u8(16) << 24) | (u8(17) << 16) | (u8(18) << 8) | u8(19),
                     (u8(20) << 24) | (u8(21) << 16) | (u8(22) << 8) | u8(23));
    if (h.startsWith("GIF") && h.size() >= 10)
        return QSize(u8(6) | (u8(7) << 8), u8(8) | (u8(9) << 8));
    if (h.startsWith("\xFF\xD8")) {
        int i = 2;
        while (i + 9 < h.size() && u8(i) == 0xFF) {
            const int marker = u8(i + 1);
            const int len = (u8(i + 2) << 8) | u8(i + 3);
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
                return QSize((u8(i + 7) << 8) | u8(i + 8), (u8(i + 5) << 8) | u8(i + 6));
            i += 2 + len;
        }
    }
    return {};
}

constexpr int kMaxFallbackChars = 2000;

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
} // namespace

QString readableText(int contentType, const QByteArray &content, QString *imageUrl)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(content, &error);
    const bool malformed = error.error != QJsonParseError::NoError || !doc.isObject();
    const QJsonObject o = doc.object();
    auto s = [&o](const char *key) { return o.value(QLatin1String(key)).toString(); };
    // "[label] a b" without dangling spaces when a part is missing.
    auto labelled = [](const QString &label, const QStringList &parts) {
        QStringList words{label};
        for (const QString &p : parts)
            if (!p.isEmpty())
                words << p;
        return words.join(QLatin1Char(' '));
    };
    if (malformed) {
        // Not a JSON object: show the text as it came (a text kind) or the kind; never crash.
        const QString plain = QString::fromUtf8(content).trimmed().left(kMaxFallbackChars);
        const bool textKind = contentType == Text || contentType == AtText || contentType == Markdown;
        return textKind && !plain.isEmpty() ? plain : QStringLiteral("[content type %1]").arg(contentType);
    }
    const QString fallback = QStringLiteral("[content type %1]").arg(contentType);
    auto orFallback = [&fallback](const QString &text) { return text.isEmpty() ? fallback : text; };
    switch (contentType) {
    case Text:
        return orFallback(s("content"));
    case AtText:
        return orFallback(s("text"));
    case Markdown:
        return orFallback(o.contains(QStringLiteral("content")) ? s("content") : s("markdown"));
    case Picture: {
        const QString url =
            o.value(QStringLiteral("sourcePicture")).toObject().value(QStringLiteral("url")).toString();
        if (imageUrl)
            *imageUrl = url;
        return labelled(QStringLiteral("[picture]"), {url});
    }
    case Video:
        return labelled(QStringLiteral("[video]"), {s("videoUrl")});
    case File:
        return labelled(QStringLiteral("[file]"), {s("fileName"), s("sourceUrl")});
    case Voice:
        return labelled(QStringLiteral("[voice]"), {s("sourceUrl")});
    default:
        if (o.contains(QStringLiteral("content")) && o.value(QStringLiteral("content")).isString())
            return orFallback(s("content"));
        return fallback;
    }
}

InboundMessage toInbound(const MsgData &msg, const QString &conversationID, const AccountAddress &account,
                         const QString &selfUserID, bool notification, InboundMessage::Via via)
{
    InboundMessage m;
    m.account = account;
    m.id = !msg.clientMsgID.isEmpty() ? msg.clientMsgID : msg.serverMsgID;
    m.seq = msg.seq;
    m.conversationId = conversationID;
    m.sender = msg.sendID;
    m.senderName = msg.senderNickname;
    if (msg.sessionType == 3 || !msg.groupID.isEmpty())
        m.groupId = msg.groupID;
    m.peer = !m.groupId.isEmpty() ? m.groupId : (m.sender == selfUserID ? msg.recvID : m.sender);
    m.direction = m.sender == selfUserID ? InboundMessage::Direction::Out : InboundMessage::Direction::In;
    m.contentType = QString::number(msg.contentType);
    m.rawContent = QString::fromUtf8(msg.content);
    m.text = readableText(msg.contentType, msg.content, &m.imageUrl);
    m.serverTime = QDateTime::fromMSecsSinceEpoch(msg.sendTime ? msg.sendTime : msg.createTime, Qt::UTC);
    m.atUserIds = msg.atUserIDList;
    m.isNotification = notification || conversationID.startsWith(QStringLiteral("n_"));
    m.via = via;
    return m;
}

QByteArray textContent(const QString &text)
{
    return compact({{QStringLiteral("content"), text}});
}

QByteArray pictureContent(const QString &url, const QString &localFile)
{
    QJsonObject picture{{QStringLiteral("uuid"), uuid()}, {QStringLiteral("type"), mimeOf(url)},
                        {QStringLiteral("size"), 0},      {QStringLiteral("width"), 0},
                        {QStringLiteral("height"), 0},    {QStringLiteral("url"), url}};
    const QFileInfo info(localFile);
    if (!localFile.isEmpty() && info.isReadable()) {
        picture.insert(QStringLiteral("size"), info.size());
        const QSize size = imageSize(localFile);
        if (size.isValid()) {
            picture.insert(QStringLiteral("width"), size.width());
            picture.insert(QStringLiteral("height"), size.height());
        }
    }
    return compact({{QStringLiteral("sourcePath"), localFile},
                    {QStringLiteral("sourcePicture"), picture},
                    {QStringLiteral("bigPicture"), picture},
                    {QStringLiteral("snapshotPicture"), picture}});
}

QByteArray videoContent(const QString &url, const QString &localFile)
{
    const QFileInfo info(localFile);
    const qint64 size = !localFile.isEmpty() && info.isReadable() ? info.size() : 0;
    return compact({{QStringLiteral("videoPath"), localFile},
                    {QStringLiteral("videoUUID"), uuid()},
                    {QStringLiteral("videoUrl"), url},
                    {QStringLiteral("videoType"), mimeOf(url)},
                    {QStringLiteral("videoSize"), size},
                    {QStringLiteral("duration"), 0},
                    {QStringLiteral("snapshotPath"), QString()},
                    {QStringLiteral("snapshotUUID"), QString()},
                    {QStringLiteral("snapshotSize"), 0},
                    {QStringLiteral("snapshotUrl"), QString()},
                    {QStringLiteral("snapshotWidth"), 0},
                    {QStringLiteral("snapshotHeight"), 0}});
}

QByteArray fileContent(const QString &url, const QString &localFile)
{
    const QFileInfo info(localFile);
    const qint64 size = !localFile.isEmpty() && info.isReadable() ? info.size() : 0;
    return compact({{QStringLiteral("filePath"), localFile},
                    {QStringLiteral("uuid"), uuid()},
                    {QStringLiteral("sourceUrl"), url},
                    {QStringLiteral("fileName"), fileNameOf(url)},
                    {QStringLiteral("fileSize"), size}});
}

} // namespace ct::openim
