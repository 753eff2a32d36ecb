// Differential fuzzer of the Gotify stream frame decoder: decodeGotifyFrame (which takes the
// fast scanner, gotifyframescanner, whenever it says "handled") and decodeGotifyFrameViaJson
// (QJsonDocument) must give the same message field by field, or both reject the frame.
//
// Input: the frame as UTF-8, as a WebSocket text frame arrives (invalid sequences become
// U+FFFD). An input starting with 0xFF is instead raw UTF-16 after that byte, so lone and
// reversed surrogates reach the scanner too.
#include "../fuzzsupport.h"
#include "gotify/gotifydecoder.h"
#include "gotify/gotifyframescanner.h"
#include "unit/gotify/gotifymessagediff.h"

#include <QJsonDocument>

using namespace ct;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const AccountAddress account{kGotifyChannel, QStringLiteral("fuzz")};
    QString frame;
    if (size > 0 && data[0] == 0xFF)
        frame = QString(reinterpret_cast<const QChar *>(data + 1), qsizetype((size - 1) / 2));
    else
        frame = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));

    const std::optional<InboundMessage> fast = decodeGotifyFrame(frame, account);
    const std::optional<InboundMessage> json = decodeGotifyFrameViaJson(frame, account);
    const QString d = difference(fast, json);
    FUZZ_CHECK(d.isEmpty(), QStringLiteral("frame %1: %2").arg(printable(frame), d));

    // The batch-slot overload fills a message exactly like the optional one, and leaves the
    // slot alone for a frame that is not a message.
    InboundMessage slot;
    slot.id = QStringLiteral("untouched");
    const bool decoded = decodeGotifyFrame(frame, account, slot);
    FUZZ_CHECK(decoded == fast.has_value(), printable(frame));
    FUZZ_CHECK(decoded ? difference(slot, fast).isEmpty() : slot.id == QLatin1String("untouched"),
               printable(frame));

    // A frame the scanner handles parses as a JSON object too (it never accepts broken JSON).
    if (const auto fields = scanGotifyFrame(frame))
        FUZZ_CHECK(QJsonDocument::fromJson(frame.toUtf8()).isObject(), printable(frame));
    return 0;
}
