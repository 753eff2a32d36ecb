#include "statusapi.h"

#include "logging/logging.h"
#include "secrets/tokenresolver.h"
#include "statusanswers.h"
#include "statusmetrics.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ct {

namespace {
HttpReply jsonReply(int status, const QJsonObject &body)
{
    return {status, "application/json", QJsonDocument(body).toJson(QJsonDocument::Compact), {}};
}

HttpReply notFound(const QString &message)
{
    return jsonReply(404, {{"ok", false}, {"error", message}});
}

bool truthy(const QString &v)
{
    return v == QLatin1String("1") || v.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0
           || v.compare(QLatin1String("yes"), Qt::CaseInsensitive) == 0;
}
} // namespace

StatusApi::StatusApi(StatusBoard::Sources sources, QObject *parent)
    : QObject(parent), m_board(std::move(sources)), m_doctor(DoctorRunner::Options{})
{
    m_server.setHandler([this](const HttpRequestHead &request, StatusHttpServer::Reply reply) {
        handle(request, std::move(reply));
    });
}

StatusApi::~StatusApi() = default;

bool StatusApi::apply(const StatusApiSettings &settings, const QString &token, QString *error)
{
    if (!settings.enabled) {
        stop();
        m_settings = settings;
        return true;
    }
    if (m_server.isListening() && settings == m_settings) {
        if (token != m_token) { // the keychain entry changed: the next request needs the new one
            m_server.setBearerToken(token);
            m_token = token;
            qCInfo(lcStatus) << "status API: the bearer token changed";
        }
        return true;
    }
    m_server.setBearerToken(token);
    QString why;
    if (!m_server.listen(settings.address, settings.port, &why)) {
        qCWarning(lcStatus) << "status API: cannot listen on" << settings.listen << ":" << why;
        if (error)
            *error = QStringLiteral("cannot listen on %1: %2").arg(settings.listen, why);
        m_settings = {};
        return false;
    }
    m_settings = settings;
    m_token = token;
    qCInfo(lcStatus).noquote() << QStringLiteral("status API on http://%1:%2/ (%3)")
                                      .arg(settings.address.protocol() == QAbstractSocket::IPv6Protocol
                                               ? QLatin1Char('[') + settings.address.toString() + QLatin1Char(']')
                                               : settings.address.toString())
                                      .arg(m_server.port())
                                      .arg(token.isEmpty() ? QStringLiteral("no bearer token")
                                                           : QStringLiteral("bearer token required"));
    return true;
}

void StatusApi::applyConfig(const Config &config, TokenResolver *tokens,
                            std::function<void(bool, const QString &)> done)
{
    const quint64 generation = ++m_generation;
    auto finish = [done](bool ok, const QString &error) {
        if (done)
            done(ok, error);
    };
    QList<ConfigProblem> problems;
    const StatusApiSettings settings = readStatusApiSettings(config, &problems);
    if (!problems.isEmpty()) {
        stop();
        const QString error = problemStrings(problems).join(QStringLiteral("; "));
        qCWarning(lcStatus).noquote() << "status API off:" << error;
        finish(false, error);
        return;
    }
    if (!settings.enabled || !tokens) {
        QString error;
        const bool ok = apply(settings, settings.inlineToken, &error);
        finish(ok, error);
        return;
    }
    tokens->resolve(
        settings.inlineToken, StatusApiSettings::keychainAddress(), StatusApiSettings::keychainField(),
        [this, settings, generation, finish](const ResolvedToken &t) {
            if (generation != m_generation)
                return; // a newer config won
            const bool noKeychainOnLoopback = t.keychainError == SecretError::NoBackend && settings.isLoopback();
            if (!t.found() && t.keychainError != SecretError::NotFound && !noKeychainOnLoopback) {
                stop();
                const QString error =
                    QStringLiteral(
                        "the status API's bearer token could not be read from the keychain (%1); the endpoint stays off")
                        .arg(t.message);
                qCWarning(lcStatus).noquote() << error;
                finish(false, error);
                return;
            }
            if (!t.found() && tokenWasRemoved(settings)) {
                failClosed(settings, finish);
                return;
            }
            m_closedWithout.reset();
            QString error;
            const bool ok = apply(settings, t.value, &error);
            finish(ok, error);
        });
}

bool StatusApi::tokenWasRemoved(const StatusApiSettings &settings) const
{
    if (!settings.inlineToken.isEmpty())
        return false;
    if (m_closedWithout)
        return *m_closedWithout == settings;
    return m_server.isListening() && m_settings == settings && !m_token.isEmpty();
}

void StatusApi::failClosed(const StatusApiSettings &settings,
                           const std::function<void(bool, const QString &)> &done)
{
    stop();
    m_closedWithout = settings;
    const QString error = QStringLiteral("the status API's bearer token was removed from the keychain; the "
                                         "endpoint is off until one is stored there again");
    qCWarning(lcStatus).noquote() << error;
    if (done)
        done(false, error);
}

void StatusApi::followKeychain(const Config &config, TokenResolver *tokens,
                               std::function<void(bool, const QString &)> done)
{
    const StatusApiSettings settings = readStatusApiSettings(config);
    if (!tokens || !settings.enabled || !settings.inlineToken.isEmpty())
        return; // no token kept in the keychain
    if (!m_server.isListening() && m_closedWithout && *m_closedWithout == settings) {
        // Off since its token was removed: on again once one is stored, and quiet until then.
        const quint64 generation = m_generation;
        tokens->resolve(settings.inlineToken, StatusApiSettings::keychainAddress(),
                        StatusApiSettings::keychainField(),
                        [this, config, tokens, generation, done](const ResolvedToken &t) {
                            if (generation == m_generation && t.found())
                                applyConfig(config, tokens, done);
                        });
        return;
    }
    if (!m_server.isListening()) {
        applyConfig(config, tokens, std::move(done));
        return;
    }
    const quint64 generation = m_generation;
    tokens->resolve(settings.inlineToken, StatusApiSettings::keychainAddress(), StatusApiSettings::keychainField(),
                    [this, settings, generation, done](const ResolvedToken &t) {
                        if (generation != m_generation || !(settings == m_settings))
                            return; // a newer config was applied meanwhile
                        if (!t.found() && t.keychainError != SecretError::NotFound)
                            return; // cannot answer now: the token in use stays
                        if (!t.found() && tokenWasRemoved(settings)) {
                            failClosed(settings, done);
                            return;
                        }
                        QString unused;
                        apply(settings, t.value, &unused);
                    });
}

void StatusApi::stop()
{
    m_server.close();
    m_settings = {};
    m_token.clear();
    m_server.setBearerToken({});
}

void StatusApi::handle(const HttpRequestHead &request, StatusHttpServer::Reply reply)
{
    const QString path = request.path();
    const QUrlQuery query = request.query();
    if (path == QLatin1String("/status")) {
        reply(jsonReply(200, statusDocument(m_board.accounts(), m_board.history())));
    } else if (path == QLatin1String("/health")) {
        if (query.hasQueryItem(QStringLiteral("account"))) {
            const QString text = query.queryItemValue(QStringLiteral("account"), QUrl::FullyDecoded);
            const AccountAddress a = AccountAddress::parse(text);
            if (!a.isValid() || !m_board.contains(a)) {
                reply(notFound(
                    QStringLiteral("no account \"%1\" (write it as <channel>/<id>, e.g. gotify/ops)").arg(text)));
                return;
            }
            const QJsonObject doc = healthDocument({m_board.account(a)});
            reply(jsonReply(doc.value("ok").toBool() ? 200 : 503, doc));
            return;
        }
        const QJsonObject doc = healthDocument(m_board.accounts());
        reply(jsonReply(doc.value("ok").toBool() ? 200 : 503, doc));
    } else if (path == QLatin1String("/doctor")) {
        m_doctor.run(truthy(query.queryItemValue(QStringLiteral("probe"))), std::move(reply));
    } else if (path == QLatin1String("/metrics")) {
        reply({200,
               kMetricsContentType,
               metricsText(m_board.accounts(), m_board.storeErrors(), readProcessFigures(),
                           m_board.history().heldMessages),
               {}});
    } else {
        reply(notFound(QStringLiteral("no such resource; try /status, /health, /doctor or /metrics")));
    }
}

} // namespace ct
