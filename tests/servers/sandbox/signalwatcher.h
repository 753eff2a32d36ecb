#pragma once
// SIGINT/SIGTERM into the event loop (self-pipe): the handler only writes one byte, the
// QSocketNotifier turns it into the signalled() signal. One watcher at a time per process;
// the destructor restores the default dispositions.
#include <QObject>

class QSocketNotifier;

namespace ct::sandbox {

class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;
    bool isActive() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void signalled(int signalNumber);

private:
    void readSignal();
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace ct::sandbox
