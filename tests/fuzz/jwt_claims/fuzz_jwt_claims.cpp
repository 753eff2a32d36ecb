// Fuzzer of JwtClaims::parse (an OpenIM token's claims, read without verifying). Beside "no
// crash, no leak": an error never quotes any part of the token (tokens are secrets), and a
// parsed token's typed claims are what its payload says.
//
// Input: first byte even: the rest is the token text as it is. Odd: the rest is
// header NUL payload NUL signature in plain bytes, base64url-encoded here (so mutations reach
// the claims JSON instead of breaking the base64). With bit 1 set, padding is kept.
#include "../fuzzsupport.h"
#include "net/jwtclaims.h"

#include <QStringList>

using namespace ct;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ctfuzz::FuzzInput in(data, size);
    const uint8_t mode = in.byte();
    QString token;
    if (mode & 1) {
        const auto options = QByteArray::Base64UrlEncoding
                             | ((mode & 2) ? QByteArray::KeepTrailingEquals : QByteArray::OmitTrailingEquals);
        const QByteArray header = in.until('\0'), payload = in.until('\0'), signature = in.rest();
        token = QString::fromLatin1(header.toBase64(options) + '.' + payload.toBase64(options) + '.'
                                    + signature.toBase64(options));
    } else {
        token = QString::fromUtf8(in.rest());
    }

    QString error = QStringLiteral("unset");
    const std::optional<JwtClaims> claims = JwtClaims::parse(token, &error);
    if (!claims) {
        FUZZ_CHECK(!error.isEmpty() && error != QLatin1String("unset"), token);
        for (const QString &part : token.split(QLatin1Char('.')))
            FUZZ_CHECK(part.size() < 24 || !error.contains(part),
                       QStringLiteral("error quotes the token: %1").arg(error));
        return 0;
    }
    FUZZ_CHECK(error.isEmpty(), error);
    const QJsonValue userId = claims->all.value(QStringLiteral("UserID"));
    FUZZ_CHECK(claims->userID == (userId.isString() ? userId.toString() : QString()), claims->userID);
    if (claims->platformID)
        FUZZ_CHECK(*claims->platformID >= 0 && *claims->platformID <= 1000000,
                   QString::number(*claims->platformID));
    FUZZ_CHECK(claims->expiresAt.isValid() == claims->all.value(QStringLiteral("exp")).isDouble(), token);
    FUZZ_CHECK(claims->issuedAt.isValid() == claims->all.value(QStringLiteral("iat")).isDouble(), token);
    (void)claims->isExpiredAt(QDateTime::currentDateTimeUtc());
    return 0;
}
