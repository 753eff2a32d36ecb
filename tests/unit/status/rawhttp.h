#pragma once
// A raw HTTP client for the status endpoint's tests: sends exactly the bytes given over a real
// socket on 127.0.0.1 and collects the answer until the server closes. It runs the calling
// thread's event loop meanwhile (the server under test lives on that thread); the timeout is
// only a guard against a hang, and a test that reaches it fails.
#include <QByteArray>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QMap>
#include <QTcpSocket>
#include <QTimer>

namespace ct::test {

struct RawResponse
{
    bool closed = false; // the server closed the connection (the answer is complete)
    int status = 0;
    QMap<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
    QByteArray raw;
};

inline RawResponse parseRawResponse(const QByteArray &raw)
{
    RawResponse r;
    r.raw = raw;
    const qsizetype end = raw.indexOf("\r\n\r\n");
    if (end < 0)
        return r;
    const QList<QByteArray> lines = raw.left(end).split('\n');
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    if (statusLine.size() >= 2)
        r.status = statusLine[1].toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            r.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
    }
    r.body = raw.mid(end + 4);
    return r;
}

inline RawResponse rawRequest(quint16 port, const QByteArray &request, int guardMs = 20000)
{
    QTcpSocket socket;
    QByteArray received;
    QEventLoop loop;
    bool closed = false;
    QObject::connect(&socket, &QTcpSocket::connected, &loop, [&] { socket.write(request); });
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, [&] { received += socket.readAll(); });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, [&] {
        received += socket.readAll();
        closed = true;
        loop.quit();
    });
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &loop, [&](QAbstractSocket::SocketError e) {
        if (e != QAbstractSocket::RemoteHostClosedError)
            loop.quit();
    });
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    guard.start(guardMs);
    socket.connectToHost(QHostAddress::LocalHost, port);
    loop.exec();
    RawResponse r = parseRawResponse(received);
    r.closed = closed;
    return r;
}

inline QByteArray getRequest(const QByteArray &target, const QByteArray &extraHeaders = {})
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n";
}

} // namespace ct::test
