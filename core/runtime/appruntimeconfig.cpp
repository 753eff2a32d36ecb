// The config document: the one copy of the config file the tray shows and edits, read and
// written here only, through the format-keeping writer (docs/architecture.md "The config
// document: one writer").
#include "appruntime.h"

#include "config/configeditor.h"
#include "config/configloader.h"
#include "config/configsaver.h"
#include "config/userpath.h"

#include <QDir>
#include <QFileInfo>

namespace ct {

QStringList AppRuntime::readConfig()
{
    return useConfigRead(loadConfig(m_options.configPath));
}

QStringList AppRuntime::useConfigRead(const LoadResult &r)
{
    m_document = r.fileFound ? r.config : Config{};
    m_configProblems = r.fileFound ? r.problemStrings() : QStringList{};
    return m_configProblems;
}

bool AppRuntime::changeConfig(const QJsonObject &edited, QString *error)
{
    if (!writeConfig(edited, error))
        return false;
    applyDocument();
    return true;
}

bool AppRuntime::writeConfig(const QJsonObject &edited, QString *error)
{
    // Only what the edit changed, on the file as it is now: a token the refresh patched into
    // the file since it was read is not in the difference, so it stays.
    if (!saveConfigChanges(m_options.configPath, m_document.raw, edited, error))
        return false;
    readConfig();
    return true;
}

QStringList AppRuntime::readConfigFrom(const QString &path)
{
    m_options.configPath = path;
    return readConfig();
}

QStringList AppRuntime::markerFiles() const
{
    if (!m_document.openim.present)
        return {};
    const QFileInfo marker(expandUserPath(m_document.openim.tokenRefresh.manualLoginMarkerPath));
    const QDir dir = marker.absoluteDir();
    QStringList out;
    for (const QFileInfo &f : dir.entryInfoList({marker.completeBaseName() + QStringLiteral("*")}, QDir::Files))
        out << f.absoluteFilePath();
    return out;
}

// A refreshed inline token was patched into the file (TokenRefresher): the document takes it
// too, so the editor shows it and an edit's difference is taken against it.
void AppRuntime::documentTokenRefreshed(const AccountAddress &account, const QString &token)
{
    for (OpenImAccountConfig &a : m_document.openim.accounts) {
        if (a.address() != account || a.token.isEmpty() || a.credentialRefs.contains(QStringLiteral("token")))
            continue;
        a.token = token;
        ConfigEditor::setAccountField(m_document.raw, account, QStringLiteral("token"), token, nullptr);
    }
}

} // namespace ct
