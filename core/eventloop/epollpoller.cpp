#include "epollpoller.h"

#include <cerrno>
#include <cstddef>
#include <poll.h>
#include <sys/epoll.h>
#include <unistd.h>

namespace ct {

static_assert(sizeof(PollRecord) == sizeof(pollfd) && offsetof(PollRecord, fd) == offsetof(pollfd, fd)
                  && offsetof(PollRecord, events) == offsetof(pollfd, events)
                  && offsetof(PollRecord, revents) == offsetof(pollfd, revents),
              "PollRecord must have struct pollfd's layout");
// epoll reports readiness in poll(2)'s bits.
static_assert(EPOLLIN == POLLIN && EPOLLPRI == POLLPRI && EPOLLOUT == POLLOUT && EPOLLERR == POLLERR
                  && EPOLLHUP == POLLHUP,
              "epoll and poll(2) bits differ");

namespace {
constexpr int kEventsPerWait = 256;
constexpr int kStaleCallsBeforeRebuild = 3;

std::uint32_t epollEvents(unsigned short events)
{
    return events & (EPOLLIN | EPOLLPRI | EPOLLOUT); // errors and hang-ups are always reported
}
} // namespace

EpollPoller::EpollPoller() : m_epoll(epoll_create1(EPOLL_CLOEXEC)), m_events(kEventsPerWait) {}

EpollPoller::~EpollPoller()
{
    if (m_epoll >= 0)
        ::close(m_epoll);
}

int EpollPoller::poll(PollRecord *records, unsigned count, int timeoutMs)
{
    if (m_epoll < 0)
        return ::poll(reinterpret_cast<pollfd *>(records), count, timeoutMs);
    markForAudit();
    syncWithArray(records, count);
    return wait(records, timeoutMs);
}

void EpollPoller::markForAudit()
{
    const std::size_t known = m_known.size();
    for (int i = 0; i < kAuditPerCall && std::size_t(i) < known; ++i)
        m_slots[m_known[m_auditCursor++ % known]].check = true;
}

void EpollPoller::syncWithArray(PollRecord *records, unsigned count)
{
    if (++m_call == 0) { // wrapped: no slot may look seen in this call
        for (Slot &s : m_slots)
            s.seenInCall = 0;
        m_call = 1;
    }
    m_plain.clear();
    for (unsigned i = 0; i < count; ++i) {
        PollRecord &r = records[i];
        r.revents = 0;
        const int fd = r.fd;
        if (fd < 0)
            continue; // poll(2) ignores it too
        if (std::size_t(fd) >= m_slots.size())
            m_slots.resize(std::size_t(fd) + 1 + std::size_t(fd) / 2);
        Slot &s = m_slots[std::size_t(fd)];
        if (s.seenInCall == m_call) { // the same descriptor twice: poll(2) answers this record
            m_plain.push_back(i);
            continue;
        }
        s.seenInCall = m_call;
        s.index = i;
        if (s.state != State::None && s.events == r.events && !s.check) {
            if (s.state == State::Plain)
                m_plain.push_back(i);
            continue;
        }
        registerRecord(fd, r.events, i);
    }
    // Descriptors that left the array (walked backwards: forget() moves the last one here).
    for (std::size_t k = m_known.size(); k-- > 0;) {
        const int fd = m_known[k];
        if (m_slots[std::size_t(fd)].seenInCall != m_call)
            forget(fd);
    }
}

void EpollPoller::registerRecord(int fd, unsigned short events, unsigned index)
{
    Slot &s = m_slots[std::size_t(fd)];
    s.check = false;
    epoll_event ev{};
    ev.events = epollEvents(events);
    ev.data.fd = fd;
    // MOD succeeds only when the set holds the file now under `fd`: that is the check.
    if (s.state == State::InEpoll && epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &ev) == 0) {
        s.events = events;
        return;
    }
    if (s.state == State::None) {
        s.knownAt = std::uint32_t(m_known.size());
        m_known.push_back(fd);
    }
    if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev) == 0
        || (errno == EEXIST && epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &ev) == 0)) {
        if (s.state != State::InEpoll)
            ++m_watched;
        s.state = State::InEpoll;
        s.events = events;
        return;
    }
    // Refused (EPERM: a regular file; EBADF: closed, and poll(2) answers POLLNVAL).
    if (s.state == State::InEpoll)
        --m_watched;
    s.state = State::Plain;
    s.events = events;
    m_plain.push_back(index);
}

void EpollPoller::forget(int fd)
{
    Slot &s = m_slots[std::size_t(fd)];
    if (s.state == State::InEpoll) {
        epoll_event ev{};                           // (kernels before 2.6.9 wanted one for DEL)
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, &ev); // fails when already closed: nothing to do
        --m_watched;
    }
    const int last = m_known.back();
    m_known[s.knownAt] = last;
    m_slots[std::size_t(last)].knownAt = s.knownAt;
    m_known.pop_back();
    s.state = State::None;
    s.check = false;
}

int EpollPoller::wait(PollRecord *records, int timeoutMs)
{
    int ready = 0;
    int waitMs = timeoutMs;
    if (!m_plain.empty()) {
        m_pollBuffer.clear();
        for (unsigned idx : m_plain)
            m_pollBuffer.push_back(pollfd{records[idx].fd, short(records[idx].events), 0});
        m_pollBuffer.push_back(pollfd{m_epoll, POLLIN, 0});
        if (::poll(m_pollBuffer.data(), m_pollBuffer.size(), timeoutMs) < 0)
            return -1;
        for (std::size_t k = 0; k < m_plain.size(); ++k) {
            if (m_pollBuffer[k].revents) {
                records[m_plain[k]].revents = (unsigned short)m_pollBuffer[k].revents;
                ++ready;
            }
        }
        if (!m_pollBuffer.back().revents)
            return ready;
        waitMs = 0; // the set has something: take it without waiting
    }
    const int n = epoll_wait(m_epoll, m_events.data(), int(m_events.size()), waitMs);
    if (n < 0)
        return ready > 0 ? ready : -1;
    return ready + collect(records, m_events.data(), n);
}

int EpollPoller::collect(PollRecord *records, const epoll_event *events, int n)
{
    if (n == 0)
        return 0;
    m_reported.clear();
    for (int e = 0; e < n; ++e) {
        const int fd = events[e].data.fd;
        if (fd < 0 || std::size_t(fd) >= m_slots.size())
            continue;
        Slot &s = m_slots[std::size_t(fd)];
        if (s.seenInCall != m_call || s.state != State::InEpoll)
            continue;   // an entry for a file this array no longer names
        s.check = true; // its owner may close it now: check the set's entry on the next call
        m_reported.push_back(s.index);
    }
    // Confirm with poll(2): its answer is the one a plain poll would have given, and an old
    // file's entry (still open elsewhere, so it never left the set) reports nothing here.
    m_pollBuffer.clear();
    for (unsigned idx : m_reported)
        m_pollBuffer.push_back(pollfd{records[idx].fd, short(records[idx].events), 0});
    int ready = 0;
    if (!m_pollBuffer.empty() && ::poll(m_pollBuffer.data(), m_pollBuffer.size(), 0) > 0) {
        for (std::size_t k = 0; k < m_reported.size(); ++k) {
            if (m_pollBuffer[k].revents) {
                records[m_reported[k]].revents = (unsigned short)m_pollBuffer[k].revents;
                ++ready;
            }
        }
    }
    if (ready > 0) {
        m_staleCalls = 0;
    } else if (++m_staleCalls >= kStaleCallsBeforeRebuild) {
        rebuild(); // an entry nobody can remove keeps waking the set
    }
    return ready;
}

void EpollPoller::rebuild()
{
    ::close(m_epoll);
    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    for (int fd : m_known)
        m_slots[std::size_t(fd)] = Slot{};
    m_known.clear();
    m_watched = 0;
    m_staleCalls = 0;
    ++m_rebuilds;
}

} // namespace ct
