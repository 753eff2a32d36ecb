#pragma once
// OpenIM message content (docs/protocols.md "Content JSON"): MsgData → InboundMessage with a
// readable text, and the content JSON ChannelTray sends for text, picture, video and file.
#include "inbound/inboundmessage.h"

#include <QByteArray>
#include <QString>

namespace ct::openim {

struct MsgData;

enum ContentType : int {
    Text = 101,
    Picture = 102,
    Voice = 103,
    Video = 104,
    File = 105,
    AtText = 106,
    Markdown = 118,
};

// Readable text of a content JSON for its contentType ("[picture] <url>", …). Content that is
// not a JSON object reads as its own text for the text kinds (101, 106, 118), else as
// "[content type N]"; it never throws or crashes.
QString readableText(int contentType, const QByteArray &content, QString *imageUrl = nullptr);

// One InboundMessage per MsgData. `selfUserID` decides the peer and the direction.
InboundMessage toInbound(const MsgData &msg, const QString &conversationID, const AccountAddress &account,
                         const QString &selfUserID, bool notification, InboundMessage::Via via);

// Content JSON for a send. For pictures, `localFile` (when readable) gives size/width/height.
QByteArray textContent(const QString &text);
QByteArray pictureContent(const QString &url, const QString &localFile = {});
QByteArray videoContent(const QString &url, const QString &localFile = {});
QByteArray fileContent(const QString &url, const QString &localFile = {});

} // namespace ct::openim
