// "Import from openclaw.json" is read by core (config/openclawimport), never by ui/: a gateway
// file is described in words with its accounts and the tokens written in it in plain text, and
// a missing or unreadable file comes back as a sentence that says why.
#include "config/openclawimport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace ct;

namespace {
const QByteArray kGatewayFile = "{\"channels\": {"
                                " \"gotify\": {\"accounts\": {\"ops\": {\"serverUrl\": \"https:/"
                                "/push.example\", \"appToken\": \"AppTok\"}}},"
                                " \"multi-openim\": {\"accounts\": {\"primary\": {\"wsAddr\": \"ws:/"
                                "/127.0.0.1:10001\","
                                " \"apiAddr\": \"http:/"
                                "/127.0.0.1:10002\", \"token\": \"eyJ.a.b\"}}}}}";
} // namespace

class TestConfigOpenClawImport : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir dir;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
            return {};
        return path;
    }

private Q_SLOTS:
    void preview_namesTheAccountsAndTheTokensWrittenInPlainText()
    {
        const QString path = write("openclaw.json", kGatewayFile);
        QVERIFY(!path.isEmpty());
        const ImportPreview p = previewOpenClawImport(path);
        QVERIFY2(p.ok, qPrintable(p.summary));
        QCOMPARE(p.path, path);
        QVERIFY(p.summary.contains(path));
        QVERIFY(p.summary.contains("gotify/ops"));
        QVERIFY(p.summary.contains("multi-openim/primary"));
        QVERIFY(!p.summary.contains("AppTok")); // a token is counted, never shown
        QCOMPARE(p.inlineTokens.size(), 2);
        QCOMPARE(p.inlineTokens[0].field, QString("appToken"));
        QCOMPARE(p.inlineTokens[0].value, QString("AppTok"));
        QCOMPARE(p.inlineTokens[0].path.constLast(), QString("appToken"));
        QCOMPARE(p.inlineTokens[1].address.toString(), QString("multi-openim/primary"));
        QVERIFY(p.raw.contains("channels"));
    }

    void preview_ofAFileThatIsNotJson_saysItCannotBeRead()
    {
        const QString path = write("broken.json", "{ \"channels\": ");
        const ImportPreview p = previewOpenClawImport(path);
        QVERIFY(!p.ok);
        QVERIFY2(p.summary.startsWith(path + " cannot be read:\n"), qPrintable(p.summary));
        QVERIFY(p.raw.isEmpty());
    }

    void preview_ofAMissingFile_saysItCannotBeRead()
    {
        const ImportPreview p = previewOpenClawImport(dir.filePath("nothing-here.json"));
        QVERIFY(!p.ok);
        QVERIFY(p.summary.contains("cannot be read"));
    }

    void preview_withoutAPath_saysWhereItLooked()
    {
        const ImportPreview p = previewOpenClawImport({});
        QVERIFY(!p.ok);
        QVERIFY(p.summary.contains("$OPENCLAW_CONFIG_PATH"));
    }
};

QTEST_GUILESS_MAIN(TestConfigOpenClawImport)
#include "tst_config_openclawimport.moc"
