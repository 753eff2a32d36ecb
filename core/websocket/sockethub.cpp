#include "sockethub.h"

#include <QSocketNotifier>

#include <cstdint>

#include <sys/epoll.h>
#include <unistd.h>

namespace ct {

namespace {
constexpr int kEventsPerTurn = 256; // more stay ready (level-triggered) for the next turn
}

SocketHub::SocketHub(QObject *parent) : QObject(parent), m_epoll(epoll_create1(EPOLL_CLOEXEC))
{
    if (m_epoll < 0)
        return;
    m_notifier = new QSocketNotifier(m_epoll, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SocketHub::dispatch);
}

SocketHub::~SocketHub()
{
    delete m_notifier;
    if (m_epoll >= 0)
        ::close(m_epoll);
}

bool SocketHub::add(int fd, Client *client)
{
    if (m_epoll < 0 || fd < 0 || !client)
        return false;
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = fd;
    if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev) != 0)
        return false;
    if (std::size_t(fd) >= m_clients.size())
        m_clients.resize(std::size_t(fd) + 1 + std::size_t(fd) / 2, nullptr);
    m_clients[std::size_t(fd)] = client;
    ++m_count;
    return true;
}

void SocketHub::setWantsWrite(int fd, bool wants)
{
    if (fd < 0 || std::size_t(fd) >= m_clients.size() || !m_clients[std::size_t(fd)])
        return;
    epoll_event ev{};
    ev.events = wants ? std::uint32_t(EPOLLIN | EPOLLOUT) : std::uint32_t(EPOLLIN);
    ev.data.fd = fd;
    epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &ev);
}

void SocketHub::remove(int fd)
{
    if (fd < 0 || std::size_t(fd) >= m_clients.size() || !m_clients[std::size_t(fd)])
        return;
    epoll_event ev{};
    epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, &ev);
    m_clients[std::size_t(fd)] = nullptr;
    --m_count;
}

void SocketHub::dispatch()
{
    epoll_event events[kEventsPerTurn];
    const int n = epoll_wait(m_epoll, events, kEventsPerTurn, 0);
    for (int i = 0; i < n; ++i) {
        const int fd = events[i].data.fd;
        // A client may remove itself or another one while it handles its event; a number removed
        // and added again in this turn gets a call it finds nothing for (a read says EAGAIN).
        auto current = [this, fd] {
            return std::size_t(fd) < m_clients.size() ? m_clients[std::size_t(fd)] : nullptr;
        };
        if (Client *c = current(); c && (events[i].events & (EPOLLIN | EPOLLERR | EPOLLHUP)))
            c->hubReadable();
        if (Client *c = current(); c && (events[i].events & EPOLLOUT))
            c->hubWritable();
    }
}

} // namespace ct
