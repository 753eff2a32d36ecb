#pragma once
// The outcome of one refresh attempt (one http request or one hook run).
#include <QString>
#include <QStringList>

namespace ct {

struct RefreshAttemptResult
{
    bool ok = false;
    // false: trying again cannot help (a placeholder that cannot be resolved, a state file
    // that is not JSON, a hook failure); the refresher gives up at once.
    bool retryable = true;
    QString token;        // the new token, on success. NEVER log it.
    QString userID;       // from the hook's output, when it printed one
    QString error;        // what went wrong, never containing a token
    QStringList warnings; // success with side effects that failed (state write-back, …)

    static RefreshAttemptResult failure(const QString &error, bool retryable = true)
    {
        RefreshAttemptResult r;
        r.error = error;
        r.retryable = retryable;
        return r;
    }
};

} // namespace ct
