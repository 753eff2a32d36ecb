#pragma once
// The manual-login marker: the file that tells an operator which account needs a manual
// login after token recovery failed terminally. One file per account: the configured
// manualLoginMarkerPath with the account id inserted before the extension
// (manual-login.json → manual-login.primary.json). It holds account, reason, time and what
// was tried — NEVER a token. Written atomically with mode 0600; removed after a later
// successful refresh or when the user supplies a new token.
#include "config/accountaddress.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace ct {

struct ManualLoginMarker
{
    AccountAddress address;
    QString reason;    // the trigger, e.g. "OnConnectFailed errCode=10001"
    QDateTime time;    // when recovery gave up (UTC)
    QString mode;      // "http", "hook", "off"
    QString endpoint;  // http: the configured endpoint without query, fragment or user info
    QString command;   // hook: the program (argv[0]) only
    int attempts = 0;  // how many refresh attempts were made
    QString lastError; // scrubbed of every known secret by the caller and again here

    // manualLoginMarkerPath with "~" expanded and ".<accountId>" before the extension
    // ("…/manual-login" without extension → "…/manual-login.<accountId>").
    static QString pathFor(const QString &configuredPath, const QString &accountId);

    // The endpoint as it may appear in a marker or a log: scheme, host, port and path only.
    static QString endpointWithoutQuery(const QString &endpoint);

    QByteArray toJson() const;

    // Writes toJson() to `path` atomically (0600, parent directories created 0700). Every
    // string in `secrets` is masked in the written text as a last line of defence.
    bool write(const QString &path, const QStringList &secrets, QString *error = nullptr) const;

    // Removes the marker; true when a file was there and is gone.
    static bool remove(const QString &path);
};

} // namespace ct
