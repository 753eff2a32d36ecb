#include "openclawimport.h"

#include "config/configeditor.h"
#include "config/configloader.h"
#include "config/openclawpaths.h"

#include <QCoreApplication>
#include <QProcessEnvironment>

namespace ct {

QString detectOpenClawConfig()
{
    const GatewayConfigLocation found = findGatewayConfig(QProcessEnvironment::systemEnvironment());
    return found.exists ? found.path : QString();
}

ImportPreview previewOpenClawImport(const QString &path)
{
    ImportPreview p;
    p.path = path;
    if (path.isEmpty()) {
        p.summary = QCoreApplication::translate("ct::OpenClawImport",
                                                "No openclaw.json was found (looked at $OPENCLAW_CONFIG_PATH, "
                                                "$OPENCLAW_STATE_DIR and ~/.openclaw).");
        return p;
    }
    const LoadResult r = loadConfig(path);
    if (!r.fileFound || !r.jsonValid) {
        p.summary = QCoreApplication::translate("ct::OpenClawImport", "%1 cannot be read:\n%2")
                        .arg(path, r.problemStrings().join(QLatin1Char('\n')));
        return p;
    }
    p.ok = true;
    p.raw = r.config.raw;
    QStringList accounts;
    const auto token = [&](const AccountAddress &a, const QString &field, const QString &value) {
        if (!value.isEmpty())
            p.inlineTokens.append({a, field, ConfigEditor::accountFieldPath(p.raw, a, field), value});
    };
    for (const GotifyAccountConfig &g : r.config.gotify.accounts) {
        accounts << g.address().toString();
        token(g.address(), QStringLiteral("appToken"), g.appToken);
        token(g.address(), QStringLiteral("clientToken"), g.clientToken);
    }
    for (const OpenImAccountConfig &o : r.config.openim.accounts) {
        accounts << o.address().toString();
        token(o.address(), QStringLiteral("token"), o.token);
    }
    QStringList lines;
    lines << QCoreApplication::translate("ct::OpenClawImport", "Found in %1:").arg(path);
    lines << (accounts.isEmpty() ? QCoreApplication::translate("ct::OpenClawImport", "no Gotify or OpenIM account")
                                 : QCoreApplication::translate("ct::OpenClawImport", "%n account(s): ", nullptr,
                                                               int(accounts.size()))
                                       + accounts.join(QStringLiteral(", ")));
    if (!p.inlineTokens.isEmpty())
        lines << QCoreApplication::translate("ct::OpenClawImport", "%n token(s) stored in plain text in the file",
                                             nullptr, int(p.inlineTokens.size()));
    if (!r.problems.isEmpty())
        lines << QCoreApplication::translate("ct::OpenClawImport", "Problems:") << r.problemStrings();
    p.summary = lines.join(QLatin1Char('\n'));
    return p;
}

} // namespace ct
