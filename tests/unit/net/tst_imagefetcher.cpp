// ImageFetcher against a tiny HTTP server on 127.0.0.1 (a QTcpServer answering by path): bytes
// arrive asynchronously, a second fetch comes from the cache, the cache evicts the least recently
// used URL, one request serves concurrent fetches of one URL, answers over the size cap (declared
// or streamed) are refused, HTTP errors and other schemes are errors, and file URLs work.
#include "net/imagefetcher.h"

#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace ct;

namespace {

// Answers GET /<n>.bin with n bytes, /big-declared with a Content-Length over the cap and no body,
// /big-streamed with 6 MB and no Content-Length, /missing with 404. Counts requests.
class TinyHttpServer : public QTcpServer
{
public:
    int requests = 0;
    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/%2").arg(serverPort()).arg(path));
    }
    static QByteArray body(int n)
    {
        QByteArray b(n, '\0');
        for (int i = 0; i < n; ++i)
            b[i] = char(i % 251);
        return b;
    }

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(handle);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            QByteArray &head = m_heads[socket];
            head += socket->readAll();
            if (!head.contains("\r\n\r\n"))
                return;
            ++requests;
            const QByteArray path = head.split(' ').value(1);
            // Forget the head: a later socket may be allocated at this one's address, and must
            // not be answered with this request's path.
            m_heads.remove(socket);
            answer(socket, path);
        });
    }

private:
    void answer(QTcpSocket *socket, const QByteArray &path)
    {
        QByteArray reply;
        if (path == "/missing") {
            reply = "HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found";
        } else if (path == "/big-declared") {
            reply =
                "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 6000000\r\nConnection: close\r\n\r\n";
        } else if (path == "/big-streamed") {
            reply = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nConnection: close\r\n\r\n"
                    + body(6 * 1024 * 1024);
        } else if (path.startsWith("/stream-")) { // N bytes without a Content-Length, until the close
            reply = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nConnection: close\r\n\r\n"
                    + body(path.mid(8).toInt());
        } else {
            const QByteArray b = body(path.mid(1).split('.').value(0).toInt());
            reply = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: " + QByteArray::number(b.size())
                    + "\r\nConnection: close\r\n\r\n" + b;
        }
        socket->write(reply);
        socket->disconnectFromHost();
    }
    QHash<QTcpSocket *, QByteArray> m_heads;
};

struct Result
{
    bool called = false;
    QByteArray bytes;
    QString error;
};

ImageFetcher::Callback into(Result &r)
{
    return [&r](const QByteArray &bytes, const QString &error) {
        r.called = true;
        r.bytes = bytes;
        r.error = error;
    };
}

} // namespace

class TestImageFetcher : public QObject
{
    Q_OBJECT
    TinyHttpServer m_server;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.listen(QHostAddress::LocalHost, 0)); }
    void init() { m_server.requests = 0; }

    void fetch_http_deliversTheBytesLater_thenFromTheCache()
    {
        ImageFetcher fetcher;
        Result r;
        fetcher.fetch(m_server.url(QStringLiteral("1000.bin")), this, into(r));
        QVERIFY(!r.called); // never inside fetch()
        QTRY_VERIFY(r.called);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.bytes, TinyHttpServer::body(1000));
        QVERIFY(fetcher.isCached(m_server.url(QStringLiteral("1000.bin"))));

        Result again;
        fetcher.fetch(m_server.url(QStringLiteral("1000.bin")), this, into(again));
        QVERIFY(!again.called);
        QTRY_VERIFY(again.called);
        QCOMPARE(again.bytes, r.bytes);
        QCOMPARE(m_server.requests, 1);
        QCOMPARE(fetcher.requestsStarted(), 1);
    }

    void cache_evictsTheLeastRecentlyUsedUrl()
    {
        ImageFetcher fetcher;
        fetcher.setCacheBytes(2500);
        Result a, b, a2, c;
        fetcher.fetch(m_server.url(QStringLiteral("1000.bin")), this, into(a));
        QTRY_VERIFY(a.called);
        fetcher.fetch(m_server.url(QStringLiteral("1001.bin")), this, into(b));
        QTRY_VERIFY(b.called);
        fetcher.fetch(m_server.url(QStringLiteral("1000.bin")), this, into(a2)); // A used again
        QTRY_VERIFY(a2.called);
        fetcher.fetch(m_server.url(QStringLiteral("1002.bin")), this, into(c)); // evicts B, not A
        QTRY_VERIFY(c.called);
        QCOMPARE(m_server.requests, 3);
        QVERIFY(fetcher.isCached(m_server.url(QStringLiteral("1000.bin"))));
        QVERIFY(!fetcher.isCached(m_server.url(QStringLiteral("1001.bin"))));
        QVERIFY(fetcher.isCached(m_server.url(QStringLiteral("1002.bin"))));
    }

    void concurrentFetchesOfOneUrl_shareOneRequest()
    {
        ImageFetcher fetcher;
        Result r1, r2;
        fetcher.fetch(m_server.url(QStringLiteral("2000.bin")), this, into(r1));
        fetcher.fetch(m_server.url(QStringLiteral("2000.bin")), this, into(r2));
        QTRY_VERIFY(r1.called && r2.called);
        QCOMPARE(r1.bytes.size(), 2000);
        QCOMPARE(r2.bytes, r1.bytes);
        QCOMPARE(m_server.requests, 1);
    }

    void overTheCap_declaredOrStreamed_isRefused()
    {
        ImageFetcher fetcher;
        Result declared, streamed;
        fetcher.fetch(m_server.url(QStringLiteral("big-declared")), this, into(declared));
        fetcher.fetch(m_server.url(QStringLiteral("big-streamed")), this, into(streamed));
        QTRY_VERIFY(declared.called && streamed.called);
        QVERIFY(declared.bytes.isEmpty());
        QVERIFY(declared.error.contains(QStringLiteral("larger than 5 MB")));
        QVERIFY(streamed.bytes.isEmpty());
        QVERIFY(streamed.error.contains(QStringLiteral("larger than 5 MB")));
        QVERIFY(!fetcher.isCached(m_server.url(QStringLiteral("big-streamed"))));
    }

    void theCapItself_isAllowed_oneByteMore_declaredOrStreamed_isRefused()
    {
        // The reply's own limit (limitReplySize) is the only check: at the byte.
        ImageFetcher fetcher;
        fetcher.setMaxBytes(1000);
        Result atCap, declaredOver, streamedAtCap, streamedOver;
        fetcher.fetch(m_server.url(QStringLiteral("1000.png")), this, into(atCap));
        fetcher.fetch(m_server.url(QStringLiteral("1001.png")), this, into(declaredOver));
        fetcher.fetch(m_server.url(QStringLiteral("stream-1000")), this, into(streamedAtCap));
        fetcher.fetch(m_server.url(QStringLiteral("stream-1001")), this, into(streamedOver));
        QTRY_VERIFY(atCap.called && declaredOver.called && streamedAtCap.called && streamedOver.called);
        QCOMPARE(atCap.bytes, TinyHttpServer::body(1000));
        QCOMPARE(streamedAtCap.bytes, TinyHttpServer::body(1000));
        QVERIFY(atCap.error.isEmpty() && streamedAtCap.error.isEmpty());
        for (const Result *over : {&declaredOver, &streamedOver}) {
            QVERIFY(over->bytes.isEmpty());
            QVERIFY2(over->error.contains(QStringLiteral("larger than")), qPrintable(over->error));
        }
    }

    void httpError_andOtherSchemes_areErrors()
    {
        ImageFetcher fetcher;
        Result missing, ftp, data;
        fetcher.fetch(m_server.url(QStringLiteral("missing")), this, into(missing));
        fetcher.fetch(QUrl(QStringLiteral("ftp://127.0.0.1/x.png")), this, into(ftp));
        fetcher.fetch(QUrl(QStringLiteral("data:image/png;base64,AAAA")), this, into(data));
        QVERIFY(!ftp.called);
        QTRY_VERIFY(missing.called && ftp.called && data.called);
        QVERIFY(missing.error.contains(QStringLiteral("404")));
        QVERIFY(ftp.error.contains(QStringLiteral("only http, https and file")));
        QVERIFY(!data.error.isEmpty());
        QCOMPARE(m_server.requests, 1);
    }

    void fileUrl_isRead()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("pic.png")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(TinyHttpServer::body(300));
        f.close();
        ImageFetcher fetcher;
        Result r;
        fetcher.fetch(QUrl::fromLocalFile(f.fileName()), this, into(r));
        QTRY_VERIFY(r.called);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.bytes, TinyHttpServer::body(300));
    }

    void goneContext_getsNoCallback()
    {
        ImageFetcher fetcher;
        bool called = false;
        auto *context = new QObject;
        fetcher.fetch(m_server.url(QStringLiteral("500.bin")), context,
                      [&called](const QByteArray &, const QString &) { called = true; });
        delete context;
        QTRY_VERIFY(fetcher.isCached(m_server.url(QStringLiteral("500.bin"))));
        QCoreApplication::processEvents();
        QVERIFY(!called);
    }
};

QTEST_MAIN(TestImageFetcher)
#include "tst_imagefetcher.moc"
