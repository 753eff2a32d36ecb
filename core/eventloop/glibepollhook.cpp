#include "glibepollhook.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QThread>

#include <atomic>
#include <dlfcn.h>

namespace ct {

namespace {
// GLib's GPollFunc: gint (*)(GPollFD *, guint, gint); GPollFD is struct pollfd's layout on Unix.
using PollFunc = int (*)(PollRecord *, unsigned, int);
using ContextFunc = void *(*)();
using GetPollFunc = void *(*)(void *);

// GLib calls a poll function without a user pointer: the installed hook's poller is kept here.
// One hook per process can be installed (the main thread's context); a second one refuses.
std::atomic<EpollPoller *> g_installed{nullptr};

int pollWithEpoll(PollRecord *records, unsigned count, int timeoutMs)
{
    return g_installed.load(std::memory_order_relaxed)->poll(records, count, timeoutMs);
}

template <typename F> F glibFunction(const char *name)
{
    return reinterpret_cast<F>(dlsym(RTLD_DEFAULT, name));
}
} // namespace

GlibEpollHook::GlibEpollHook()
{
    const QCoreApplication *app = QCoreApplication::instance();
    if (!app || QThread::currentThread() != app->thread() || qEnvironmentVariableIsSet("CHANNELTRAY_NO_EPOLL"))
        return;
    const QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
    if (!dispatcher || !dispatcher->inherits("QEventDispatcherGlib") || !m_poller.isValid())
        return;
    const auto threadDefault = glibFunction<ContextFunc>("g_main_context_get_thread_default");
    const auto globalDefault = glibFunction<ContextFunc>("g_main_context_default");
    const auto getPollFunc = glibFunction<GetPollFunc>("g_main_context_get_poll_func");
    const auto setPollFunc = glibFunction<void (*)(void *, void *)>("g_main_context_set_poll_func");
    if (!threadDefault || !globalDefault || !getPollFunc || !setPollFunc)
        return;
    // The context Qt's dispatcher iterates: it pushes it as the thread's default.
    void *context = threadDefault();
    if (!context)
        context = globalDefault();
    EpollPoller *none = nullptr;
    if (!g_installed.compare_exchange_strong(none, &m_poller))
        return;
    m_previous = getPollFunc(context);
    m_setPollFunc = setPollFunc;
    m_context = context;
    setPollFunc(context, reinterpret_cast<void *>(&pollWithEpoll));
}

GlibEpollHook::~GlibEpollHook()
{
    if (!m_context)
        return;
    m_setPollFunc(m_context, m_previous);
    g_installed.store(nullptr);
}

} // namespace ct
