#include "refreshwiring.h"

#include "openim/openimconnection.h"
#include "refresh/tokenrefresher.h"

#include <QCoreApplication>

namespace ct {

void wireTokenRefresh(TokenRefresher &refresher, QObject *context, ConnectionLookup lookup,
                      TokenObserver onNewToken)
{
    QObject::connect(&refresher, &TokenRefresher::refreshStarted, context,
                     [lookup](const AccountAddress &a, const QString &reason) {
                         if (AccountConnection *c = lookup(a))
                             c->markRefreshing(reason);
                     });
    QObject::connect(&refresher, &TokenRefresher::refreshSucceeded, context,
                     [&refresher, lookup, onNewToken](const AccountAddress &a) {
                         const auto credentials = refresher.credentials(a);
                         auto *im = qobject_cast<OpenImConnection *>(lookup(a));
                         if (!im || !credentials)
                             return;
                         if (onNewToken)
                             onNewToken(a, credentials->token);
                         im->setToken(credentials->token, credentials->userID);
                         im->reconnectNow();
                     });
    QObject::connect(
        &refresher, &TokenRefresher::refreshFailed, context,
        [lookup](const AccountAddress &a, const QString &reason, const QString &error, bool terminal) {
            if (!terminal)
                return;
            if (AccountConnection *c = lookup(a))
                c->markNeedsLogin(QCoreApplication::translate("RefreshWiring", "%1 — token refresh failed: %2")
                                      .arg(reason, error));
        });
}

void refreshOnTokenProblems(TokenRefresher &refresher, OpenImConnection *connection)
{
    const AccountAddress address = connection->address();
    QObject::connect(connection, &OpenImConnection::tokenProblem, &refresher,
                     [&refresher, address](const QString &event, int code) {
                         refresher.trigger(address, QStringLiteral("%1 errCode=%2").arg(event).arg(code));
                     });
}

} // namespace ct
