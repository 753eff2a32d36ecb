#pragma once
// SIGINT/SIGTERM into the event loop (self-pipe): the handler only writes one byte, the
// QSocketNotifier turns it into the signalled() signal, so a process can end as cleanly on
// `kill` or a session logout as on its own Quit. One watcher at a time per process; the
// destructor restores the default dispositions.
#include <QObject>

class QSocketNotifier;

namespace ct {

class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;
    bool isActive() const { return m_notifier != nullptr; }

Q_SIGNALS:
    // Once per signal received, in the order they arrived (also several in one event-loop pass).
    void signalled(int signalNumber);

private:
    void readSignal();
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace ct
