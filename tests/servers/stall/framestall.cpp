#include "framestall.h"

#include <QTcpSocket>
#include <QTimer>

namespace ct::testserver {

void trickleEndlessFrame(QTcpSocket *socket, int intervalMs, std::function<void()> onByte)
{
    // RFC 6455 5.2: FIN + binary opcode, unmasked (server to client), 64-bit length 2^20.
    static const QByteArray head = QByteArray::fromHex("827f0000000000100000");
    socket->write(head);
    auto *drip = new QTimer(socket);
    QObject::connect(drip, &QTimer::timeout, socket, [socket, onByte = std::move(onByte)] {
        socket->write("x", 1);
        if (onByte)
            onByte();
    });
    drip->start(intervalMs);
}

} // namespace ct::testserver
