#pragma once
// A loopback HTTP server on its own thread that answers one request with "200 OK" and then a
// JSON array that never ends, written as fast as the client's socket takes it (blocking
// writes, so the kernel's socket buffers are all that sits between the two). It runs apart
// from the test's thread so that it keeps sending while that thread is busy: what it could
// write is what the client took. Stops at `capBytes`, or when the client goes away.
#include <QByteArray>
#include <QUrl>

#include <atomic>
#include <thread>

namespace ct::test {

class EndlessBodyServer
{
public:
    explicit EndlessBodyServer(qint64 capBytes = 512LL << 20);
    ~EndlessBodyServer();
    EndlessBodyServer(const EndlessBodyServer &) = delete;
    EndlessBodyServer &operator=(const EndlessBodyServer &) = delete;

    bool listening() const { return m_listenFd >= 0; }
    QUrl url() const;
    // Body bytes the kernel accepted so far.
    qint64 bodyBytes() const { return m_bodyBytes.load(); }

private:
    void serve();
    bool waitFor(int fd, short events) const; // false once stopping

    qint64 m_capBytes;
    int m_listenFd = -1;
    quint16 m_port = 0;
    std::atomic<qint64> m_bodyBytes{0};
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

} // namespace ct::test
