#pragma once
// One attempt of tokenRefresh.mode = "hook": runs tokenRefresh.hook.command (an argv array;
// placeholders {accountId} and {reason}, never a token) and reads
// {"token": "…", "userID"?: "…"} from its stdout. A non-zero exit, a crash, a timeout, empty
// output, `null` or output without a token is a failure. Emits finished() exactly once.
#include "config/configmodel.h"
#include "refreshattempt.h"

#include <QObject>
#include <QProcess>
#include <QTimer>

namespace ct {

class HookRefreshJob : public QObject
{
    Q_OBJECT
public:
    HookRefreshJob(const HookRefreshConfig &config, const QString &accountId, const QString &reason,
                   QObject *parent = nullptr);
    ~HookRefreshJob() override;

    void start();

Q_SIGNALS:
    void finished(const ct::RefreshAttemptResult &result);

private:
    void finish(const RefreshAttemptResult &result);
    void onProcessFinished(int exitCode, QProcess::ExitStatus status);
    RefreshAttemptResult parseOutput(const QByteArray &out) const;

    HookRefreshConfig m_config;
    QString m_accountId;
    QString m_reason;
    QProcess m_process;
    QTimer m_timeout;
    bool m_finished = false;
    bool m_timedOut = false;
};

} // namespace ct
