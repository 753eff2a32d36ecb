#include "gotifydecoder.h"

#include "gotifyframescanner.h"
#include "inbound/sessionkeyresolver.h"

#include <QJsonDocument>

namespace ct {

namespace {
// Digits at [pos, pos+n) as a number; -1 when any is not a digit.
int digits(QStringView s, qsizetype pos, int n)
{
    if (pos + n > s.size())
        return -1;
    int v = 0;
    for (int i = 0; i < n; ++i) {
        const QChar c = s.at(pos + i);
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return -1;
        v = v * 10 + (c.unicode() - '0');
    }
    return v;
}

// What every decoded Gotify message starts from: the id (> 0), the sender from appid.
void startGotifyMessage(InboundMessage &m, qint64 id, qint64 appid, const AccountAddress &account,
                        InboundMessage::Via via)
{
    m.account = account;
    m.id = QString::number(id);
    m.via = via;
    if (appid <= 0)
        return;
    // A stream's messages mostly come from a few apps: share the text of the last app id.
    thread_local qint64 lastAppId = 0;
    thread_local QString lastAppText;
    if (appid != lastAppId) {
        lastAppText = QString::number(appid);
        lastAppId = appid;
    }
    m.sender = lastAppText;
}

// A frame the scanner handled has no extras: the plain peer and content type. m is a fresh
// message; false (m untouched) when the frame has no positive id.
bool fillScannedFrame(const GotifyFrameFields &f, const AccountAddress &account, InboundMessage &m)
{
    if (f.id <= 0)
        return false;
    startGotifyMessage(m, f.id, f.appid, account, InboundMessage::Via::Stream);
    m.title = f.title.toString();
    m.text = f.message.toString();
    // QJsonValue::toInt(): 0 for a number that does not fit an int.
    m.priority = f.priority == qint64(int(f.priority)) ? int(f.priority) : 0;
    m.serverTime = f.date.hasEscapes ? parseGotifyDate(f.date.toString()) : parseGotifyDate(f.date.raw);
    // The peer rule without extras: appid (the sender text, shared), else title, else "gotify".
    m.peer = f.appid > 0 ? m.sender : SessionKeyResolver::gotifyPeer({}, 0, m.title);
    m.contentType = QStringLiteral("text/plain");
    return true;
}
} // namespace

namespace {
bool isLeapYear(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (y >= 1): whole years
// counted with their leap days, then the months of year y.
qint64 daysSinceEpoch(int y, int m, int d)
{
    static const int kDaysBeforeMonth[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    const qint64 yearsBefore = y - 1; // years 1 .. y-1
    const qint64 daysBeforeYear = yearsBefore * 365 + yearsBefore / 4 - yearsBefore / 100 + yearsBefore / 400;
    constexpr qint64 kDaysBefore1970 = 719162; // days of the years 1 .. 1969
    return daysBeforeYear - kDaysBefore1970 + kDaysBeforeMonth[m - 1] + (m > 2 && isLeapYear(y) ? 1 : 0) + d - 1;
}

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}
} // namespace

QDateTime parseGotifyDate(QStringView s)
{
    // Fast path for "YYYY-MM-DDTHH:MM:SS[.f{1,9}](Z|±HH:MM)", straight to milliseconds since
    // the epoch; anything else (and anything it does not accept) goes to Qt's ISO parser.
    const int y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2);
    const int h = digits(s, 11, 2), mi = digits(s, 14, 2), sec = digits(s, 17, 2);
    if (y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && h >= 0 && h < 24 && mi >= 0 && mi < 60 && sec >= 0 && sec < 60
        && s.size() >= 20 && s.at(4) == QLatin1Char('-') && s.at(7) == QLatin1Char('-')
        && (s.at(10) == QLatin1Char('T') || s.at(10) == QLatin1Char('t')) && s.at(13) == QLatin1Char(':')
        && s.at(16) == QLatin1Char(':')) {
        static const int kDaysInMonth[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        const int monthDays = kDaysInMonth[mo - 1] + (mo == 2 && isLeapYear(y) ? 1 : 0);
        qsizetype pos = 19;
        int ms = 0;
        bool fractionOk = true;
        if (s.at(pos) == QLatin1Char('.')) {
            int scale = 100;
            ++pos;
            const qsizetype first = pos;
            while (pos < s.size() && isAsciiDigit(s.at(pos))) {
                ms += (s.at(pos).unicode() - '0') * scale;
                scale /= 10;
                ++pos;
            }
            fractionOk = pos > first && pos - first <= 9;
        }
        int offsetSecs = 0;
        bool zoneOk = false;
        if (pos == s.size() - 1 && (s.at(pos) == QLatin1Char('Z') || s.at(pos) == QLatin1Char('z'))) {
            zoneOk = true;
        } else if (pos == s.size() - 6 && (s.at(pos) == QLatin1Char('+') || s.at(pos) == QLatin1Char('-'))) {
            const int oh = digits(s, pos + 1, 2), om = digits(s, pos + 4, 2);
            zoneOk = oh >= 0 && oh < 24 && om >= 0 && om < 60 && s.at(pos + 3) == QLatin1Char(':');
            offsetSecs = (oh * 3600 + om * 60) * (s.at(pos) == QLatin1Char('-') ? -1 : 1);
        }
        if (zoneOk && fractionOk && d <= monthDays) {
            const qint64 secs = daysSinceEpoch(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - offsetSecs;
            return QDateTime::fromMSecsSinceEpoch(secs * 1000 + ms, Qt::UTC);
        }
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
    const qint64 appid = o.value(QStringLiteral("appid")).toInteger();
    InboundMessage m;
    startGotifyMessage(m, id, appid, account, via);
    m.title = o.value(QStringLiteral("title")).toString();
    m.text = o.value(QStringLiteral("message")).toString();
    m.priority = o.value(QStringLiteral("priority")).toInt();
    m.serverTime = parseGotifyDate(o.value(QStringLiteral("date")).toString());

    const QJsonObject extras = o.value(QStringLiteral("extras")).toObject();
    const QString peerId =
        extras.value(QStringLiteral("openclaw")).toObject().value(QStringLiteral("peerId")).toVariant().toString();
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

bool decodeGotifyFrame(const QString &frame, const AccountAddress &account, InboundMessage &out)
{
    if (const std::optional<GotifyFrameFields> fields = scanGotifyFrame(frame))
        return fillScannedFrame(*fields, account, out);
    std::optional<InboundMessage> decoded = decodeGotifyFrameViaJson(frame, account);
    if (!decoded)
        return false;
    out = std::move(*decoded);
    return true;
}

std::optional<InboundMessage> decodeGotifyFrame(const QString &frame, const AccountAddress &account)
{
    std::optional<InboundMessage> result(std::in_place);
    if (!decodeGotifyFrame(frame, account, *result))
        result.reset();
    return result;
}

std::optional<InboundMessage> decodeGotifyFrameViaJson(const QString &frame, const AccountAddress &account)
{
    const QJsonDocument doc = QJsonDocument::fromJson(frame.toUtf8());
    if (!doc.isObject())
        return std::nullopt;
    return decodeGotifyMessage(doc.object(), account, InboundMessage::Via::Stream);
}

} // namespace ct
