// What the user changes through the GUI: tokens in the keychain, read marks in the history,
// and what the tray copies. The runtime is the one owner of both stores; ui/ calls these.
#include "appruntime.h"

#include "inbound/historystore.h"
#include "refresh/tokenrefresher.h"
#include "secrets/secretstore.h"
#include "secrets/tokenresolver.h"

#include <memory>

namespace ct {

void AppRuntime::setToken(const AccountAddress &account, const QString &field, const QString &value,
                          std::function<void(const SecretResult &)> done)
{
    m_secrets->write(account, field, value, [this, account, field, done](const SecretResult &r) {
        if (r.ok() && account.channel == kOpenImChannel && field == QLatin1String("token"))
            m_refresher->tokenReplaced(account);
        if (done)
            done(r);
    });
}

void AppRuntime::removeTokens(const AccountAddress &account, RemoveTokensCallback done)
{
    const QStringList fields = SecretStore::knownFields();
    auto left = std::make_shared<qsizetype>(fields.size());
    auto failed = std::make_shared<QMap<QString, QString>>();
    for (const QString &field : fields)
        m_secrets->remove(account, field, [left, failed, field, done](const SecretResult &r) {
            if (!r.ok())
                failed->insert(field, r.message);
            if (--*left == 0 && done)
                done(*failed);
        });
}

void AppRuntime::storedTokenFields(const AccountAddress &account, std::function<void(const QStringList &)> found,
                                   std::function<void(const QStringList &)> done)
{
    const QStringList fields = TokenResolver::fieldsFor(account.channel);
    auto stored = std::make_shared<QStringList>();
    auto left = std::make_shared<qsizetype>(fields.size());
    if (fields.isEmpty() && done)
        done({});
    for (const QString &field : fields)
        m_secrets->read(account, field, [stored, left, field, found, done](const SecretResult &r) {
            if (r.ok()) {
                *stored << field;
                if (found)
                    found(*stored);
            }
            if (--*left == 0 && done)
                done(*stored);
        });
}

void AppRuntime::resolveToken(const AccountAddress &account, const QString &field, TokenResolver::Callback done,
                              const QString &typed)
{
    m_resolver.resolve(m_config, account, field, std::move(done), typed);
}

void AppRuntime::markRead(const QList<qint64> &rowIds)
{
    if (m_history->isOpen())
        m_history->markRead(rowIds);
}

void AppRuntime::markUnread(const QList<qint64> &rowIds)
{
    if (m_history->isOpen())
        m_history->markUnread(rowIds);
}

void AppRuntime::deleteLocally(const QList<qint64> &rowIds)
{
    if (m_history->isOpen())
        m_history->deleteLocally(rowIds);
}

QString AppRuntime::sessionKeyFor(const AccountAddress &account) const
{
    if (m_history->isOpen()) {
        const QList<SessionSummary> sessions = m_history->sessions(account);
        if (!sessions.isEmpty())
            return sessions.first().sessionKey;
    }
    return QStringLiteral("agent:%1:main").arg(m_config.agentFor(account));
}

} // namespace ct
