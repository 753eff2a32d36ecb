#pragma once
// Which rows a "Mark read" from outside the Messages tab (a notification's action) means.
#include "config/accountaddress.h"

#include <QList>
#include <QString>

namespace ct {
class HistoryStore;
}

namespace ct::ui {

// The unread rows of one message, found among the account's newest `lookBack` messages (a
// notification is about a recent one); an empty id: every unread one among them.
QList<qint64> unreadRowsFor(const HistoryStore &store, const AccountAddress &account, const QString &messageId,
                            int lookBack = 500);

} // namespace ct::ui
