// Fuzzer of parseGotifyDate against Qt's own date types. The oracle reads the input on its own:
// when it is "YYYY-MM-DDTHH:MM:SS[.1-9 digits](Z|±HH:MM)" (ASCII digits, T/t, Z/z) with a real
// date and time, the answer is QDateTime(QDate, QTime with milliseconds truncated, UTC) minus
// the offset; anything else must be what Qt's ISO parser says (converted to UTC).
#include "../fuzzsupport.h"
#include "gotify/gotifydecoder.h"

#include <QRegularExpression>

using namespace ct;

namespace {
QDateTime expectedInstant(const QString &text)
{
    static const QRegularExpression rfc3339(
        QStringLiteral("^([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\\.([0-9]{1,9}))?"
                       "(?:[Zz]|([+-])([0-9]{2}):([0-9]{2}))\\z"));
    const QRegularExpressionMatch m = rfc3339.match(text);
    if (m.hasMatch()) {
        auto n = [&m](int i) { return m.captured(i).toInt(); };
        const QString fraction = (m.captured(7) + QStringLiteral("000")).left(3);
        const QDate date(n(1), n(2), n(3));
        const QTime time(n(4), n(5), n(6), fraction.toInt());
        const bool offsetOk = m.captured(8).isEmpty() || (n(9) < 24 && n(10) < 60);
        if (n(1) >= 1 && date.isValid() && time.isValid() && offsetOk) {
            const int offset = (n(9) * 3600 + n(10) * 60) * (m.captured(8) == QLatin1String("-") ? -1 : 1);
            return QDateTime(date, time, Qt::UTC).addSecs(-offset);
        }
    }
    const QDateTime qt = QDateTime::fromString(text, Qt::ISODateWithMs);
    return qt.isValid() ? qt.toUTC() : qt;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QDateTime got = parseGotifyDate(text);
    const QDateTime expected = expectedInstant(text);
    FUZZ_CHECK(got == expected && got.isValid() == expected.isValid(),
               QStringLiteral("%1: got %2, expected %3")
                   .arg(text, got.toString(Qt::ISODateWithMs), expected.toString(Qt::ISODateWithMs)));
    FUZZ_CHECK(!got.isValid() || got.timeSpec() == Qt::UTC, text);
    return 0;
}
