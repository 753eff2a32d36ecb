#include "statusapidoctor.h"

#include "secrets/tokenresolver.h"
#include "statusapisettings.h"

#include <QJsonArray>

namespace ct {

StatusApiReport inspectStatusApi(const Config &config, TokenResolver &resolver)
{
    StatusApiReport r;
    QList<ConfigProblem> problems;
    const StatusApiSettings s = readStatusApiSettings(config, &problems);
    r.problems = problemStrings(problems);
    QString origin = QStringLiteral("missing");
    if (s.enabled) {
        const ResolvedToken t = resolver.resolveBlocking(s.inlineToken, StatusApiSettings::keychainAddress(),
                                                         StatusApiSettings::keychainField());
        origin = tokenOriginName(t.origin);
        const bool noKeychainOnLoopback = t.keychainError == SecretError::NoBackend && s.isLoopback();
        if (noKeychainOnLoopback)
            r.notes << QStringLiteral("no keychain is running, so the status API asks no bearer token");
        else if (!t.found() && t.keychainError != SecretError::NotFound && t.keychainError != SecretError::None)
            r.problems << QStringLiteral(
                              "channeltray.statusApi: the bearer token could not be read from the keychain: %1")
                              .arg(t.message);
        if (t.origin == TokenOrigin::Inline)
            r.notes << QStringLiteral("the status API's bearer token is stored in plain text in the config file; "
                                      "the keychain entry channeltray/statusApi/token is the safer place");
    }
    r.warnings = statusApiWarnings(s, origin);
    r.json = QJsonObject{{"enabled", s.enabled},
                         {"problems", QJsonArray::fromStringList(r.problems)},
                         {"warnings", QJsonArray::fromStringList(r.warnings)},
                         {"notes", QJsonArray::fromStringList(r.notes)}};
    if (s.enabled) {
        r.json.insert("listen", s.listen);
        r.json.insert("loopback", s.isLoopback());
        r.json.insert("token", origin);
        r.summary = QStringLiteral("listens on %1 (%2), bearer token: %3")
                        .arg(s.listen,
                             s.isLoopback() ? QStringLiteral("this machine only")
                                            : QStringLiteral("beyond this machine"),
                             origin);
    } else {
        r.summary = r.problems.isEmpty() ? QStringLiteral("off") : QStringLiteral("off (see the problems)");
    }
    return r;
}

bool resolveStatusApiToken(const Config &config, TokenResolver &resolver, QString *token, QString *error)
{
    const StatusApiSettings s = readStatusApiSettings(config);
    token->clear();
    if (!s.enabled)
        return true;
    const ResolvedToken t = resolver.resolveBlocking(s.inlineToken, StatusApiSettings::keychainAddress(),
                                                     StatusApiSettings::keychainField());
    if (t.found()) {
        *token = t.value;
        return true;
    }
    if (t.keychainError == SecretError::NotFound || t.keychainError == SecretError::None)
        return true;
    // No keychain at all (a server without a Secret Service) holds no token: a loopback
    // endpoint runs without one; one reachable from elsewhere must not.
    if (t.keychainError == SecretError::NoBackend && s.isLoopback())
        return true;
    *error = QStringLiteral("the status API's bearer token could not be read from the keychain: %1")
                 .arg(t.message);
    return false;
}

} // namespace ct
