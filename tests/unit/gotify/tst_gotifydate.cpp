// parseGotifyDate: Gotify's RFC 3339 dates (up to 9 fractional digits, any offset) become the
// same UTC instant Qt's own date types give, milliseconds truncated; whatever the fast path
// does not accept is left to Qt's ISO parser.
#include "gotify/gotifydecoder.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace ct;

namespace {
// The expected instant, from Qt's calendar types: valid components give
// date + time (milliseconds truncated) − offset; anything else is Qt's ISO parser's answer.
QDateTime expectedInstant(const QString &text, int y, int mo, int d, int h, int mi, int s, int ms, int offsetSecs,
                          bool wellFormed)
{
    const QDate date(y, mo, d);
    const QTime time(h, mi, s, ms);
    if (wellFormed && date.isValid() && time.isValid())
        return QDateTime(date, time, Qt::UTC).addSecs(-offsetSecs);
    const QDateTime qt = QDateTime::fromString(text, Qt::ISODateWithMs);
    return qt.isValid() ? qt.toUTC() : qt;
}

QString twoDigits(int v)
{
    return QStringLiteral("%1").arg(v, 2, 10, QLatin1Char('0'));
}
} // namespace

class TestGotifyDate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serverDates_becomeTheirUtcInstant_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        const auto utc = [](int y, int mo, int d, int h, int mi, int s, int ms) {
            return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
        };
        QTest::newRow("nanoseconds, Z")
            << QStringLiteral("2026-11-22T10:00:00.123456789Z") << utc(2026, 11, 22, 10, 0, 0, 123);
        QTest::newRow("7 digits, +01:00")
            << QStringLiteral("2018-02-27T19:36:10.5045044+01:00") << utc(2018, 2, 27, 18, 36, 10, 504);
        QTest::newRow("no fraction, -02:30")
            << QStringLiteral("2018-02-27T19:36:10-02:30") << utc(2018, 2, 27, 22, 6, 10, 0);
        QTest::newRow("offset crosses the year")
            << QStringLiteral("2025-12-31T23:30:00-01:00") << utc(2026, 1, 1, 0, 30, 0, 0);
        QTest::newRow("leap day") << QStringLiteral("2024-02-29T12:00:00Z") << utc(2024, 2, 29, 12, 0, 0, 0);
        QTest::newRow("leap day of a 400-year")
            << QStringLiteral("2000-02-29T00:00:00.999Z") << utc(2000, 2, 29, 0, 0, 0, 999);
        QTest::newRow("before the epoch")
            << QStringLiteral("1969-12-31T23:59:59.5Z") << utc(1969, 12, 31, 23, 59, 59, 500);
        QTest::newRow("year 1") << QStringLiteral("0001-01-01T00:00:00Z") << utc(1, 1, 1, 0, 0, 0, 0);
        QTest::newRow("lower-case t and z")
            << QStringLiteral("2026-11-22t10:00:00z") << utc(2026, 11, 22, 10, 0, 0, 0);
    }
    void serverDates_becomeTheirUtcInstant()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        const QDateTime got = parseGotifyDate(text);
        QCOMPARE(got, expected);
        QCOMPARE(got.timeSpec(), Qt::UTC);
    }

    void impossibleDates_areNotInvented_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *t :
             {"2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z",
              "2026-00-10T00:00:00Z", "2026-11-00T00:00:00Z", "2026-11-22T24:00:01Z", "2026-11-22T10:60:00Z",
              "2026-11-22T10:00:60Z", "2026-11-22x10:00:00Z", "2026/11/22T10:00:00Z", "2026-11-22T10:00:00",
              "2026-11-22T10:00:00+1:00", "yesterday", ""})
            QTest::newRow(t) << QString::fromLatin1(t);
        QTest::newRow("arabic-indic fraction digits") << QStringLiteral("2026-11-22T10:00:00.\u0661\u0662Z");
    }
    void impossibleDates_areNotInvented()
    {
        QFETCH(QString, text);
        const QDateTime qt = QDateTime::fromString(text, Qt::ISODateWithMs);
        QCOMPARE(parseGotifyDate(text), qt.isValid() ? qt.toUTC() : qt);
    }

    // 20,000 seeded dates: valid and invalid components, 0–10 fraction digits, Z or offsets.
    void randomDates_matchQtsCalendar()
    {
        QRandomGenerator rng(20261122);
        int validSeen = 0;
        for (int i = 0; i < 20000; ++i) {
            const int y = 1 + int(rng.bounded(9999));
            const int mo = int(rng.bounded(14)); // 0 and 13 are invalid
            const int d = int(rng.bounded(33));  // 0, 29–32 are sometimes invalid
            const int h = int(rng.bounded(25));  // 24 is invalid here
            const int mi = int(rng.bounded(61));
            const int s = int(rng.bounded(61));
            const int fractionDigits = int(rng.bounded(11));
            QString fraction;
            for (int k = 0; k < fractionDigits; ++k)
                fraction += QChar(u'0' + char16_t(rng.bounded(10)));
            int ms = 0;
            for (int k = 0; k < 3; ++k)
                ms = ms * 10 + (k < fraction.size() ? fraction.at(k).unicode() - '0' : 0);
            int offsetSecs = 0;
            QString zone = QStringLiteral("Z");
            if (rng.bounded(2)) {
                const int oh = int(rng.bounded(15)), om = int(rng.bounded(4)) * 15;
                const bool west = rng.bounded(2);
                offsetSecs = (oh * 3600 + om * 60) * (west ? -1 : 1);
                zone =
                    QStringLiteral("%1%2:%3").arg(QLatin1Char(west ? '-' : '+')).arg(twoDigits(oh), twoDigits(om));
            }
            const QString text = QStringLiteral("%1-%2-%3T%4:%5:%6%7%8")
                                     .arg(y, 4, 10, QLatin1Char('0'))
                                     .arg(twoDigits(mo), twoDigits(d), twoDigits(h), twoDigits(mi), twoDigits(s),
                                          fractionDigits ? QStringLiteral(".") + fraction : QString(), zone);
            // The fast path reads 1–9 fraction digits; "." with none or with 10 is left to Qt.
            const bool wellFormed = fractionDigits <= 9;
            const QDateTime expected = expectedInstant(text, y, mo, d, h, mi, s, ms, offsetSecs, wellFormed);
            validSeen += expected.isValid() ? 1 : 0;
            QVERIFY2(parseGotifyDate(text) == expected, qPrintable(text));
        }
        QVERIFY(validSeen > 5000); // the run was not all rejections
    }
};

QTEST_GUILESS_MAIN(TestGotifyDate)
#include "tst_gotifydate.moc"
