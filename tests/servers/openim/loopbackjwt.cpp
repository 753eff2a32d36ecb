#include "loopbackjwt.h"

#include <QJsonDocument>
#include <QMessageAuthenticationCode>

namespace ct::loopback {

QByteArray base64Url(const QByteArray &raw)
{
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

static QByteArray hs256(const QByteArray &input, const QByteArray &secret)
{
    return QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256);
}

QString signJwt(const QJsonObject &claims, const QByteArray &secret, const QByteArray &alg)
{
    QJsonObject header{{QStringLiteral("alg"), QString::fromLatin1(alg)},
                       {QStringLiteral("typ"), QStringLiteral("JWT")}};
    const QByteArray input = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
                             + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    const QByteArray signature = alg == "HS256" ? hs256(input, secret) : QByteArray("x");
    return QString::fromLatin1(input + '.' + base64Url(signature));
}

static std::optional<QJsonObject> segmentObject(const QByteArray &segment)
{
    auto raw = QByteArray::fromBase64Encoding(segment, QByteArray::Base64UrlEncoding
                                                           | QByteArray::AbortOnBase64DecodingErrors);
    if (!raw)
        return std::nullopt;
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(*raw, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

JwtCheck verifyJwt(const QString &token, const QByteArray &secret, qint64 nowSecs)
{
    JwtCheck check;
    const QList<QByteArray> parts = token.toLatin1().split('.');
    if (parts.size() != 3) {
        check.error = TokenMalformed;
        return check;
    }
    const auto header = segmentObject(parts[0]);
    const auto claims = segmentObject(parts[1]);
    if (!header || !claims) {
        check.error = TokenMalformed;
        return check;
    }
    if (header->value(QStringLiteral("alg")).toString() != QStringLiteral("HS256")) {
        check.error = TokenUnknown;
        return check;
    }
    const QByteArray expected = base64Url(hs256(parts[0] + '.' + parts[1], secret));
    if (expected != parts[2]) {
        check.error = TokenInvalid;
        return check;
    }
    check.userID = claims->value(QStringLiteral("UserID")).toString();
    check.platformID = claims->value(QStringLiteral("PlatformID")).toInt(-1);
    check.exp = claims->value(QStringLiteral("exp")).toInteger();
    if (claims->contains(QStringLiteral("exp")) && check.exp <= nowSecs)
        check.error = TokenExpired;
    else if (claims->value(QStringLiteral("nbf")).toInteger() > nowSecs)
        check.error = TokenNotValidYet;
    return check;
}

} // namespace ct::loopback
