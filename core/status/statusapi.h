#pragma once
// The opt-in local status endpoint (docs/architecture.md "Configuration" statusApi), shared by the tray and
// `watch`: an HTTP server (StatusHttpServer) answering
//   GET /status   every account, as JSON (never a token; token expiry only)
//   GET /health   200 when every enabled account is connected, else 503 with the failing ones;
//                 ?account=<channel>/<id> for one (the Gotify plugin's /gotify/health shape)
//   GET /doctor   the `doctor --json` document (?probe=1 probes the servers, rate limited)
//   GET /metrics  Prometheus text exposition (StatusMetrics)
// from a StatusBoard that observes the process's own signals.
//
//   StatusApi api(sources);                 // who the accounts are (registry or watch's list)
//   api.board().observe(pipeline); …        // what to count
//   api.setDoctor({program, configPath});
//   api.applyConfig(config, tokens, done); // reads channeltray.statusApi, the token, listens
#include "doctorrunner.h"
#include "statusapisettings.h"
#include "statusboard.h"
#include "statushttpserver.h"

#include <QObject>

#include <functional>
#include <optional>

namespace ct {

class TokenResolver;

class StatusApi : public QObject
{
    Q_OBJECT
public:
    explicit StatusApi(StatusBoard::Sources sources, QObject *parent = nullptr);
    ~StatusApi() override;

    StatusBoard &board() { return m_board; }
    StatusHttpServer &server() { return m_server; }
    void setDoctor(const DoctorRunner::Options &options) { m_doctor.setOptions(options); }
    DoctorRunner &doctor() { return m_doctor; }

    // Listens as the settings say (stops when they say off). `token` empty: none asked.
    // False, and *error, when the address cannot be bound.
    bool apply(const StatusApiSettings &settings, const QString &token, QString *error);
    // Reads channeltray.statusApi from the config and the bearer token (inline, else the
    // keychain entry channeltray/statusApi/token, read through `secrets` asynchronously), then
    // apply(). A keychain that cannot answer keeps the endpoint off (never open without the
    // token the user stored) — except when there is no keychain at all and the address is
    // loopback. `done(ok, error)` is called once; ok when off or listening.
    void applyConfig(const Config &config, TokenResolver *tokens,
                     std::function<void(bool ok, const QString &error)> done = {});
    // The keychain may answer differently now: a bearer token kept there is read again and
    // asked from the next request on. Removed, it fails closed: the endpoint stops (`done` with
    // the reason) and stays off, through later config applies with the same settings, until a
    // token is stored again; it never goes on without the token it asked until then. A
    // keychain that cannot answer now (locked, gone) leaves the token in use as it is; an
    // endpoint that is off because the keychain could not answer before is applied again.
    void followKeychain(const Config &config, TokenResolver *tokens,
                        std::function<void(bool ok, const QString &error)> done = {});
    void stop();
    bool isListening() const { return m_server.isListening(); }
    StatusApiSettings settings() const { return m_settings; }

    // Answers one request (routing); public for tests of the routes without sockets.
    void handle(const HttpRequestHead &request, StatusHttpServer::Reply reply);

private:
    // The keychain answered "no entry" for `settings`: true when the endpoint asked a keychain
    // token under these settings (now, or when it failed closed), so it must not go on without.
    bool tokenWasRemoved(const StatusApiSettings &settings) const;
    void failClosed(const StatusApiSettings &settings, const std::function<void(bool, const QString &)> &done);

    StatusBoard m_board;
    StatusHttpServer m_server;
    DoctorRunner m_doctor;
    StatusApiSettings m_settings;
    QString m_token; // NEVER logged
    quint64 m_generation = 0;
    // Off because its keychain token was removed (failClosed): the settings it had then.
    std::optional<StatusApiSettings> m_closedWithout;
};

} // namespace ct
