#include "hookrefreshjob.h"

#include "logging/logging.h"
#include "placeholders.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace ct {

HookRefreshJob::HookRefreshJob(const HookRefreshConfig &config, const QString &accountId, const QString &reason,
                               QObject *parent)
    : QObject(parent), m_config(config), m_accountId(accountId), m_reason(reason)
{
    m_timeout.setSingleShot(true);
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        m_process.kill();
    });
    connect(&m_process, &QProcess::finished, this, &HookRefreshJob::onProcessFinished);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            finish(RefreshAttemptResult::failure(QStringLiteral("the hook %1 could not be started: %2")
                                                     .arg(m_process.program(), m_process.errorString()),
                                                 false));
    });
}

HookRefreshJob::~HookRefreshJob()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.disconnect(this);
        m_process.kill();
        m_process.waitForFinished(1000);
    }
}

void HookRefreshJob::finish(const RefreshAttemptResult &result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeout.stop();
    Q_EMIT finished(result);
}

void HookRefreshJob::start()
{
    const PlaceholderContext context{m_accountId, m_reason, {}};
    QStringList argv;
    for (const QString &arg : m_config.command) {
        QString error;
        const auto expanded = expandPlaceholders(arg, context, &error);
        if (!expanded) {
            const auto result = RefreshAttemptResult::failure(QStringLiteral("hook: ") + error, false);
            QTimer::singleShot(0, this, [this, result] { finish(result); });
            return;
        }
        argv << *expanded;
    }
    const QString program = argv.takeFirst();
    qCInfo(lcRefresh).noquote() << "refresh hook for" << m_accountId << "runs" << program;
    m_timeout.start(m_config.timeoutMs > 0 ? m_config.timeoutMs : 15000);
    m_process.start(program, argv, QIODevice::ReadOnly);
}

void HookRefreshJob::onProcessFinished(int exitCode, QProcess::ExitStatus status)
{
    const QByteArray out = m_process.readAllStandardOutput();
    const QByteArray err = m_process.readAllStandardError();
    // stderr may echo anything; only its size reaches the log.
    if (!err.isEmpty())
        qCDebug(lcRefresh) << "refresh hook for" << m_accountId << "wrote" << err.size() << "bytes to stderr";
    if (m_timedOut)
        return finish(RefreshAttemptResult::failure(
            QStringLiteral("the hook did not finish within %1 ms").arg(m_timeout.interval()), false));
    if (status != QProcess::NormalExit)
        return finish(RefreshAttemptResult::failure(QStringLiteral("the hook crashed"), false));
    if (exitCode != 0)
        return finish(
            RefreshAttemptResult::failure(QStringLiteral("the hook exited with code %1").arg(exitCode), false));
    finish(parseOutput(out));
}

RefreshAttemptResult HookRefreshJob::parseOutput(const QByteArray &out) const
{
    const QByteArray text = out.trimmed();
    if (text.isEmpty())
        return RefreshAttemptResult::failure(QStringLiteral("the hook printed nothing"), false);
    if (text == "null")
        return RefreshAttemptResult::failure(QStringLiteral("the hook printed null"), false);
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return RefreshAttemptResult::failure(QStringLiteral("the hook's output is not a JSON object"), false);
    const QJsonObject object = doc.object();
    const QString token = object.value(QStringLiteral("token")).toString();
    if (token.isEmpty())
        return RefreshAttemptResult::failure(QStringLiteral("the hook's output has no token"), false);
    RefreshAttemptResult result;
    result.ok = true;
    result.token = token;
    result.userID = object.value(QStringLiteral("userID")).toString();
    return result;
}

} // namespace ct
