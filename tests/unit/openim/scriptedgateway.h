#pragma once
// An OpenImGateway whose requests the test answers itself, with real protobuf answers: the
// catch-up and send classes are tested alone; the gateway connection itself is tested against
// the loopback server (tests/integration/openim).
#include "openim/openimgateway.h"

#include <QList>

#include <google/protobuf/message_lite.h>

namespace ct::testsupport {

class ScriptedGateway : public OpenImGateway
{
public:
    struct Sent
    {
        int reqIdentifier = 0;
        QByteArray data;
        Callback done;
    };

    bool isReady = true;
    QString user = QStringLiteral("u_bot");
    int platform = 7;
    QList<Sent> requests; // in the order sent, until answered

    bool ready() const override { return isReady; }
    QString userID() const override { return user; }
    int platformID() const override { return platform; }
    void request(int reqIdentifier, const QByteArray &data, Callback done) override
    {
        if (!isReady) {
            done(nullptr, QStringLiteral("not connected"));
            return;
        }
        requests.append({reqIdentifier, data, std::move(done)});
    }

    // Answers the oldest open request with `answer` (errCode 0) or with the server's refusal.
    void answer(const google::protobuf::MessageLite &answer) { respond(0, {}, answer.SerializeAsString()); }
    void answerBytes(const QByteArray &data) { respond(0, {}, data.toStdString()); }
    void refuse(int errCode, const QString &errMsg) { respond(errCode, errMsg, {}); }
    // The oldest open request got no answer: `error` as the connection says it.
    void fail(const QString &error)
    {
        const Sent sent = requests.takeFirst();
        sent.done(nullptr, error);
    }

private:
    void respond(int errCode, const QString &errMsg, const std::string &data)
    {
        const Sent sent = requests.takeFirst();
        openim::Response r;
        r.reqIdentifier = sent.reqIdentifier;
        r.errCode = errCode;
        r.errMsg = errMsg;
        r.data = QByteArray(data.data(), qsizetype(data.size()));
        sent.done(&r, {});
    }
};

} // namespace ct::testsupport
