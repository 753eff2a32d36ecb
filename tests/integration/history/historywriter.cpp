// history_writer <db> <from> <to> [perTurn]
// Submits Gotify messages <from>..<to> (account gotify/ops) to an InboundPipeline over a
// HistoryStore at <db>, perTurn (default 200) per event-loop turn, and prints every delivered
// id on its own line, flushed at once: a line on stdout means "the UI could have shown it".
// Exits 0 when everything submitted has been processed; 1 on a store error.
#include "inbound/historystore.h"
#include "inbound/inboundpipeline.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: history_writer DB FROM TO [PER_TURN]\n");
        return 2;
    }
    const qint64 from = args.at(2).toLongLong();
    const qint64 to = args.at(3).toLongLong();
    const int perTurn = args.size() > 4 ? args.at(4).toInt() : 200;

    ct::HistoryStore store(args.at(1));
    QString error;
    if (!store.open(&error)) {
        std::fprintf(stderr, "history_writer: %s\n", qPrintable(error));
        return 1;
    }
    ct::InboundPipeline pipeline(store, ct::Config{});
    QObject::connect(&pipeline, &ct::InboundPipeline::delivered, [](const ct::InboundMessage &m) {
        std::fputs(m.id.toLatin1().constData(), stdout);
        std::fputc('\n', stdout);
        std::fflush(stdout);
    });
    QObject::connect(&pipeline, &ct::InboundPipeline::storeFailed, [](const QString &e) {
        std::fprintf(stderr, "history_writer: %s\n", qPrintable(e));
        QCoreApplication::exit(1);
    });

    qint64 next = from;
    QTimer feed;
    feed.setInterval(0);
    QObject::connect(&feed, &QTimer::timeout, [&] {
        for (int i = 0; i < perTurn && next <= to; ++i, ++next) {
            ct::InboundMessage m;
            m.account = {ct::kGotifyChannel, QStringLiteral("ops")};
            m.id = QString::number(next);
            m.peer = QStringLiteral("7");
            m.title = QStringLiteral("writer");
            m.text = QStringLiteral("message %1 with some text to make the row realistic").arg(next);
            m.priority = 5;
            m.serverTime = QDateTime::currentDateTimeUtc();
            pipeline.submit(m);
        }
        if (next > to && pipeline.pendingCount() == 0) {
            feed.stop();
            QCoreApplication::quit();
        }
    });
    feed.start();
    return app.exec();
}
