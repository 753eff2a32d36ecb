// gotifyframescanner: decodeGotifyFrame's fast path reads the common flat Gotify frame without
// QJsonDocument, and every frame, handled by it or not, decodes exactly as the JSON path does.
// The oracle is the JSON path itself: decodeGotifyMessage over QJsonDocument::fromJson.
#include "gotify/gotifydecoder.h"
#include "gotify/gotifyframescanner.h"
#include "gotifymessagediff.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QtTest>

using namespace ct;

namespace {

const AccountAddress kAccount{kGotifyChannel, QStringLiteral("ops")};

const QString kTypical = QStringLiteral(
    "{\"id\":123,\"appid\":1,\"message\":\"benchmark message number 123 with some text\","
    "\"title\":\"bench\",\"priority\":5,\"date\":\"2026-11-22T10:00:00.123456789Z\"}");

std::optional<InboundMessage> viaJson(const QString &frame)
{
    return decodeGotifyMessage(QJsonDocument::fromJson(frame.toUtf8()).object(), kAccount,
                               InboundMessage::Via::Stream);
}

// ---- random frames ------------------------------------------------------------------------

class FrameGenerator
{
public:
    explicit FrameGenerator(quint32 seed) : m_random(seed) {}

    // Half of the frames are tidy: every value of the type its key wants, valid integers and
    // escapes only, no extras, nothing cut or garbled; the scanner should take most of them.
    // The others may have anything anywhere.
    QString frame()
    {
        m_tidy = chance(50);
        QString f = object();
        if (!m_tidy)
            mutate(&f);
        return f;
    }

private:
    int below(int n) { return int(m_random.bounded(n)); }
    bool chance(int percent) { return below(100) < percent; }
    template <typename T> const T &pick(std::initializer_list<T> items)
    {
        return items.begin()[below(int(items.size()))];
    }

    // Mostly JSON white space; now and then none, or a character JSON does not allow there.
    QString space()
    {
        if (chance(75))
            return {};
        QString s;
        const int n = 1 + below(3);
        for (int i = 0; i < n; ++i)
            s += m_tidy || chance(95) ? pick({u' ', u'\t', u'\n', u'\r'})
                                      : pick({u'\f', u'\v', u'\u00a0', u'\u2028'});
        return s;
    }

    QString integer()
    {
        switch (below(m_tidy ? 8 : 12)) {
        case 0:
            return QStringLiteral("0");
        case 1:
            return QStringLiteral("-0");
        case 2:
            return QStringLiteral("-%1").arg(1 + below(100000));
        case 3:
            return QStringLiteral("2147483648"); // just over int
        case 4:
            return QStringLiteral("-2147483649");
        case 5:
            return QStringLiteral("999999999999999999"); // 18 digits, the scanner's longest
        case 6:
            return QString::number(1 + below(100000));
        case 7:
            return QString::number(1 + below(100));
        case 8:
            return QStringLiteral("1000000000000000000"); // 19 digits: JSON path only
        case 9:
            return QStringLiteral("99999999999999999999"); // beyond qint64
        case 10:
            return pick({QStringLiteral("1.5"), QStringLiteral("2.0"), QStringLiteral("1e3"),
                         QStringLiteral("1E+2"), QStringLiteral("-3e-1"), QStringLiteral("007"),
                         QStringLiteral("-"), QStringLiteral("+4"), QStringLiteral("0x10")});
        default:
            return QString::number(1 + below(chance(50) ? 10 : 2000000000));
        }
    }

    // One character of string content as it stands in the frame (raw or escaped).
    QString stringPiece()
    {
        if (m_tidy) {
            switch (below(20)) {
            case 0:
                return pick({QStringLiteral("\\\""), QStringLiteral("\\\\"), QStringLiteral("\\/"),
                             QStringLiteral("\\b"), QStringLiteral("\\f"), QStringLiteral("\\n"),
                             QStringLiteral("\\r"), QStringLiteral("\\t")});
            case 1: {
                const int code = below(0xF800); // no surrogate: 0000..D7FF, then E000..FFFF
                return QStringLiteral("\\u%1").arg(code < 0xD800 ? code : code + 0x800, 4, 16, QLatin1Char('0'));
            }
            case 2:
                return pick({QStringLiteral("\u00e9"), QStringLiteral("\u4e2d"), QStringLiteral("\uffff"),
                             QStringLiteral("\U0001F680")});
            default:
                return QString(
                    QChar(char16_t(pick({0x20, 0x41 + below(26), 0x61 + below(26), 0x30 + below(10)}))));
            }
        }
        switch (below(30)) {
        case 0:
            return pick({QStringLiteral("\\\""), QStringLiteral("\\\\"), QStringLiteral("\\/"),
                         QStringLiteral("\\b"), QStringLiteral("\\f"), QStringLiteral("\\n"),
                         QStringLiteral("\\r"), QStringLiteral("\\t")});
        case 1: {
            // \uXXXX: anywhere in the BMP, surrogates and 0000 included; either case of hex.
            const int code = chance(30) ? 0xD800 + below(0x800) : chance(20) ? below(0x20) : below(0x10000);
            QString hex = QStringLiteral("%1").arg(code, 4, 16, QLatin1Char('0'));
            return QStringLiteral("\\u") + (chance(50) ? hex.toUpper() : hex);
        }
        case 2:
            return pick({QStringLiteral("\\x41"), QStringLiteral("\\a"), QStringLiteral("\\'"),
                         QStringLiteral("\\u12"), QStringLiteral("\\uZZZZ"), QStringLiteral("\\ "),
                         QStringLiteral("\\")});
        case 3:
            return QString(QChar(char16_t(below(0x20)))); // raw control character
        case 4:
            return pick({QStringLiteral("\u00e9"), QStringLiteral("\u4e2d"), QStringLiteral("\u00ff"),
                         QStringLiteral("\u20ac"), QStringLiteral("\uffff"), QStringLiteral("\ufffe"),
                         QStringLiteral("\ufdd0"), QStringLiteral("\u007f")});
        case 5:
            return pick({QStringLiteral("\U0001F600"), QString(QChar(char16_t(0xD800 + below(0x800))))});
        default:
            return QString(
                QChar(char16_t(pick({0x20, 0x21, 0x23, 0x41 + below(26), 0x61 + below(26), 0x30 + below(10)}))));
        }
    }

    QString string()
    {
        QString s = QStringLiteral("\"");
        const int n = below(3) == 0 ? 0 : below(40);
        const bool plain = chance(40); // printable ASCII but '"' and '\\': no escapes at all
        for (int i = 0; i < n; ++i) {
            if (!plain) {
                s += stringPiece();
                continue;
            }
            const char16_t c = char16_t(0x20 + below(0x5f));
            s += c == u'"' || c == u'\\' ? QChar(u'\'') : QChar(c);
        }
        return s + QLatin1Char('"');
    }

    QString date()
    {
        switch (below(m_tidy ? 3 : 6)) {
        case 0:
            return QStringLiteral("\"2018-02-27T19:36:10.5045044+01:00\"");
        case 1:
            return QStringLiteral("\"yesterday\"");
        case 2:
            return QStringLiteral("\"2026-11-22T10:00:00\\u002e5Z\""); // an escape in a date
        case 3:
            return string();
        default:
            return QStringLiteral("\"2026-11-%1T%2:00:00.123456789Z\"")
                .arg(1 + below(30), 2, 10, QLatin1Char('0'))
                .arg(below(24), 2, 10, QLatin1Char('0'));
        }
    }

    QString nested()
    {
        return pick(
            {QStringLiteral("{\"client::display\":{\"contentType\":\"text/markdown\"}}"),
             QStringLiteral("{\"openclaw\":{\"peerId\":\"p1\"}}"), QStringLiteral("{}"), QStringLiteral("[]"),
             QStringLiteral("[1,2,{\"a\":null}]"),
             QStringLiteral(
                 "{\"client::notification\":{\"click\":{\"url\":\"https://x\"},\"bigImageUrl\":\"https://i\"}}")});
    }

    // A value of the kind the key wants most of the time, any other kind now and then.
    QString value(const QString &key)
    {
        const bool number = key == u"id" || key == u"appid" || key == u"priority";
        const bool text = key == u"title" || key == u"message";
        if (key == u"extras" && chance(80))
            return nested();
        if (m_tidy || chance(85)) {
            if (number)
                return integer();
            if (text)
                return string();
            if (key == u"date")
                return date();
        }
        switch (below(6)) {
        case 0:
            return QStringLiteral("null");
        case 1:
            return pick(
                {QStringLiteral("true"), QStringLiteral("false"), QStringLiteral("nul"), QStringLiteral("True")});
        case 2:
            return integer();
        case 3:
            return nested();
        default:
            return string();
        }
    }

    QString key()
    {
        if (chance(80))
            return pick({QStringLiteral("id"), QStringLiteral("appid"), QStringLiteral("message"),
                         QStringLiteral("title"), QStringLiteral("priority"), QStringLiteral("date"),
                         QStringLiteral("extras")});
        return pick({QStringLiteral("x"), QStringLiteral("ids"), QStringLiteral("Title"), QStringLiteral(""),
                     QStringLiteral("t\\u0069tle"), QStringLiteral("i\\u0064"), QStringLiteral("openclaw"),
                     QStringLiteral("\u00e9t\u00e9")});
    }

    QString object()
    {
        QStringList keys = {QStringLiteral("id"),    QStringLiteral("appid"),    QStringLiteral("message"),
                            QStringLiteral("title"), QStringLiteral("priority"), QStringLiteral("date")};
        if (!m_tidy && chance(15))
            keys.append(QStringLiteral("extras"));
        // A random subset in a random order, now and then with extra (unknown or repeated) keys.
        for (qsizetype i = keys.size() - 1; i > 0; --i)
            keys.swapItemsAt(i, below(int(i) + 1));
        keys = keys.mid(0, chance(60) ? keys.size() : below(int(keys.size()) + 1));
        const int more = m_tidy || chance(70) ? 0 : 1 + below(3);
        for (int i = 0; i < more; ++i)
            keys.insert(below(int(keys.size()) + 1), key());
        QString f = space() + QLatin1Char('{');
        for (qsizetype i = 0; i < keys.size(); ++i) {
            if (i > 0)
                f += space() + QLatin1Char(',');
            f += space() + QLatin1Char('"') + keys[i] + QLatin1Char('"') + space() + QLatin1Char(':') + space()
                 + value(keys[i]);
        }
        return f + space() + QLatin1Char('}') + space();
    }

    // Now and then: cut short, one character replaced, inserted or dropped, garbage appended.
    void mutate(QString *f)
    {
        const auto anyChar = [this] {
            return QChar(pick({u'{', u'}', u'[', u']', u'"', u'\\', u',', u':', u'0', u'-', u'.', u'e', u' ', u'n',
                               char16_t(below(0x10000))}));
        };
        switch (below(12)) {
        case 0:
            f->truncate(below(int(f->size()) + 1));
            break;
        case 1:
            if (!f->isEmpty())
                (*f)[below(int(f->size()))] = anyChar();
            break;
        case 2:
            f->insert(below(int(f->size()) + 1), anyChar());
            break;
        case 3:
            if (!f->isEmpty())
                f->remove(below(int(f->size())), 1);
            break;
        case 4:
            f->append(
                pick({QStringLiteral("x"), QStringLiteral("{}"), QStringLiteral(","), QStringLiteral("\u0000")}));
            break;
        default:
            break;
        }
    }

    QRandomGenerator m_random;
    bool m_tidy = false;
};

// Hand-written frames: name, frame, whether the fast path takes it.
struct TableFrame
{
    const char *name;
    QString frame;
    bool fast;
};

QList<TableFrame> tableFrames()
{
    const auto s = [](const char *utf8) { return QString::fromUtf8(utf8); };
    return {
        {"typical", kTypical, true},
        {"reordered keys",
         s("{\"date\":\"2026-11-22T10:00:00Z\",\"priority\":8,\"title\":\"t\",\"message\":\"m\",\"appid\":3,\"id\":9}"),
         true},
        {"white space everywhere",
         s(" \r\n{ \"id\" :\t1 ,\n\"appid\": 2 , \"title\" : \"a b\" ,\"message\":\"\" }\r\n "), true},
        {"the JSON escapes",
         s("{\"id\":1,\"title\":\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t end\",\"message\":\"\\u00e9\\u4e2d\\u0041\\u00E9\"}"),
         true},
        {"escaped NUL", s("{\"id\":1,\"message\":\"a\\u0000b\"}"), true},
        {"raw non-ASCII text", s("{\"id\":1,\"title\":\"caf\xc3\xa9\",\"message\":\"\xe4\xb8\xad\xe6\x96\x87\"}"),
         true},
        {"null title", s("{\"id\":5,\"appid\":0,\"title\":null,\"message\":\"m\"}"), true},
        {"every known key null",
         s("{\"id\":7,\"appid\":null,\"title\":null,\"message\":null,\"priority\":null,\"date\":null}"), true},
        {"zero id", s("{\"id\":0,\"message\":\"m\"}"), true},
        {"negative id", s("{\"id\":-4,\"message\":\"m\"}"), true},
        {"missing id", s("{\"appid\":1,\"message\":\"m\"}"), true},
        {"empty object", s("{}"), true},
        {"no appid, title as peer", s("{\"id\":2,\"title\":\"Backups\"}"), true},
        {"negative appid", s("{\"id\":2,\"appid\":-1,\"title\":\"x\"}"), true},
        {"priority beyond int", s("{\"id\":2,\"priority\":4294967297}"), true},
        {"18-digit id", s("{\"id\":999999999999999999}"), true},
        {"unknown scalar keys",
         s("{\"id\":1,\"x\":\"y\",\"flag\":true,\"off\":false,\"n\":-12,\"z\":null,\"extras\":null}"), true},
        {"offset date", s("{\"id\":1,\"date\":\"2018-02-27T19:36:10.5045044+01:00\"}"), true},
        {"unparsable date", s("{\"id\":1,\"date\":\"yesterday\"}"), true},
        {"escaped date", s("{\"id\":1,\"date\":\"2026-11-22T10:00:00\\u002e5Z\"}"), true},
        {"extras present",
         s("{\"id\":1,\"appid\":2,\"title\":\"t\",\"message\":\"**m**\",\"extras\":{\"client::display\":"
           "{\"contentType\":\"text/markdown\"},\"openclaw\":{\"peerId\":\"alice\"}}}"),
         false},
        {"empty extras", s("{\"id\":1,\"extras\":{}}"), false},
        {"nested array", s("{\"id\":1,\"tags\":[\"a\",\"b\"]}"), false},
        {"exponent id", s("{\"id\":1e2,\"message\":\"m\"}"), false},
        {"fraction priority", s("{\"id\":1,\"priority\":2.5}"), false},
        {"integral fraction", s("{\"id\":3.0}"), false},
        {"19-digit id", s("{\"id\":1000000000000000000}"), false},
        {"id beyond qint64", s("{\"id\":99999999999999999999}"), false},
        {"leading zero", s("{\"id\":012}"), false},
        {"duplicate id", s("{\"id\":1,\"id\":2}"), false},
        {"duplicate title, null first", s("{\"id\":1,\"title\":null,\"title\":\"t\"}"), false},
        {"duplicate unknown key", s("{\"id\":1,\"x\":1,\"x\":2}"), true},
        {"title as a number", s("{\"id\":1,\"title\":5}"), false},
        {"id as a string", s("{\"id\":\"12\"}"), false},
        {"priority true", s("{\"id\":1,\"priority\":true}"), false},
        {"escaped key", s("{\"id\":1,\"t\\u0069tle\":\"t\"}"), false},
        {"unknown escape", s("{\"id\":1,\"message\":\"a\\qb\"}"), false},
        {"escaped surrogate pair", s("{\"id\":1,\"message\":\"\\ud83d\\ude00\"}"), false},
        {"lone escaped surrogate", s("{\"id\":1,\"message\":\"\\ud800x\"}"), false},
        {"raw emoji", s("{\"id\":1,\"message\":\"\xf0\x9f\x98\x80\"}"), true},
        {"emoji in title and message",
         s("{\"id\":1,\"title\":\"\xf0\x9f\x9a\x80 deploy\",\"message\":\"ok \xe2\x9c\x85\xf0\x9f\x98\x80\"}"),
         true},
        {"lone raw high surrogate", s("{\"id\":1,\"message\":\"a") + QChar(0xD83D) + s("b\"}"), false},
        {"lone raw low surrogate", s("{\"id\":1,\"message\":\"a") + QChar(0xDE00) + s("b\"}"), false},
        {"reversed raw pair", s("{\"id\":1,\"message\":\"") + QChar(0xDE00) + QChar(0xD83D) + s("\"}"), false},
        {"high surrogate before the closing quote", s("{\"id\":1,\"message\":\"a") + QChar(0xD83D) + s("\"}"),
         false},
        {"high surrogate at the end of the frame", s("{\"id\":1,\"message\":\"a") + QChar(0xD83D), false},
        {"short \\u escape", s("{\"id\":1,\"message\":\"\\u12\"}"), false},
        {"raw tab in a string", s("{\"id\":1,\"message\":\"a\tb\"}"), false},
        {"truncated", kTypical.left(kTypical.size() / 2), false},
        {"truncated after the object's last value", kTypical.chopped(1), false},
        {"unterminated string", s("{\"id\":1,\"message\":\"abc"), false},
        {"missing colon", s("{\"id\" 1}"), false},
        {"trailing comma", s("{\"id\":1,}"), false},
        {"trailing garbage", kTypical + QStringLiteral("x"), false},
        {"two objects", kTypical + kTypical, false},
        {"garbled word", s("{\"id\":1,\"title\":nul}"), false},
        {"top-level array", s("[{\"id\":1}]"), false},
        {"byte order mark", QChar(0xfeff) + kTypical, false},
        {"non-JSON text", s("not json"), false},
        {"empty frame", QString(), false},
    };
}

} // namespace

class TestGotifyFrameScanner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void typicalFrame_isReadByTheScanner_notTheJsonPath()
    {
        const std::optional<GotifyFrameFields> f = scanGotifyFrame(kTypical);
        QVERIFY(f);
        QCOMPARE(f->id, qint64(123));
        QCOMPARE(f->appid, qint64(1));
        QCOMPARE(f->priority, qint64(5));
        QCOMPARE(f->title.toString(), QStringLiteral("bench"));
        QCOMPARE(f->message.toString(), QStringLiteral("benchmark message number 123 with some text"));
        QCOMPARE(f->date.toString(), QStringLiteral("2026-11-22T10:00:00.123456789Z"));
        QVERIFY(!f->title.hasEscapes);
        // The views point into the frame: nothing was copied while scanning.
        const QStringView whole(kTypical);
        QVERIFY(f->message.raw.data() > whole.data() && f->message.raw.data() < whole.data() + whole.size());
    }

    void typicalFrame_decodesToTheDocumentedMessage()
    {
        const std::optional<InboundMessage> m = decodeGotifyFrame(kTypical, kAccount);
        QVERIFY(m);
        QCOMPARE(m->account, kAccount);
        QCOMPARE(m->id, QStringLiteral("123"));
        QCOMPARE(m->sender, QStringLiteral("1"));
        QCOMPARE(m->peer, QStringLiteral("1"));
        QCOMPARE(m->title, QStringLiteral("bench"));
        QCOMPARE(m->text, QStringLiteral("benchmark message number 123 with some text"));
        QCOMPARE(m->contentType, QStringLiteral("text/plain"));
        QCOMPARE(m->priority, 5);
        QCOMPARE(m->serverTime, QDateTime(QDate(2026, 11, 22), QTime(10, 0, 0, 123), Qt::UTC));
        QCOMPARE(m->via, InboundMessage::Via::Stream);
        QVERIFY(m->rawContent.isEmpty());
        QCOMPARE(difference(m, viaJson(kTypical)), QString());
    }

    void frameWithExtras_isLeftToTheJsonPath_andDecodedLikeIt()
    {
        const QString frame = QStringLiteral(
            "{\"id\":1,\"appid\":2,\"title\":\"t\",\"message\":\"**m**\",\"extras\":{\"client::display\":"
            "{\"contentType\":\"text/markdown\"},\"openclaw\":{\"peerId\":\"alice\"}}}");
        QVERIFY(!scanGotifyFrame(frame));
        const std::optional<InboundMessage> m = decodeGotifyFrame(frame, kAccount);
        QVERIFY(m);
        QCOMPARE(m->contentType, QStringLiteral("text/markdown"));
        QCOMPARE(m->peer, QStringLiteral("alice"));
        QVERIFY(!m->rawContent.isEmpty());
        QCOMPARE(difference(m, viaJson(frame)), QString());
    }

    void jsonEscapes_areDecodedAsJsonDefinesThem()
    {
        const QString frame = QStringLiteral(
            "{\"id\":1,\"title\":\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t.\",\"message\":\"\\u00e9\\u4e2D\\u0041\\u0000!\"}");
        const std::optional<GotifyFrameFields> f = scanGotifyFrame(frame);
        QVERIFY(f);
        QVERIFY(f->title.hasEscapes);
        QCOMPARE(f->title.toString(), QString::fromUtf16(u"q\" b\\ s/ \b\f\n\r\t."));
        QCOMPARE(f->message.toString(), QString::fromUtf16(u"\u00e9\u4e2d\u0041\u0000!", 5));
    }

    void nullKnownKey_readsAsAbsent()
    {
        const QString frame = QStringLiteral("{\"id\":5,\"title\":null,\"appid\":null}");
        const std::optional<GotifyFrameFields> f = scanGotifyFrame(frame);
        QVERIFY(f);
        QVERIFY(f->title.toString().isNull());
        const std::optional<InboundMessage> m = decodeGotifyFrame(frame, kAccount);
        QVERIFY(m);
        QCOMPARE(m->peer, QStringLiteral("gotify"));
        QCOMPARE(difference(m, viaJson(frame)), QString());
    }

    void priorityBeyondInt_readsAsZero_likeQJsonValueToInt()
    {
        const QString frame = QStringLiteral("{\"id\":5,\"priority\":2147483648}");
        QVERIFY(scanGotifyFrame(frame));
        const std::optional<InboundMessage> m = decodeGotifyFrame(frame, kAccount);
        QVERIFY(m);
        QCOMPARE(m->priority, 0);
        QCOMPARE(difference(m, viaJson(frame)), QString());
    }

    void handWrittenFrame_decodesExactlyLikeTheJsonPath_data()
    {
        QTest::addColumn<QString>("frame");
        QTest::addColumn<bool>("fast");
        for (const TableFrame &t : tableFrames())
            QTest::newRow(t.name) << t.frame << t.fast;
    }
    void handWrittenFrame_decodesExactlyLikeTheJsonPath()
    {
        QFETCH(QString, frame);
        QFETCH(bool, fast);
        QCOMPARE(scanGotifyFrame(frame).has_value(), fast);
        const QString d = difference(decodeGotifyFrame(frame, kAccount), viaJson(frame));
        QVERIFY2(d.isEmpty(), qPrintable(d));
        QCOMPARE(difference(decodeGotifyFrameViaJson(frame, kAccount), viaJson(frame)), QString());
    }

    void twentyThousandRandomFrames_decodeExactlyLikeTheJsonPath()
    {
        FrameGenerator generator(20261122);
        int handled = 0, decoded = 0;
        for (int i = 0; i < 20000; ++i) {
            const QString frame = generator.frame();
            const std::optional<InboundMessage> fast = decodeGotifyFrame(frame, kAccount);
            const QString d = difference(fast, viaJson(frame));
            if (!d.isEmpty())
                QFAIL(qPrintable(QStringLiteral("frame %1 %2: %3").arg(i).arg(printable(frame), d)));
            if (scanGotifyFrame(frame)) {
                ++handled;
                decoded += fast.has_value();
            }
        }
        // The comparison means something only if both paths got plenty of frames, and the
        // fast path plenty of real messages.
        qInfo("%d of 20000 frames taken by the scanner, %d of them messages", handled, decoded);
        QVERIFY(handled > 4000);
        QVERIFY(handled < 16000);
        QVERIFY(decoded > 2000);
    }
};

QTEST_GUILESS_MAIN(TestGotifyFrameScanner)
#include "tst_framescanner.moc"
