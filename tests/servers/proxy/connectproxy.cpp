#include "connectproxy.h"

#include <QTcpSocket>

namespace ct::testserver {

ConnectProxy::ConnectProxy(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &ConnectProxy::accept);
}

bool ConnectProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void ConnectProxy::accept()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        auto *upstream = new QTcpSocket(client);
        auto *head = new QByteArray;
        connect(client, &QObject::destroyed, this, [head] { delete head; });
        // Either side closing closes the other.
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
        connect(upstream, &QTcpSocket::errorOccurred, client, [client, upstream] {
            if (upstream->state() != QAbstractSocket::ConnectedState && client->property("tunnel").isNull()) {
                client->write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n");
                client->disconnectFromHost();
            }
        });
        connect(upstream, &QTcpSocket::connected, client, [client, upstream, head] {
            client->setProperty("tunnel", true);
            client->write("HTTP/1.1 200 Connection established\r\n\r\n");
            // What the client sent after its request, before the tunnel was up.
            upstream->write(head->mid(head->indexOf("\r\n\r\n") + 4) + client->readAll());
        });
        connect(upstream, &QTcpSocket::readyRead, client,
                [client, upstream] { client->write(upstream->readAll()); });
        connect(client, &QTcpSocket::readyRead, client, [this, client, upstream, head] {
            if (client->property("tunnel").toBool() || upstream->state() != QAbstractSocket::UnconnectedState) {
                if (client->property("tunnel").toBool())
                    upstream->write(client->readAll());
                return; // bytes before the tunnel is up stay buffered in the client socket
            }
            head->append(client->readAll());
            const qsizetype end = head->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> lines = head->left(end).split('\n');
            const QList<QByteArray> request = lines.value(0).trimmed().split(' ');
            QString auth;
            for (const QByteArray &l : lines)
                if (l.toLower().startsWith("proxy-authorization:"))
                    auth = QString::fromLatin1(l.mid(20).trimmed());
            if (request.size() != 3 || request.at(0) != "CONNECT") {
                client->write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n");
                client->disconnectFromHost();
                return;
            }
            const QString target = QString::fromLatin1(request.at(1));
            const qsizetype colon = target.lastIndexOf(QLatin1Char(':'));
            m_tunnels << target;
            m_authorizations << auth;
            Q_EMIT tunnelOpened(target);
            const QString host = target.left(colon);
            upstream->connectToHost(m_hosts.value(host, host), target.mid(colon + 1).toUShort());
        });
    }
}

} // namespace ct::testserver
