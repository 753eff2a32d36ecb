// openimevents: every error code docs/protocols.md "Error codes" names → the vendor SDK's event
// name, and which events are token problems (no reconnect with the same token).
#include "openim/openimevents.h"

#include <QtTest>

using namespace ct;

class TestOpenImEvents : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void eventForErrorCode_everyDocumentedCode_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("event");
        QTest::addColumn<bool>("tokenProblem");
        QTest::newRow("1501 token expired") << 1501 << "OnUserTokenExpired" << true;
        QTest::newRow("1502 token invalid") << 1502 << "OnUserTokenInvalid" << true;
        QTest::newRow("1503 token malformed") << 1503 << "OnUserTokenInvalid" << true;
        QTest::newRow("1504 token not valid yet") << 1504 << "OnUserTokenInvalid" << true;
        QTest::newRow("1505 token unknown") << 1505 << "OnUserTokenInvalid" << true;
        QTest::newRow("1506 token kicked") << 1506 << "OnKickedOffline" << true;
        QTest::newRow("1507 token not exist") << 1507 << "OnUserTokenInvalid" << true;
        QTest::newRow("1601 too many connections") << 1601 << "OnConnectFailed" << false;
        QTest::newRow("1602 bad arguments") << 1602 << "OnConnectFailed" << false;
        QTest::newRow("500 isBackground missing") << 500 << "OnConnectFailed" << false;
        QTest::newRow("1500 just below the token range") << 1500 << "OnConnectFailed" << false;
        QTest::newRow("1508 just above the token range") << 1508 << "OnConnectFailed" << false;
        QTest::newRow("-1 negative") << -1 << "OnConnectFailed" << false;
    }
    void eventForErrorCode_everyDocumentedCode()
    {
        QFETCH(int, code);
        QFETCH(QString, event);
        QFETCH(bool, tokenProblem);
        QCOMPARE(openim::eventForErrorCode(code), event);
        QCOMPARE(openim::isTokenEvent(openim::eventForErrorCode(code)), tokenProblem);
    }

    void isTokenEvent_onlyConnectFailedIsRetryable()
    {
        QVERIFY(openim::isTokenEvent(QStringLiteral("OnUserTokenExpired")));
        QVERIFY(openim::isTokenEvent(QStringLiteral("OnUserTokenInvalid")));
        QVERIFY(openim::isTokenEvent(QStringLiteral("OnKickedOffline")));
        QVERIFY(!openim::isTokenEvent(QStringLiteral("OnConnectFailed")));
    }
};

QTEST_GUILESS_MAIN(TestOpenImEvents)
#include "tst_events.moc"
