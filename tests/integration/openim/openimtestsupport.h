#pragma once
// What the OpenIM integration suites share: the loopback server with the usual users and group,
// a fresh history and inbound pipeline per test, and the capture of log lines for the check that
// no token ever reaches a log.
#include "inbound/historystore.h"
#include "inbound/inboundpipeline.h"
#include "openimloopbackserver.h"

#include <QStringList>
#include <QTemporaryDir>
#include <memory>

namespace ct::testsupport {

// Turns on channeltray.* debug logging and records every log line from now on.
void startCapturingLogs();
// Restores the previous message handler; returns the lines recorded since startCapturingLogs().
QStringList stopCapturingLogs();
// True when any of `lines` contains any of `tokens`.
bool anyLineContains(const QStringList &lines, const QStringList &tokens);

class OpenImInboundFixture
{
protected:
    // Starts the server with users u_bot, u_alice, u_bob and group g_ops of all three, and a new
    // history and pipeline whose deliveries `context` collects in `delivered`. Fails the
    // current test (init) when the server or the history does not start.
    void setUpInbound(QObject *context);
    void tearDownInbound();
    int deliveredCount(const QString &conversation) const;

    QTemporaryDir dir;
    std::unique_ptr<loopback::OpenImLoopbackServer> server;
    std::unique_ptr<HistoryStore> history;
    std::unique_ptr<InboundPipeline> pipeline;
    Config config;
    QList<InboundMessage> delivered;

private:
    int m_historyFiles = 0;
};

} // namespace ct::testsupport
