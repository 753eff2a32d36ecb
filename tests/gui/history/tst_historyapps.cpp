// The Messages view names a Gotify message's application (not "3") and shows its priority:
// the application list is fetched from the loopback Gotify server once per account, however
// many of its messages are shown, and the From column repaints when it arrives; each application
// icon is fetched once per server and image and shown next to the name.
#include "gotify/gotifyapi.h"
#include "gotify/gotifyendpoint.h"
#include "gotifyserver.h"
#include "history/gotifyappnames.h"
#include "history/historymodel.h"
#include "inbound/historystore.h"

#include <QBuffer>
#include <QIcon>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace ct;
using namespace ct::ui;
using ct::testserver::GotifyServer;

class TestHistoryApps : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    GotifyServer m_server{GotifyServer::Mode::V2};

    static GotifyEndpoint endpointOn(const GotifyServer &server, const AccountAddress &account)
    {
        GotifyEndpoint endpoint;
        endpoint.address = account;
        endpoint.serverUrl = server.url();
        endpoint.clientToken = server.clientToken();
        return endpoint;
    }

private Q_SLOTS:
    void fromColumn_namesTheApplication_fetchedOncePerAccount_andPriorityIsShown()
    {
        QVERIFY(m_server.listen());
        m_server.addApplication(QStringLiteral("nightly-backup"));
        const AccountAddress ops{kGotifyChannel, QStringLiteral("ops")};
        GotifyApi api(endpointOn(m_server, ops));
        // The id the server gave the new application.
        QString appId;
        api.listApplications([&](const GotifyResult &r) {
            for (const QJsonValue &v : r.value.toArray())
                if (v.toObject().value(QStringLiteral("name")).toString() == QStringLiteral("nightly-backup"))
                    appId = QString::number(v.toObject().value(QStringLiteral("id")).toInteger());
        });
        QTRY_VERIFY(!appId.isEmpty());

        HistoryStore store(m_dir.filePath(QStringLiteral("h.sqlite")));
        QVERIFY(store.open());
        QList<InboundMessage> batch;
        for (int i = 1; i <= 3; ++i) {
            InboundMessage m;
            m.account = ops;
            m.id = QString::number(i);
            m.sender = appId;
            m.peer = appId;
            m.title = QStringLiteral("Backup");
            m.text = QStringLiteral("run %1").arg(i);
            m.priority = 7 + i;
            m.serverTime = QDateTime::currentDateTimeUtc().addSecs(i);
            batch << m;
        }
        QList<bool> inserted;
        QVERIFY(store.storeBatch(batch, &inserted));

        GotifyAppNames names([&](const AccountAddress &a) { return a == ops ? &api : nullptr; });
        HistoryModel model(&store);
        model.setSenderNamer([&names](const InboundMessage &m) { return names.nameOf(m.account, m.sender); });
        connect(&names, &GotifyAppNames::changed, &model, &HistoryModel::sendersRenamed);
        model.setFilter({}, {}, {});
        QCOMPARE(model.rowCount(), 3);
        QSignalSpy repainted(&model, &QAbstractItemModel::dataChanged);
        QCOMPARE(model.index(0, HistoryModel::FromColumn).data().toString(), appId); // not known yet
        model.index(1, HistoryModel::FromColumn).data();
        QTRY_COMPARE(repainted.size(), 1);
        for (int row = 0; row < 3; ++row)
            QCOMPARE(model.index(row, HistoryModel::FromColumn).data().toString(),
                     QStringLiteral("nightly-backup"));
        QCOMPARE(names.fetches(), 1);
        QCOMPARE(model.index(0, HistoryModel::PriorityColumn).data().toInt(), 10);
        QCOMPARE(model.headerData(HistoryModel::PriorityColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Priority"));
    }

    void icons_fetchedOncePerServerAndImage_sharedByTwoAccountsOnIt_andShownInTheFromColumn()
    {
        GotifyServer server{GotifyServer::Mode::V2};
        QVERIFY(server.listen());
        server.addApplication(QStringLiteral("backup"));
        server.addApplication(QStringLiteral("deploy")); // keeps the default image
        const AccountAddress ops{kGotifyChannel, QStringLiteral("ops")};
        const AccountAddress ops2{kGotifyChannel, QStringLiteral("ops2")};
        GotifyApi api(endpointOn(server, ops));
        GotifyApi api2(endpointOn(server, ops2)); // the same server, user and token
        QHash<QString, QString> ids;              // name → id
        api.listApplications([&](const GotifyResult &r) {
            for (const QJsonValue &v : r.value.toArray())
                ids.insert(v.toObject().value(QStringLiteral("name")).toString(),
                           QString::number(v.toObject().value(QStringLiteral("id")).toInteger()));
        });
        QTRY_VERIFY(ids.contains(QStringLiteral("deploy")));
        QImage red(8, 8, QImage::Format_RGB32);
        red.fill(Qt::red);
        QByteArray png;
        QBuffer buffer(&png);
        QVERIFY(buffer.open(QIODevice::WriteOnly) && red.save(&buffer, "PNG"));
        bool uploaded = false;
        api.uploadApplicationImage(ids.value(QStringLiteral("backup")).toLongLong(), QStringLiteral("red.png"),
                                   png, [&](const GotifyResult &r) { uploaded = r.ok(); });
        QTRY_VERIFY(uploaded);

        HistoryStore store(m_dir.filePath(QStringLiteral("icons.sqlite")));
        QVERIFY(store.open());
        QList<InboundMessage> batch;
        int n = 0;
        for (const auto &[account, app] :
             {qMakePair(ops, QStringLiteral("backup")), qMakePair(ops, QStringLiteral("backup")),
              qMakePair(ops, QStringLiteral("deploy")), qMakePair(ops2, QStringLiteral("backup")),
              qMakePair(ops2, QStringLiteral("deploy"))}) {
            InboundMessage m;
            m.account = account;
            m.id = QString::number(++n);
            m.sender = m.peer = ids.value(app);
            m.text = app;
            batch << m;
        }
        QVERIFY(store.storeBatch(batch, nullptr));

        GotifyAppNames apps([&](const AccountAddress &a) {
            return a == ops ? &api : a == ops2 ? &api2 : nullptr;
        });
        HistoryModel model(&store);
        model.setSenderNamer([&apps](const InboundMessage &m) { return apps.nameOf(m.account, m.sender); });
        model.setSenderIcon([&apps](const InboundMessage &m) { return apps.iconOf(m.account, m.sender); });
        connect(&apps, &GotifyAppNames::changed, &model, &HistoryModel::sendersRenamed);
        server.clearRequestLog();
        const auto colourAt = [&model](int row) {
            const QIcon icon = model.index(row, HistoryModel::FromColumn).data(Qt::DecorationRole).value<QIcon>();
            const QImage image = icon.pixmap(8, 8).toImage(); // the default image is 4×4
            return icon.isNull() ? QColor() : image.pixelColor(image.width() / 2, image.height() / 2);
        };
        QTRY_VERIFY([&] {
            for (int row = 0; row < model.rowCount(); ++row)
                if (!colourAt(row).isValid())
                    return false;
            return true;
        }());
        for (int row = 0; row < model.rowCount(); ++row) {
            const bool backup = model.recordAt(row)->message.text == QStringLiteral("backup");
            QCOMPARE(colourAt(row).rgb(), backup ? QColor(Qt::red).rgb() : QColor(0x8a, 0x8a, 0x8a).rgb());
        }
        QCOMPARE(apps.fetches(), 2);     // each account's application list
        QCOMPARE(apps.iconFetches(), 2); // each image once, though two accounts show it
        QStringList images;
        for (const ct::testserver::GotifyRequestRecord &r : server.requestLog())
            if (r.path.startsWith(QLatin1String("/image/")) || r.path.startsWith(QLatin1String("/static/")))
                images << r.path;
        QCOMPARE(images.size(), 2);
        QVERIFY(images.contains(QStringLiteral("/static/defaultapp.png")));
    }
};

QTEST_MAIN(TestHistoryApps)
#include "tst_historyapps.moc"
