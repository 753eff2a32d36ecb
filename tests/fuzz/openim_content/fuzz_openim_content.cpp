// Fuzzer of OpenIM content JSON (readableText): any bytes under any content type give a text,
// never a crash; a text kind never reads as empty, and the picture URL comes only from a picture.
//
// Input: two bytes of content type (big-endian, so 101–118 and unknown types are all reached),
// then the content.
#include "../fuzzsupport.h"
#include "openim/openimcontent.h"

using namespace ct;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ctfuzz::FuzzInput in(data, size);
    const int high = in.byte();
    const int contentType = high << 8 | in.byte();
    const QByteArray content = in.rest();
    QString imageUrl = QStringLiteral("unset");
    const QString text = ct::openim::readableText(contentType, content, &imageUrl);
    FUZZ_CHECK(!text.isEmpty(), QStringLiteral("content type %1 read as empty").arg(contentType));
    FUZZ_CHECK(contentType == ct::openim::Picture || imageUrl == QLatin1String("unset"),
               QStringLiteral("content type %1 set an image URL").arg(contentType));
    return 0;
}
