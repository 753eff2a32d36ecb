// IdleNetworkAccessManager against HTTP servers on 127.0.0.1 (QTcpServer): Qt's HTTP thread
// runs while a request is in flight and through the idle time after the last one, then ends;
// the next request makes it again and works. A request that does not finish holds it.
#include "net/idlenetworkaccess.h"

#include <QDir>
#include <QFile>
#include <QNetworkReply>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace ct;
using namespace std::chrono_literals;

namespace {

// Answers every request with 200 and "ok", or, when silent, reads it and never answers.
class LoopbackHttp : public QTcpServer
{
public:
    explicit LoopbackHttp(bool silent) : m_silent(silent) { listen(QHostAddress::LocalHost); }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(serverPort())); }

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(handle);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            if (socket->readAll().contains("\r\n\r\n") && !m_silent)
                socket->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        });
    }

private:
    bool m_silent;
};

// Qt names its HTTP thread after the manager ("QNetworkAccessManager", cut to 15 bytes).
int httpThreads()
{
    int n = 0;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().startsWith("QNetworkAccessM"))
            ++n;
    }
    return n;
}

QByteArray get(QNetworkAccessManager &network, const QUrl &url)
{
    std::unique_ptr<QNetworkReply> reply(network.get(QNetworkRequest(url)));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(10000))
        return "(no answer)";
    return reply->readAll();
}

} // namespace

class TestIdleNetworkAccess : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void afterTheLastRequestAndTheIdleTime_theHttpThreadEnds_andTheNextRequestWorks()
    {
        LoopbackHttp server(false);
        IdleNetworkAccessManager network;
        network.setIdleTime(50ms);
        QSignalSpy released(&network, &IdleNetworkAccessManager::released);
        QCOMPARE(httpThreads(), 0);

        QCOMPARE(get(network, server.url()), QByteArray("ok"));
        QCOMPARE(network.inFlight(), 0);
        QCOMPARE(httpThreads(), 1);
        QVERIFY(network.releasePending());
        QVERIFY(released.wait(5000));
        QTRY_COMPARE(httpThreads(), 0);

        QCOMPARE(get(network, server.url()), QByteArray("ok"));
        QCOMPARE(httpThreads(), 1);
        QVERIFY(released.wait(5000));
        QTRY_COMPARE(httpThreads(), 0);
        QCOMPARE(released.count(), 2);
    }

    void aRequestInFlight_holdsTheThread_untilItEnds()
    {
        LoopbackHttp silent(true);
        IdleNetworkAccessManager network;
        network.setIdleTime(0ms);
        QSignalSpy released(&network, &IdleNetworkAccessManager::released);
        QNetworkReply *reply = network.get(QNetworkRequest(silent.url()));
        QSignalSpy connected(&silent, &QTcpServer::newConnection);
        QVERIFY(connected.wait(5000)); // the request is on its way, its answer never comes
        QCOMPARE(network.inFlight(), 1);
        QVERIFY(!network.releasePending());
        QCOMPARE(httpThreads(), 1);

        QCOMPARE(released.count(), 0);
        network.setIdleTime(50ms);
        reply->abort(); // finishes it
        QTRY_COMPARE(network.inFlight(), 0);
        QVERIFY(released.wait(5000));
        QTRY_COMPARE(httpThreads(), 0);
        delete reply; // counted once, not again now
        QCOMPARE(network.inFlight(), 0);
    }

    void destroyedWithARequestInFlight_endsCleanly()
    {
        // Its replies are deleted by ~QNetworkAccessManager, after this class's own members
        // (the sanitizer build sees a use after destruction if they still count down).
        LoopbackHttp silent(true);
        auto network = std::make_unique<IdleNetworkAccessManager>();
        QPointer<QNetworkReply> reply = network->get(QNetworkRequest(silent.url()));
        QSignalSpy connected(&silent, &QTcpServer::newConnection);
        QVERIFY(connected.wait(5000));
        network.reset();
        QVERIFY(reply.isNull());
    }

    void aReplyDeletedUnfinished_countsAsEnded()
    {
        LoopbackHttp silent(true);
        IdleNetworkAccessManager network;
        QNetworkReply *reply = network.get(QNetworkRequest(silent.url()));
        QCOMPARE(network.inFlight(), 1);
        delete reply;
        QCOMPARE(network.inFlight(), 0);
        QVERIFY(network.releasePending());
    }
};

QTEST_GUILESS_MAIN(TestIdleNetworkAccess)
#include "tst_idlenetworkaccess.moc"
