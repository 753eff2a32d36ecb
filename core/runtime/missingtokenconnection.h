#pragma once
// Stands in for an account whose token is missing (or whose keychain could not be read): it
// stays Failed with a sentence that says what to do, so the tray shows the account instead of
// hiding it.
#include "accounts/accountconnection.h"

namespace ct {

class MissingTokenConnection : public AccountConnection
{
    Q_OBJECT
public:
    MissingTokenConnection(const AccountAddress &address, const QString &why, QObject *parent = nullptr)
        : AccountConnection(address, parent), m_why(why)
    {
    }
    void start() override { setState(AccountState::Failed, m_why); }
    void stop(bool disable = false) override
    {
        setState(disable ? AccountState::Disabled : AccountState::Failed, m_why);
    }
    void reconnectNow() override { start(); }
    QString reason() const { return m_why; }
    // The reason changed (the keychain answered differently) while the token is still missing.
    void setReason(const QString &why)
    {
        if (why == m_why)
            return;
        m_why = why;
        if (state() != AccountState::Disabled)
            setState(AccountState::Failed, m_why);
    }

private:
    QString m_why;
};

} // namespace ct
