#include "singleinstance.h"

#include "logging/logging.h"

#include <QLocalServer>
#include <QLocalSocket>

namespace ct::ui {

namespace {
const QByteArray kRaise = QByteArrayLiteral("raise\n");
}

SingleInstance::SingleInstance(QString name, QObject *parent)
    : QObject(parent), m_name(name.isEmpty() ? defaultName() : std::move(name))
{
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::defaultName()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return QStringLiteral("channeltray-") + (user.isEmpty() ? QStringLiteral("user") : user);
}

bool SingleInstance::start()
{
    if (m_server)
        return true;
    {
        QLocalSocket probe;
        probe.connectToServer(m_name);
        if (probe.waitForConnected(500)) {
            probe.write(kRaise);
            probe.waitForBytesWritten(1000);
            probe.disconnectFromServer();
            qCInfo(lcUi) << "another ChannelTray is running; asked it to show its window";
            return false;
        }
    }
    QLocalServer::removeServer(m_name); // a stale socket left by a crashed instance
    auto *server = new QLocalServer(this);
    server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!server->listen(m_name)) {
        qCWarning(lcUi) << "single-instance socket:" << server->errorString();
        delete server;
        return true; // run anyway; better two trays than none
    }
    m_server = server;
    connect(server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                if (socket->readAll().contains(kRaise.trimmed()))
                    Q_EMIT raiseRequested();
            });
        }
    });
    return true;
}

void SingleInstance::release()
{
    if (!m_server)
        return;
    m_server->close(); // removes the socket file
    m_server->deleteLater();
    m_server = nullptr;
}

} // namespace ct::ui
