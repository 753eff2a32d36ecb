// ct_eio_launcher [--on] [--main-only] <history file> <program> [arguments...]
//
// Runs <program> with a real I/O error injector on the files of one SQLite history: the
// kernel's seccomp user notification (seccomp(2), seccomp_unotify(2)), no mocks, no
// LD_PRELOAD. The child sets no_new_privs (so no privilege is needed, root or not), installs
// a filter that hands the write and sync system calls (write, pwrite64, writev, pwritev,
// pwritev2, fsync, fdatasync, ftruncate, fallocate, sync_file_range) to this process, and
// execs <program>. This process, the supervisor, looks at each such call: while faults are on
// and the call's file descriptor names the history, its -wal or its -journal
// (/proc/<tid>/fd/<n>), the call fails with EIO without running; every other call runs as if
// there were no filter (SECCOMP_USER_NOTIF_FLAG_CONTINUE).
//
// --main-only: the history file itself only, not its -wal or -journal. In WAL mode only a
// checkpoint writes there (sqlite.org/wal.html): commits go on, the checkpoints fail.
// SIGUSR1 turns faults on, SIGUSR2 off; --on: on from the start (the program's first call). Each switch and each failed call is reported on
// stderr ("ct_eio_launcher: EIO #<n>: pwrite64 on <file>"), the switch off with the number of
// calls failed since faults went on ("ct_eio_launcher: faults off, <n> calls failed with EIO"). SIGTERM, SIGINT and SIGHUP go to the program; the launcher
// ends as the program does (its exit code, or the same signal). The program is killed when
// the launcher dies (PR_SET_PDEATHSIG): no call of it waits for a supervisor that is gone.
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <string>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

#if defined(__x86_64__)
constexpr unsigned kArch = AUDIT_ARCH_X86_64;
#elif defined(__aarch64__)
constexpr unsigned kArch = AUDIT_ARCH_AARCH64;
#else
#error "ct_eio_launcher: add this architecture's AUDIT_ARCH_* value"
#endif

// The calls that write or sync a file; argument 0 of each is the file descriptor.
const std::vector<long> &watchedCalls()
{
    static const std::vector<long> calls{
#ifdef __NR_write
        __NR_write,
#endif
#ifdef __NR_writev
        __NR_writev,
#endif
        __NR_pwrite64,  __NR_pwritev,   __NR_pwritev2,  __NR_fsync,
        __NR_fdatasync, __NR_ftruncate, __NR_fallocate, __NR_sync_file_range,
    };
    return calls;
}

void die(const char *what)
{
    std::fprintf(stderr, "ct_eio_launcher: %s: %s\n", what, std::strerror(errno));
    std::exit(125);
}

int installFilter()
{
    // arch != ours → allow; nr in watchedCalls → notify the supervisor; else allow.
    std::vector<sock_filter> program;
    program.push_back(BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, arch)));
    program.push_back(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, kArch, 1, 0));
    program.push_back(BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
    program.push_back(BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr)));
    for (long nr : watchedCalls()) {
        program.push_back(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, unsigned(nr), 0, 1));
        program.push_back(BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_USER_NOTIF));
    }
    program.push_back(BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
    sock_fprog fprog{static_cast<unsigned short>(program.size()), program.data()};
    const long fd = syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_NEW_LISTENER, &fprog);
    if (fd < 0)
        die("seccomp(SECCOMP_SET_MODE_FILTER, NEW_LISTENER)");
    return int(fd);
}

// One byte and room for one file descriptor (SCM_RIGHTS), for sendmsg / recvmsg.
struct FdMessage
{
    char byte = 0;
    iovec iov{&byte, 1};
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
    msghdr msg{};
    FdMessage()
    {
        msg.msg_iov = &iov;
        msg.msg_iovlen = 1;
        msg.msg_control = control;
        msg.msg_controllen = sizeof control;
    }
};

void sendFd(int socket, int fd)
{
    FdMessage m;
    cmsghdr *c = CMSG_FIRSTHDR(&m.msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    std::memcpy(CMSG_DATA(c), &fd, sizeof fd);
    if (sendmsg(socket, &m.msg, 0) != 1)
        die("sendmsg (listener)");
}

int receiveFd(int socket)
{
    FdMessage m;
    if (recvmsg(socket, &m.msg, 0) != 1)
        die("recvmsg (listener)");
    cmsghdr *c = CMSG_FIRSTHDR(&m.msg);
    if (!c || c->cmsg_type != SCM_RIGHTS)
        die("no listener from the child");
    int fd = -1;
    std::memcpy(&fd, CMSG_DATA(c), sizeof fd);
    return fd;
}

[[noreturn]] void runChild(int socket, const sigset_t &oldMask, char **argv)
{
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0)
        die("PR_SET_PDEATHSIG");
    if (getppid() == 1) // the launcher died before the line above
        std::_Exit(125);
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        die("PR_SET_NO_NEW_PRIVS");
    const int listener = installFilter();
    // From here on this process's writes wait for the supervisor, which has the listener
    // once sendmsg() (not a watched call) has passed it over.
    sendFd(socket, listener);
    close(listener);
    close(socket);
    sigprocmask(SIG_SETMASK, &oldMask, nullptr); // the program gets the signals it expects
    execvp(argv[0], argv);
    die(argv[0]);
    std::_Exit(127);
}

bool isHistoryFile(const std::string &path, const std::string &history, bool mainOnly)
{
    std::string p = path;
    const std::string deleted = " (deleted)";
    if (p.size() > deleted.size() && p.compare(p.size() - deleted.size(), deleted.size(), deleted) == 0)
        p.resize(p.size() - deleted.size());
    for (const char *suffix : {"", "-wal", "-journal"})
        if (p == history + suffix && (!mainOnly || *suffix == '\0'))
            return true;
    return false;
}

const char *callName(int nr)
{
    switch (nr) {
#ifdef __NR_write
    case __NR_write:
        return "write";
#endif
#ifdef __NR_writev
    case __NR_writev:
        return "writev";
#endif
    case __NR_pwrite64:
        return "pwrite64";
    case __NR_pwritev:
        return "pwritev";
    case __NR_pwritev2:
        return "pwritev2";
    case __NR_fsync:
        return "fsync";
    case __NR_fdatasync:
        return "fdatasync";
    case __NR_ftruncate:
        return "ftruncate";
    case __NR_fallocate:
        return "fallocate";
    case __NR_sync_file_range:
        return "sync_file_range";
    default:
        return "?";
    }
}

std::string fdPath(unsigned pid, unsigned long long fd)
{
    char link[64];
    std::snprintf(link, sizeof link, "/proc/%u/fd/%llu", pid, fd);
    char target[4096];
    const ssize_t n = readlink(link, target, sizeof target - 1);
    return n > 0 ? std::string(target, size_t(n)) : std::string();
}

} // namespace

int main(int argc, char **argv)
{
    bool onAtStart = false;
    bool mainOnly = false;
    for (; argc > 1 && std::strncmp(argv[1], "--", 2) == 0; --argc, ++argv) {
        if (std::strcmp(argv[1], "--on") == 0)
            onAtStart = true;
        else if (std::strcmp(argv[1], "--main-only") == 0)
            mainOnly = true;
        else
            break;
    }
    if (argc < 3) {
        std::fprintf(stderr,
                     "usage: ct_eio_launcher [--on] [--main-only] <history file> <program> [arguments...]\n"
                     "  SIGUSR1: fail the history's writes and syncs with EIO; SIGUSR2: stop\n");
        return 2;
    }
    const std::string history = argv[1];
    // Blocked before anything else: a switch sent early waits in the signalfd, never kills us.
    sigset_t handled, oldMask;
    sigemptyset(&handled);
    for (int s : {SIGUSR1, SIGUSR2, SIGTERM, SIGINT, SIGHUP, SIGCHLD})
        sigaddset(&handled, s);
    if (sigprocmask(SIG_BLOCK, &handled, &oldMask) != 0)
        die("sigprocmask");
    const int signals = signalfd(-1, &handled, SFD_CLOEXEC);
    if (signals < 0)
        die("signalfd");

    int pair[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0)
        die("socketpair");
    const pid_t child = fork();
    if (child < 0)
        die("fork");
    if (child == 0) {
        close(pair[0]);
        runChild(pair[1], oldMask, argv + 2);
    }
    close(pair[1]);
    const int listener = receiveFd(pair[0]);
    close(pair[0]);

    seccomp_notif_sizes sizes{};
    if (syscall(__NR_seccomp, SECCOMP_GET_NOTIF_SIZES, 0, &sizes) != 0)
        die("SECCOMP_GET_NOTIF_SIZES");
    std::vector<char> requestBuffer(std::max<size_t>(sizes.seccomp_notif, sizeof(seccomp_notif)));
    std::vector<char> responseBuffer(std::max<size_t>(sizes.seccomp_notif_resp, sizeof(seccomp_notif_resp)));
    auto *request = reinterpret_cast<seccomp_notif *>(requestBuffer.data());
    auto *response = reinterpret_cast<seccomp_notif_resp *>(responseBuffer.data());

    bool faults = onAtStart;
    if (faults)
        std::fprintf(stderr, "ct_eio_launcher: faults on\n");
    unsigned long failed = 0;
    int status = 0;
    bool childGone = false;
    while (!childGone) {
        pollfd fds[2] = {{listener, POLLIN, 0}, {signals, POLLIN, 0}};
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            die("poll");
        }
        if (fds[1].revents & POLLIN) {
            signalfd_siginfo info{};
            if (read(signals, &info, sizeof info) == ssize_t(sizeof info)) {
                const int s = int(info.ssi_signo);
                if (s == SIGUSR1 && !faults) {
                    faults = true;
                    failed = 0;
                    std::fprintf(stderr, "ct_eio_launcher: faults on\n");
                } else if (s == SIGUSR2 && faults) {
                    faults = false;
                    std::fprintf(stderr, "ct_eio_launcher: faults off, %lu calls failed with EIO\n", failed);
                } else if (s == SIGTERM || s == SIGINT || s == SIGHUP) {
                    kill(child, s);
                } else if (s == SIGCHLD && waitpid(child, &status, WNOHANG) == child) {
                    childGone = true;
                }
            }
        }
        if (fds[0].revents & POLLIN) {
            std::memset(request, 0, requestBuffer.size());
            if (ioctl(listener, SECCOMP_IOCTL_NOTIF_RECV, request) != 0)
                continue; // ENOENT: the caller died meanwhile
            std::memset(response, 0, responseBuffer.size());
            response->id = request->id;
            const std::string path = faults ? fdPath(request->pid, request->data.args[0]) : std::string();
            const bool fail = faults && isHistoryFile(path, history, mainOnly);
            // The fd was read from /proc while the call waited: still the same call?
            if (ioctl(listener, SECCOMP_IOCTL_NOTIF_ID_VALID, &request->id) != 0)
                continue;
            if (fail) {
                response->error = -EIO;
                std::fprintf(stderr, "ct_eio_launcher: EIO #%lu: %s on %s\n", ++failed, callName(request->data.nr),
                             path.c_str());
            } else {
                response->flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
            }
            ioctl(listener, SECCOMP_IOCTL_NOTIF_SEND, response); // ENOENT: the caller died meanwhile
        } else if (fds[0].revents & (POLLHUP | POLLERR)) {
            // Every filtered process is gone: wait for the child's status.
            if (waitpid(child, &status, 0) == child)
                childGone = true;
        }
    }
    if (WIFSIGNALED(status)) {
        std::signal(WTERMSIG(status), SIG_DFL);
        sigprocmask(SIG_SETMASK, &oldMask, nullptr);
        kill(getpid(), WTERMSIG(status));
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 125;
}
