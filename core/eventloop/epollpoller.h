#pragma once
// poll(2) for an event loop that watches many descriptors of which few are ever ready: the
// same call (an array of {fd, events, revents}, a timeout in ms, the number of ready records
// back), answered by an epoll set that is kept in step with the array, so a wake-up costs the
// kernel the ready descriptors, not all of them (docs/architecture.md, "Threading").
//
//   EpollPoller poller;
//   int ready = poller.poll(records, count, timeoutMs); // as ::poll(records, count, timeoutMs)
//
// Each call compares the array with what the set holds: a descriptor that is new or whose
// events changed is (re)registered, one that left the array is removed. A closed descriptor
// leaves an epoll set by itself, so a descriptor number can come back as another file with the
// same events between two calls and look unchanged; the set then holds no entry for it. Such
// a number is registered again when it is checked with EPOLL_CTL_MOD (ENOENT: the file under
// it is not in the set), and the records checked are: every record reported ready by the
// previous call (the usual way a descriptor gets closed: its owner reads the end or an error),
// and a few others each call, in turn, so every descriptor is checked within
// count / kAuditPerCall calls whatever closed it. What epoll reports is confirmed with one
// poll(2) over the reported descriptors, so a stale entry (an old file still open elsewhere)
// never reports a readiness the current file does not have; a stale entry that keeps waking
// the set makes it be built anew. Descriptors epoll refuses (regular files) are polled with
// poll(2) on every call, together with the epoll descriptor.
#include <cstdint>
#include <vector>

struct epoll_event;
struct pollfd;

namespace ct {

// The layout of struct pollfd and of GLib's GPollFD on Unix (checked in the .cpp).
struct PollRecord
{
    int fd;
    unsigned short events;
    unsigned short revents;
};

class EpollPoller
{
public:
    static constexpr int kAuditPerCall = 8;

    EpollPoller();
    ~EpollPoller();
    EpollPoller(const EpollPoller &) = delete;
    EpollPoller &operator=(const EpollPoller &) = delete;

    // False when the kernel gave no epoll descriptor: poll() then calls ::poll().
    bool isValid() const { return m_epoll >= 0; }
    // As ::poll(): the number of records with revents set, 0 on timeout, -1 with errno.
    int poll(PollRecord *records, unsigned count, int timeoutMs);

    // What the set holds now, how often it was rebuilt, how many calls (for tests and figures).
    int watchedCount() const { return m_watched; }
    int rebuilds() const { return m_rebuilds; }
    std::uint32_t calls() const { return m_call; }

private:
    enum class State : std::uint8_t { None, InEpoll, Plain };
    struct Slot
    {
        std::uint32_t seenInCall = 0; // the call that last found the descriptor in the array
        std::uint32_t index = 0;      // its record's index in that call's array
        std::uint32_t knownAt = 0;    // its place in m_known
        unsigned short events = 0;    // what the set (or the plain list) watches for
        State state = State::None;
        bool check = false; // verify the set's entry on the next call (EPOLL_CTL_MOD)
    };

    void syncWithArray(PollRecord *records, unsigned count);
    void registerRecord(int fd, unsigned short events, unsigned index);
    void forget(int fd);
    void markForAudit();
    int wait(PollRecord *records, int timeoutMs);
    int collect(PollRecord *records, const epoll_event *events, int n);
    void rebuild();

    int m_epoll = -1;
    std::uint32_t m_call = 0;
    std::vector<Slot> m_slots;     // indexed by descriptor number
    std::vector<int> m_known;      // descriptors with a slot state other than None
    std::vector<unsigned> m_plain; // indexes of this call's records polled with poll(2)
    std::vector<pollfd> m_pollBuffer;
    std::vector<epoll_event> m_events;
    std::vector<unsigned> m_reported; // indexes reported ready by epoll, to confirm
    std::size_t m_auditCursor = 0;
    int m_watched = 0;
    int m_staleCalls = 0;
    int m_rebuilds = 0;
};

} // namespace ct
