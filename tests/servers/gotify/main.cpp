// channeltray-gotify-server: the loopback Gotify server as a program (demo, manual tests).
// Prints {"url","port","mode","appToken","clientToken","appId"} as one JSON line on stdout, and
// "caCertFile" (the CA a client must trust) with --tls.
#include "gotifyserver.h"
#include "servercontrol.h"
#include "testpki.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Loopback Gotify-compatible server on 127.0.0.1"));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("v3"), QStringLiteral("behave like a Gotify v3 server")});
    parser.addOption({QStringLiteral("port"), QStringLiteral("port (default: any free port)"), QStringLiteral("N"),
                      QStringLiteral("0")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("store N messages at start"), QStringLiteral("N"),
                      QStringLiteral("0")});
    parser.addOption({QStringLiteral("report-connections"),
                      QStringLiteral("print {\"connections\":N} when the number of open streams changes")});
    parser.addOption({QStringLiteral("ping-each-stream"),
                      QStringLiteral("ping each stream on its own 45 s ticker, as the real server does (default: "
                                     "all streams at once)")});
    parser.addOption({QStringLiteral("ping-random-phase"),
                      QStringLiteral("with --ping-each-stream: each stream's first ping after a random part of "
                                     "the period, as on a server whose clients connected at any time")});
    parser.addOption({QStringLiteral("tls"),
                      QStringLiteral("serve https:// and wss:// with a certificate for 127.0.0.1 from a CA made "
                                     "for this run (see testpki.h)")});
    parser.process(app);

    ct::testserver::GotifyServer server(parser.isSet(QStringLiteral("v3"))
                                            ? ct::testserver::GotifyServer::Mode::V3
                                            : ct::testserver::GotifyServer::Mode::V2);
    ct::testserver::TestPki pki; // its folder (the CA a client needs) lives as long as the server
    if (parser.isSet(QStringLiteral("tls"))) {
        QString error;
        if (!pki.generate(&error)) {
            QTextStream(stderr) << "channeltray-gotify-server: cannot make the certificates: " << error << '\n';
            return 1;
        }
        server.setTls(pki.serverConfiguration());
    }
    if (!server.listen(quint16(parser.value(QStringLiteral("port")).toUInt()))) {
        QTextStream(stderr) << "channeltray-gotify-server: cannot listen on 127.0.0.1\n";
        return 1;
    }
    server.setPingEachStream(parser.isSet(QStringLiteral("ping-each-stream")));
    server.setPingPhaseRandom(parser.isSet(QStringLiteral("ping-random-phase")));
    if (const int seed = parser.value(QStringLiteral("seed")).toInt(); seed > 0)
        server.storeMissedMessages(seed);
    QJsonObject info{{QStringLiteral("url"), server.url().toString()},
                     {QStringLiteral("port"), server.port()},
                     {QStringLiteral("mode"), server.mode() == ct::testserver::GotifyServer::Mode::V3
                                                  ? QStringLiteral("v3")
                                                  : QStringLiteral("v2")},
                     {QStringLiteral("appToken"), server.appToken()},
                     {QStringLiteral("clientToken"), server.clientToken()},
                     {QStringLiteral("appId"), server.appId()}};
    if (parser.isSet(QStringLiteral("tls")))
        info.insert(QStringLiteral("caCertFile"), pki.caCertFile());
    QTextStream out(stdout);
    out << QJsonDocument(info).toJson(QJsonDocument::Compact) << '\n';
    out.flush();

    // stdin: "drop" drops every stream without a close frame, "quit" ends the server.
    ct::testserver::ServerControl control;
    control.addCommand(QStringLiteral("drop"), [&server] { server.dropStreams(); });
    control.listenOnStdin();
    control.setReporting(parser.isSet(QStringLiteral("report-connections")));
    QObject::connect(&server, &ct::testserver::GotifyServer::streamConnected, &control,
                     [&] { control.setConnections(server.streamCount()); });
    QObject::connect(&server, &ct::testserver::GotifyServer::streamDisconnected, &control,
                     [&] { control.setConnections(server.streamCount()); });
    return app.exec();
}
