// channeltray-openim-server: the loopback OpenIM server on its own, for the demo and for
// trying a client by hand. Prints one JSON line with the addresses, users and tokens to
// stdout (tokens go to stdout only, never to a log), then serves until killed.
#include "openimloopbackserver.h"
#include "servercontrol.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Loopback OpenIM server (gateway + REST on 127.0.0.1)"));
    parser.addHelpOption();
    QCommandLineOption users(QStringLiteral("user"), QStringLiteral("A user id to create (repeatable)."),
                             QStringLiteral("id"));
    QCommandLineOption platform(QStringLiteral("platform"),
                                QStringLiteral("Platform id of the tokens (default 7)."), QStringLiteral("n"),
                                QStringLiteral("7"));
    QCommandLineOption group(QStringLiteral("group"), QStringLiteral("A group of all users (default g_demo)."),
                             QStringLiteral("id"), QStringLiteral("g_demo"));
    QCommandLineOption count(QStringLiteral("users"),
                             QStringLiteral("Also create n users u_1 … u_n (e.g. 100 for the memory benchmark)."),
                             QStringLiteral("n"), QStringLiteral("0"));
    QCommandLineOption report(
        QStringLiteral("report-connections"),
        QStringLiteral("Print {\"connections\":N} when the number of gateway sessions changes."));
    parser.addOptions({users, platform, group, count, report});
    parser.process(app);

    ct::loopback::OpenImLoopbackServer server;
    if (!server.start()) {
        QTextStream(stderr) << "channeltray-openim-server: cannot listen\n";
        return 1;
    }
    QStringList ids = parser.values(users);
    for (int i = 1; i <= parser.value(count).toInt(); ++i)
        ids << QStringLiteral("u_%1").arg(i);
    if (ids.isEmpty())
        ids = {QStringLiteral("u_alice"), QStringLiteral("u_bob")};
    QJsonObject tokens;
    for (const QString &id : ids) {
        server.addUser(id);
        tokens.insert(id, server.mintToken(id, parser.value(platform).toInt()));
    }
    server.addGroup(parser.value(group), ids);
    tokens.insert(QStringLiteral("imAdmin"), server.mintToken(QStringLiteral("imAdmin"), 10));
    const QJsonObject out{{QStringLiteral("wsAddr"), server.wsAddr()},
                          {QStringLiteral("apiAddr"), server.apiAddr()},
                          {QStringLiteral("wsPort"), server.wsPort()},
                          {QStringLiteral("apiPort"), server.apiPort()},
                          {QStringLiteral("group"), parser.value(group)},
                          {QStringLiteral("users"), QJsonArray::fromStringList(ids)},
                          {QStringLiteral("tokens"), tokens}};
    QTextStream(stdout) << QJsonDocument(out).toJson(QJsonDocument::Compact) << Qt::endl;

    // stdin: "drop" drops every session's TCP connection without a close frame, "quit" ends it.
    ct::testserver::ServerControl control;
    control.addCommand(QStringLiteral("drop"), [&server, ids] {
        for (const QString &id : ids)
            server.dropTcp(id);
    });
    control.listenOnStdin();
    control.setReporting(parser.isSet(report));
    QObject::connect(&server.gateway(), &ct::loopback::LoopbackGateway::sessionOpened, &control,
                     [&control] { control.connectionOpened(); });
    QObject::connect(&server.gateway(), &ct::loopback::LoopbackGateway::sessionClosed, &control,
                     [&control] { control.connectionClosed(); });
    return app.exec();
}
