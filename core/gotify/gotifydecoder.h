#pragma once
// Gotify Message JSON → InboundMessage (docs/protocols.md "Message"; docs/architecture.md "Session
// keys"). peer = extras.openclaw.peerId → appid → title → "gotify"; contentType from
// client::display.contentType; click URL and big image from client::notification.
#include "inbound/inboundmessage.h"

#include <QJsonObject>
#include <QStringView>
#include <optional>

namespace ct {

// nullopt when the object is not a Gotify message (no positive id).
std::optional<InboundMessage> decodeGotifyMessage(const QJsonObject &message, const AccountAddress &account,
                                                  InboundMessage::Via via);
// One stream text frame (Via::Stream). The common flat frame (no extras) is read by
// scanGotifyFrame (gotifyframescanner.h) without building a JSON document; any other frame
// goes through decodeGotifyFrameViaJson. Both give the same message for every frame.
std::optional<InboundMessage> decodeGotifyFrame(const QString &frame, const AccountAddress &account);
// The same into a default-constructed message (a slot of a batch: no move afterwards);
// false, and out left as it was, for a frame that is not a message.
bool decodeGotifyFrame(const QString &frame, const AccountAddress &account, InboundMessage &out);
// The same through QJsonDocument and decodeGotifyMessage, for every frame.
std::optional<InboundMessage> decodeGotifyFrameViaJson(const QString &frame, const AccountAddress &account);
// RFC 3339 with up to 9 fractional digits and any offset → UTC (invalid when unparsable).
QDateTime parseGotifyDate(QStringView text);

} // namespace ct
