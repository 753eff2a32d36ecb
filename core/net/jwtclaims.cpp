#include "jwtclaims.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QStringList>

#include <cmath>

namespace ct {
namespace {

// Latest NumericDate we accept: 9999-12-31T23:59:59Z.
constexpr double kMaxNumericDate = 253402300799.0;

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool decodeJsonObject(const QString &part, const QString &what, QJsonObject *out, QString *error)
{
    if (part.isEmpty())
        return fail(error, QCoreApplication::translate("ct::JwtClaims", "JWT %1 is empty").arg(what));
    const auto decoded = QByteArray::fromBase64Encoding(
        part.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    // toLatin1 turns anything outside Latin-1 into '?', which base64url rejects as well.
    if (!decoded)
        return fail(error, QCoreApplication::translate("ct::JwtClaims", "JWT %1 is not base64url").arg(what));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(error, QCoreApplication::translate("ct::JwtClaims", "JWT %1 is not JSON: %2")
                               .arg(what, parseError.errorString()));
    if (!doc.isObject())
        return fail(error, QCoreApplication::translate("ct::JwtClaims", "JWT %1 is not a JSON object").arg(what));
    *out = doc.object();
    return true;
}

bool readDate(const QJsonObject &claims, const QString &name, QDateTime *out, QString *error)
{
    const QJsonValue value = claims.value(name);
    if (value.isUndefined() || value.isNull())
        return true;
    const double seconds = value.toDouble(-1.0);
    if (!value.isDouble() || !std::isfinite(seconds) || seconds < 0 || seconds > kMaxNumericDate)
        return fail(
            error,
            QCoreApplication::translate("ct::JwtClaims", "JWT claim \"%1\" is not a valid NumericDate").arg(name));
    *out = QDateTime::fromSecsSinceEpoch(qint64(std::floor(seconds)), Qt::UTC);
    return true;
}

} // namespace

std::optional<JwtClaims> JwtClaims::parse(const QString &token, QString *error)
{
    const QString trimmed = token.trimmed();
    const QStringList parts = trimmed.split(QLatin1Char('.'));
    if (parts.size() != 3) {
        fail(error, QCoreApplication::translate("ct::JwtClaims", "JWT must have 3 dot-separated parts, found %1")
                        .arg(parts.size()));
        return std::nullopt;
    }
    QJsonObject header;
    JwtClaims claims;
    if (!decodeJsonObject(parts.at(0), QStringLiteral("header"), &header, error)
        || !decodeJsonObject(parts.at(1), QStringLiteral("payload"), &claims.all, error))
        return std::nullopt;

    const QJsonValue userId = claims.all.value(QStringLiteral("UserID"));
    if (!userId.isUndefined() && !userId.isNull()) {
        if (!userId.isString()) {
            fail(error, QCoreApplication::translate("ct::JwtClaims", "JWT claim \"UserID\" is not a string"));
            return std::nullopt;
        }
        claims.userID = userId.toString();
    }

    const QJsonValue platform = claims.all.value(QStringLiteral("PlatformID"));
    if (!platform.isUndefined() && !platform.isNull()) {
        const double number = platform.toDouble(-1.0);
        if (!platform.isDouble() || !std::isfinite(number) || number != std::floor(number) || number < 0
            || number > 1000000) {
            fail(error, QCoreApplication::translate("ct::JwtClaims",
                                                    "JWT claim \"PlatformID\" is not a small whole number"));
            return std::nullopt;
        }
        claims.platformID = int(number);
    }

    if (!readDate(claims.all, QStringLiteral("exp"), &claims.expiresAt, error)
        || !readDate(claims.all, QStringLiteral("iat"), &claims.issuedAt, error))
        return std::nullopt;
    if (error)
        error->clear();
    return claims;
}

bool JwtClaims::isExpiredAt(const QDateTime &now) const
{
    return expiresAt.isValid() && expiresAt <= now;
}

} // namespace ct
