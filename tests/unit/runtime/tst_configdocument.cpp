// AppRuntime's config document, alone (an offline runtime: nothing built, started or resolved):
// readConfig() reads the file into the document, useConfigRead() makes the same document from a
// read the caller already made, and a file that is missing or broken gives an empty document.
#include "config/configloader.h"
#include "runtime/appruntime.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace ct;

class TestRuntimeConfigDocument : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
            return {};
        return path;
    }

private Q_SLOTS:
    void readConfig_putsTheFileInTheDocument_andUseConfigReadMakesTheSameFromOneRead()
    {
        const QString path = write("config.json", "{ channels: { gotify: { accounts: { ops: "
                                                  "{ serverUrl: 'http:/"
                                                  "/127.0.0.1:1' } } } } }\n");
        AppRuntime read(AppRuntime::Options::offline(path));
        QVERIFY(read.readConfig().isEmpty());
        QCOMPARE(read.document().gotify.accounts.size(), 1);
        QCOMPARE(read.configPath(), path);

        AppRuntime given(AppRuntime::Options::offline(path));
        QVERIFY(given.useConfigRead(loadConfig(path)).isEmpty());
        QCOMPARE(given.document().raw, read.document().raw);
        QCOMPARE(given.document().gotify.accounts.constFirst().address().toString(), QString("gotify/ops"));
    }

    void missingFile_isAnEmptyDocumentWithoutProblems()
    {
        AppRuntime runtime(AppRuntime::Options::offline(m_dir.filePath("none.json")));
        QVERIFY(runtime.readConfig().isEmpty());
        QVERIFY(runtime.document().raw.isEmpty());
        QVERIFY(runtime.document().gotify.accounts.isEmpty());
    }

    void brokenFile_isAnEmptyDocument_whoseProblemSaysWhere()
    {
        const QString path = write("broken.json", "{ channels: ");
        AppRuntime runtime(AppRuntime::Options::offline(path));
        const QStringList problems = runtime.useConfigRead(loadConfig(path));
        QCOMPARE(problems.size(), 1);
        QCOMPARE(runtime.configProblems(), problems);
        QVERIFY(runtime.document().raw.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRuntimeConfigDocument)
#include "tst_configdocument.moc"
