// JwtClaims: reads an (unverified) JWT payload — UserID, PlatformID, exp, iat — and turns
// every malformed token into an error message, never a crash, never an echo of the token.
#include "net/jwtclaims.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using ct::JwtClaims;

namespace {

QString b64url(const QByteArray &data)
{
    return QString::fromLatin1(data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString b64urlJson(const QJsonObject &object)
{
    return b64url(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString headerPart()
{
    QJsonObject header;
    header.insert(QStringLiteral("alg"), QStringLiteral("HS256"));
    header.insert(QStringLiteral("typ"), QStringLiteral("JWT"));
    return b64urlJson(header);
}

QString token(const QString &payloadPart)
{
    return headerPart() + QLatin1Char('.') + payloadPart + QStringLiteral(".c2lnbmF0dXJl");
}

QString token(const QJsonObject &payload)
{
    return token(b64urlJson(payload));
}

} // namespace

class TestJwtClaims : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_openImToken_readsUserIdPlatformAndTimes()
    {
        const QJsonObject payload{{"UserID", "u_alice"},
                                  {"PlatformID", 5},
                                  {"exp", 1900000000},
                                  {"nbf", 1699999000},
                                  {"iat", 1700000000}};
        QString error = QStringLiteral("stale");
        const std::optional<JwtClaims> claims = JwtClaims::parse(token(payload), &error);
        QVERIFY2(claims.has_value(), qPrintable(error));
        QVERIFY(error.isEmpty());
        QCOMPARE(claims->userID, QStringLiteral("u_alice"));
        QCOMPARE(claims->platformID, std::optional<int>(5));
        QCOMPARE(claims->expiresAt, QDateTime::fromSecsSinceEpoch(1900000000, Qt::UTC));
        QCOMPARE(claims->issuedAt, QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC));
        QCOMPARE(claims->expiresAt.timeSpec(), Qt::UTC);
        QCOMPARE(claims->all.value("nbf").toInt(), 1699999000);
        QCOMPARE(claims->all.size(), 5);
    }

    void parse_withoutOptionalClaims_leavesThemEmpty()
    {
        const auto claims = JwtClaims::parse(token(QJsonObject{{"sub", "x"}}));
        QVERIFY(claims.has_value());
        QVERIFY(claims->userID.isEmpty());
        QVERIFY(!claims->platformID.has_value());
        QVERIFY(!claims->expiresAt.isValid());
        QVERIFY(!claims->issuedAt.isValid());
        QVERIFY(!claims->isExpiredAt(QDateTime::currentDateTimeUtc()));
    }

    void parse_nullClaims_areTreatedAsAbsent()
    {
        const auto claims = JwtClaims::parse(
            token(QJsonObject{{"UserID", QJsonValue::Null}, {"exp", QJsonValue::Null}}));
        QVERIFY(claims.has_value());
        QVERIFY(claims->userID.isEmpty());
        QVERIFY(!claims->expiresAt.isValid());
    }

    void parse_base64urlAlphabet_isDecoded()
    {
        // Characters chosen so the encoding contains both '-' and '_'.
        const QJsonObject payload{{"UserID", QStringLiteral("ü>>>???~~~ÿ")}};
        const QString part = b64urlJson(payload);
        QVERIFY2(part.contains(QLatin1Char('-')) && part.contains(QLatin1Char('_')), qPrintable(part));
        const auto claims = JwtClaims::parse(token(part));
        QVERIFY(claims.has_value());
        QCOMPARE(claims->userID, QStringLiteral("ü>>>???~~~ÿ"));
    }

    void parse_paddedPayloadOrSurroundingWhitespace_isAccepted()
    {
        const QByteArray json = "{\"UserID\":\"u12\"}";
        const QString padded = QString::fromLatin1(json.toBase64(QByteArray::Base64UrlEncoding));
        QVERIFY(padded.endsWith(QLatin1Char('=')));
        QVERIFY(JwtClaims::parse(token(padded)).has_value());
        QVERIFY(JwtClaims::parse(QStringLiteral("  ") + token(padded) + QStringLiteral("\n")).has_value());
    }

    void parse_fractionalDates_areTruncatedToSeconds()
    {
        const auto claims = JwtClaims::parse(token(QJsonObject{{"exp", 1900000000.75}}));
        QVERIFY(claims.has_value());
        QCOMPARE(claims->expiresAt.toSecsSinceEpoch(), 1900000000);
    }

    void isExpiredAt_comparesWithExp()
    {
        const auto claims = JwtClaims::parse(token(QJsonObject{{"exp", 1800000000}}));
        QVERIFY(claims.has_value());
        QVERIFY(!claims->isExpiredAt(QDateTime::fromSecsSinceEpoch(1799999999, Qt::UTC)));
        QVERIFY(claims->isExpiredAt(QDateTime::fromSecsSinceEpoch(1800000000, Qt::UTC)));
        QVERIFY(claims->isExpiredAt(QDateTime::fromSecsSinceEpoch(1900000000, Qt::UTC)));
    }

    void parse_malformedToken_returnsErrorNotCrash_data()
    {
        QTest::addColumn<QString>("input");
        const QString goodPayload = b64urlJson({{"UserID", "u"}});
        QTest::newRow("empty") << QString();
        QTest::newRow("spaces") << QStringLiteral("   ");
        QTest::newRow("one part") << QStringLiteral("abcdef");
        QTest::newRow("two parts") << headerPart() + QLatin1Char('.') + goodPayload;
        QTest::newRow("four parts") << token(goodPayload) + QStringLiteral(".extra");
        QTest::newRow("only dots") << QStringLiteral("..");
        QTest::newRow("empty header") << QLatin1Char('.') + goodPayload + QStringLiteral(".sig");
        QTest::newRow("empty payload") << token(QString());
        QTest::newRow("header not base64") << QStringLiteral("@@@.") + goodPayload + QStringLiteral(".sig");
        QTest::newRow("payload not base64") << token(QStringLiteral("!!!***"));
        QTest::newRow("payload standard base64 '+/'") << token(QStringLiteral("ab+/cd"));
        QTest::newRow("payload non-ascii") << token(QStringLiteral("éèà"));
        QTest::newRow("payload with inner space") << token(QStringLiteral("eyJV c2VyS"));
        QTest::newRow("payload not json") << token(b64url("not json at all"));
        QTest::newRow("payload truncated json") << token(b64url("{\"UserID\":\"u"));
        QTest::newRow("payload json array") << token(b64url("[1,2,3]"));
        QTest::newRow("payload json string") << token(b64url("\"hello\""));
        QTest::newRow("payload json null") << token(b64url("null"));
        QTest::newRow("payload binary") << token(b64url(QByteArray("\x00\xff\xfe\x01", 4)));
        QTest::newRow("header not json")
            << b64url("nope") + QLatin1Char('.') + goodPayload + QStringLiteral(".sig");
        QTest::newRow("UserID number") << token(QJsonObject{{"UserID", 42}});
        QTest::newRow("UserID object") << token(QJsonObject{{"UserID", QJsonObject{{"a", 1}}}});
        QTest::newRow("PlatformID string") << token(QJsonObject{{"PlatformID", "5"}});
        QTest::newRow("PlatformID fraction") << token(QJsonObject{{"PlatformID", 1.5}});
        QTest::newRow("PlatformID negative") << token(QJsonObject{{"PlatformID", -1}});
        QTest::newRow("PlatformID huge") << token(QJsonObject{{"PlatformID", 1e12}});
        QTest::newRow("exp string") << token(QJsonObject{{"exp", "tomorrow"}});
        QTest::newRow("exp negative") << token(QJsonObject{{"exp", -5}});
        QTest::newRow("exp huge") << token(b64url("{\"exp\":1e300}"));
        QTest::newRow("iat bool") << token(QJsonObject{{"iat", true}});
        QTest::newRow("iat array") << token(QJsonObject{{"iat", QJsonArray{1}}});
        QTest::newRow("very long garbage") << QString(200000, QLatin1Char('x'));
        QTest::newRow("very many dots") << QString(10000, QLatin1Char('.'));
        QTest::newRow("bearer prefix") << QStringLiteral("Bearer ") + token(goodPayload);
    }

    void parse_malformedToken_returnsErrorNotCrash()
    {
        QFETCH(QString, input);
        QString error;
        const std::optional<JwtClaims> claims = JwtClaims::parse(input, &error);
        QVERIFY(!claims.has_value());
        QVERIFY(!error.isEmpty());
        // The message describes the problem; it never repeats the token or a part of it.
        for (const QString &part : input.split(QLatin1Char('.'), Qt::SkipEmptyParts)) {
            if (part.trimmed().size() >= 6)
                QVERIFY2(!error.contains(part.trimmed()), qPrintable(error));
        }
        QVERIFY(!JwtClaims::parse(input).has_value()); // and without an error pointer
    }
};

QTEST_GUILESS_MAIN(TestJwtClaims)
#include "tst_jwtclaims.moc"
