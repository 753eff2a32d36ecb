#include "endlessbodyserver.h"

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace ct::test {

EndlessBodyServer::EndlessBodyServer(qint64 capBytes) : m_capBytes(capBytes)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 || ::listen(fd, 4) != 0
        || ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) != 0) {
        if (fd >= 0)
            ::close(fd);
        return;
    }
    m_listenFd = fd;
    m_port = ntohs(addr.sin_port);
    m_thread = std::thread([this] { serve(); });
}

EndlessBodyServer::~EndlessBodyServer()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
    if (m_listenFd >= 0)
        ::close(m_listenFd);
}

QUrl EndlessBodyServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

bool EndlessBodyServer::waitFor(int fd, short events) const
{
    pollfd p{fd, events, 0};
    while (!m_stop) {
        if (::poll(&p, 1, 50) > 0)
            return true;
    }
    return false;
}

void EndlessBodyServer::serve()
{
    if (!waitFor(m_listenFd, POLLIN))
        return;
    const int fd = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0)
        return;
    char request[4096];
    QByteArray head;
    while (!head.contains("\r\n\r\n") && waitFor(fd, POLLIN)) {
        const ssize_t n = ::recv(fd, request, sizeof request, 0);
        if (n <= 0)
            break;
        head.append(request, n);
    }
    const QByteArray chunk = QByteArray("{\"id\":1,\"message\":\"x\"},").repeated(1 << 12);
    QByteArray out = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n[";
    bool inBody = false;
    while (m_bodyBytes < m_capBytes && waitFor(fd, POLLOUT)) {
        const ssize_t n = ::send(fd, out.constData(), size_t(out.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            continue;
        if (n <= 0)
            break; // the client went away
        if (inBody)
            m_bodyBytes += n;
        out.remove(0, n);
        if (out.isEmpty()) {
            out = chunk;
            inBody = true;
        }
    }
    // Past the cap the connection stays open, silent, until the test ends.
    while (waitFor(fd, POLLIN)) {
        if (::recv(fd, request, sizeof request, 0) <= 0)
            break;
    }
    ::close(fd);
}

} // namespace ct::test
