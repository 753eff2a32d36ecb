// OpenImSend alone, on a scripted gateway: the MsgData a send puts on the wire, the result of
// each kind of answer, and refusals reported from the event loop. docs/protocols.md "Requests" (1003).
#include "msg.pb.h"
#include "openim/openimcontent.h"
#include "openim/openimframe.h"
#include "openim/openimsend.h"
#include "scriptedgateway.h"
#include "sdkws.pb.h"

#include <QSignalSpy>
#include <QtTest>

using namespace ct;
using ct::testsupport::ScriptedGateway;

namespace {
SendRequest text(const QString &recipient, const QString &body)
{
    SendRequest r;
    r.recipient = recipient;
    r.text = body;
    return r;
}

::openim::msg::SendMsgResp accepted(const QString &serverMsgID, qint64 sendTime)
{
    ::openim::msg::SendMsgResp r;
    r.set_servermsgid(serverMsgID.toStdString());
    r.set_sendtime(sendTime);
    return r;
}

SendResult resultOf(const QSignalSpy &spy, int requestId)
{
    for (const auto &args : spy)
        if (args[0].toInt() == requestId)
            return args[1].value<SendResult>();
    return {};
}
} // namespace

class TestOpenImSend : public QObject
{
    Q_OBJECT
private:
    ScriptedGateway gateway;
    std::unique_ptr<OpenImSend> sender;

private Q_SLOTS:
    void init()
    {
        gateway = ScriptedGateway();
        sender = std::make_unique<OpenImSend>(gateway,
                                              AccountAddress{QStringLiteral("openim"), QStringLiteral("im")});
    }

    void textToUser_putsAMsgDataOnTheWire_resultCarriesTheSentMessage()
    {
        QSignalSpy finished(sender.get(), &OpenImSend::finished);
        const int id = sender->send(text("user:u_alice", "hello"));
        QCOMPARE(gateway.requests.size(), 1);
        QCOMPARE(gateway.requests[0].reqIdentifier, int(ct::openim::SendMsg));
        ::openim::sdkws::MsgData msg;
        QVERIFY(msg.ParseFromArray(gateway.requests[0].data.constData(), int(gateway.requests[0].data.size())));
        QCOMPARE(QString::fromStdString(msg.sendid()), QString("u_bot"));
        QCOMPARE(QString::fromStdString(msg.recvid()), QString("u_alice"));
        QCOMPARE(msg.sessiontype(), 1);
        QCOMPARE(msg.senderplatformid(), 7);
        QCOMPARE(msg.contenttype(), int(ct::openim::Text));
        QCOMPARE(QString::fromStdString(msg.clientmsgid()).size(), 32);
        QVERIFY(msg.options().at("history"));

        gateway.answer(accepted("srv-1", 1700000000123));
        QCOMPARE(finished.size(), 1); // the server's answer is reported at once
        const SendResult r = resultOf(finished, id);
        QVERIFY(r.ok);
        QCOMPARE(r.serverId, QString("srv-1"));
        QCOMPARE(r.clientId, QString::fromStdString(msg.clientmsgid()));
        QCOMPARE(r.time, QDateTime::fromMSecsSinceEpoch(1700000000123, Qt::UTC));
        QCOMPARE(r.sent.direction, InboundMessage::Direction::Out);
        QCOMPARE(r.sent.conversationId, QString("si_u_alice_u_bot"));
        QCOMPARE(r.sent.account.accountId, QString("im"));
    }

    void textToGroup_isAGroupMessage()
    {
        QSignalSpy finished(sender.get(), &OpenImSend::finished);
        const int id = sender->send(text("group:g_ops", "hi all"));
        ::openim::sdkws::MsgData msg;
        QVERIFY(msg.ParseFromArray(gateway.requests[0].data.constData(), int(gateway.requests[0].data.size())));
        QCOMPARE(QString::fromStdString(msg.groupid()), QString("g_ops"));
        QCOMPARE(msg.sessiontype(), 3);
        gateway.answer(accepted("srv-2", 0));
        QCOMPARE(resultOf(finished, id).sent.conversationId, QString("sg_g_ops"));
        QVERIFY(!resultOf(finished, id).time.isValid()); // the server named no time
    }

    void badRecipient_refusedFromTheEventLoop_nothingSent()
    {
        QSignalSpy finished(sender.get(), &OpenImSend::finished);
        const int id = sender->send(text("u_alice", "hello"));
        QVERIFY(finished.isEmpty()); // never from inside send()
        QVERIFY(gateway.requests.isEmpty());
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(resultOf(finished, id).errCode, -3);
        QVERIFY(!resultOf(finished, id).ok);
    }

    void notConnected_refusedFromTheEventLoop_nothingSent()
    {
        gateway.isReady = false;
        QSignalSpy finished(sender.get(), &OpenImSend::finished);
        const int id = sender->send(text("user:u_alice", "hello"));
        QVERIFY(finished.isEmpty());
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(resultOf(finished, id).errCode, -2);
    }

    void noAnswerInTime_isErrCodeMinus1_lostConnectionMinus2()
    {
        QSignalSpy finished(sender.get(), &OpenImSend::finished);
        const int late = sender->send(text("user:u_alice", "one"));
        const int lost = sender->send(text("user:u_alice", "two"));
        QVERIFY(late != lost);
        gateway.fail(OpenImGateway::timedOut());
        gateway.fail(QStringLiteral("connection lost"));
        QCOMPARE(resultOf(finished, late).errCode, -1);
        QCOMPARE(resultOf(finished, lost).errCode, -2);
        QCOMPARE(resultOf(finished, lost).error, QString("connection lost"));
    }

    void serverRefusal_carriesItsCodeAndWords()
    {
        QSignalSpy finished(sender.get(), &OpenImSend::finished);
        const int id = sender->send(text("user:u_alice", "hello"));
        gateway.refuse(1302, QStringLiteral("not friends"));
        QCOMPARE(resultOf(finished, id).errCode, 1302);
        QCOMPARE(resultOf(finished, id).error, QString("not friends"));
    }

    void undecodableAnswer_isErrCodeMinus4()
    {
        QSignalSpy finished(sender.get(), &OpenImSend::finished);
        const int id = sender->send(text("user:u_alice", "hello"));
        gateway.answerBytes(QByteArray("\xff\xff\xff", 3)); // a truncated varint
        QCOMPARE(resultOf(finished, id).errCode, -4);
        QVERIFY(!resultOf(finished, id).ok);
    }
};

QTEST_GUILESS_MAIN(TestOpenImSend)
#include "tst_send.moc"
