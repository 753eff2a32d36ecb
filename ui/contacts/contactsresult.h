#pragma once
// What the contacts view gets from app/ (which runs the core's OpenImRest, friend guard
// included): either the guard's refusal / an error, or the server's `data` answers as sent.
#include "config/accountaddress.h"

#include <QJsonValue>
#include <QString>
#include <functional>

namespace ct::ui {

struct ContactsResult
{
    bool ok = false;
    QString code;            // e.g. MULTI_OPENIM_FRIEND_API_DISABLED when the guard refused
    QString error;           // the guard's or the server's message
    QJsonValue friends;      // /friend/get_friend_list data: {friendsInfo: [...], total}
    QJsonValue applications; // /friend/get_friend_apply_list data: {friendRequests: [...], total}
};

using ContactsDone = std::function<void(const ContactsResult &)>;
using ContactsLoader = std::function<void(const AccountAddress &account, ContactsDone done)>;

} // namespace ct::ui
