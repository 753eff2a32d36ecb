#pragma once
// A QNetworkAccessManager that lets its HTTP thread go once it has been idle a while.
// Qt runs a manager's HTTP requests in a thread of its own, made on the first request and kept,
// with the connections it keeps alive, for as long as the manager lives. The runtime's one
// shared manager (REST catch-up, probes, sends, token refresh) is busy at start and after a
// reconnect, then idle for hours: an idle tray with one account kept a fourth thread, its stack
// and its malloc arena for nothing (issue 11, one account's memory). After `idleTime` with no
// request in flight the manager drops its kept connections and ends that thread
// (clearConnectionCache()); the next request makes them again.
#include <QNetworkAccessManager>
#include <QTimer>

#include <chrono>

namespace ct {

class IdleNetworkAccessManager : public QNetworkAccessManager
{
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds kDefaultIdleTime{std::chrono::seconds(30)};

    explicit IdleNetworkAccessManager(QObject *parent = nullptr);
    ~IdleNetworkAccessManager() override;

    void setIdleTime(std::chrono::milliseconds idleTime) { m_idle.setInterval(idleTime); }
    // Requests made and not yet finished (or deleted unfinished).
    int inFlight() const { return m_inFlight; }
    // The idle time is running: nothing is in flight, and the thread is still there.
    bool releasePending() const { return m_idle.isActive(); }

Q_SIGNALS:
    // The kept connections and the HTTP thread were let go.
    void released();

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *outgoingData) override;

private:
    void requestEnded();
    void release();

    QTimer m_idle;
    int m_inFlight = 0;
};

} // namespace ct
