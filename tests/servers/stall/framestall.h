#pragma once
// A server that trickles after the WebSocket upgrade: on the raw TCP socket under an upgraded
// connection, the head of a binary frame announcing 1 MiB (under the clients' 8 MiB limit, so
// the size alone closes nothing), then its payload one byte every `intervalMs`. Bytes keep
// arriving, but no frame is ever whole again: whatever the server sends afterwards (answers,
// pushes, pongs) becomes payload of that frame. Only a client heartbeat that waits for a pong,
// not for any byte, sees the link as dead.
#include <functional>

class QTcpSocket;

namespace ct::testserver {

// Starts the trickle on `socket` (the frame head now, a byte per interval until the socket
// goes); `onByte` is called after each byte written.
void trickleEndlessFrame(QTcpSocket *socket, int intervalMs, std::function<void()> onByte = {});

} // namespace ct::testserver
