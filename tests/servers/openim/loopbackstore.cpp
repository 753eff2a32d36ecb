#include "loopbackstore.h"

#include <QCryptographicHash>
#include <QDateTime>

namespace ct::loopback {

void LoopbackStore::addUser(const QString &userID, const QString &nickname)
{
    m_users.insert(userID, {userID, nickname, QString(), QDateTime::currentMSecsSinceEpoch()});
}

const LoopbackUser *LoopbackStore::user(const QString &userID) const
{
    auto it = m_users.constFind(userID);
    return it == m_users.constEnd() ? nullptr : &it.value();
}

void LoopbackStore::addGroup(const QString &groupID, const QString &name, const QStringList &members)
{
    m_groups.insert(groupID, members);
    m_groupNames.insert(groupID, name);
    m_participants.insert(groupConversationID(groupID), members);
}

QStringList LoopbackStore::groupsOf(const QString &userID) const
{
    QStringList out;
    for (auto it = m_groups.constBegin(); it != m_groups.constEnd(); ++it)
        if (it.value().contains(userID))
            out << it.key();
    out.sort();
    return out;
}

void LoopbackStore::addFriend(const QString &a, const QString &b)
{
    if (!m_friends[a].contains(b))
        m_friends[a] << b;
    if (!m_friends[b].contains(a))
        m_friends[b] << a;
}

void LoopbackStore::addFriendApplication(const FriendApplication &application)
{
    m_applications << application;
}

QList<FriendApplication> LoopbackStore::applicationsTo(const QString &userID) const
{
    QList<FriendApplication> out;
    for (const auto &a : m_applications)
        if (a.toUserID == userID)
            out << a;
    return out;
}

QList<FriendApplication> LoopbackStore::applicationsFrom(const QString &userID) const
{
    QList<FriendApplication> out;
    for (const auto &a : m_applications)
        if (a.fromUserID == userID)
            out << a;
    return out;
}

void LoopbackStore::registerToken(const QString &token, const QString &userID, int platformID)
{
    m_tokens.insert(token, {userID, platformID, 0});
}

int LoopbackStore::tokenState(const QString &token) const
{
    auto it = m_tokens.constFind(token);
    return it == m_tokens.constEnd() ? 1507 : it->state;
}

void LoopbackStore::setTokensState(const QString &userID, int platformID, int errCode)
{
    for (auto &info : m_tokens)
        if (info.userID == userID && (platformID < 0 || info.platformID == platformID))
            info.state = errCode;
}

QString LoopbackStore::singleConversationID(const QString &a, const QString &b)
{
    return a < b ? QStringLiteral("si_%1_%2").arg(a, b) : QStringLiteral("si_%1_%2").arg(b, a);
}

QString LoopbackStore::store(::openim::sdkws::MsgData &msg)
{
    const QString conversationID = msg.sessiontype() == 3
                                       ? groupConversationID(QString::fromStdString(msg.groupid()))
                                       : singleConversationID(QString::fromStdString(msg.sendid()),
                                                              QString::fromStdString(msg.recvid()));
    auto &list = m_conversations[conversationID];
    if (!m_participants.contains(conversationID))
        m_participants.insert(conversationID,
                              {QString::fromStdString(msg.sendid()), QString::fromStdString(msg.recvid())});
    msg.set_seq(qint64(list.size()) + 1);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (msg.servermsgid().empty()) {
        const QByteArray seed = QByteArray::number(++m_serverMsgCounter) + QByteArray::number(now)
                                + msg.clientmsgid().c_str();
        msg.set_servermsgid(QCryptographicHash::hash(seed, QCryptographicHash::Md5).toHex().toStdString());
    }
    if (msg.sendtime() == 0)
        msg.set_sendtime(now);
    if (msg.createtime() == 0)
        msg.set_createtime(now);
    msg.set_status(2);
    list.push_back(msg);
    return conversationID;
}

qint64 LoopbackStore::maxSeq(const QString &conversationID) const
{
    auto it = m_conversations.constFind(conversationID);
    return it == m_conversations.constEnd() ? 0 : qint64(it->size());
}

QMap<QString, qint64> LoopbackStore::maxSeqsOf(const QString &userID) const
{
    QMap<QString, qint64> out;
    for (auto it = m_conversations.constBegin(); it != m_conversations.constEnd(); ++it)
        if (m_participants.value(it.key()).contains(userID))
            out.insert(it.key(), qint64(it->size()));
    return out;
}

const std::vector<::openim::sdkws::MsgData> *LoopbackStore::messages(const QString &conversationID) const
{
    auto it = m_conversations.constFind(conversationID);
    return it == m_conversations.constEnd() ? nullptr : &it.value();
}

QStringList LoopbackStore::participants(const QString &conversationID) const
{
    return m_participants.value(conversationID);
}

} // namespace ct::loopback
