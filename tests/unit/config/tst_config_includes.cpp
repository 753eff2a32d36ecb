// `$include` as OpenClaw resolves it, on real files in a temporary directory (data/includes is
// a gateway config split over five files): merged in order, other keys over included ones,
// arrays joined, paths relative to the including file; broken includes named with their file,
// line, column and JSON path, cycles with their chain. Edits go to the file that holds the
// value (compared byte for byte with hand-written files in data/includes/expected) and leave
// every other file untouched.
#include "config/configeditor.h"
#include "config/configloader.h"
#include "config/configsaver.h"
#include "config/configsources.h"
#include "refresh/configtokenpatcher.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace ct;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

QString data(const QString &name)
{
    return QStringLiteral(CONFIG_TEST_DATA_DIR "/includes/") + name;
}

const QStringList kFiles{"openclaw.json5",
                         "channels/gotify.json5",
                         "channels/openim-base.json5",
                         "channels/openim-accounts.json5",
                         "channels/accounts/east.json5",
                         "agents.json5"};

QString problemsMentioning(const LoadResult &r, const QString &text)
{
    for (const QString &p : r.problemStrings())
        if (p.contains(text))
            return p;
    return QString();
}

} // namespace

class TestConfigIncludes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { qputenv("GOTIFY_OPS_CLIENT", "C-ops"); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        for (const QString &f : kFiles) {
            QVERIFY(QDir().mkpath(QFileInfo(path(f)).absolutePath()));
            QVERIFY(QFile::copy(data(f), path(f)));
            QVERIFY(QFile::setPermissions(path(f), QFile::ReadOwner | QFile::WriteOwner));
        }
    }

    void read_includedFilesAreMergedAsOpenClawMergesThem()
    {
        const LoadResult r = loadConfig(path("openclaw.json5"));
        QVERIFY2(r.ok(), qPrintable(r.problemStrings().join('\n')));
        QVERIFY(r.config.gotify.enabled); // the key next to $include wins over the included one
        QCOMPARE(r.config.gotify.defaultAccount, QStringLiteral("ops"));
        const GotifyAccountConfig *ops = r.config.gotifyAccount("ops");
        QVERIFY(ops);
        QCOMPARE(ops->clientToken, QStringLiteral("C-ops")); // ${VAR} in an included file
        // A list of includes merges in order: the later file's west token wins, its other
        // fields come from the earlier one.
        const OpenImAccountConfig *west = r.config.openimAccount("west");
        QVERIFY(west);
        QCOMPARE(west->token, QStringLiteral("eyJhbGciOiJIUzI1NiJ9.west.sig"));
        QCOMPARE(west->wsAddr, QStringLiteral("ws://127.0.0.1:10001"));
        // Nested, relative to the including file's folder.
        QVERIFY(r.config.openimAccount("east"));
        QCOMPARE(r.config.agents.size(), 2);
        QVERIFY(!r.config.raw.value("channels").toObject().value("gotify").toObject().contains("$include"));
    }

    void read_aBadValueInAnIncludedFile_namesThatFile()
    {
        QFile f(path("channels/accounts/east.json5"));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("{ token: 't', wsAddr: 'http://127.0.0.1:1', apiAddr: 'http://127.0.0.1:2' }");
        f.close();
        const LoadResult r = loadConfig(path("openclaw.json5"));
        const QString p = problemsMentioning(r, "channels.multi-openim.accounts.east.wsAddr: ");
        QVERIFY2(p.endsWith(" (in " + path("channels/accounts/east.json5") + ")"), qPrintable(p));
    }

    void read_arraysFromSeveralFilesAreJoined_andAnIncludeAloneMayGiveAnyValue()
    {
        writeFile(path("a.json5"), "{ list: [1, 2] }");
        writeFile(path("b.json5"), "{ list: [3] }");
        writeFile(path("list.json5"), "['x', 'y']");
        writeFile(path("top.json5"), "{ merged: { $include: ['./a.json5', './b.json5'] }, "
                                     "whole: { $include: './list.json5' } }");
        const ConfigSources s = ConfigSources::load(path("top.json5"));
        QVERIFY2(s.ok(), qPrintable(problemStrings(s.problems()).join('\n')));
        const QJsonObject m = s.merged();
        QCOMPARE(m.value("merged").toObject().value("list").toArray(), (QJsonArray{1, 2, 3}));
        QCOMPARE(m.value("whole").toArray(), (QJsonArray{"x", "y"}));
    }

    void read_aMissingFile_isNamedWithLineColumnAndJsonPath()
    {
        writeFile(path("top.json5"), "{\n  channels: {\n    gotify: { $include: './nope.json5' },\n  },\n}\n");
        const LoadResult r = loadConfig(path("top.json5"));
        QVERIFY(!r.jsonValid);
        const QString p = problemsMentioning(r, "nope.json5");
        QVERIFY2(p.startsWith("channels.gotify.$include: cannot include ./nope.json5: "), qPrintable(p));
        QVERIFY2(p.contains(path("top.json5") + ", line 3, column 25)"), qPrintable(p));
    }

    void read_anIncludedFileThatIsNotJson5_isNamedWithItsOwnLineAndColumn()
    {
        writeFile(path("bad.json5"), "{\n  accounts: {\n    ops: { serverUrl: 'x' ]\n  },\n}\n");
        writeFile(path("top.json5"), "{ channels: { gotify: { $include: './bad.json5' } } }");
        const LoadResult r = loadConfig(path("top.json5"));
        const QString p = problemsMentioning(r, "bad.json5");
        QVERIFY2(p.contains(path("bad.json5") + " is not valid JSON5: invalid JSON5 at line 3, column 27"),
                 qPrintable(p));
        QVERIFY2(p.contains("(in accounts.ops.serverUrl)"), qPrintable(p));
    }

    void read_aCycle_isAnErrorNamingTheChain()
    {
        writeFile(path("a.json5"), "{ x: { $include: './b.json5' } }");
        writeFile(path("b.json5"), "{ y: { $include: './a.json5' } }");
        writeFile(path("top.json5"), "{ channels: { $include: './a.json5' } }");
        const LoadResult r = loadConfig(path("top.json5"));
        const QString chain = path("top.json5") + " -> " + path("a.json5") + " -> " + path("b.json5") + " -> "
                              + path("a.json5");
        QVERIFY2(!problemsMentioning(r, "circular include: " + chain).isEmpty(),
                 qPrintable(r.problemStrings().join('\n')));
    }

    void read_includesNestAtMostTenFilesDeep()
    {
        for (int i = 1; i <= 11; ++i)
            writeFile(path(QStringLiteral("n%1.json5").arg(i)),
                      i == 11 ? QByteArray("{ leaf: true }")
                              : QStringLiteral("{ n: { $include: './n%1.json5' } }").arg(i + 1).toUtf8());
        writeFile(path("top.json5"), "{ n: { $include: './n2.json5' } }"); // 10 files: n2..n11
        QVERIFY2(loadConfig(path("top.json5")).jsonValid, "ten nested files are allowed");
        writeFile(path("top.json5"), "{ n: { $include: './n1.json5' } }"); // 11 files
        const LoadResult r = loadConfig(path("top.json5"));
        QVERIFY(!problemsMentioning(r, "includes nest more than 10 files deep at ./n11.json5").isEmpty());
    }

    void read_pathsOutsideTheConfigsFolder_areRefused_alsoThroughASymlink()
    {
        QTemporaryDir outside;
        writeFile(outside.filePath("secret.json5"), "{ a: 1 }");
        writeFile(path("top.json5"),
                  QStringLiteral("{ x: { $include: '%1' } }").arg(outside.filePath("secret.json5")).toUtf8());
        QVERIFY(!problemsMentioning(loadConfig(path("top.json5")), "is outside the config's directory").isEmpty());
        QVERIFY(QFile::link(outside.filePath("secret.json5"), path("link.json5")));
        writeFile(path("top.json5"), "{ x: { $include: './link.json5' } }");
        QVERIFY(!problemsMentioning(loadConfig(path("top.json5")), "through a symbolic link").isEmpty());
    }

    void read_siblingKeysNeedAnObject_andTheDirectiveNeedsPaths()
    {
        writeFile(path("list.json5"), "[1]");
        writeFile(path("top.json5"), "{ x: { $include: './list.json5', y: 1 }, z: { $include: 5 } }");
        const LoadResult r = loadConfig(path("top.json5"));
        QVERIFY(!problemsMentioning(r, "x.$include: the included content must be an object").isEmpty());
        QVERIFY(!problemsMentioning(r, "z.$include: expected a file path or a list of file paths").isEmpty());
    }

    void edit_refreshedTokenOfAnIncludedAccount_isPatchedInItsOwnFileOnly()
    {
        const QMap<QString, QByteArray> before = snapshot();
        QString error;
        QVERIFY2(ConfigTokenPatcher::patchOpenImToken(path("openclaw.json5"), "east",
                                                      "eyJhbGciOiJIUzI1NiJ9.east-new.sig", &error),
                 qPrintable(error));
        QCOMPARE(readAll(path("channels/accounts/east.json5")), readAll(data("expected/east.patch-token.json5")));
        QCOMPARE(readAll(path("channels/accounts/east.json5.bak")), before.value("channels/accounts/east.json5"));
        expectUnchangedBut(before, {"channels/accounts/east.json5"});
    }

    void edit_newAccount_landsInTheFileThatHoldsTheOtherAccounts()
    {
        const QMap<QString, QByteArray> before = snapshot();
        const LoadResult r = loadConfig(path("openclaw.json5"));
        QJsonObject after = r.config.raw;
        QVERIFY(
            ConfigEditor::setAt(after, {"channels", "gotify", "accounts", "backup"},
                                QJsonObject{{"serverUrl", "http://127.0.0.1:8081"}, {"appToken", "A-backup"}}));
        QString error;
        QVERIFY2(saveConfigChanges(path("openclaw.json5"), r.config.raw, after, &error), qPrintable(error));
        QCOMPARE(readAll(path("channels/gotify.json5")), readAll(data("expected/gotify.add-backup.json5")));
        expectUnchangedBut(before, {"channels/gotify.json5"});
        QVERIFY(loadConfig(path("openclaw.json5")).config.gotifyAccount("backup"));
    }

    void edit_removedKey_goesFromEveryFileThatDefinesIt()
    {
        const QMap<QString, QByteArray> before = snapshot();
        const LoadResult r = loadConfig(path("openclaw.json5"));
        QJsonObject after = r.config.raw;
        QVERIFY(ConfigEditor::removeAt(after, {"channels", "multi-openim", "accounts", "west"}));
        QString error;
        QVERIFY2(saveConfigChanges(path("openclaw.json5"), r.config.raw, after, &error), qPrintable(error));
        QCOMPARE(readAll(path("channels/openim-accounts.json5")),
                 readAll(data("expected/openim-accounts.remove-west.json5")));
        QCOMPARE(readAll(path("channels/openim-base.json5")),
                 readAll(data("expected/openim-base.remove-west.json5")));
        expectUnchangedBut(before, {"channels/openim-accounts.json5", "channels/openim-base.json5"});
    }

    void edit_aKeyNextToTheInclude_staysInTheTopFile()
    {
        const QMap<QString, QByteArray> before = snapshot();
        const LoadResult r = loadConfig(path("openclaw.json5"));
        QJsonObject after = r.config.raw;
        QVERIFY(ConfigEditor::setAt(after, {"channels", "gotify", "enabled"}, false));
        QString error;
        QVERIFY2(saveConfigChanges(path("openclaw.json5"), r.config.raw, after, &error), qPrintable(error));
        QByteArray want = before.value("openclaw.json5");
        want.replace("enabled: true, // wins", "enabled: false, // wins");
        QCOMPARE(readAll(path("openclaw.json5")), want);
        expectUnchangedBut(before, {"openclaw.json5"});
    }

    void edit_includeAtTheTopWithOtherKeys_newTopLevelKeyGoesToTheTopFile_listItemIsRemovedInItsFile()
    {
        writeFile(path("base.json5"),
                  "{\n  channels: { gotify: { accounts: { ops: { serverUrl: 'http://127.0.0.1:1' } } } },\n"
                  "  bindings: [{ agentId: 'a', match: { channel: 'gotify' } }, { agentId: 'b', "
                  "match: { channel: 'gotify' } }],\n}\n");
        writeFile(path("top.json5"), "{\n  $include: './base.json5',\n  gateway: { mode: 'local' },\n}\n");
        const QByteArray base = readAll(path("base.json5"));
        const QJsonObject before = ConfigSources::load(path("top.json5")).merged();
        QJsonObject after = before;
        QVERIFY(ConfigEditor::setAt(after, {"session", "dmScope"}, "per-peer"));
        QJsonArray bindings = after.value("bindings").toArray();
        bindings.removeAt(0);
        after.insert("bindings", bindings);
        QString error;
        QVERIFY2(saveConfigChanges(path("top.json5"), before, after, &error), qPrintable(error));
        QCOMPARE(
            readAll(path("top.json5")),
            QByteArray(
                "{\n  $include: './base.json5',\n  gateway: { mode: 'local' },\n  session: {\n    dmScope: 'per-peer',\n  },\n}\n"));
        QByteArray want = base;
        want.replace("[{ agentId: 'a', match: { channel: 'gotify' } }, ", "[");
        QCOMPARE(readAll(path("base.json5")), want);
        QCOMPARE(ConfigSources::load(path("top.json5")).merged(), after);
    }

    void edit_replacingAListJoinedFromTwoFiles_isRefused_andNothingIsWritten()
    {
        writeFile(path("a.json5"), "{ list: [1, 2] }");
        writeFile(path("b.json5"), "{ list: [3] }");
        writeFile(path("top.json5"), "{ merged: { $include: ['./a.json5', './b.json5'] } }");
        const QByteArray a = readAll(path("a.json5")), b = readAll(path("b.json5"));
        const QJsonObject before = ConfigSources::load(path("top.json5")).merged();
        QJsonObject after = before;
        QVERIFY(ConfigEditor::setAt(after, {"merged", "list"}, QJsonArray{9}));
        QString error;
        QVERIFY(!saveConfigChanges(path("top.json5"), before, after, &error));
        QVERIFY2(error.contains("merged.list is a whole included file or a list joined from several files"),
                 qPrintable(error));
        QVERIFY2(error.contains(path("a.json5")) && error.contains(path("b.json5")), qPrintable(error));
        QCOMPARE(readAll(path("a.json5")), a);
        QCOMPARE(readAll(path("b.json5")), b);
        QVERIFY(!QFile::exists(path("top.json5.bak")));
    }

    void edit_savedWithNoChange_writesNoFile()
    {
        const QMap<QString, QByteArray> before = snapshot();
        const LoadResult r = loadConfig(path("openclaw.json5"));
        QString error;
        QVERIFY2(saveConfigJson(path("openclaw.json5"), r.config.raw, &error), qPrintable(error));
        expectUnchangedBut(before, {});
        QDirIterator it(m_dir->path(), {"*.bak"}, QDir::Files, QDirIterator::Subdirectories);
        QVERIFY2(!it.hasNext(), "no backup: nothing was written");
    }

    void edit_whileAnIncludeIsBroken_isRefused()
    {
        QVERIFY(QFile::remove(path("agents.json5")));
        const QByteArray top = readAll(path("openclaw.json5"));
        QString error;
        QVERIFY(!saveConfigJson(path("openclaw.json5"), QJsonObject{{"gateway", QJsonObject{}}}, &error));
        QVERIFY2(error.contains("fix them first") && error.contains("agents.json5"), qPrintable(error));
        QCOMPARE(readAll(path("openclaw.json5")), top);
    }

private:
    QString path(const QString &name) const { return m_dir->filePath(name); }

    QMap<QString, QByteArray> snapshot() const
    {
        QMap<QString, QByteArray> out;
        for (const QString &f : kFiles)
            out.insert(f, readAll(path(f)));
        return out;
    }

    void expectUnchangedBut(const QMap<QString, QByteArray> &before, const QStringList &changed) const
    {
        for (auto it = before.begin(); it != before.end(); ++it) {
            if (changed.contains(it.key()))
                continue;
            QVERIFY2(readAll(path(it.key())) == it.value(), qPrintable(it.key() + " changed"));
            QVERIFY2(!QFile::exists(path(it.key() + ".bak")), qPrintable(it.key() + " was rewritten"));
        }
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestConfigIncludes)
#include "tst_config_includes.moc"
