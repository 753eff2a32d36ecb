// The Messages view names a Gotify message's application (not "3") and shows its priority:
// the application list is fetched from the loopback Gotify server once per account, however
// many of its messages are shown, and the From column repaints when it arrives.
#include "gotify/gotifyapi.h"
#include "gotify/gotifyendpoint.h"
#include "gotifyserver.h"
#include "history/gotifyappnames.h"
#include "history/historymodel.h"
#include "inbound/historystore.h"

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

private Q_SLOTS:
    void fromColumn_namesTheApplication_fetchedOncePerAccount_andPriorityIsShown()
    {
        QVERIFY(m_server.listen());
        m_server.addApplication(QStringLiteral("nightly-backup"));
        const AccountAddress ops{kGotifyChannel, QStringLiteral("ops")};
        GotifyEndpoint endpoint;
        endpoint.address = ops;
        endpoint.serverUrl = m_server.url();
        endpoint.clientToken = m_server.clientToken();
        GotifyApi api(endpoint);
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
};

QTEST_MAIN(TestHistoryApps)
#include "tst_historyapps.moc"
