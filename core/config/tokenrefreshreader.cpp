#include "tokenrefreshreader.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

namespace ct {

namespace {

const QStringList &methods()
{
    static const QStringList names{QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
                                   QStringLiteral("PATCH"), QStringLiteral("DELETE")};
    return names;
}

// The endpoint as it will look once its placeholders are filled in, for checking it now: a
// placeholder that starts the URL stands for its scheme and host (the multi-server recipe's
// "{state.auth_server_url}/api/refresh"), any other for one word.
QString withStandIns(const QString &endpoint)
{
    QString out;
    qsizetype last = 0;
    auto it = refreshPlaceholderPattern().globalMatch(endpoint);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(endpoint).mid(last, m.capturedStart() - last);
        out += m.capturedStart() == 0 ? QStringLiteral("https://placeholder.invalid")
                                      : QStringLiteral("placeholder");
        last = m.capturedEnd();
    }
    return out + endpoint.mid(last);
}

void readEndpoint(const QJsonObject &http, const QString &path, JsonReader &r, QString &out, bool required)
{
    const QString key = QStringLiteral("endpoint");
    const QJsonValue v = http.value(key);
    if (!v.isString() || !refreshPlaceholderPattern().match(v.toString()).hasMatch()) {
        if (required)
            r.requireUrl(http, path, key, out, JsonReader::httpSchemes());
        else
            r.readUrl(http, path, key, out, JsonReader::httpSchemes());
        return;
    }
    const QString endpoint = v.toString();
    const QUrl filled(withStandIns(endpoint), QUrl::StrictMode);
    if (!filled.isValid() || !JsonReader::httpSchemes().contains(filled.scheme().toLower())
        || filled.host().isEmpty()) {
        r.addProblem(JsonReader::join(path, key),
                     QStringLiteral("expected %1 once its placeholders are filled in, got %2")
                         .arg(JsonReader::urlExpectation(JsonReader::httpSchemes()),
                              JsonReader::quoted(JsonReader::safeUrlForMessage(endpoint))));
        return;
    }
    out = endpoint;
}

void readHttp(const QJsonObject &http, const QString &path, JsonReader &r, HttpRefreshConfig &out, bool required)
{
    r.readString(http, path, QStringLiteral("stateFile"), out.stateFile);
    readEndpoint(http, path, r, out.endpoint, required);

    QString method;
    if (r.readString(http, path, QStringLiteral("method"), method)) {
        if (methods().contains(method.toUpper()))
            out.method = method.toUpper();
        else
            r.addProblem(JsonReader::join(path, QStringLiteral("method")),
                         QStringLiteral("expected one of %1, got %2")
                             .arg(methods().join(QStringLiteral(", ")), JsonReader::quoted(method)));
    }
    r.readStringMap(http, path, QStringLiteral("headers"), out.headers);
    if (http.contains(QStringLiteral("body")))
        out.body = http.value(QStringLiteral("body"));
    r.readPositiveInt(http, path, QStringLiteral("timeoutMs"), out.timeoutMs);
    r.readStringList(http, path, QStringLiteral("responseTokenPath"), out.responseTokenPaths, true);

    QJsonObject writeBack;
    const QString writeBackPath = JsonReader::join(path, QStringLiteral("stateWriteBack"));
    if (r.readObject(http, path, QStringLiteral("stateWriteBack"), writeBack)) {
        for (auto it = writeBack.constBegin(); it != writeBack.constEnd(); ++it) {
            QStringList paths;
            if (r.readStringList(writeBack, writeBackPath, it.key(), paths, true))
                out.stateWriteBack.insert(it.key(), paths);
        }
    }
    r.readStringList(http, path, QStringLiteral("clearOnSuccess"), out.clearOnSuccess, true);
}

void readHook(const QJsonObject &hook, const QString &path, JsonReader &r, HookRefreshConfig &out)
{
    const QString commandPath = JsonReader::join(path, QStringLiteral("command"));
    const QJsonValue command = hook.value(QStringLiteral("command"));
    if (command.isString()) {
        // A single string would have to go through a shell; we only run argv lists.
        r.addProblem(commandPath, QStringLiteral("expected an array of strings (program and "
                                                 "arguments), got a string"));
    } else if (r.readStringList(hook, path, QStringLiteral("command"), out.command)) {
        if (out.command.isEmpty() || out.command.first().isEmpty())
            r.addProblem(commandPath, QStringLiteral("expected a program and its arguments, got "
                                                     "an empty list"));
    }
    // No command with mode "hook" is what the plugin does when no hook is installed: the first
    // token problem writes the manual-login marker at once. Not a mistake in the file.
    r.readPositiveInt(hook, path, QStringLiteral("timeoutMs"), out.timeoutMs);
}

} // namespace

const QRegularExpression &refreshPlaceholderPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("\\{(accountId|reason|state\\.[A-Za-z0-9_][A-Za-z0-9_.\\-]*)\\}"));
    return pattern;
}

QString refreshModeName(RefreshMode mode)
{
    switch (mode) {
    case RefreshMode::Http:
        return QStringLiteral("http");
    case RefreshMode::Hook:
        return QStringLiteral("hook");
    case RefreshMode::Off:
        return QStringLiteral("off");
    }
    return QStringLiteral("hook");
}

std::optional<RefreshMode> refreshModeFromName(const QString &name)
{
    for (RefreshMode m : {RefreshMode::Http, RefreshMode::Hook, RefreshMode::Off})
        if (refreshModeName(m) == name)
            return m;
    return std::nullopt;
}

void readTokenRefresh(const QJsonObject &block, const QString &path, JsonReader &r, TokenRefreshConfig &out)
{
    // The mode is "explicit" when the file names it. Only then do we insist on the settings
    // that mode needs (http: an endpoint). The default mode is hook, as in the plugin; hook
    // without a command, named or not, is "ask for a manual login" at the first token problem.
    bool explicitMode = false;
    QString mode;
    if (r.readString(block, path, QStringLiteral("mode"), mode)) {
        if (const auto parsed = refreshModeFromName(mode)) {
            out.mode = *parsed;
            explicitMode = true;
        } else {
            r.addProblem(
                JsonReader::join(path, QStringLiteral("mode")),
                QStringLiteral("expected \"http\", \"hook\" or \"off\", got %1").arg(JsonReader::quoted(mode)));
        }
    }

    QJsonObject http;
    const bool needHttp = explicitMode && out.mode == RefreshMode::Http;
    const QString httpPath = JsonReader::join(path, QStringLiteral("http"));
    if (r.readObject(block, path, QStringLiteral("http"), http))
        readHttp(http, httpPath, r, out.http, needHttp);
    else if (needHttp && !block.contains(QStringLiteral("http")))
        r.addProblem(httpPath, QStringLiteral("missing; tokenRefresh.mode is \"http\""));

    QJsonObject hook;
    const QString hookPath = JsonReader::join(path, QStringLiteral("hook"));
    if (r.readObject(block, path, QStringLiteral("hook"), hook))
        readHook(hook, hookPath, r, out.hook);

    r.readString(block, path, QStringLiteral("manualLoginMarkerPath"), out.manualLoginMarkerPath);
}

} // namespace ct
