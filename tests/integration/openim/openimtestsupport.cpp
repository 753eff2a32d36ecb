#include "openimtestsupport.h"

#include <QLoggingCategory>
#include <QtTest>

namespace ct::testsupport {

namespace {
QStringList g_logLines;
QtMessageHandler g_previous = nullptr;
void captureLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_logLines << message;
    if (type != QtDebugMsg && g_previous)
        g_previous(type, context, message);
}
} // namespace

void startCapturingLogs()
{
    QLoggingCategory::setFilterRules(QStringLiteral("channeltray.*.debug=true"));
    g_previous = qInstallMessageHandler(captureLog);
}

QStringList stopCapturingLogs()
{
    qInstallMessageHandler(g_previous);
    return g_logLines;
}

bool anyLineContains(const QStringList &lines, const QStringList &tokens)
{
    for (const QString &line : lines)
        for (const QString &t : tokens)
            if (line.contains(t))
                return true;
    return false;
}

void OpenImInboundFixture::setUpInbound(QObject *context)
{
    server = std::make_unique<loopback::OpenImLoopbackServer>();
    QVERIFY(server->start());
    for (const char *u : {"u_bot", "u_alice", "u_bob"})
        server->addUser(u);
    server->addGroup("g_ops", {"u_bot", "u_alice", "u_bob"});
    history = std::make_unique<HistoryStore>(dir.filePath(QString("h%1.sqlite").arg(++m_historyFiles)));
    QVERIFY(history->open());
    pipeline = std::make_unique<InboundPipeline>(*history, config);
    delivered.clear();
    QObject::connect(pipeline.get(), &InboundPipeline::delivered, context,
                     [this](const InboundMessage &m) { delivered << m; });
}

void OpenImInboundFixture::tearDownInbound()
{
    pipeline.reset();
    history.reset();
    server.reset();
}

int OpenImInboundFixture::deliveredCount(const QString &conversation) const
{
    return int(std::count_if(delivered.begin(), delivered.end(),
                             [&](const InboundMessage &m) { return m.conversationId == conversation; }));
}

} // namespace ct::testsupport
