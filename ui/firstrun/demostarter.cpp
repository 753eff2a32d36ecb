#include "demostarter.h"

#include "common/singleinstance.h"
#include "welcomepage.h"

#include <QPointer>

namespace ct::ui {

DemoStarter::DemoStarter(std::function<void(const DemoHooks &)> startDemo, WelcomePage *page, QObject *parent)
    : QObject(parent), m_startDemo(std::move(startDemo)), m_page(page)
{
}

void DemoStarter::setSingleInstance(SingleInstance *instance)
{
    m_instance = instance;
}

QString DemoStarter::describe(const DemoEvent &e)
{
    switch (e.kind) {
    case DemoEvent::Kind::StartingSandbox:
        return tr("Starting the demo servers (%1)…").arg(e.detail);
    case DemoEvent::Kind::WaitingForConfig:
        return tr("Waiting for the demo configuration at %1…").arg(e.detail);
    case DemoEvent::Kind::Relaunching:
        return tr("Starting ChannelTray on the demo configuration %1…").arg(e.detail);
    case DemoEvent::Kind::SandboxMissing:
        return tr("The demo servers (channeltray-sandbox) were not found. They are installed with ChannelTray "
                  "unless it was built with CHANNELTRAY_BUILD_DEMO=OFF; looked for: %1")
            .arg(e.detail);
    case DemoEvent::Kind::SandboxFailed:
        return tr("The demo servers did not start: %1").arg(e.detail);
    case DemoEvent::Kind::ConfigTimeout:
        return tr("The demo servers did not write their configuration (%1) in time.").arg(e.detail);
    case DemoEvent::Kind::RelaunchFailed:
        return tr("ChannelTray could not be started on the demo configuration (%1).").arg(e.detail);
    }
    return {};
}

void DemoStarter::start()
{
    if (!m_startDemo) {
        report({DemoEvent::Kind::SandboxMissing, tr("(not available in this build)")});
        return;
    }
    if (m_running)
        return;
    m_running = true;
    if (m_page)
        m_page->setDemoBusy(true);
    QPointer<DemoStarter> self(this);
    DemoHooks hooks;
    hooks.report = [self](const DemoEvent &e) {
        if (self)
            self->report(e);
    };
    hooks.releaseInstance = [self] {
        if (self && self->m_instance)
            self->m_instance->release();
    };
    hooks.reacquireInstance = [self] {
        if (self && self->m_instance)
            self->m_instance->start();
    };
    hooks.quit = [self] {
        if (self)
            Q_EMIT self->quitRequested();
    };
    m_startDemo(hooks);
}

void DemoStarter::report(const DemoEvent &event)
{
    if (event.isError())
        m_running = false;
    if (m_page) {
        m_page->setDemoStatus(describe(event), event.isError());
        if (event.isError())
            m_page->setDemoBusy(false);
    }
}

} // namespace ct::ui
