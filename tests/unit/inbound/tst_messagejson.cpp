// messageJsonLine: the watch/history JSON line of docs/architecture.md "Command line", keys in a
// fixed order.
#include "inbound/messagejson.h"
#include "inboundtesthelpers.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace ct;
using namespace ct::test;

class TestMessageJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void gotifyMessage_hasTheDocumentedKeys_inOrder()
    {
        InboundMessage m = gotifyMessage(42);
        m.sessionKey = QStringLiteral("agent:main:gotify:ops:direct:7");
        m.text = QStringLiteral("line \"one\"\nline two");
        m.serverTime = QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);
        QCOMPARE(messageJsonLine(m),
                 QByteArray("{\"type\":\"message\",\"account\":\"gotify/ops\",\"id\":\"42\","
                            "\"session\":\"agent:main:gotify:ops:direct:7\",\"peer\":\"7\",\"title\":\"Backup\","
                            "\"text\":\"line \\\"one\\\"\\nline two\",\"priority\":5,"
                            "\"time\":\"2026-11-22T10:00:00Z\",\"via\":\"stream\",\"direction\":\"in\"}"));
    }
    void openimMessage_carriesSeqConversationAndContentType()
    {
        InboundMessage m = openimDirect(QStringLiteral("cm1"), QStringLiteral("a"), 17, QStringLiteral("si_a_b"));
        m.via = InboundMessage::Via::Catchup;
        const QJsonObject o = QJsonDocument::fromJson(messageJsonLine(m)).object();
        QCOMPARE(o.value(QStringLiteral("seq")).toInteger(), 17);
        QCOMPARE(o.value(QStringLiteral("conversation")).toString(), QStringLiteral("si_a_b"));
        QCOMPARE(o.value(QStringLiteral("contentType")).toInt(), 101);
        QCOMPARE(o.value(QStringLiteral("via")).toString(), QStringLiteral("catchup"));
        QVERIFY(!o.contains(QStringLiteral("priority")));
    }
    void outgoingAndFiltered_areMarked()
    {
        InboundMessage m = gotifyMessage(1);
        m.direction = InboundMessage::Direction::Out;
        m.filtered = true;
        const QJsonObject o = QJsonDocument::fromJson(messageJsonLine(m)).object();
        QCOMPARE(o.value(QStringLiteral("direction")).toString(), QStringLiteral("out"));
        QVERIFY(o.value(QStringLiteral("filtered")).toBool());
        QVERIFY(
            !QJsonDocument::fromJson(messageJsonLine(m, false)).object().contains(QStringLiteral("direction")));
    }
    void textLine_isOneLine()
    {
        InboundMessage m = gotifyMessage(1);
        m.text = QStringLiteral("a\nb");
        QVERIFY(!messageTextLine(m).contains(QLatin1Char('\n')));
        QVERIFY(messageTextLine(m).contains(QStringLiteral("gotify/ops")));
    }
};

QTEST_GUILESS_MAIN(TestMessageJson)
#include "tst_messagejson.moc"
