// `channeltray history`: the real binary reads the store under $XDG_DATA_HOME and prints JSON
// lines in the watch-message format (plus "direction"), or readable lines; bad options exit 2.
#include "historytestsupport.h"
#include "inbound/historystore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace ct;

namespace {

struct Run
{
    int exitCode = -1;
    QList<QByteArray> lines;
    QByteArray err;
};

InboundMessage message(const AccountAddress &account, const QString &id, const QString &session, int minute)
{
    InboundMessage m;
    m.account = account;
    m.id = id;
    m.sessionKey = session;
    m.peer = QStringLiteral("7");
    m.sender = QStringLiteral("7");
    m.title = QStringLiteral("Backup");
    m.text = QStringLiteral("text of %1").arg(id);
    m.priority = 5;
    m.serverTime = QDateTime(QDate(2026, 11, 22), QTime(10, minute), Qt::UTC);
    return m;
}

} // namespace

class TestHistoryCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_data;
    const AccountAddress m_gotify{kGotifyChannel, QStringLiteral("ops")};
    const AccountAddress m_openim{kOpenImChannel, QStringLiteral("primary")};

    Run history(const QStringList &args, const QString &dataHome = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome.isEmpty() ? m_data.path() : dataHome);
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("CHANNELTRAY_BINARY_DIR") + QStringLiteral("/app/channeltray"),
                QStringList{QStringLiteral("history")} + args);
        Run r;
        if (!p.waitForFinished(30000))
            return r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.lines = p.readAllStandardOutput().split('\n');
        if (!r.lines.isEmpty() && r.lines.constLast().isEmpty())
            r.lines.removeLast();
        r.err = p.readAllStandardError();
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        HistoryStore store(m_data.filePath(QStringLiteral("channeltray/history.sqlite")));
        QVERIFY(store.open());
        InboundMessage im = message(m_openim, QStringLiteral("cm-1"), QStringLiteral("agent:main:main"), 3);
        im.seq = 17;
        im.conversationId = QStringLiteral("si_a_bot");
        im.contentType = QStringLiteral("101");
        im.via = InboundMessage::Via::Catchup;
        QVERIFY(store.storeBatch(
            {message(m_gotify, QStringLiteral("40"), QStringLiteral("agent:main:main"), 0),
             message(m_gotify, QStringLiteral("41"), QStringLiteral("agent:main:gotify:ops:direct:9"), 1),
             message(m_gotify, QStringLiteral("42"), QStringLiteral("agent:main:main"), 2), im},
            nullptr));
        QVERIFY(
            store.storeOutgoing(message(m_gotify, QStringLiteral("43"), QStringLiteral("agent:main:main"), 4)));
    }
    void json_printsEveryMessage_oldestFirst_inTheWatchFormat()
    {
        const Run r = history({QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.lines.size() == 5, r.err.constData());
        QCOMPARE(r.lines.at(0),
                 QByteArray("{\"type\":\"message\",\"account\":\"gotify/ops\",\"id\":\"40\","
                            "\"session\":\"agent:main:main\",\"peer\":\"7\",\"title\":\"Backup\","
                            "\"text\":\"text of 40\",\"priority\":5,\"time\":\"2026-11-22T10:00:00Z\","
                            "\"via\":\"stream\",\"direction\":\"in\"}"));
        const QJsonObject openim = QJsonDocument::fromJson(r.lines.at(3)).object();
        QCOMPARE(openim.value(QStringLiteral("account")).toString(), QStringLiteral("multi-openim/primary"));
        QCOMPARE(openim.value(QStringLiteral("seq")).toInteger(), 17);
        QCOMPARE(openim.value(QStringLiteral("conversation")).toString(), QStringLiteral("si_a_bot"));
        QCOMPARE(openim.value(QStringLiteral("contentType")).toInt(), 101);
        QCOMPARE(openim.value(QStringLiteral("via")).toString(), QStringLiteral("catchup"));
        const QJsonObject sent = QJsonDocument::fromJson(r.lines.at(4)).object();
        QCOMPARE(sent.value(QStringLiteral("direction")).toString(), QStringLiteral("out"));
    }
    void accountSessionAndLimit_narrowTheOutput()
    {
        Run r = history(
            {QStringLiteral("--json"), QStringLiteral("--account"), QStringLiteral("multi-openim/primary")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.lines.size(), 1);
        r = history({QStringLiteral("--json"), QStringLiteral("--session"),
                     QStringLiteral("agent:main:gotify:ops:direct:9")});
        QCOMPARE(r.lines.size(), 1);
        QCOMPARE(QJsonDocument::fromJson(r.lines.at(0)).object().value(QStringLiteral("id")).toString(),
                 QStringLiteral("41"));
        r = history({QStringLiteral("--json"), QStringLiteral("--limit"), QStringLiteral("2")});
        QCOMPARE(r.lines.size(), 2); // the newest two, oldest first
        QCOMPARE(QJsonDocument::fromJson(r.lines.at(0)).object().value(QStringLiteral("id")).toString(),
                 QStringLiteral("cm-1"));
        QCOMPARE(QJsonDocument::fromJson(r.lines.at(1)).object().value(QStringLiteral("id")).toString(),
                 QStringLiteral("43"));
    }
    void plainText_isOneReadableLinePerMessage()
    {
        const Run r = history(
            {QStringLiteral("--account"), QStringLiteral("gotify/ops"), QStringLiteral("--limit=1")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.lines.size(), 1);
        QVERIFY(r.lines.at(0).contains("gotify/ops"));
        QVERIFY(r.lines.at(0).contains("text of 43"));
        QVERIFY(r.lines.at(0).startsWith("2026-11-22 10:04:00"));
    }
    void badOptions_areUsageErrors_exitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("limit not a number") << QStringList{QStringLiteral("--limit"), QStringLiteral("abc")};
        QTest::newRow("limit zero") << QStringList{QStringLiteral("--limit"), QStringLiteral("0")};
        QTest::newRow("limit negative") << QStringList{QStringLiteral("--limit=-5")};
        QTest::newRow("limit missing value") << QStringList{QStringLiteral("--limit")};
        QTest::newRow("account without channel")
            << QStringList{QStringLiteral("--account"), QStringLiteral("ops")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")};
        QTest::newRow("stray argument") << QStringList{QStringLiteral("extra")};
    }
    void badOptions_areUsageErrors_exitTwo()
    {
        QFETCH(QStringList, args);
        const Run r = history(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.lines.isEmpty());
        QVERIFY(!r.err.isEmpty());
    }
    void noHistoryYet_printsNothing_andSucceeds_withoutCreatingTheFile()
    {
        QTemporaryDir empty;
        const Run r = history({QStringLiteral("--json")}, empty.path());
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.lines.isEmpty());
        QVERIFY(!QFileInfo::exists(empty.filePath(QStringLiteral("channeltray/history.sqlite"))));
    }
};

QTEST_GUILESS_MAIN(TestHistoryCli)
#include "tst_history_cli.moc"
