#pragma once
// A WebSocket server peer on raw TCP (127.0.0.1) whose every byte the test chooses. It reads
// each connection's request head, answers it with answerFor() (by default the 101 upgrade with
// the right Sec-WebSocket-Accept, computed here from RFC 6455 section 1.3), then sends only
// what the test sends: unmasked frames (frame()), broken ones, nothing at all, or a TCP close
// without a close frame. It decodes the client's frames (which must be masked) for the test
// to look at.
//
//   RawWebSocketPeer peer;
//   peer.listen();
//   client.open(peer.url("/stream"), …);
//   QTRY_COMPARE(peer.connections(), 1);
//   peer.send(RawWebSocketPeer::frame(0x1, "hello"));
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <functional>

namespace ct::testserver {

class RawWebSocketPeer : public QObject
{
    Q_OBJECT
public:
    struct ClientFrame
    {
        bool fin = true;
        int opcode = 0;
        bool masked = false;
        QByteArray payload; // unmasked
    };

    explicit RawWebSocketPeer(QObject *parent = nullptr);
    ~RawWebSocketPeer() override;

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    QUrl url(const QString &path = QStringLiteral("/")) const;

    // What to answer a request head with; the default upgrades any request.
    void setAnswer(std::function<QByteArray(const QByteArray &head)> answer) { m_answer = std::move(answer); }
    static QByteArray upgradeAnswer(const QByteArray &head);
    static QByteArray httpAnswer(int status, const QByteArray &reason, const QByteArray &body);
    // One unmasked frame from the server; `length` overrides the payload length in the header.
    static QByteArray frame(int opcode, const QByteArray &payload, bool fin = true, qint64 length = -1);

    // Upgraded connections so far (plain HTTP requests, e.g. a REST call, are answered beside).
    int connections() const { return m_connections; }
    QList<QByteArray> heads() const { return m_heads; } // every request head, in order
    // Frames from the newest upgraded connection, and whether it has closed.
    QList<ClientFrame> frames() const { return m_frames; }
    bool clientClosed() const { return m_clientClosed; }
    bool protocolViolation() const { return m_violation; } // an unmasked frame from the client

    // To the newest connection.
    void send(const QByteArray &bytes);
    void dropTcp();  // no close frame
    void closeTcp(); // after the bytes sent so far

Q_SIGNALS:
    void frameReceived();

private:
    void accept();
    void onBytes(QTcpSocket *socket);
    void parseFrames();

    struct Pending
    {
        QByteArray head; // what a connection sent before its answer
    };

    QTcpServer m_server;
    std::function<QByteArray(const QByteArray &)> m_answer;
    QHash<QTcpSocket *, Pending> m_pending; // connections not upgraded (yet)
    QPointer<QTcpSocket> m_current;         // the newest upgraded one
    QPointer<QTcpSocket> m_newest;
    QByteArray m_in;
    int m_connections = 0;
    QList<QByteArray> m_heads;
    QList<ClientFrame> m_frames;
    bool m_clientClosed = false;
    bool m_violation = false;
};

} // namespace ct::testserver
