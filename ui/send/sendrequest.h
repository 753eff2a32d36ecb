#pragma once
// A test message as the send dialog describes it, and what came back. The application passes a
// Sender that hands the request to the account's channel client; ui/ does no sending itself.
#include "config/accountaddress.h"

#include <QDateTime>
#include <QString>
#include <functional>

namespace ct::ui {

struct SendRequest
{
    enum class Kind { Text, Picture, Video, File };

    AccountAddress account; // always chosen explicitly

    // Gotify
    QString title;
    int priority = 5;
    bool markdown = false;
    QString clickUrl;

    // OpenIM
    QString recipient; // "user:<id>" or "group:<id>"
    Kind kind = Kind::Text;
    QString url;       // picture / video / file

    QString text;      // Gotify message or OpenIM text
};

struct SendResult
{
    bool ok = false;
    QString serverId; // Gotify message id / OpenIM serverMsgID
    QDateTime time;   // the server's time when known
    QString error;    // the server's error, shown as is
};

using SendDone = std::function<void(const SendResult &result)>;
using Sender = std::function<void(const SendRequest &request, SendDone done)>;

} // namespace ct::ui
