// The admin page's icon upload reads the chosen file in core (GotifyApi::uploadApplicationImageFile),
// not in ui/: a file that cannot be read sends nothing and comes back as a sentence naming it.
#include "gotify/gotifyapi.h"

#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace ct;

class TestGotifyUploadFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void unreadableFile_sendsNothing_saysWhichFileAndWhy()
    {
        QTcpServer server; // the account's server: it must see no connection
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        GotifyEndpoint endpoint;
        endpoint.serverUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()));
        endpoint.clientToken = QStringLiteral("C.token");
        GotifyApi api(endpoint);
        QTemporaryDir dir;
        const QString path = dir.filePath("no-such-icon.png");
        bool called = false;
        QString error;
        QVERIFY(!api.uploadApplicationImageFile(
            3, path, [&](const GotifyResult &) { called = true; }, &error));
        QVERIFY2(error.startsWith("Could not read " + path + ": "), qPrintable(error));
        QVERIFY(error.size() > QString("Could not read " + path + ": ").size()); // the reason too
        QVERIFY(!called);
        QCoreApplication::processEvents();
        QVERIFY(!server.hasPendingConnections());
    }
};

QTEST_GUILESS_MAIN(TestGotifyUploadFile)
#include "tst_uploadfile.moc"
