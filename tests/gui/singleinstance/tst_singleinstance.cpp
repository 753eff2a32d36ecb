// Single instance: the first launch listens; a second launch finds it, asks it to raise its
// window and steps aside; a socket left by a crashed instance does not block a new start.
#include "common/singleinstance.h"

#include <QLocalServer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QtTest>

using namespace ct::ui;

class TestSingleInstance : public QObject
{
    Q_OBJECT
    static QString uniqueName()
    {
        return QStringLiteral("channeltray-test-%1-%2").arg(QCoreApplication::applicationPid()).arg(QRandomGenerator::global()->generate());
    }

private Q_SLOTS:
    void testSecondLaunch_raisesTheFirst_andStepsAside()
    {
        const QString name = uniqueName();
        SingleInstance first(name);
        QVERIFY(first.start());
        QVERIFY(first.isPrimary());
        QSignalSpy raised(&first, &SingleInstance::raiseRequested);
        SingleInstance second(name);
        QVERIFY(!second.start());
        QVERIFY(!second.isPrimary());
        QTRY_COMPARE(raised.count(), 1);
    }

    void testStaleSocket_doesNotBlockANewStart()
    {
        const QString name = uniqueName();
        {
            // A server that never answers and leaves its socket file behind.
            QLocalServer stale;
            QVERIFY(stale.listen(name));
        }
        SingleInstance again(name);
        QVERIFY(again.start());
        QVERIFY(again.isPrimary());
    }

    void testDefaultName_isPerUser()
    {
        qputenv("USER", "alice");
        QCOMPARE(SingleInstance::defaultName(), QStringLiteral("channeltray-alice"));
    }
};

QTEST_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
