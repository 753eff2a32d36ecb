// The gateway's request handlers: 1001, 1002, 1003 (what ChannelTray uses) and 1005, 1006,
// 2004, 2005 (what the vendor JS SDK uses at login). Any other reqIdentifier closes the
// connection, as the real gateway does.
#include "loopbackgateway.h"

#include "msg.pb.h"
#include "openim/openimframe.h"

#include <QWebSocket>

namespace ct::loopback {

namespace {
QByteArray bytesOf(const google::protobuf::MessageLite &message)
{
    const std::string s = message.SerializeAsString();
    return QByteArray(s.data(), int(s.size()));
}

template <typename T> bool parse(T &message, const QByteArray &data)
{
    return message.ParseFromArray(data.constData(), data.size());
}

void fillRange(::openim::sdkws::PullMsgs &out, const std::vector<::openim::sdkws::MsgData> *all, qint64 begin,
               qint64 end, bool desc)
{
    const qint64 max = all ? qint64(all->size()) : 0;
    out.set_endseq(max);
    out.set_isend(end >= max);
    if (!all)
        return;
    if (desc) {
        for (qint64 seq = end; seq >= begin; --seq)
            if (seq >= 1 && seq <= max)
                *out.add_msgs() = (*all)[size_t(seq - 1)];
    } else {
        for (qint64 seq = begin; seq <= end; ++seq)
            if (seq >= 1 && seq <= max)
                *out.add_msgs() = (*all)[size_t(seq - 1)];
    }
}
} // namespace

void LoopbackGateway::handleRequest(QWebSocket *socket, Session &session, int reqId, const QString &msgIncr,
                                    const QString &operationID, const QByteArray &data)
{
    auto answer = [&](const google::protobuf::MessageLite &message) {
        const QByteArray bytes = bytesOf(message);
        reply(socket, reqId, msgIncr, operationID, 0, QString(), &bytes);
    };
    auto argsError = [&](const QString &what) {
        reply(socket, reqId, msgIncr, operationID, 1001, what, nullptr); // ArgsError
    };
    switch (reqId) {
    case openim::GetNewestSeq: {
        ::openim::sdkws::GetMaxSeqReq req;
        if (!parse(req, data))
            return argsError(QStringLiteral("bad GetMaxSeqReq"));
        ::openim::sdkws::GetMaxSeqResp resp;
        const auto seqs = m_store->maxSeqsOf(session.userID);
        for (auto it = seqs.constBegin(); it != seqs.constEnd(); ++it) {
            (*resp.mutable_maxseqs())[it.key().toStdString()] = it.value();
            (*resp.mutable_minseqs())[it.key().toStdString()] = 0;
        }
        return answer(resp);
    }
    case openim::PullMsgBySeqList: {
        ::openim::sdkws::PullMessageBySeqsReq req;
        if (!parse(req, data))
            return argsError(QStringLiteral("bad PullMessageBySeqsReq"));
        ::openim::sdkws::PullMessageBySeqsResp resp;
        for (const auto &range : req.seqranges()) {
            const QString id = QString::fromStdString(range.conversationid());
            if (!m_store->participants(id).contains(session.userID))
                continue;
            qint64 begin = range.begin();
            const qint64 end = range.end();
            // A range holding more than `num` seqs yields only its last `num`.
            if (range.num() > 0 && end - begin + 1 > range.num())
                begin = end - range.num() + 1;
            auto &map = id.startsWith(QStringLiteral("n_")) ? *resp.mutable_notificationmsgs()
                                                            : *resp.mutable_msgs();
            fillRange(map[range.conversationid()], m_store->messages(id), begin, end,
                      req.order() == ::openim::sdkws::PullOrderDesc);
        }
        return answer(resp);
    }
    case openim::SendMsg: {
        ::openim::sdkws::MsgData msg;
        if (!parse(msg, data))
            return argsError(QStringLiteral("bad MsgData"));
        if (QString::fromStdString(msg.sendid()) != session.userID)
            return argsError(QStringLiteral("sendID is not the connected user"));
        if (msg.sessiontype() == 3) {
            if (!m_store->groupMembers(QString::fromStdString(msg.groupid())).contains(session.userID))
                return reply(socket, reqId, msgIncr, operationID, 1205, QStringLiteral("not in group"), nullptr);
        } else if (msg.sessiontype() == 1) {
            if (!m_store->hasUser(QString::fromStdString(msg.recvid())))
                return reply(socket, reqId, msgIncr, operationID, 1004, QStringLiteral("record not found"),
                             nullptr);
        } else {
            return argsError(QStringLiteral("unsupported sessionType"));
        }
        m_received.push_back(msg);
        const QString conversationID = m_store->store(msg);
        ::openim::msg::SendMsgResp resp;
        resp.set_servermsgid(msg.servermsgid());
        resp.set_clientmsgid(msg.clientmsgid());
        resp.set_sendtime(msg.sendtime());
        answer(resp);
        push(conversationID, msg, socket);
        emit messageReceived(conversationID);
        return;
    }
    case 1005: { // WSPullMsg: named seqs
        ::openim::msg::GetSeqMessageReq req;
        if (!parse(req, data))
            return argsError(QStringLiteral("bad GetSeqMessageReq"));
        ::openim::msg::GetSeqMessageResp resp;
        for (const auto &conv : req.conversations()) {
            const QString id = QString::fromStdString(conv.conversationid());
            const auto *all = m_store->messages(id);
            auto &out = (*resp.mutable_msgs())[conv.conversationid()];
            out.set_endseq(all ? qint64(all->size()) : 0);
            for (qint64 seq : conv.seqs())
                if (all && seq >= 1 && seq <= qint64(all->size()))
                    *out.add_msgs() = (*all)[size_t(seq - 1)];
        }
        return answer(resp);
    }
    case 1006: { // WSGetConvMaxReadSeq
        ::openim::msg::GetConversationsHasReadAndMaxSeqReq req;
        if (!parse(req, data))
            return argsError(QStringLiteral("bad GetConversationsHasReadAndMaxSeqReq"));
        ::openim::msg::GetConversationsHasReadAndMaxSeqResp resp;
        const auto seqs = m_store->maxSeqsOf(session.userID);
        for (auto it = seqs.constBegin(); it != seqs.constEnd(); ++it) {
            if (req.conversationids_size() > 0
                && std::find(req.conversationids().begin(), req.conversationids().end(), it.key().toStdString())
                       == req.conversationids().end())
                continue;
            auto &s = (*resp.mutable_seqs())[it.key().toStdString()];
            s.set_maxseq(it.value());
            s.set_hasreadseq(0);
            const auto *all = m_store->messages(it.key());
            s.set_maxseqtime(all && !all->empty() ? all->back().sendtime() : 0);
        }
        return answer(resp);
    }
    case 2004: // SetBackgroundStatus
        return reply(socket, reqId, msgIncr, operationID, 0, QString(), nullptr);
    case 2005: { // WsSubUserOnlineStatus
        ::openim::sdkws::SubUserOnlineStatus req;
        if (!parse(req, data))
            return argsError(QStringLiteral("bad SubUserOnlineStatus"));
        ::openim::sdkws::SubUserOnlineStatusTips resp;
        for (const auto &user : req.subscribeuserid()) {
            auto *elem = resp.add_subscribers();
            elem->set_userid(user);
            for (int p : onlinePlatforms(QString::fromStdString(user)))
                elem->add_onlineplatformids(p);
        }
        return answer(resp);
    }
    default:
        closeSession(socket); // unknown reqIdentifier
    }
}

} // namespace ct::loopback
