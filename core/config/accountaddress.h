#pragma once
#include <QHashFunctions>
#include <QString>
#include <QTypeInfo>

namespace ct {

// Channel names as they appear in the config ("channels.<name>") and in addresses. Constant
// views, not QStrings: a QString constant in a header is built by a static initializer in
// every file that includes it, and at start those ~170 initializers fault in pages all over
// the executable (most of an unoptimised one).
inline constexpr QLatin1StringView kGotifyChannel{"gotify"};
inline constexpr QLatin1StringView kOpenImChannel{"multi-openim"};

// "<channel>/<accountId>", e.g. "gotify/ops" or "multi-openim/primary".
struct AccountAddress
{
    QString channel;
    QString accountId;

    QString toString() const { return channel + QLatin1Char('/') + accountId; }
    bool isValid() const { return !channel.isEmpty() && !accountId.isEmpty(); }
    // Parses "<channel>/<id>"; returns an invalid address on anything else.
    static AccountAddress parse(const QString &text)
    {
        const qsizetype slash = text.indexOf(QLatin1Char('/'));
        if (slash <= 0 || slash == text.size() - 1)
            return {};
        return {text.left(slash), text.mid(slash + 1)};
    }
    friend bool operator==(const AccountAddress &a, const AccountAddress &b)
    {
        return a.channel == b.channel && a.accountId == b.accountId;
    }
    friend bool operator!=(const AccountAddress &a, const AccountAddress &b) { return !(a == b); }
    friend size_t qHash(const AccountAddress &a, size_t seed = 0)
    {
        return qHashMulti(seed, a.channel, a.accountId);
    }
};

} // namespace ct

// Two QStrings: moving it in memory is a plain copy of bytes, so containers may relocate it.
Q_DECLARE_TYPEINFO(ct::AccountAddress, Q_RELOCATABLE_TYPE);
