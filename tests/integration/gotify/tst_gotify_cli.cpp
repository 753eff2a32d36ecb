#include <QTest>
class TestGotifyCli : public QObject { Q_OBJECT };
QTEST_GUILESS_MAIN(TestGotifyCli)
#include "tst_gotify_cli.moc"
