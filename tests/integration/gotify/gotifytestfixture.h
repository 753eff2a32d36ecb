#pragma once
// Shared helpers: a client account wired to a pipeline + history in a temporary folder.
#include "gotify/gotifyapi.h"
#include "gotify/gotifyconnection.h"
#include "gotify/gotifyrestclient.h"
#include "inbound/historystore.h"
#include "inbound/inboundpipeline.h"
#include "servers/gotify/gotifyserver.h"

#include <QEventLoop>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <memory>

namespace ct::test {

inline GotifyEndpoint endpointFor(const testserver::GotifyServer &server, const QString &id)
{
    GotifyEndpoint e;
    e.address = {kGotifyChannel, id};
    e.serverUrl = server.url();
    e.appToken = server.appToken();
    e.clientToken = server.clientToken();
    e.requestTimeoutMs = 10000;
    return e;
}

// A loopback server and an API for its account `ops` with an app token the server does not
// know (kToken): what is sent through it is refused (401).
struct RefusedAppToken
{
    static constexpr QLatin1StringView kToken{"Anope"};
    testserver::GotifyServer server;
    GotifyEndpoint endpoint;
    std::unique_ptr<GotifyApi> api;

    // False when the server cannot listen.
    bool start()
    {
        if (!server.listen())
            return false;
        endpoint = endpointFor(server, QStringLiteral("ops"));
        endpoint.appToken = kToken;
        api = std::make_unique<GotifyApi>(endpoint);
        return true;
    }
};

// A message to send with this text and nothing more.
inline SendRequest textRequest(const QString &text)
{
    SendRequest r;
    r.text = text;
    return r;
}

inline InboundSettings fastInbound(int attempts = 10)
{
    InboundSettings s;
    s.reconnectDelayMs = 20;
    s.maxReconnectDelayMs = 100;
    s.maxReconnectAttempts = attempts;
    return s;
}

// Runs one asynchronous API call (`call` gets the callback to hand on) and waits up to 15 s for
// its answer; returns `noAnswer` when none comes.
template <typename Call> GotifyResult awaitResult(Call call, GotifyResult noAnswer)
{
    GotifyResult out = std::move(noAnswer);
    QEventLoop loop;
    call([&](const GotifyResult &r) {
        out = r;
        loop.quit();
    });
    QTimer::singleShot(15000, &loop, &QEventLoop::quit);
    loop.exec();
    return out;
}

// History + pipeline + the ids delivered per account.
struct Sink
{
    QTemporaryDir dir;
    Config config;
    std::unique_ptr<HistoryStore> history;
    std::unique_ptr<InboundPipeline> pipeline;
    QHash<QString, QList<qint64>> delivered; // account → ids in delivery order
    QHash<QString, int> viaCatchup;

    Sink()
    {
        history = std::make_unique<HistoryStore>(dir.filePath(QStringLiteral("history.sqlite")));
        QString error;
        if (!history->open(&error))
            qFatal("history: %s", qPrintable(error));
        pipeline = std::make_unique<InboundPipeline>(*history, config);
        QObject::connect(pipeline.get(), &InboundPipeline::delivered, pipeline.get(),
                         [this](const InboundMessage &m) {
                             delivered[m.account.toString()].append(m.id.toLongLong());
                             if (m.via == InboundMessage::Via::Catchup)
                                 ++viaCatchup[m.account.toString()];
                         });
    }
    int count(const QString &account) const { return int(delivered.value(account).size()); }
    bool allOnce(const QString &account) const
    {
        const QList<qint64> ids = delivered.value(account);
        return QSet<qint64>(ids.begin(), ids.end()).size() == ids.size();
    }
};

} // namespace ct::test
