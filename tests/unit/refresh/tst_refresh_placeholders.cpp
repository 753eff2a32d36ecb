// Placeholders, JSON dot-paths and marker paths.
#include "refresh/jsonpath.h"
#include "refresh/manualloginmarker.h"
#include "refresh/placeholders.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ct;

class TestRefreshPlaceholders : public QObject
{
    Q_OBJECT
private:
    const PlaceholderContext m_context{
        QStringLiteral("primary"), QStringLiteral("OnKickedOffline"),
        QJsonObject{{"refreshToken", "rt-1"}, {"n", 42}, {"flag", true}, {"obj", QJsonObject{}}}};

private Q_SLOTS:
    void expand_knownPlaceholders()
    {
        QString error;
        QCOMPARE(expandPlaceholders("/r/{accountId}?t={state.refreshToken}&n={state.n}&f={state.flag}&w={reason}",
                                    m_context, &error),
                 QStringLiteral("/r/primary?t=rt-1&n=42&f=true&w=OnKickedOffline"));
    }
    void expand_unknownBracesLeftAlone()
    {
        QCOMPARE(expandPlaceholders("{\"a\": 1} {other} { accountId }", m_context),
                 QStringLiteral("{\"a\": 1} {other} { accountId }"));
    }
    void expand_missingStateField_errorNamesIt()
    {
        QString error;
        QVERIFY(!expandPlaceholders("x{state.deviceId}y", m_context, &error));
        QVERIFY2(error.contains("{state.deviceId}") && error.contains("primary"), qPrintable(error));
        QVERIFY(!expandPlaceholders("{state.obj}", m_context, &error));
        QVERIFY2(error.contains("{state.obj}"), qPrintable(error));
        QVERIFY(!error.contains("rt-1"));
    }
    void expandJson_everyStringLeaf_keysUntouched()
    {
        const QJsonValue body = QJsonObject{
            {"{accountId}", "{state.refreshToken}"},
            {"list", QJsonArray{"{accountId}", 1, QJsonValue::Null, QJsonObject{{"deep", "a-{accountId}"}}}}};
        const auto out = expandPlaceholdersInJson(body, m_context);
        QVERIFY(out);
        const QJsonObject o = out->toObject();
        QCOMPARE(o.value("{accountId}").toString(), QStringLiteral("rt-1"));
        QCOMPARE(o.value("list").toArray().at(0).toString(), QStringLiteral("primary"));
        QCOMPARE(o.value("list").toArray().at(1).toInt(), 1);
        QVERIFY(o.value("list").toArray().at(2).isNull());
        QCOMPARE(o.value("list").toArray().at(3).toObject().value("deep").toString(), QStringLiteral("a-primary"));
        QString error;
        QVERIFY(!expandPlaceholdersInJson(QJsonArray{QJsonObject{{"x", "{state.nope}"}}}, m_context, &error));
        QVERIFY(error.contains("{state.nope}"));
    }
    void jsonPath_fallbacksAndIndices()
    {
        const QJsonValue v =
            QJsonDocument::fromJson(
                "{\"tokens\":{\"openimToken\":null},\"data\":{\"openimToken\":\"t2\",\"items\":[{\"b\":\"x\"}]}}")
                .object();
        QString matched;
        QCOMPARE(jsonPathFirstString(v, {"tokens.openimToken", "data.openimToken"}, &matched), QString("t2"));
        QCOMPARE(matched, QStringLiteral("data.openimToken"));
        QCOMPARE(jsonPathValue(v, "data.items.0.b")->toString(), QStringLiteral("x"));
        QVERIFY(!jsonPathValue(v, "data.items.1.b"));
        QVERIFY(!jsonPathValue(v, "data.openimToken.deeper"));
        QVERIFY(!jsonPathFirstString(v, {"tokens.openimToken", "nope"}));
        QVERIFY(jsonPathFirst(v, {"data.items"})->isArray());
    }
    void markerPath_accountBeforeExtension_tildeExpanded()
    {
        QCOMPARE(ManualLoginMarker::pathFor("/x/manual-login.json", "primary"),
                 QStringLiteral("/x/manual-login.primary.json"));
        QCOMPARE(ManualLoginMarker::pathFor("/x.d/marker", "b"), QStringLiteral("/x.d/marker.b"));
        QCOMPARE(ManualLoginMarker::pathFor("~/.openclaw/multi-openim/manual-login.json", "team-b"),
                 QDir::homePath() + "/.openclaw/multi-openim/manual-login.team-b.json");
    }
    void markerEndpoint_noQueryNoUserInfo()
    {
        QCOMPARE(ManualLoginMarker::endpointWithoutQuery("https://u:p@h:8/r/{accountId}?rt={state.x}#f"),
                 QStringLiteral("https://h:8/r/{accountId}"));
    }
};

QTEST_GUILESS_MAIN(TestRefreshPlaceholders)
#include "tst_refresh_placeholders.moc"
