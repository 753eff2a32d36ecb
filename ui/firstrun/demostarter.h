#pragma once
// "Try the demo" on the welcome page: runs the application's startDemo hook, shows its progress
// and errors on the page, releases the single-instance lock right before the demo instance starts
// (taking it back if that fails) and asks to quit once the demo instance runs.
#include "trayservices.h"

#include <QObject>
#include <QPointer>

namespace ct::ui {

class SingleInstance;
class WelcomePage;

class DemoStarter : public QObject
{
    Q_OBJECT
public:
    DemoStarter(std::function<void(const DemoHooks &)> startDemo, WelcomePage *page, QObject *parent = nullptr);

    void setSingleInstance(SingleInstance *instance);
    void start();
    bool isRunning() const { return m_running; }
    // The words for one progress event (what the page shows).
    static QString describe(const DemoEvent &event);

Q_SIGNALS:
    void quitRequested();

private:
    void report(const DemoEvent &event);

    std::function<void(const DemoHooks &)> m_startDemo;
    QPointer<WelcomePage> m_page;
    QPointer<SingleInstance> m_instance;
    bool m_running = false;
};

} // namespace ct::ui
