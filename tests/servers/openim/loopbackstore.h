#pragma once
// The loopback OpenIM server's data: users, groups, friends, tokens, and every conversation's
// messages in seq order (seq 1, 2, 3, … per conversation, as the real server numbers them).
#include "sdkws.pb.h"

#include <QHash>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <vector>

namespace ct::loopback {

struct LoopbackUser
{
    QString userID;
    QString nickname;
    QString faceURL;
    qint64 createTime = 0;
};

struct FriendApplication
{
    QString fromUserID;
    QString toUserID;
    QString reqMsg;
    qint64 createTime = 0;
};

class LoopbackStore
{
public:
    // Users, groups, friends
    void addUser(const QString &userID, const QString &nickname);
    bool hasUser(const QString &userID) const { return m_users.contains(userID); }
    const LoopbackUser *user(const QString &userID) const;
    void addGroup(const QString &groupID, const QString &name, const QStringList &members);
    QStringList groupMembers(const QString &groupID) const { return m_groups.value(groupID); }
    QString groupName(const QString &groupID) const { return m_groupNames.value(groupID); }
    QStringList groupsOf(const QString &userID) const;
    void addFriend(const QString &a, const QString &b);
    QStringList friendsOf(const QString &userID) const { return m_friends.value(userID); }
    void addFriendApplication(const FriendApplication &application);
    QList<FriendApplication> applicationsTo(const QString &userID) const;
    QList<FriendApplication> applicationsFrom(const QString &userID) const;

    // Tokens: a token must be registered to be accepted; its state can change.
    void registerToken(const QString &token, const QString &userID, int platformID);
    // 0 ok; 1501/1502/1506 set by controls; 1507 when never issued
    int tokenState(const QString &token) const;
    void setTokensState(const QString &userID, int platformID, int errCode); // platformID -1: all

    // Conversations
    static QString singleConversationID(const QString &a, const QString &b);
    static QString groupConversationID(const QString &groupID) { return QStringLiteral("sg_") + groupID; }
    // Stores the message: assigns seq, serverMsgID (when empty), sendTime (when 0), status 2.
    // Returns the conversation id.
    QString store(::openim::sdkws::MsgData &msg);
    qint64 maxSeq(const QString &conversationID) const;
    // The user's conversations and their max seqs.
    QMap<QString, qint64> maxSeqsOf(const QString &userID) const;
    const std::vector<::openim::sdkws::MsgData> *messages(const QString &conversationID) const;
    // Users who see this conversation
    QStringList participants(const QString &conversationID) const;

private:
    struct TokenInfo
    {
        QString userID;
        int platformID = 0;
        int state = 0;
    };
    QHash<QString, LoopbackUser> m_users;
    QHash<QString, QStringList> m_groups;
    QHash<QString, QString> m_groupNames;
    QHash<QString, QStringList> m_friends;
    QList<FriendApplication> m_applications;
    QHash<QString, TokenInfo> m_tokens;
    QHash<QString, std::vector<::openim::sdkws::MsgData>> m_conversations;
    QHash<QString, QStringList> m_participants;
    quint64 m_serverMsgCounter = 0;
};

} // namespace ct::loopback
