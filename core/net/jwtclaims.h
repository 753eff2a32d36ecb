#pragma once
// The claims of a JWT, read WITHOUT verifying the signature: ChannelTray only uses them to
// learn an OpenIM token's UserID / PlatformID and when it expires. Never trust them for
// anything else. Error messages never contain the token.
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace ct {

struct JwtClaims
{
    QString userID;                // claim "UserID"; empty when absent
    std::optional<int> platformID; // claim "PlatformID"
    QDateTime expiresAt;           // claim "exp" (UTC); invalid when absent
    QDateTime issuedAt;            // claim "iat" (UTC); invalid when absent
    QJsonObject all;               // every claim of the payload

    // Parses "<header>.<payload>.<signature>" (base64url, padding optional). On failure
    // returns nullopt and, when error is given, says what is wrong.
    static std::optional<JwtClaims> parse(const QString &token, QString *error = nullptr);

    // True when the token has an "exp" and it is at or before `now`.
    bool isExpiredAt(const QDateTime &now) const;
};

} // namespace ct
