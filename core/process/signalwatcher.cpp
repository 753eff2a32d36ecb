#include "signalwatcher.h"

#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace ct {

namespace {
// The write end is what the async-signal-safe handler can reach; nothing else is global.
int g_fds[2] = {-1, -1};

void onSignal(int signalNumber)
{
    const char c = char(signalNumber);
    [[maybe_unused]] const auto n = ::write(g_fds[0], &c, 1);
}

void install(void (*handler)(int))
{
    struct sigaction action = {};
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
}
} // namespace

SignalWatcher::SignalWatcher(QObject *parent) : QObject(parent)
{
    // Close-on-exec: the programs the tray starts (the demo sandbox, its relaunch) must not
    // inherit the pipe.
    if (g_fds[0] != -1 || ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_fds) != 0)
        return;
    m_notifier = new QSocketNotifier(g_fds[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SignalWatcher::readSignal);
    install(onSignal);
}

SignalWatcher::~SignalWatcher()
{
    if (!m_notifier)
        return;
    install(SIG_DFL);
    delete m_notifier;
    ::close(g_fds[0]);
    ::close(g_fds[1]);
    g_fds[0] = g_fds[1] = -1;
}

void SignalWatcher::readSignal()
{
    // Every signal that has arrived, in order: two that arrive together are both reported.
    char received[16];
    const auto n = ::read(g_fds[1], received, sizeof received);
    for (ssize_t i = 0; i < n; ++i)
        Q_EMIT signalled(int(received[i]));
}

} // namespace ct
