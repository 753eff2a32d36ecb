#pragma once
// Small builders for the inbound suites: messages and configs as the channels would fill them,
// and history files in folders of their own.
#include "config/configmodel.h"
#include "inbound/historystore.h"
#include "inbound/inboundmessage.h"

#include <QDateTime>
#include <QDir>
#include <QTemporaryDir>
#include <memory>

namespace ct::test {

inline AccountAddress gotifyOps()
{
    return {kGotifyChannel, QStringLiteral("ops")};
}
inline AccountAddress openimPrimary()
{
    return {kOpenImChannel, QStringLiteral("primary")};
}

inline InboundMessage gotifyMessage(qint64 id, int priority = 5, const QString &peer = QStringLiteral("7"),
                                    InboundMessage::Via via = InboundMessage::Via::Stream)
{
    InboundMessage m;
    m.account = gotifyOps();
    m.id = QString::number(id);
    m.peer = peer;
    m.sender = peer;
    m.title = QStringLiteral("Backup");
    m.text = QStringLiteral("message %1").arg(id);
    m.contentType = QStringLiteral("text/plain");
    m.priority = priority;
    m.serverTime = QDateTime::currentDateTimeUtc();
    m.via = via;
    return m;
}

// A direct message from sender to the account (conversation si_<a>_<b>).
inline InboundMessage openimDirect(const QString &id, const QString &sender, qint64 seq = 0,
                                   const QString &conversation = {})
{
    InboundMessage m;
    m.account = openimPrimary();
    m.id = id;
    m.seq = seq;
    m.conversationId = conversation.isEmpty() ? QStringLiteral("si_%1_bot").arg(sender) : conversation;
    m.peer = sender;
    m.sender = sender;
    m.text = QStringLiteral("hello from %1").arg(sender);
    m.contentType = QStringLiteral("101");
    m.serverTime = QDateTime::currentDateTimeUtc();
    return m;
}

inline InboundMessage openimGroup(const QString &id, const QString &sender, const QString &group,
                                  const QStringList &atUsers = {}, qint64 seq = 0)
{
    InboundMessage m = openimDirect(id, sender, seq, QStringLiteral("sg_") + group);
    m.groupId = group;
    m.peer = group;
    m.atUserIds = atUsers;
    return m;
}

inline OpenImAccountConfig openimAccount(const QString &id, const QString &userId = QStringLiteral("bot"))
{
    OpenImAccountConfig a;
    a.id = id;
    a.userID = userId;
    return a;
}

inline Config configWith(const OpenImAccountConfig &account)
{
    Config c;
    c.openim.present = true;
    c.openim.accounts << account;
    GotifyAccountConfig g;
    g.id = QStringLiteral("ops");
    c.gotify.present = true;
    c.gotify.accounts << g;
    return c;
}

// History files, each in a new empty folder of its own (a file moved aside lands next to it),
// under one temporary folder that goes with this object.
class HistoryFolders
{
public:
    // The path of a history file (not there yet) in a new empty folder.
    QString newFile()
    {
        const QString dir = m_root.filePath(QStringLiteral("d%1").arg(++m_count));
        QDir().mkpath(dir);
        return dir + QStringLiteral("/history.sqlite");
    }
    // A store opened for writing on a history file in a new empty folder (its path in *file);
    // null when it does not open.
    std::unique_ptr<HistoryStore> openNew(QString *file = nullptr)
    {
        const QString path = newFile();
        if (file)
            *file = path;
        auto store = std::make_unique<HistoryStore>(path);
        return store->open() ? std::move(store) : nullptr;
    }

private:
    QTemporaryDir m_root;
    int m_count = 0;
};

} // namespace ct::test
