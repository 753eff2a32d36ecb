#include "watchhistory.h"

#include "inbound/historystore.h"
#include "runtime/appruntime.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ct::cli {

WatchHistoryReport::WatchHistoryReport(CommandContext &ctx, bool json, const HistoryStore &history)
    : m_ctx(ctx), m_json(json), m_history(history)
{
}

void WatchHistoryReport::follow(const AppRuntime &runtime, QObject *owner)
{
    QObject::connect(&runtime, &AppRuntime::storageChanged, owner, [this](const QString &error, int held) {
        if (error == m_lastStorageError)
            return;
        m_lastStorageError = error;
        if (error.isEmpty())
            line(QStringLiteral("ok"), QStringLiteral("the history takes writes again"), held);
        else
            line(QStringLiteral("failing"), error, held);
    });
    QObject::connect(&m_history, &HistoryStore::movedAside, owner,
                     [this](const QString &movedTo, const QString &reason) {
                         line(QStringLiteral("moved-aside"), reason, -1, movedTo);
                     });
    QObject::connect(&m_history, &HistoryStore::fileReplaced, owner, [this](bool deleted) {
        line(QStringLiteral("restarted"),
             deleted ? QStringLiteral("the history file was deleted; a new one was started")
                     : QStringLiteral("the history file was replaced; the file now in its place is used"));
    });
}

void WatchHistoryReport::waiting(const QString &reason)
{
    if (reason == m_lastWaiting)
        return;
    m_lastWaiting = reason;
    line(QStringLiteral("waiting"), reason);
}

void WatchHistoryReport::movedAsideAtOpen()
{
    if (!m_history.movedAsidePath().isEmpty())
        line(QStringLiteral("moved-aside"), QStringLiteral("the history was unreadable"), -1,
             m_history.movedAsidePath());
}

void WatchHistoryReport::line(const QString &state, const QString &detail, int held, const QString &movedTo)
{
    if (state == QLatin1String("moved-aside")) // also where a person reads, whatever --json says
        m_ctx.err << "channeltray watch: the history " << m_history.path() << " could not be read (" << detail
                  << "); it was moved to " << movedTo << " and a new one was started" << Qt::endl;
    if (m_json) {
        QJsonObject o{{QStringLiteral("type"), QStringLiteral("history")},
                      {QStringLiteral("state"), state},
                      {QStringLiteral("detail"), detail},
                      {QStringLiteral("path"), m_history.path()}};
        if (held >= 0)
            o.insert(QStringLiteral("held"), held);
        if (!movedTo.isEmpty())
            o.insert(QStringLiteral("movedTo"), movedTo);
        m_ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
        return;
    }
    m_ctx.out << "history: " << state << " (" << detail;
    if (held > 0)
        m_ctx.out << "; " << held << " received messages kept in memory";
    m_ctx.out << ")" << Qt::endl;
}

} // namespace ct::cli
