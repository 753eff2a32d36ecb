#include <QTest>
class TestGotifyRest : public QObject { Q_OBJECT };
QTEST_GUILESS_MAIN(TestGotifyRest)
#include "tst_gotify_rest.moc"
