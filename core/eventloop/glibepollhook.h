#pragma once
// The main thread's event loop polls with an EpollPoller when Qt's event dispatcher is the GLib
// one (the default on Linux): GLib asks its context's poll function for every wait, with every
// descriptor of the process (each socket notifier's), so with a thousand connections a plain
// poll(2) walks a thousand sockets in the kernel on each wake-up; the EpollPoller walks the ready
// ones (docs/architecture.md, "Threading"). With another dispatcher (QT_NO_GLIB=1) or
// CHANNELTRAY_NO_EPOLL=1 nothing changes. GLib is looked up in the process, not linked: it is
// there whenever Qt's dispatcher is the GLib one.
//
//   QCoreApplication app(argc, argv);
//   GlibEpollHook epoll; // after the application, on its thread; restores GLib's poll when destroyed
#include "epollpoller.h"

namespace ct {

class GlibEpollHook
{
public:
    // Installs at once when it can; isInstalled() says whether it did.
    GlibEpollHook();
    ~GlibEpollHook();
    GlibEpollHook(const GlibEpollHook &) = delete;
    GlibEpollHook &operator=(const GlibEpollHook &) = delete;

    bool isInstalled() const { return m_context != nullptr; }
    const EpollPoller &poller() const { return m_poller; }

private:
    EpollPoller m_poller;
    void *m_context = nullptr;  // the GMainContext
    void *m_previous = nullptr; // its poll function before
    void (*m_setPollFunc)(void *, void *) = nullptr;
};

} // namespace ct
