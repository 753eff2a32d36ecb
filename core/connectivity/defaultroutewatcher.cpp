#include "defaultroutewatcher.h"

#include "logging/logging.h"

#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

namespace ct {

namespace {
int openRouteSocket(unsigned groups, int extraType)
{
    const int fd = ::socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC | extraType, NETLINK_ROUTE);
    if (fd < 0)
        return -1;
    sockaddr_nl local{};
    local.nl_family = AF_NETLINK;
    local.nl_groups = groups;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&local), sizeof local) < 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// The routing table a route message names (RTA_TABLE carries ids past 255).
unsigned routeTable(const nlmsghdr *header, const rtmsg *route)
{
    unsigned table = route->rtm_table;
    int length = RTM_PAYLOAD(header);
    for (const rtattr *a = RTM_RTA(route); RTA_OK(a, length); a = RTA_NEXT(a, length))
        if (a->rta_type == RTA_TABLE && RTA_PAYLOAD(a) >= sizeof(quint32))
            std::memcpy(&table, RTA_DATA(a), sizeof(quint32));
    return table;
}
} // namespace

DefaultRouteWatcher::DefaultRouteWatcher(QObject *parent) : QObject(parent) {}

DefaultRouteWatcher::~DefaultRouteWatcher()
{
    if (m_socket >= 0)
        ::close(m_socket);
}

bool DefaultRouteWatcher::dumpHasDefaultRoute(const QByteArray &messages)
{
    int length = int(messages.size());
    for (auto *h = reinterpret_cast<const nlmsghdr *>(messages.constData()); NLMSG_OK(h, length);
         h = NLMSG_NEXT(h, length)) {
        if (h->nlmsg_type != RTM_NEWROUTE || h->nlmsg_len < NLMSG_LENGTH(sizeof(rtmsg)))
            continue;
        const auto *route = static_cast<const rtmsg *>(NLMSG_DATA(h));
        if ((route->rtm_family == AF_INET || route->rtm_family == AF_INET6) && route->rtm_dst_len == 0
            && route->rtm_type == RTN_UNICAST && routeTable(h, route) == RT_TABLE_MAIN)
            return true;
    }
    return false;
}

std::optional<bool> DefaultRouteWatcher::queryDefaultRoute()
{
    const int fd = openRouteSocket(0, 0);
    if (fd < 0)
        return std::nullopt;
    timeval timeout{1, 0}; // the kernel answers a dump at once; never hang the event loop on it
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    struct
    {
        nlmsghdr header;
        rtmsg route;
    } request{};
    request.header.nlmsg_len = NLMSG_LENGTH(sizeof(rtmsg));
    request.header.nlmsg_type = RTM_GETROUTE;
    request.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    request.header.nlmsg_seq = 1;
    request.route.rtm_family = AF_UNSPEC;
    std::optional<bool> answer;
    if (::send(fd, &request, request.header.nlmsg_len, 0) == ssize_t(request.header.nlmsg_len)) {
        bool found = false;
        QByteArray buffer(32 * 1024, Qt::Uninitialized);
        for (bool done = false; !done;) {
            const ssize_t n = ::recv(fd, buffer.data(), size_t(buffer.size()), 0);
            if (n <= 0)
                break; // error or timeout: no answer
            const QByteArray chunk = QByteArray::fromRawData(buffer.constData(), n);
            found = found || dumpHasDefaultRoute(chunk);
            int length = int(n);
            for (auto *h = reinterpret_cast<const nlmsghdr *>(chunk.constData()); NLMSG_OK(h, length);
                 h = NLMSG_NEXT(h, length)) {
                if (h->nlmsg_type == NLMSG_DONE)
                    answer = found;
                if (h->nlmsg_type == NLMSG_DONE || h->nlmsg_type == NLMSG_ERROR)
                    done = true;
            }
        }
    }
    ::close(fd);
    return answer;
}

bool DefaultRouteWatcher::start()
{
    if (m_socket >= 0)
        return true;
    const std::optional<bool> now = queryDefaultRoute();
    if (!now)
        return false;
    m_socket = openRouteSocket(RTMGRP_IPV4_ROUTE | RTMGRP_IPV6_ROUTE, SOCK_NONBLOCK);
    if (m_socket < 0)
        return false;
    m_hasDefaultRoute = *now;
    m_notifier = new QSocketNotifier(m_socket, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &DefaultRouteWatcher::onReadable);
    return true;
}

void DefaultRouteWatcher::onReadable()
{
    // Whatever changed (or was lost when the socket's buffer overflowed), the kernel's table
    // now is the answer.
    char drain[8192];
    while (::recv(m_socket, drain, sizeof drain, 0) > 0 || errno == ENOBUFS) {
    }
    const std::optional<bool> now = queryDefaultRoute();
    if (!now) {
        qCWarning(lcNet) << "the routing table could not be read:" << std::strerror(errno);
        return;
    }
    if (*now == m_hasDefaultRoute)
        return;
    m_hasDefaultRoute = *now;
    Q_EMIT defaultRouteChanged(m_hasDefaultRoute);
}

} // namespace ct
