#include "loopbackrest.h"

#include "loopbackjssdk.pb.h"
#include "loopbackjwt.h"

#include <QDateTime>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>

namespace ct::loopback {

namespace {
QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonObject incremental(const QString &key, const QJsonArray &insert)
{
    Q_UNUSED(key);
    return QJsonObject{
        {QStringLiteral("version"), 1},     {QStringLiteral("versionID"), QStringLiteral("loopback")},
        {QStringLiteral("full"), true},     {QStringLiteral("delete"), QJsonArray()},
        {QStringLiteral("insert"), insert}, {QStringLiteral("update"), QJsonArray()},
        {QStringLiteral("sortVersion"), 0}};
}
} // namespace

LoopbackRest::LoopbackRest(LoopbackStore *store, QByteArray secret, SendHook sendHook, QObject *parent)
    : QObject(parent), m_http(new QHttpServer(this)), m_store(store), m_secret(std::move(secret)),
      m_sendHook(std::move(sendHook))
{
    m_http->setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        const QString path = request.url().path();
        if (request.method() != QHttpServerRequest::Method::Post) {
            responder.write(QHttpServerResponder::StatusCode::NotFound);
            return;
        }
        const QJsonObject reply = handle(path, request);
        if (reply.isEmpty()) {
            responder.write(QHttpServerResponder::StatusCode::NotFound);
            return;
        }
        responder.write(QJsonDocument(reply));
    });
}

quint16 LoopbackRest::listen()
{
    return m_http->listen(QHostAddress::LocalHost, 0);
}

QJsonObject LoopbackRest::userJson(const QString &userID) const
{
    const LoopbackUser *u = m_store->user(userID);
    return QJsonObject{{QStringLiteral("userID"), userID},
                       {QStringLiteral("nickname"), u ? u->nickname : QString()},
                       {QStringLiteral("faceURL"), u ? u->faceURL : QString()},
                       {QStringLiteral("ex"), QString()},
                       {QStringLiteral("createTime"), u ? u->createTime : 0},
                       {QStringLiteral("appMangerLevel"), 0},
                       {QStringLiteral("globalRecvMsgOpt"), 0}};
}

QJsonObject LoopbackRest::memberJson(const QString &groupID, const QString &userID) const
{
    return QJsonObject{{QStringLiteral("groupID"), groupID},
                       {QStringLiteral("userID"), userID},
                       {QStringLiteral("roleLevel"), 20},
                       {QStringLiteral("joinTime"), 0},
                       {QStringLiteral("nickname"), userJson(userID).value(QStringLiteral("nickname"))},
                       {QStringLiteral("faceURL"), QString()},
                       {QStringLiteral("ex"), QString()}};
}

QJsonObject LoopbackRest::groupJson(const QString &groupID) const
{
    return QJsonObject{{QStringLiteral("groupID"), groupID},
                       {QStringLiteral("groupName"), m_store->groupName(groupID)},
                       {QStringLiteral("memberCount"), int(m_store->groupMembers(groupID).size())},
                       {QStringLiteral("status"), 0},
                       {QStringLiteral("groupType"), 2}};
}

QByteArray LoopbackRest::jssdkConversations(const QString &path, const QByteArray &body) const
{
    QString owner;
    QStringList wanted;
    if (path.endsWith(QStringLiteral("get_active_conversations"))) {
        ::openim::jssdk::GetActiveConversationsReq req;
        req.ParseFromArray(body.constData(), body.size());
        owner = QString::fromStdString(req.owneruserid());
    } else {
        ::openim::jssdk::GetConversationsReq req;
        req.ParseFromArray(body.constData(), body.size());
        owner = QString::fromStdString(req.owneruserid());
        for (const auto &id : req.conversationids())
            wanted << QString::fromStdString(id);
    }
    ::openim::jssdk::ConversationsResp resp;
    const auto seqs = m_store->maxSeqsOf(owner);
    for (auto it = seqs.constBegin(); it != seqs.constEnd(); ++it) {
        if (!wanted.isEmpty() && !wanted.contains(it.key()))
            continue;
        auto *c = resp.add_conversations();
        auto *conv = c->mutable_conversation();
        conv->set_owneruserid(owner.toStdString());
        conv->set_conversationid(it.key().toStdString());
        const bool group = it.key().startsWith(QStringLiteral("sg_"));
        conv->set_conversationtype(group ? 3 : 1);
        const auto *all = m_store->messages(it.key());
        if (all && !all->empty()) {
            const auto &last = all->back();
            *c->mutable_lastmsg() = last;
            if (group)
                conv->set_groupid(last.groupid());
            else
                conv->set_userid(last.sendid() == owner.toStdString() ? last.recvid() : last.sendid());
        }
        conv->set_maxseq(it.value());
        c->set_maxseq(it.value());
    }
    const std::string bytes = resp.SerializeAsString();
    return QByteArray(bytes.data(), int(bytes.size()));
}

QJsonObject LoopbackRest::handle(const QString &path, const QHttpServerRequest &request)
{
    m_paths << path;
    emit called(path);
    int errCode = 0;
    QString errMsg;
    QJsonValue data;
    m_rawBody = request.body();
    const bool protobufBody = path.startsWith(QStringLiteral("/jssdk/"));
    const QJsonObject body = protobufBody ? QJsonObject() : QJsonDocument::fromJson(request.body()).object();
    QString caller;
    const bool open = path == QStringLiteral("/auth/parse_token")
                      || path == QStringLiteral("/auth/get_admin_token");
    if (!open) {
        const QString token = QString::fromLatin1(request.value("token"));
        const JwtCheck jwt = verifyJwt(token, m_secret, QDateTime::currentSecsSinceEpoch());
        errCode = jwt.error != TokenOk ? jwt.error : m_store->tokenState(token);
        if (token.isEmpty())
            errCode = TokenMalformed;
        caller = jwt.userID;
    }
    if (errCode == 0) {
        const QJsonObject known = dispatch(path, caller, body, errCode, errMsg, data);
        if (known.contains(QStringLiteral("unknown")))
            return {};
    } else {
        errMsg = QStringLiteral("token refused");
    }
    return QJsonObject{{QStringLiteral("errCode"), errCode},
                       {QStringLiteral("errMsg"), errMsg},
                       {QStringLiteral("errDlt"), QString()},
                       {QStringLiteral("data"), data}};
}

QJsonObject LoopbackRest::dispatch(const QString &path, const QString &caller, const QJsonObject &body,
                                   int &errCode, QString &errMsg, QJsonValue &data)
{
    const QString self = body.value(QStringLiteral("userID")).toString(caller);
    if (path == QStringLiteral("/auth/parse_token")) {
        const JwtCheck jwt = verifyJwt(body.value(QStringLiteral("token")).toString(), m_secret,
                                       QDateTime::currentSecsSinceEpoch());
        errCode = jwt.error;
        if (errCode == 0)
            errCode = m_store->tokenState(body.value(QStringLiteral("token")).toString());
        if (errCode == 0)
            data = QJsonObject{{QStringLiteral("userID"), jwt.userID},
                               {QStringLiteral("platformID"), jwt.platformID},
                               {QStringLiteral("expireTimeSeconds"), jwt.exp}};
        else
            errMsg = QStringLiteral("token refused");
    } else if (path == QStringLiteral("/auth/get_admin_token")) {
        errCode = 1001;
        errMsg = QStringLiteral("admin tokens are minted with the test controls");
    } else if (path == QStringLiteral("/user/get_users_info")) {
        QJsonArray users;
        for (const QJsonValue &id : body.value(QStringLiteral("userIDs")).toArray())
            if (m_store->hasUser(id.toString()))
                users << userJson(id.toString());
        data = QJsonObject{{QStringLiteral("usersInfo"), users}};
    } else if (path == QStringLiteral("/msg/newest_seq")) {
        QJsonObject max, min;
        const auto seqs = m_store->maxSeqsOf(self);
        for (auto it = seqs.constBegin(); it != seqs.constEnd(); ++it) {
            max.insert(it.key(), QString::number(it.value()));
            min.insert(it.key(), QStringLiteral("0"));
        }
        data = QJsonObject{{QStringLiteral("maxSeqs"), max}, {QStringLiteral("minSeqs"), min}};
    } else if (path == QStringLiteral("/msg/send_msg")) {
        if (caller != QStringLiteral("imAdmin")) {
            errCode = 1002;
            errMsg = QStringLiteral("no permission: admin only");
            return {};
        }
        ::openim::sdkws::MsgData msg;
        msg.set_sendid(body.value(QStringLiteral("sendID")).toString().toStdString());
        msg.set_recvid(body.value(QStringLiteral("recvID")).toString().toStdString());
        msg.set_groupid(body.value(QStringLiteral("groupID")).toString().toStdString());
        msg.set_sendernickname(body.value(QStringLiteral("senderNickname")).toString().toStdString());
        msg.set_senderplatformid(body.value(QStringLiteral("senderPlatformID")).toInt());
        msg.set_sessiontype(body.value(QStringLiteral("sessionType")).toInt());
        msg.set_contenttype(body.value(QStringLiteral("contentType")).toInt());
        msg.set_msgfrom(100);
        msg.set_content(QJsonDocument(body.value(QStringLiteral("content")).toObject())
                            .toJson(QJsonDocument::Compact)
                            .toStdString());
        msg.set_clientmsgid(QByteArray::number(QDateTime::currentMSecsSinceEpoch()).toHex().toStdString());
        m_sendHook(msg);
        data = QJsonObject{{QStringLiteral("serverMsgID"), QString::fromStdString(msg.servermsgid())},
                           {QStringLiteral("clientMsgID"), QString::fromStdString(msg.clientmsgid())},
                           {QStringLiteral("sendTime"), qint64(msg.sendtime())}};
    } else if (path == QStringLiteral("/friend/get_friend_list")
               || path == QStringLiteral("/friend/get_designated_friends")) {
        const QString owner = body.value(QStringLiteral("ownerUserID")).toString(self);
        QStringList wanted;
        for (const QJsonValue &v : body.value(QStringLiteral("friendUserIDs")).toArray())
            wanted << v.toString();
        QJsonArray friends;
        for (const QString &f : m_store->friendsOf(owner))
            if (wanted.isEmpty() || wanted.contains(f))
                friends << QJsonObject{
                    {QStringLiteral("ownerUserID"), owner}, {QStringLiteral("remark"), QString()},
                    {QStringLiteral("createTime"), 0},      {QStringLiteral("friendUser"), userJson(f)},
                    {QStringLiteral("addSource"), 1},       {QStringLiteral("operatorUserID"), owner},
                    {QStringLiteral("ex"), QString()},      {QStringLiteral("isPinned"), false}};
        data = QJsonObject{{QStringLiteral("friendsInfo"), friends}, {QStringLiteral("total"), friends.size()}};
    } else if (path == QStringLiteral("/friend/get_friend_apply_list")
               || path == QStringLiteral("/friend/get_self_friend_apply_list")) {
        const bool toMe = path == QStringLiteral("/friend/get_friend_apply_list");
        QJsonArray requests;
        for (const auto &a : toMe ? m_store->applicationsTo(self) : m_store->applicationsFrom(self)) {
            const LoopbackUser *from = m_store->user(a.fromUserID);
            const LoopbackUser *to = m_store->user(a.toUserID);
            requests << QJsonObject{{QStringLiteral("fromUserID"), a.fromUserID},
                                    {QStringLiteral("fromNickname"), from ? from->nickname : QString()},
                                    {QStringLiteral("fromFaceURL"), QString()},
                                    {QStringLiteral("toUserID"), a.toUserID},
                                    {QStringLiteral("toNickname"), to ? to->nickname : QString()},
                                    {QStringLiteral("toFaceURL"), QString()},
                                    {QStringLiteral("handleResult"), 0},
                                    {QStringLiteral("reqMsg"), a.reqMsg},
                                    {QStringLiteral("createTime"), a.createTime},
                                    {QStringLiteral("handlerUserID"), QString()},
                                    {QStringLiteral("handleMsg"), QString()},
                                    {QStringLiteral("handleTime"), 0},
                                    {QStringLiteral("ex"), QString()}};
        }
        data = QJsonObject{{QStringLiteral("friendRequests"), requests},
                           {QStringLiteral("total"), requests.size()}};
    } else if (path == QStringLiteral("/friend/get_incremental_friends")) {
        data = incremental(QStringLiteral("friends"), QJsonArray());
    } else if (path == QStringLiteral("/friend/get_full_friend_user_ids")) {
        data = QJsonObject{{QStringLiteral("version"), 1},
                           {QStringLiteral("versionID"), QStringLiteral("loopback")},
                           {QStringLiteral("equal"), false},
                           {QStringLiteral("userIDs"), toArray(m_store->friendsOf(self))}};
    } else if (path == QStringLiteral("/group/get_incremental_join_groups")) {
        data = incremental(QStringLiteral("groups"), QJsonArray());
    } else if (path == QStringLiteral("/group/get_full_join_group_ids")) {
        data = QJsonObject{{QStringLiteral("version"), 1},
                           {QStringLiteral("versionID"), QStringLiteral("loopback")},
                           {QStringLiteral("equal"), false},
                           {QStringLiteral("groupIDs"), toArray(m_store->groupsOf(self))}};
    } else if (path == QStringLiteral("/group/get_incremental_group_members_batch")) {
        QJsonObject respList;
        for (const QJsonValue &r : body.value(QStringLiteral("reqList")).toArray()) {
            const QString group = r.toObject().value(QStringLiteral("groupID")).toString();
            QJsonArray members;
            for (const QString &member : m_store->groupMembers(group))
                members << memberJson(group, member);
            QJsonObject one = incremental(QStringLiteral("members"), members);
            one.insert(QStringLiteral("group"), groupJson(group));
            respList.insert(group, one);
        }
        data = QJsonObject{{QStringLiteral("respList"), respList}};
    } else if (path == QStringLiteral("/group/get_group_members_info")) {
        const QString group = body.value(QStringLiteral("groupID")).toString();
        QJsonArray members;
        for (const QJsonValue &id : body.value(QStringLiteral("userIDs")).toArray())
            if (m_store->groupMembers(group).contains(id.toString()))
                members << memberJson(group, id.toString());
        data = QJsonObject{{QStringLiteral("members"), members}};
    } else if (path == QStringLiteral("/group/get_groups_info")) {
        QJsonArray groups;
        for (const QJsonValue &id : body.value(QStringLiteral("groupIDs")).toArray())
            groups << groupJson(id.toString());
        data = QJsonObject{{QStringLiteral("groupInfos"), groups}};
    } else if (path == QStringLiteral("/conversation/get_incremental_conversations")) {
        data = incremental(QStringLiteral("conversations"), QJsonArray());
    } else if (path == QStringLiteral("/conversation/get_not_notify_conversation_ids")) {
        data = QJsonObject{{QStringLiteral("conversationIDs"), QJsonArray()}};
    } else if (path == QStringLiteral("/jssdk/get_active_conversations")
               || path == QStringLiteral("/jssdk/get_conversations")) {
        data = QString::fromLatin1(jssdkConversations(path, m_rawBody).toBase64());
    } else if (path.startsWith(QStringLiteral("/friend/")) || path.startsWith(QStringLiteral("/user/"))
               || path.startsWith(QStringLiteral("/conversation/"))
               || path.startsWith(QStringLiteral("/group/"))) {
        data = QJsonObject(); // accepted, nothing to report
    } else {
        return QJsonObject{{QStringLiteral("unknown"), true}};
    }
    return {};
}

} // namespace ct::loopback
