#include "fakerefreshendpoint.h"

#include <QTcpSocket>

#include <utility>

FakeRefreshEndpoint::FakeRefreshEndpoint(QObject *parent) : QObject(parent)
{
    m_handler = [](const RecordedRequest &) { return CannedResponse{404, "{}", false}; };
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                m_buffers.remove(socket);
                m_held.removeAll(socket);
                socket->deleteLater();
            });
        }
    });
}

FakeRefreshEndpoint::~FakeRefreshEndpoint()
{
    const auto sockets = m_server.findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets)
        socket->disconnect(this);
}

bool FakeRefreshEndpoint::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QString FakeRefreshEndpoint::url(const QString &pathAndQuery) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(pathAndQuery);
}

void FakeRefreshEndpoint::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    while (true) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        RecordedRequest request;
        const QList<QByteArray> first = lines.first().trimmed().split(' ');
        request.method = first.value(0);
        request.target = first.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                       lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = request.headers.value("content-length", "0").toLongLong();
        if (buffer.size() < headerEnd + 4 + length)
            return;
        request.body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);
        requests.append(request);
        const CannedResponse response = m_handler(request);
        Q_EMIT requestReceived();
        if (response.hang)
            m_held.append(socket);
        else
            answer(socket, response);
    }
}

void FakeRefreshEndpoint::answer(QTcpSocket *socket, const CannedResponse &response)
{
    const QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + " Canned\r\n"
                           + "Content-Type: application/json\r\nContent-Length: "
                           + QByteArray::number(response.body.size()) + "\r\nConnection: close\r\n\r\n"
                           + response.body;
    socket->write(out);
    socket->disconnectFromHost();
}

void FakeRefreshEndpoint::answerHeld(const CannedResponse &response)
{
    const QList<QTcpSocket *> held = std::exchange(m_held, {});
    for (QTcpSocket *socket : held)
        if (m_buffers.contains(socket))
            answer(socket, response);
}
