#pragma once
// One epoll set for the open WebSocket streams of a process, watched by one socket notifier
// (docs/architecture.md, "Threading"). Qt's event dispatcher keeps one notifier per socket, and
// GLib walks every one of them on each turn of the loop (its query and check, then Qt's check
// and dispatch): with 1,000 idle streams that walk cost more than reading the ping that woke
// the loop. A stream on the hub is not in that list: a turn costs the ready streams only.
//
//   SocketHub hub;                       // one per process, before the connections
//   client.setSocketHub(&hub);           // WebSocketClient hands its ws:// stream over once upgraded
//
// A descriptor is added by its owner, which removes it before it closes it, so the set never
// holds a closed or reused number. Level-triggered: a reader that leaves bytes is called again.
#include <QObject>

#include <vector>

class QSocketNotifier;

namespace ct {

class SocketHub : public QObject
{
    Q_OBJECT
public:
    // What the hub calls when a descriptor is ready (on the thread that made the hub).
    class Client
    {
    public:
        virtual void hubReadable() = 0; // readable, the end of the stream, or an error
        virtual void hubWritable() = 0; // writable (only while asked for with setWantsWrite)

    protected:
        ~Client() = default;
    };

    explicit SocketHub(QObject *parent = nullptr);
    ~SocketHub() override;

    // False when the kernel gave no epoll descriptor: add() then refuses every descriptor.
    bool isValid() const { return m_epoll >= 0; }
    // Watches `fd` for reading until remove(fd). False when it cannot be watched.
    bool add(int fd, Client *client);
    void setWantsWrite(int fd, bool wants);
    void remove(int fd);
    int watchedCount() const { return m_count; }

private:
    void dispatch();

    int m_epoll = -1;
    QSocketNotifier *m_notifier = nullptr;
    std::vector<Client *> m_clients; // indexed by descriptor number
    int m_count = 0;
};

} // namespace ct
