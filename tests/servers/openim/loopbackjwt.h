#pragma once
// HS256 JSON Web Tokens as the OpenIM server issues and checks them (docs/protocols.md "JWT").
#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace ct::loopback {

// The error codes the gateway answers for a refused token.
enum TokenError : int {
    TokenOk = 0,
    TokenExpired = 1501,
    TokenInvalid = 1502,
    TokenMalformed = 1503,
    TokenNotValidYet = 1504,
    TokenUnknown = 1505,
    TokenKicked = 1506,
    TokenNotExist = 1507,
};

struct JwtCheck
{
    int error = TokenOk;
    QString userID;
    int platformID = -1;
    qint64 exp = 0;
};

QByteArray base64Url(const QByteArray &raw);
// header {"alg":alg,"typ":"JWT"}; signed with HMAC-SHA256 when alg is HS256.
QString signJwt(const QJsonObject &claims, const QByteArray &secret,
                const QByteArray &alg = QByteArrayLiteral("HS256"));
// Parses, checks signature, exp and nbf in the order the server does.
JwtCheck verifyJwt(const QString &token, const QByteArray &secret, qint64 nowSecs);

} // namespace ct::loopback
