// HistoryStore: durable, exactly-once per (account, id), cursors for catch-up, queries,
// unread counts, local deletion (tombstones), schema migrations.
#include "inbound/historyschema.h"
#include "inbound/historystore.h"
#include "inbound/inboundfilters.h"
#include "inbound/sqliteconnection.h"
#include "inboundtesthelpers.h"

#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace ct;
using namespace ct::test;

class TestHistoryStore : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString path(const QString &name = QStringLiteral("h.sqlite")) const { return m_dir.filePath(name); }

    // The pid of a process that has ended: the delivery record's "gone writer".
    static qint64 pidOfAnEndedProcess()
    {
        QProcess ended;
        ended.start(QStringLiteral("true"), QStringList());
        if (!ended.waitForStarted())
            return 0;
        const qint64 pid = ended.processId();
        return ended.waitForFinished() ? pid : 0;
    }

    // The first value `sql` gives on `file`, read through Qt SQL: a reader independent of the store.
    static QString firstValue(const QString &file, const QString &sql)
    {
        const QString name = QStringLiteral("peek-first-value");
        QString value;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(file);
            QSqlQuery q(db);
            if (db.open() && q.exec(sql) && q.next())
                value = q.value(0).toString();
        }
        QSqlDatabase::removeDatabase(name);
        return value;
    }

    static InboundMessage keyed(InboundMessage m, const QString &key)
    {
        m.sessionKey = key;
        return m;
    }

private Q_SLOTS:
    void open_createsTheFileAndFolder_privately_inWalMode()
    {
        const QString file = m_dir.filePath(QStringLiteral("sub/dir/history.sqlite"));
        HistoryStore store(file);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QVERIFY(QFileInfo::exists(file));
        QCOMPARE(QFile::permissions(file) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        QCOMPARE(store.schemaVersion(), HistoryStore::kSchemaVersion);
        QVERIFY(store.integrityOk());
        QCOMPARE(firstValue(file, QStringLiteral("PRAGMA journal_mode")), QStringLiteral("wal"));
    }
    void deliveryRecord_whatAGoneRunDidNotPrint_goesToTheNextRunOfItsConsumer_onceAndForItsAccountsOnly()
    {
        const QString file = path(QStringLiteral("delivery.sqlite"));
        const qint64 endedPid = pidOfAnEndedProcess(); // for the run "killed" below
        QVERIFY(endedPid > 0);
        HistoryStore killed(file);
        killed.setDeliveryConsumer(QStringLiteral("watch"));
        QVERIFY(killed.open());
        InboundMessage filtered = gotifyMessage(4);
        filtered.filtered = true;
        QVERIFY(killed.storeBatch({gotifyMessage(1), gotifyMessage(2),
                                   openimDirect(QStringLiteral("m1"), QStringLiteral("alice")), gotifyMessage(3),
                                   filtered},
                                  nullptr));
        killed.markDelivered(); // message 1 printed; then "killed" before the others
        // Its process still runs (this one): nothing is taken from it.
        HistoryStore next(file);
        next.setDeliveryConsumer(QStringLiteral("watch"));
        QVERIFY(next.open());
        QVERIFY(next.takeUndelivered({gotifyOps()}).isEmpty());
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            raw.setDatabaseName(file);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("UPDATE delivery_writers SET pid = %1 WHERE writer = %2")
                               .arg(endedPid)
                               .arg(killed.writerId())));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        // Gone: its Gotify messages not printed (2 and 3, in order; not the filtered one) go to the
        // next run that watches gotify/ops; the OpenIM one waits for a run that watches it.
        QList<QString> ids;
        for (const InboundMessage &m : next.takeUndelivered({gotifyOps()}))
            ids << m.id;
        QCOMPARE(ids, (QList<QString>{QStringLiteral("2"), QStringLiteral("3")}));
        HistoryStore another(file);
        another.setDeliveryConsumer(QStringLiteral("watch"));
        QVERIFY(another.open());
        QVERIFY(another.takeUndelivered({gotifyOps()}).isEmpty()); // taken once
        const QList<InboundMessage> openim = another.takeUndelivered({openimPrimary()});
        QCOMPARE(openim.size(), 1);
        QCOMPARE(openim.first().id, QStringLiteral("m1"));
        // Another consumer (the tray keeps no record) is never given them.
        HistoryStore tray(file);
        QVERIFY(tray.open());
        QVERIFY(tray.takeUndelivered({}).isEmpty());
    }
    void deliveryRecord_ofAGoneRun_leftForAccountsNoRunWatches_goesAWeekAfterItsMessagesWereStored()
    {
        const QString file = path(QStringLiteral("stale-delivery.sqlite"));
        const qint64 endedPid = pidOfAnEndedProcess();
        QVERIFY(endedPid > 0);
        HistoryStore killed(file);
        killed.setDeliveryConsumer(QStringLiteral("watch"));
        QVERIFY(killed.open());
        QVERIFY(killed.storeBatch({openimDirect(QStringLiteral("m1"), QStringLiteral("alice")),
                                   openimDirect(QStringLiteral("m2"), QStringLiteral("alice"))},
                                  nullptr));
        const QString deliveredFile = file + QStringLiteral(".delivered-%1").arg(killed.writerId());
        QVERIFY(QFile::exists(deliveredFile));
        const auto sql = [&](const QString &statement) {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            raw.setDatabaseName(file);
            bool ok = raw.open();
            QSqlQuery q(raw);
            ok = ok && q.exec(statement);
            const int rows = ok && q.next() ? q.value(0).toInt() : -1;
            q.finish();
            raw = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("raw"));
            return ok ? rows : -2;
        };
        // "Killed" (its pid ended) with both unprinted; m1 stored 8 days ago, m2 today.
        QCOMPARE(sql(QStringLiteral("UPDATE delivery_writers SET pid = %1 WHERE writer = %2")
                         .arg(endedPid)
                         .arg(killed.writerId())),
                 -1);
        QCOMPARE(sql(QStringLiteral("UPDATE messages SET stored_at = %1 WHERE msg_id = 'm1'")
                         .arg(QDateTime::currentMSecsSinceEpoch() - 8LL * 24 * 3600 * 1000)),
                 -1);
        const QString writerLeft = QStringLiteral("SELECT count(*) FROM delivery_writers WHERE writer = %1")
                                       .arg(killed.writerId());
        // Runs that watch only Gotify take nothing; the week-old OpenIM row leaves the record,
        // the recent one stays for a run that watches that account.
        HistoryStore next(file);
        next.setDeliveryConsumer(QStringLiteral("watch"));
        QVERIFY(next.open());
        QVERIFY(next.takeUndelivered({gotifyOps()}).isEmpty());
        QCOMPARE(sql(writerLeft), 1);
        QVERIFY(QFile::exists(deliveredFile));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM undelivered WHERE writer = %1").arg(killed.writerId())),
                 1);
        // A week later the other one is as stale: the record, its entry and its file are gone.
        QCOMPARE(sql(QStringLiteral("UPDATE messages SET stored_at = %1 WHERE msg_id = 'm2'")
                         .arg(QDateTime::currentMSecsSinceEpoch() - 8LL * 24 * 3600 * 1000)),
                 -1);
        HistoryStore later(file);
        later.setDeliveryConsumer(QStringLiteral("watch"));
        QVERIFY(later.open());
        QVERIFY(later.takeUndelivered({gotifyOps()}).isEmpty());
        QCOMPARE(sql(writerLeft), 0);
        QVERIFY(!QFile::exists(deliveredFile));
        // The messages themselves stay in the history: only the record of their printing goes.
        QCOMPARE(later.count(HistoryQuery{}), 2);
    }
    void defaultPath_isUnderXdgDataHome()
    {
        QVERIFY(HistoryStore::defaultPath().endsWith(QStringLiteral("/channeltray/history.sqlite")));
    }
    void storeBatch_reportsWhichMessagesWereNew()
    {
        HistoryStore store(path(QStringLiteral("batch.sqlite")));
        QVERIFY(store.open());
        QList<bool> inserted;
        QVERIFY(store.storeBatch({gotifyMessage(1), gotifyMessage(2)}, &inserted));
        QCOMPARE(inserted, (QList<bool>{true, true}));
        QVERIFY(store.storeBatch({gotifyMessage(2), gotifyMessage(3), gotifyMessage(3)}, &inserted));
        QCOMPARE(inserted, (QList<bool>{false, true, false}));
        QVERIFY(store.contains(gotifyOps(), QStringLiteral("3")));
        QVERIFY(!store.contains(gotifyOps(), QStringLiteral("4")));
        QVERIFY(!store.contains(openimPrimary(), QStringLiteral("3"))); // ids are per account
    }
    void storeBatch_multiRowChunks_reportExactlyTheNewRows()
    {
        // 40 rows: two chunks of 16 through the multi-row insert, 8 row by row. Ids 5..12 are
        // already stored; id 20 appears twice within one chunk (only its first row is new).
        HistoryStore store(path(QStringLiteral("chunks.sqlite")));
        QVERIFY(store.open());
        QList<InboundMessage> old;
        for (int id = 5; id <= 12; ++id)
            old << gotifyMessage(id);
        QVERIFY(store.storeBatch(old, nullptr));
        QList<InboundMessage> batch;
        QList<bool> expected;
        for (int id = 1; id <= 40; ++id) {
            const int use = id == 21 ? 20 : id;
            batch << gotifyMessage(use);
            expected << ((use < 5 || use > 12) && id != 21);
        }
        QList<bool> inserted;
        QVERIFY(store.storeBatch(batch, &inserted));
        QCOMPARE(inserted, expected);
        QCOMPARE(store.count(HistoryQuery{}), 39);
        QVERIFY(store.storeBatch(batch.mid(0, 32), &inserted));
        QCOMPARE(inserted, QList<bool>(32, false));
        QCOMPARE(store.gotifyLastId(gotifyOps()), 40);
    }
    void nonAsciiText_roundTrips_exactly()
    {
        // Texts are converted to UTF-8 by the store itself (BMP, 2- and 3-byte, surrogate pairs).
        HistoryStore store(path(QStringLiteral("utf8.sqlite")));
        QVERIFY(store.open());
        InboundMessage m = gotifyMessage(1);
        m.title = QStringLiteral("Sauvegarde \u00e9chou\u00e9e \u2014 \u5907\u4efd");
        m.text = QStringLiteral("\U0001F525 disk \u00b5s \U0001F600 ") + QString(300, QChar(0x4e2d));
        m.peer = QStringLiteral("\u00fcser");
        QVERIFY(store.storeBatch({m}, nullptr));
        const QList<HistoryRecord> got = store.query(HistoryQuery{});
        QCOMPARE(got.size(), 1);
        QCOMPARE(got.first().message.title, m.title);
        QCOMPARE(got.first().message.text, m.text);
        QCOMPARE(got.first().message.peer, m.peer);
    }
    void storedMessage_readsBackField_forField()
    {
        HistoryStore store(path(QStringLiteral("fields.sqlite")));
        QVERIFY(store.open());
        InboundMessage m = openimGroup(QStringLiteral("cm-1"), QStringLiteral("alice"), QStringLiteral("g1"),
                                       {QStringLiteral("bot"), kOpenImAtAllTag}, 17);
        m.senderName = QStringLiteral("Alice");
        m.rawContent = QStringLiteral("{\"content\":\"hi\"}");
        m.via = InboundMessage::Via::Catchup;
        m.mentionsMe = true;
        m.mentionsAll = true;
        m.imageUrl = QStringLiteral("http://x/i.png");
        m.sessionKey = QStringLiteral("agent:main:multi-openim:group:g1");
        m.filtered = true;
        m.serverTime = QDateTime::fromMSecsSinceEpoch(1764000000123, Qt::UTC);
        QVERIFY(store.storeBatch({m}, nullptr));
        const QList<HistoryRecord> got = store.query(HistoryQuery{});
        QCOMPARE(got.size(), 1);
        const InboundMessage &r = got.first().message;
        QCOMPARE(r.account, m.account);
        QCOMPARE(r.id, m.id);
        QCOMPARE(r.seq, m.seq);
        QCOMPARE(r.conversationId, m.conversationId);
        QCOMPARE(r.groupId, m.groupId);
        QCOMPARE(r.sender, m.sender);
        QCOMPARE(r.senderName, m.senderName);
        QCOMPARE(r.text, m.text);
        QCOMPARE(r.rawContent, m.rawContent);
        QCOMPARE(r.contentType, m.contentType);
        QCOMPARE(r.atUserIds, m.atUserIds);
        QCOMPARE(r.serverTime, m.serverTime);
        QCOMPARE(r.via, m.via);
        QCOMPARE(r.imageUrl, m.imageUrl);
        QCOMPARE(r.sessionKey, m.sessionKey);
        QVERIFY(r.mentionsMe && r.mentionsAll && r.filtered);
        QVERIFY(!got.first().read);
    }
    void reopen_inANewStore_keepsEverything()
    {
        const QString file = path(QStringLiteral("reopen.sqlite"));
        {
            HistoryStore first(file);
            QVERIFY(first.open());
            QVERIFY(first.storeBatch({gotifyMessage(10), gotifyMessage(11)}, nullptr));
        }
        HistoryStore second(file);
        QVERIFY(second.open());
        QVERIFY(second.contains(gotifyOps(), QStringLiteral("10")));
        QCOMPARE(second.gotifyLastId(gotifyOps()), qint64(11));
        QList<bool> inserted;
        QVERIFY(second.storeBatch({gotifyMessage(11), gotifyMessage(12)}, &inserted));
        QCOMPARE(inserted, (QList<bool>{false, true}));
    }
    void gotifyLastId_isTheHighestStoredId_andOnlyMovesForward()
    {
        HistoryStore store(path(QStringLiteral("gotify.sqlite")));
        QVERIFY(store.open());
        QCOMPARE(store.gotifyLastId(gotifyOps()), qint64(0));
        QVERIFY(store.storeBatch({gotifyMessage(100), gotifyMessage(42)}, nullptr));
        QCOMPARE(store.gotifyLastId(gotifyOps()), qint64(100));
        store.setGotifyLastId(gotifyOps(), 90);
        QCOMPARE(store.gotifyLastId(gotifyOps()), qint64(100));
        store.setGotifyLastId(gotifyOps(), 150);
        QCOMPARE(store.gotifyLastId(gotifyOps()), qint64(150));
    }
    void openimMaxSeqs_perConversation()
    {
        HistoryStore store(path(QStringLiteral("seq.sqlite")));
        QVERIFY(store.open());
        QVERIFY(store.storeBatch(
            {openimDirect(QStringLiteral("a"), QStringLiteral("alice"), 5),
             openimDirect(QStringLiteral("b"), QStringLiteral("alice"), 3),
             openimGroup(QStringLiteral("c"), QStringLiteral("bob"), QStringLiteral("g1"), {}, 9)},
            nullptr));
        const QHash<QString, qint64> seqs = store.openimMaxSeqs(openimPrimary());
        QCOMPARE(seqs.size(), 2);
        QCOMPARE(seqs.value(QStringLiteral("si_alice_bot")), qint64(5));
        QCOMPARE(seqs.value(QStringLiteral("sg_g1")), qint64(9));
        QVERIFY(store.openimMaxSeqs({kOpenImChannel, QStringLiteral("other")}).isEmpty());
    }
    void cursors_surviveRetention()
    {
        HistoryStore store(path(QStringLiteral("cursorret.sqlite")));
        QVERIFY(store.open());
        InboundMessage old = gotifyMessage(7);
        old.serverTime = QDateTime::currentDateTimeUtc().addDays(-200);
        QVERIFY(store.storeBatch({old}, nullptr));
        QCOMPARE(store.deleteOlderThan(QDateTime::currentDateTimeUtc().addDays(-90), 100), 1);
        QCOMPARE(store.gotifyLastId(gotifyOps()), qint64(7));
    }
    void storeOutgoing_isStoredAsReadOutgoing_andNotCountedUnread()
    {
        HistoryStore store(path(QStringLiteral("out.sqlite")));
        QVERIFY(store.open());
        InboundMessage sent = gotifyMessage(500);
        QVERIFY(store.storeOutgoing(sent));
        QVERIFY(!store.storeOutgoing(sent)); // same id twice
        const QList<HistoryRecord> got = store.query(HistoryQuery{});
        QCOMPARE(got.size(), 1);
        QCOMPARE(got.first().message.direction, InboundMessage::Direction::Out);
        QVERIFY(got.first().read);
        QCOMPARE(store.unreadCount(), 0);
        QCOMPARE(store.gotifyLastId(gotifyOps()), qint64(0)); // our own sends are no catch-up cursor
    }
    void query_byAccountSessionSearch_newestFirst_withPaging()
    {
        HistoryStore store(path(QStringLiteral("query.sqlite")));
        QVERIFY(store.open());
        QList<InboundMessage> batch;
        for (int i = 1; i <= 10; ++i)
            batch << keyed(gotifyMessage(i), i % 2 ? QStringLiteral("odd") : QStringLiteral("even"));
        InboundMessage special = keyed(openimDirect(QStringLiteral("x"), QStringLiteral("alice")),
                                       QStringLiteral("odd"));
        special.text = QStringLiteral("disk 100% full_now");
        batch << special;
        QVERIFY(store.storeBatch(batch, nullptr));

        HistoryQuery all;
        QCOMPARE(store.count(all), 11);
        HistoryQuery byAccount;
        byAccount.account = gotifyOps();
        byAccount.limit = 3;
        QList<HistoryRecord> page = store.query(byAccount);
        QCOMPARE(page.size(), 3);
        QCOMPARE(page.at(0).message.id, QStringLiteral("10"));
        QCOMPARE(page.at(2).message.id, QStringLiteral("8"));
        byAccount.beforeRowId = page.last().rowId;
        page = store.query(byAccount);
        QCOMPARE(page.first().message.id, QStringLiteral("7"));
        byAccount.beforeRowId = 0;
        byAccount.offset = 9;
        QCOMPARE(store.query(byAccount).size(), 1);

        HistoryQuery bySession;
        bySession.sessionKey = QStringLiteral("odd");
        QCOMPARE(store.count(bySession), 6);
        HistoryQuery search;
        search.search = QStringLiteral("100%");
        QCOMPARE(store.count(search), 1);
        search.search = QStringLiteral("_now");
        QCOMPARE(store.count(search), 1);
        search.search = QStringLiteral("%");
        QCOMPARE(store.count(search), 1); // % is a literal, not a wildcard
    }
    void unreadCounts_perAccountAndSession_andMarkRead()
    {
        HistoryStore store(path(QStringLiteral("unread.sqlite")));
        QVERIFY(store.open());
        InboundMessage filtered = keyed(openimDirect(QStringLiteral("f"), QStringLiteral("bob")),
                                        QStringLiteral("s3"));
        filtered.filtered = true;
        QVERIFY(store.storeBatch(
            {keyed(gotifyMessage(1), QStringLiteral("s1")), keyed(gotifyMessage(2), QStringLiteral("s1")),
             keyed(gotifyMessage(3), QStringLiteral("s2")),
             keyed(openimDirect(QStringLiteral("a"), QStringLiteral("alice")), QStringLiteral("s3")), filtered},
            nullptr));
        QCOMPARE(store.unreadCount(), 4);
        QCOMPARE(store.unreadCount(gotifyOps()), 3);
        QCOMPARE(store.unreadCount(gotifyOps(), QStringLiteral("s1")), 2);
        const QHash<AccountAddress, int> byAccount = store.unreadByAccount();
        QCOMPARE(byAccount.value(gotifyOps()), 3);
        QCOMPARE(byAccount.value(openimPrimary()), 1); // the filtered one is not unread
        const QHash<QString, int> bySession = store.unreadBySession(gotifyOps());
        QCOMPARE(bySession.value(QStringLiteral("s1")), 2);
        QCOMPARE(bySession.value(QStringLiteral("s2")), 1);

        QSignalSpy changed(&store, &HistoryStore::unreadChanged);
        QCOMPARE(store.markRead(gotifyOps(), QStringLiteral("s1")), 2);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(store.unreadCount(gotifyOps()), 1);
        QCOMPARE(store.markRead(gotifyOps()), 1);
        QCOMPARE(store.unreadCount(gotifyOps()), 0);
        HistoryQuery q;
        q.account = openimPrimary();
        q.includeFiltered = false;
        const QList<HistoryRecord> openim = store.query(q);
        QCOMPARE(openim.size(), 1);
        QCOMPARE(store.markRead({openim.first().rowId}), 1);
        QCOMPARE(store.unreadCount(), 0);
    }
    void sessions_listsConversations_newestFirst()
    {
        HistoryStore store(path(QStringLiteral("sessions.sqlite")));
        QVERIFY(store.open());
        QVERIFY(store.storeBatch({keyed(gotifyMessage(1), QStringLiteral("a")),
                                  keyed(gotifyMessage(2), QStringLiteral("b")),
                                  keyed(gotifyMessage(3), QStringLiteral("a"))},
                                 nullptr));
        const QList<SessionSummary> s = store.sessions(gotifyOps());
        QCOMPARE(s.size(), 2);
        QCOMPARE(s.at(0).sessionKey, QStringLiteral("a"));
        QCOMPARE(s.at(0).messages, 2);
        QCOMPARE(s.at(0).unread, 2);
        QCOMPARE(s.at(1).sessionKey, QStringLiteral("b"));
    }
    void migration_fromVersion1_addsCursorsFromStoredMessages()
    {
        const QString file = path(QStringLiteral("v1.sqlite"));
        {
            SqliteConnection db;
            QString error;
            QVERIFY2(db.open(file, SqliteConnection::Mode::ReadWrite, 0, &error), qPrintable(error));
            QVERIFY2(historyschema::migrateTo(db, 1, &error), qPrintable(error));
            QCOMPARE(historyschema::version(db), 1);
            QVERIFY2(
                db.exec("INSERT INTO accounts (id, address) VALUES (1, 'gotify/ops'), (2, 'multi-openim/primary')",
                        &error),
                qPrintable(error));
            QVERIFY2(db.exec("INSERT INTO sessions (id, account_id, key) VALUES (1, 1, 'k'), (2, 2, 'k')", &error),
                     qPrintable(error));
            QVERIFY2(
                db.exec(
                    "INSERT INTO messages (account_id, msg_id, seq, conversation, time_ms, stored_at, session_id)"
                    " VALUES (1, '41', 0, '', 1, 1, 1), (1, '9', 0, '', 1, 1, 1), (2, 'c1', 12, 'si_a_b', 1, 1, 2)",
                    &error),
                qPrintable(error));
        }
        HistoryStore store(file);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QCOMPARE(store.schemaVersion(), HistoryStore::kSchemaVersion);
        QCOMPARE(store.gotifyLastId(gotifyOps()), qint64(41));
        QCOMPARE(store.openimMaxSeqs(openimPrimary()).value(QStringLiteral("si_a_b")), qint64(12));
        QVERIFY(store.contains(gotifyOps(), QStringLiteral("9")));
    }
    void fileFromANewerVersion_isRefused()
    {
        const QString file = path(QStringLiteral("future.sqlite"));
        {
            HistoryStore store(file);
            QVERIFY(store.open());
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("future"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery(db).exec(QStringLiteral("UPDATE schema_version SET version = 99"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("future"));
        HistoryStore store(file);
        QString error;
        QVERIFY(!store.open(&error));
        QVERIFY(error.contains(QStringLiteral("newer")));
    }
    void openReadOnly_missingFile_failsWithoutCreatingIt()
    {
        const QString file = path(QStringLiteral("absent.sqlite"));
        HistoryStore store(file);
        QString error;
        QVERIFY(!store.openReadOnly(&error));
        QVERIFY(!QFileInfo::exists(file));
    }
    void openReadOnly_olderSchema_readsIt_withoutMigratingIt()
    {
        const QString file = path(QStringLiteral("v1-read-only.sqlite"));
        {
            SqliteConnection db;
            QString error;
            QVERIFY2(db.open(file, SqliteConnection::Mode::ReadWrite, 0, &error), qPrintable(error));
            QVERIFY2(historyschema::migrateTo(db, 1, &error), qPrintable(error));
            // One message as version 1 stored it (no stored_by, no deleted column yet).
            QVERIFY2(db.exec("INSERT INTO accounts (id, address) VALUES (1, 'gotify/ops')", &error)
                         && db.exec("INSERT INTO sessions (id, account_id, key) VALUES (1, 1, 'k')", &error)
                         && db.exec("INSERT INTO messages (account_id, msg_id, title, text, time_ms, stored_at,"
                                    " session_id) VALUES (1, '7', 'from v1', 'kept', 1000, 1000, 1)",
                                    &error),
                     qPrintable(error));
        }
        {
            HistoryStore reader(file);
            QString error;
            QVERIFY2(reader.openReadOnly(&error), qPrintable(error));
            QCOMPARE(reader.schemaVersion(), 1);
            // Read with today's queries (before: "no such column: m.deleted").
            QCOMPARE(reader.count(HistoryQuery{}), 1);
            QString queryError;
            const QList<HistoryRecord> rows = reader.query(HistoryQuery{}, &queryError);
            QVERIFY2(queryError.isEmpty(), qPrintable(queryError));
            QCOMPARE(rows.size(), 1);
            QCOMPARE(rows.first().message.title, QStringLiteral("from v1"));
            QCOMPARE(reader.unreadByAccount().value(AccountAddress::parse(QStringLiteral("gotify/ops"))), 1);
        }
        QCOMPARE(firstValue(file, QStringLiteral("SELECT MAX(version) FROM schema_version")), QStringLiteral("1"));
        QVERIFY(!QFileInfo::exists(file + QStringLiteral("-wal"))); // never switched to WAL either
    }
    void openReadOnly_readsWhatAWriterStored()
    {
        const QString file = path(QStringLiteral("ro.sqlite"));
        HistoryStore writer(file);
        QVERIFY(writer.open());
        QVERIFY(writer.storeBatch({gotifyMessage(1)}, nullptr));
        HistoryStore reader(file);
        QVERIFY(reader.openReadOnly());
        QCOMPARE(reader.count(HistoryQuery{}), 1);
        QList<bool> inserted;
        QVERIFY(!reader.storeBatch({gotifyMessage(2)}, &inserted));
    }

    void deleteLocally_newestGotifyMessage_isHiddenAndErased_andNeverComesBackAsNew()
    {
        const QString file = path(QStringLiteral("deleted.sqlite"));
        HistoryStore store(file);
        QVERIFY(store.open());
        QVERIFY(store.storeBatch({gotifyMessage(1), gotifyMessage(2), gotifyMessage(3)}, nullptr));
        const QList<HistoryRecord> before = store.query(HistoryQuery{});
        QCOMPARE(before.size(), 3);
        const qint64 newest = before.first().rowId; // id 3, the catch-up cursor's message
        QSignalSpy removed(&store, &HistoryStore::messagesRemoved);
        QSignalSpy unread(&store, &HistoryStore::unreadChanged);

        QCOMPARE(store.deleteLocally(QList<qint64>{newest}), 1);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(unread.size(), 1);
        QCOMPARE(store.count(HistoryQuery{}), 2);
        QCOMPARE(store.query(HistoryQuery{}).first().message.id, QStringLiteral("2"));
        QCOMPARE(store.unreadCount(gotifyOps()), 2);
        QCOMPARE(store.sessions(gotifyOps()).first().messages, 2);
        QCOMPARE(store.gotifyLastId(gotifyOps()), 3); // the cursor stays where it was
        QCOMPARE(store.deleteLocally(QList<qint64>{newest}), 0);
        QCOMPARE(store.markUnread(QList<qint64>{newest}), 0); // a deleted row is never unread again
        QCOMPARE(store.unreadCount(gotifyOps()), 2);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek-deleted"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT text, title FROM messages WHERE row_id = %1").arg(newest)));
            QVERIFY(q.next());
            QVERIFY(q.value(0).isNull()); // its content is gone from the file
            QVERIFY(q.value(1).isNull());
        }
        QSqlDatabase::removeDatabase(QStringLiteral("peek-deleted"));

        // The same message again, as an overlapping catch-up or stream brings it: a duplicate,
        // one by one and inside a multi-row chunk, in this store and in another process's.
        QList<bool> fresh;
        QVERIFY(store.storeBatch({gotifyMessage(3)}, &fresh));
        QCOMPARE(fresh, QList<bool>{false});
        QList<InboundMessage> chunk;
        for (int id = 3; id < 3 + 16; ++id)
            chunk << gotifyMessage(id);
        QVERIFY(store.storeBatch(chunk, &fresh));
        QCOMPARE(fresh.count(true), 15);
        QVERIFY(!fresh.first());
        HistoryStore other(file);
        QVERIFY(other.open());
        QVERIFY(other.storeBatch({gotifyMessage(3)}, &fresh));
        QCOMPARE(fresh, QList<bool>{false});
        QCOMPARE(store.count(HistoryQuery{}), 17);
        QVERIFY(store.contains(gotifyOps(), QStringLiteral("3"))); // the tombstone answers for it
        QCOMPARE(store.gotifyLastId(gotifyOps()), 18);
    }

    void unreadCriticalCount_highGotifyPriorityAndOpenImMentions_onlyWhileUnread()
    {
        HistoryStore store(path(QStringLiteral("critical.sqlite")));
        QVERIFY(store.open());
        InboundMessage mention = openimGroup(QStringLiteral("m1"), QStringLiteral("alice"), QStringLiteral("ops"));
        mention.mentionsMe = true;
        InboundMessage everyone = openimGroup(QStringLiteral("m2"), QStringLiteral("bob"), QStringLiteral("ops"));
        everyone.mentionsAll = true;
        InboundMessage plain = openimDirect(QStringLiteral("m3"), QStringLiteral("carol"));
        plain.priority = 9; // an OpenIM message has no Gotify priority to speak of
        QVERIFY(store.storeBatch({gotifyMessage(1, 9), gotifyMessage(2, 8), gotifyMessage(3, 7),
                                  gotifyMessage(4, 0), mention, everyone, plain},
                                 nullptr));
        QCOMPARE(store.unreadCriticalCount(8), 4);
        QCOMPARE(store.unreadCriticalCount(9), 3); // the mapping is the caller's
        const QList<HistoryRecord> rows = store.query(HistoryQuery{});
        QList<qint64> gotify9, mentioned;
        for (const HistoryRecord &r : rows) {
            if (r.message.id == QStringLiteral("1"))
                gotify9 << r.rowId;
            if (r.message.id == QStringLiteral("m1"))
                mentioned << r.rowId;
        }
        QCOMPARE(store.markRead(gotify9), 1);
        QCOMPARE(store.unreadCriticalCount(8), 3);
        QCOMPARE(store.deleteLocally(mentioned), 1);
        QCOMPARE(store.unreadCriticalCount(8), 2);
        QCOMPARE(store.markRead(openimPrimary()), 2);
        QCOMPARE(store.unreadCriticalCount(8), 1); // gotify 2 (priority 8)
    }
};

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_historystore.moc"
