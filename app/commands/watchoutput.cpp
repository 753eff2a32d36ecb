#include "watchoutput.h"

#include "inbound/messagejson.h"
#include "runtime/appruntime.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ct::cli {

void WatchOutput::follow(AppRuntime &runtime, QObject *context)
{
    auto printJson = [this](const QJsonObject &o) {
        m_ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
    };
    QObject::connect(&runtime.registry(), &AccountRegistry::accountStateChanged, context,
                     [this, printJson](const AccountAddress &a, AccountState state, const QString &detail) {
                         if (m_json)
                             printJson({{QStringLiteral("type"), QStringLiteral("state")},
                                        {QStringLiteral("account"), a.toString()},
                                        {QStringLiteral("state"), accountStateName(state)},
                                        {QStringLiteral("detail"), detail}});
                         else
                             m_ctx.out << a.toString() << ": " << accountStateName(state)
                                       << (detail.isEmpty() ? QString()
                                                            : QStringLiteral(" (") + detail + QLatin1Char(')'))
                                       << Qt::endl;
                     });
    QObject::connect(&runtime, &AppRuntime::tokenRefreshed, context,
                     [this, printJson](const AccountAddress &a, const QString &reason) {
                         if (m_json)
                             printJson({{QStringLiteral("type"), QStringLiteral("refresh")},
                                        {QStringLiteral("account"), a.toString()},
                                        {QStringLiteral("reason"), reason},
                                        {QStringLiteral("result"), QStringLiteral("ok")}});
                         else
                             m_ctx.out << a.toString() << ": token refreshed (" << reason << ")" << Qt::endl;
                     });
    QObject::connect(
        &runtime, &AppRuntime::tokenRefreshFailed, context,
        [this, printJson](const AccountAddress &a, const QString &reason, const QString &error, bool terminal) {
            if (!terminal)
                return;
            if (m_json)
                printJson({{QStringLiteral("type"), QStringLiteral("refresh")},
                           {QStringLiteral("account"), a.toString()},
                           {QStringLiteral("reason"), reason},
                           {QStringLiteral("result"), QStringLiteral("failed")},
                           {QStringLiteral("error"), error}});
            else
                m_ctx.out << a.toString() << ": token refresh failed (" << reason << "): " << error << Qt::endl;
        });
    QObject::connect(&runtime, &AppRuntime::loginMarkerWritten, context,
                     [this, printJson](const AccountAddress &a, const QString &path) {
                         if (m_json)
                             printJson({{QStringLiteral("type"), QStringLiteral("marker")},
                                        {QStringLiteral("account"), a.toString()},
                                        {QStringLiteral("path"), path}});
                         else
                             m_ctx.out << a.toString() << ": needs a manual login; marker written to " << path
                                       << Qt::endl;
                     });
}

void WatchOutput::message(const InboundMessage &m)
{
    if (m_json)
        m_ctx.out << QString::fromUtf8(messageJsonLine(m, /*withDirection=*/false)) << Qt::endl;
    else
        m_ctx.out << messageTextLine(m) << Qt::endl;
}

} // namespace ct::cli
