#pragma once
// What the account editor produces: the account's settings as config JSON, the tokens the user
// typed (to be stored in the keychain by the caller, never written to the file by ui/), and
// channel-wide settings (OpenIM token refresh).
#include "config/accountaddress.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <QString>
#include <functional>

namespace ct::ui {

struct AccountDraft
{
    AccountAddress address;
    QJsonObject fields;            // keys under channels.<channel>.accounts.<id>
    QMap<QString, QString> tokens; // "appToken"/"clientToken"/"token" → value; only typed ones
    // Channel-wide settings by dotted path under channels.<channel>, e.g. "tokenRefresh.mode".
    // Only these keys are written; their siblings (headers, body, …) are kept.
    QMap<QString, QJsonValue> channelFields;

    // `root` with this account written into it (unknown keys and other accounts untouched).
    // Tokens are not written: they go to the keychain.
    QJsonObject applyTo(QJsonObject root, QString *error = nullptr) const;
};

// Runs a connection test for a draft and calls `done` exactly once (possibly later).
// The application passes one in; ui/ has no network logic.
using ProbeDone = std::function<void(bool ok, const QString &message)>;
using ConnectionProbe = std::function<void(const AccountDraft &draft, ProbeDone done)>;

} // namespace ct::ui
