#include "rawwebsocketpeer.h"

#include <QCryptographicHash>
#include <QtEndian>

namespace ct::testserver {

RawWebSocketPeer::RawWebSocketPeer(QObject *parent) : QObject(parent), m_answer(&RawWebSocketPeer::upgradeAnswer)
{
    connect(&m_server, &QTcpServer::newConnection, this, &RawWebSocketPeer::accept);
}

RawWebSocketPeer::~RawWebSocketPeer()
{
    for (QTcpSocket *socket : m_server.findChildren<QTcpSocket *>())
        socket->disconnect(this); // their close on the way out is no news
}

bool RawWebSocketPeer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl RawWebSocketPeer::url(const QString &path) const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1%2").arg(port()).arg(path));
}

QByteArray RawWebSocketPeer::upgradeAnswer(const QByteArray &head)
{
    QByteArray key;
    for (const QByteArray &line : head.split('\n'))
        if (line.toLower().startsWith("sec-websocket-key:"))
            key = line.mid(18).trimmed();
    const QByteArray accept = QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11",
                                                       QCryptographicHash::Sha1)
                                  .toBase64();
    return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
           + accept + "\r\n\r\n";
}

QByteArray RawWebSocketPeer::httpAnswer(int status, const QByteArray &reason, const QByteArray &body)
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
           + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
           + "\r\n\r\n" + body;
}

QByteArray RawWebSocketPeer::frame(int opcode, const QByteArray &payload, bool fin, qint64 length)
{
    const quint64 n = length < 0 ? quint64(payload.size()) : quint64(length);
    QByteArray out;
    out += char((fin ? 0x80 : 0) | (opcode & 0x0F));
    if (n <= 125) {
        out += char(n);
    } else if (n <= 0xFFFF) {
        out += char(126);
        out += char(n >> 8);
        out += char(n & 0xFF);
    } else {
        out += char(127);
        for (int shift = 56; shift >= 0; shift -= 8)
            out += char((n >> shift) & 0xFF);
    }
    return out + payload;
}

void RawWebSocketPeer::accept()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        m_pending.insert(socket, {});
        m_newest = socket;
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onBytes(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_pending.remove(socket);
            if (socket == m_current)
                m_clientClosed = true;
            socket->deleteLater();
        });
    }
}

void RawWebSocketPeer::onBytes(QTcpSocket *socket)
{
    if (socket == m_current) {
        m_in += socket->readAll();
        parseFrames();
        return;
    }
    const auto it = m_pending.find(socket);
    if (it == m_pending.end()) { // an older upgraded connection: no longer watched
        socket->readAll();
        return;
    }
    it->head += socket->readAll();
    const qsizetype end = it->head.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    const QByteArray head = it->head.left(end + 4);
    const QByteArray rest = it->head.mid(end + 4);
    it->head.clear(); // a keep-alive client may ask again
    m_heads << head;
    const QByteArray answer = m_answer(head);
    socket->write(answer);
    if (!answer.startsWith("HTTP/1.1 101"))
        return;
    m_pending.remove(socket);
    ++m_connections;
    m_current = socket;
    m_in = rest;
    m_frames.clear();
    m_clientClosed = false;
    m_violation = false;
    parseFrames();
}

void RawWebSocketPeer::parseFrames()
{
    for (;;) {
        if (m_in.size() < 2)
            return;
        const auto *p = reinterpret_cast<const uchar *>(m_in.constData());
        ClientFrame f;
        f.fin = p[0] & 0x80;
        f.opcode = p[0] & 0x0F;
        f.masked = p[1] & 0x80;
        quint64 n = p[1] & 0x7F;
        qsizetype at = 2;
        if (n == 126) {
            if (m_in.size() < 4)
                return;
            n = qFromBigEndian<quint16>(p + 2);
            at = 4;
        } else if (n == 127) {
            if (m_in.size() < 10)
                return;
            n = qFromBigEndian<quint64>(p + 2);
            at = 10;
        }
        const qsizetype maskAt = at;
        if (f.masked)
            at += 4;
        if (quint64(m_in.size() - at) < n)
            return;
        f.payload = m_in.mid(at, qsizetype(n));
        if (f.masked)
            for (qsizetype i = 0; i < f.payload.size(); ++i)
                f.payload[i] = char(f.payload[i] ^ m_in[maskAt + (i & 3)]);
        else
            m_violation = true;
        m_in.remove(0, at + qsizetype(n));
        m_frames << f;
        Q_EMIT frameReceived();
    }
}

void RawWebSocketPeer::send(const QByteArray &bytes)
{
    if (m_current)
        m_current->write(bytes);
}

void RawWebSocketPeer::dropTcp()
{
    if (m_newest)
        m_newest->abort();
}

void RawWebSocketPeer::closeTcp()
{
    if (m_newest)
        m_newest->disconnectFromHost();
}

} // namespace ct::testserver
