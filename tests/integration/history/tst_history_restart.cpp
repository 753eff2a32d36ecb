// Exactly once across process restarts: a second process never re-delivers what the first stored.
#include "historytestsupport.h"
#include "inbound/historystore.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ct;

namespace {
QStringList range(int from, int to)
{
    QStringList out;
    for (int i = from; i <= to; ++i)
        out << QString::number(i);
    return out;
}
} // namespace

class TestHistoryRestart : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void secondProcess_overlappingCatchup_deliversOnlyTheNewMessages()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("history.sqlite"));
        int code = -1;
        QCOMPARE(test::runWriter(db, 1, 100, &code), range(1, 100));
        QCOMPARE(code, 0);
        QCOMPARE(test::runWriter(db, 50, 150, &code), range(101, 150));
        QCOMPARE(code, 0);
        QCOMPARE(test::runWriter(db, 1, 150, &code), QStringList());
        QCOMPARE(code, 0);

        HistoryStore store(db);
        QVERIFY(store.openReadOnly());
        QCOMPARE(store.count(HistoryQuery{}), 150);
        QCOMPARE(store.gotifyLastId({kGotifyChannel, QStringLiteral("ops")}), qint64(150));
    }
};

QTEST_GUILESS_MAIN(TestHistoryRestart)
#include "tst_history_restart.moc"
