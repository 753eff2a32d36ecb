// channeltray.statusApi: off unless `listen` is set; the accepted listen forms; problems name
// the JSON path; doctor's warnings for an address beyond this machine.
#include "config/configloader.h"
#include "status/statusapisettings.h"

#include <QtTest>

using namespace ct;

class TestStatusApiSettings : public QObject
{
    Q_OBJECT

    static Config withStatusApi(const QJsonValue &block)
    {
        QJsonObject root;
        if (!block.isUndefined())
            root.insert("channeltray", QJsonObject{{"statusApi", block}});
        return configFromJson(root).config;
    }

private Q_SLOTS:
    void absent_isOff_withoutProblems()
    {
        QList<ConfigProblem> problems;
        QVERIFY(!readStatusApiSettings(withStatusApi(QJsonValue::Undefined), &problems).enabled);
        QVERIFY(problems.isEmpty());
    }

    void listen_eachForm_givesItsAddressPortAndLoopback_data()
    {
        QTest::addColumn<QString>("listen");
        QTest::addColumn<QString>("address");
        QTest::addColumn<int>("port");
        QTest::addColumn<bool>("loopback");
        QTest::newRow("ipv4") << "127.0.0.1:9465"
                              << "127.0.0.1" << 9465 << true;
        QTest::newRow("port only") << "9465"
                                   << "127.0.0.1" << 9465 << true;
        QTest::newRow(":port") << ":8080"
                               << "127.0.0.1" << 8080 << true;
        QTest::newRow("localhost") << "localhost:1"
                                   << "127.0.0.1" << 1 << true;
        QTest::newRow("ipv6 loopback") << "[::1]:9465"
                                       << "::1" << 9465 << true;
        QTest::newRow("every interface") << "0.0.0.0:9465"
                                         << "0.0.0.0" << 9465 << false;
        QTest::newRow("any free port") << "127.0.0.1:0"
                                       << "127.0.0.1" << 0 << true;
        QTest::newRow("a LAN address") << "192.168.1.5:80"
                                       << "192.168.1.5" << 80 << false;
    }
    void listen_eachForm_givesItsAddressPortAndLoopback()
    {
        QFETCH(QString, listen);
        QFETCH(QString, address);
        QFETCH(int, port);
        QFETCH(bool, loopback);
        QList<ConfigProblem> problems;
        const StatusApiSettings s = readStatusApiSettings(withStatusApi(QJsonObject{{"listen", listen}}),
                                                          &problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problemStrings(problems).join('\n')));
        QVERIFY(s.enabled);
        QCOMPARE(s.address, QHostAddress(address));
        QCOMPARE(int(s.port), port);
        QCOMPARE(s.isLoopback(), loopback);
    }

    void badListen_isAProblemAtItsPath_andTheEndpointStaysOff_data()
    {
        QTest::addColumn<QJsonValue>("listen");
        QTest::addColumn<QString>("words");
        QTest::newRow("host name") << QJsonValue("status.example.org:9465") << "IP address";
        QTest::newRow("port too big") << QJsonValue("127.0.0.1:70000") << "port";
        QTest::newRow("no port") << QJsonValue("127.0.0.1") << "port";
        QTest::newRow("bare ipv6") << QJsonValue("::1:9465") << "brackets";
        QTest::newRow("a number") << QJsonValue(9465) << "expected";
    }
    void badListen_isAProblemAtItsPath_andTheEndpointStaysOff()
    {
        QFETCH(QJsonValue, listen);
        QFETCH(QString, words);
        QList<ConfigProblem> problems;
        const StatusApiSettings s = readStatusApiSettings(withStatusApi(QJsonObject{{"listen", listen}}),
                                                          &problems);
        QVERIFY(!s.enabled);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().path, QStringLiteral("channeltray.statusApi.listen"));
        QVERIFY2(problems.first().message.contains(words), qPrintable(problems.first().message));
    }

    void notAnObject_orNoListen_isAProblem()
    {
        QList<ConfigProblem> problems;
        QVERIFY(!readStatusApiSettings(withStatusApi(QJsonValue(true)), &problems).enabled);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().path, QStringLiteral("channeltray.statusApi"));
        problems.clear();
        QVERIFY(!readStatusApiSettings(withStatusApi(QJsonObject{{"token", "x"}}), &problems).enabled);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().path, QStringLiteral("channeltray.statusApi.listen"));
    }

    void enabledFalse_keepsTheBlock_butSwitchesOff()
    {
        QList<ConfigProblem> problems;
        QVERIFY(!readStatusApiSettings(
                     withStatusApi(QJsonObject{{"enabled", false}, {"listen", "127.0.0.1:9465"}}), &problems)
                     .enabled);
        QVERIFY(!readStatusApiSettings(withStatusApi(QJsonObject{{"enabled", false}}), &problems).enabled);
        QVERIFY(problems.isEmpty());
    }

    void inlineToken_isRead_andAWrongTypeNeverEchoesIt()
    {
        QList<ConfigProblem> problems;
        const StatusApiSettings s = readStatusApiSettings(
            withStatusApi(QJsonObject{{"listen", "9465"}, {"token", "s3cret-bearer"}}), &problems);
        QCOMPARE(s.inlineToken, QStringLiteral("s3cret-bearer"));
        QVERIFY(problems.isEmpty());
    }

    void keychainKey_followsSecretStoreNaming()
    {
        QCOMPARE(StatusApiSettings::keychainAddress().toString() + '/' + StatusApiSettings::keychainField(),
                 QStringLiteral("channeltray/statusApi/token"));
    }

    void doctorWarns_onlyBeyondLoopback_andMoreStronglyWithoutAToken()
    {
        const auto settings = [](const QString &listen) {
            return readStatusApiSettings(withStatusApi(QJsonObject{{"listen", listen}}));
        };
        QVERIFY(statusApiWarnings(settings("127.0.0.1:9465"), "missing").isEmpty());
        QVERIFY(statusApiWarnings(settings("[::1]:9465"), "missing").isEmpty());
        const QStringList open = statusApiWarnings(settings("0.0.0.0:9465"), "missing");
        QCOMPARE(open.size(), 1);
        QVERIFY(open.first().contains("no bearer token"));
        const QStringList guarded = statusApiWarnings(settings("0.0.0.0:9465"), "keychain");
        QCOMPARE(guarded.size(), 1);
        QVERIFY(guarded.first().contains("unencrypted"));
    }
};

QTEST_GUILESS_MAIN(TestStatusApiSettings)
#include "tst_statusapisettings.moc"
