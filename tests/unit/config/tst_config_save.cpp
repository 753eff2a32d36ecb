// Saving is atomic, new files are 0600, and so is any file that holds a token in plain text
// (other existing files keep their mode), creates missing directories 0700, and a failed save
// leaves the old file untouched. An openclaw.json keeps every key we do not know through load → save.
#include "tst_config_save.h"

#include "configtesthelpers.h"

#include "config/configsaver.h"
#include "config/userpath.h"

#include <unistd.h>

using namespace ct;
using namespace configtest;

namespace {

constexpr QFileDevice::Permissions k0600 = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions k0700 = k0600 | QFileDevice::ExeOwner;
constexpr QFileDevice::Permissions k0644 = k0600 | QFileDevice::ReadGroup | QFileDevice::ReadOther;

// Only the owner bits and the group/other bits that exist on Unix (QFile also reports the
// "user" bits, which mirror the owner bits for the current user).
QFileDevice::Permissions modeOf(const QString &path)
{
    const QFileDevice::Permissions all = QFile::permissions(path);
    return all
           & (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup
              | QFileDevice::WriteGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther
              | QFileDevice::ExeOther);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// A file others can read, as the gateway's openclaw.json or a hand-written file may be.
bool writeFile0644(const QString &path, const QByteArray &bytes)
{
    return writeFile(path, bytes) && QFile::setPermissions(path, k0644);
}

QJsonObject fixture()
{
    return QJsonDocument::fromJson(readAll(dataFile("openclaw.json"))).object();
}

// Root ignores directory permissions. To test a read-only directory for real when the suite
// runs as root (containers, CI), the save runs with the effective uid of "nobody".
class Unprivileged
{
public:
    Unprivileged()
    {
        if (geteuid() == 0)
            m_switched = seteuid(65534) == 0;
        m_ok = geteuid() != 0;
    }
    ~Unprivileged()
    {
        if (m_switched && seteuid(0) != 0)
            qFatal("cannot return to uid 0");
    }
    bool ok() const { return m_ok; }

private:
    bool m_switched = false;
    bool m_ok = false;
};

} // namespace

void TestConfigSave::openclawJson_loadsWithoutProblems()
{
    const LoadResult r = loadConfig(dataFile("openclaw.json"));
    QVERIFY2(r.ok(), qPrintable(r.problemStrings().join('\n')));
    QCOMPARE(r.config.gotify.accounts.size(), 2); // `default` (single form) and `ops`
    QCOMPARE(r.config.openim.accounts.size(), 1);
    QCOMPARE(r.config.openim.tokenRefresh.mode, RefreshMode::Http);
    QCOMPARE(r.config.agentFor({kGotifyChannel, "ops"}), QStringLiteral("ops-agent"));
    QCOMPARE(r.config.session.dmScope, DmScope::PerChannelPeer);
    QCOMPARE(r.config.app.retentionDays, 30);
}

void TestConfigSave::openclawJson_roundTrip_keepsUnknownKeys()
{
    QTemporaryDir dir;
    const QString out = dir.filePath("openclaw.json");
    const LoadResult loaded = loadConfig(dataFile("openclaw.json"));
    QString error;
    QVERIFY2(saveConfigJson(out, loaded.config.raw, &error), qPrintable(error));

    const QJsonObject saved = QJsonDocument::fromJson(readAll(out)).object();
    QVERIFY(fixture().contains("gateway"));
    QCOMPARE(saved, fixture());
    // The keys this app has no idea about, spelled out:
    QCOMPARE(ConfigEditor::valueAt(saved, {"gateway", "auth", "token"}).toString(),
             QStringLiteral("gateway-secret"));
    QCOMPARE(ConfigEditor::valueAt(saved, {"plugins", "entries", "gotify", "config", "note"}).toString(),
             QStringLiteral("kept"));
    QCOMPARE(ConfigEditor::valueAt(saved, {"channels", "multi-openim", "someFutureKey", "nested"})
                 .toArray()
                 .at(2)
                 .toObject()
                 .value("deep"),
             QJsonValue(true));
    QCOMPARE(ConfigEditor::valueAt(saved, {"channels", "multi-openim", "tokenRefresh", "http", "futureOption"}),
             QJsonValue(3));
    QCOMPARE(ConfigEditor::valueAt(saved, {"channels", "multi-openim", "accounts", "primary", "nickname"}),
             QJsonValue("bot one"));
    QCOMPARE(ConfigEditor::valueAt(saved, {"agents", "ops-agent", "persona"}), QJsonValue("terse"));
    QCOMPARE(ConfigEditor::valueAt(saved, {"messages", "ackReaction"}).toString(),
             QString::fromUtf8("\xF0\x9F\x91\x80"));
    QCOMPARE(ConfigEditor::valueAt(saved, {"channeltray", "window", "width"}), QJsonValue(800));
}

void TestConfigSave::openclawJson_editedAndSaved_keepsEverythingElse()
{
    QTemporaryDir dir;
    const QString out = dir.filePath("config.json");
    QJsonObject root = loadConfig(dataFile("openclaw.json")).config.raw;
    const QStringList url{"channels", "gotify", "accounts", "ops", "serverUrl"};
    QVERIFY(ConfigEditor::setAt(root, url, QStringLiteral("https://moved.example")));
    QVERIFY(saveConfigJson(out, root));

    const LoadResult again = loadConfig(out);
    QVERIFY2(again.ok(), qPrintable(again.problemStrings().join('\n')));
    QCOMPARE(again.config.gotifyAccount("ops")->serverUrl, QStringLiteral("https://moved.example"));
    // Put the old value back: what remains must be the original file exactly.
    QJsonObject restored = again.config.raw;
    QVERIFY(ConfigEditor::setAt(restored, url, QStringLiteral("https://ops.example")));
    QCOMPARE(restored, fixture());
}

void TestConfigSave::save_writesMode0600()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("config.json");
    QVERIFY(saveConfigJson(path, validBase()));
    QCOMPARE(modeOf(path), k0600);
    QCOMPARE(QJsonDocument::fromJson(readAll(path)).object(), validBase());
}

void TestConfigSave::save_overAnExistingFileWithoutInlineTokens_keepsItsMode_andKeepsA0600Backup_data()
{
    QTest::addColumn<QString>("token");
    QTest::newRow("no token") << QString();
    QTest::newRow("an environment variable") << QStringLiteral("${OPS_CLIENT_TOKEN}");
    QTest::newRow("the $VAR shorthand") << QStringLiteral("$OPS_CLIENT_TOKEN");
    QTest::newRow("a SecretRef") << QStringLiteral("secretref");
}

void TestConfigSave::save_overAnExistingFileWithoutInlineTokens_keepsItsMode_andKeepsA0600Backup()
{
    // The gateway's own openclaw.json keeps the mode its owner gave it while it holds no secret;
    // the backup of the previous version (which may hold tokens) is 0600.
    QFETCH(QString, token);
    QTemporaryDir dir;
    const QString path = dir.filePath("config.json");
    QVERIFY(writeFile0644(path, "{}"));
    QJsonObject account{{"serverUrl", "http://127.0.0.1:8080"}};
    if (token == QLatin1String("secretref"))
        account.insert("clientToken", QJsonObject{{"source", "env"}, {"provider", "default"}, {"id", "OPS"}});
    else if (!token.isEmpty())
        account.insert("clientToken", token);
    const QJsonObject root{
        {"channels", QJsonObject{{"gotify", QJsonObject{{"accounts", QJsonObject{{"ops", account}}}}}}}};
    QVERIFY(saveConfigJson(path, root));
    QCOMPARE(modeOf(path), k0644);
    QCOMPARE(QJsonDocument::fromJson(readAll(path)).object(), root);
    QCOMPARE(readAll(path + ".bak"), QByteArray("{}"));
    QCOMPARE(modeOf(path + ".bak"), k0600);
}

void TestConfigSave::save_ofAConfigWithInlineTokens_overA0644File_makesIt0600_data()
{
    QTest::addColumn<QString>("at"); // the dotted path of the one inline token
    QTest::newRow("Gotify clientToken") << QStringLiteral("channels.gotify.accounts.ops.clientToken");
    QTest::newRow("Gotify appToken, single-account form") << QStringLiteral("channels.gotify.appToken");
    QTest::newRow("OpenIM token") << QStringLiteral("channels.multi-openim.accounts.primary.token");
    QTest::newRow("status API token") << QStringLiteral("channeltray.statusApi.token");
    QTest::newRow("literal $${VAR} is plain text") << QStringLiteral("channels.gotify.accounts.ops.appToken");
}

void TestConfigSave::save_ofAConfigWithInlineTokens_overA0644File_makesIt0600()
{
    // An existing 0644 file (the gateway's, or one written by hand) that ChannelTray writes with
    // a token in plain text in it is owner-only afterwards: the token was readable by every
    // local user before; the write must not keep it so.
    QFETCH(QString, at);
    QTemporaryDir dir;
    const QString path = dir.filePath("config.json");
    QVERIFY(writeFile0644(path, "{\n  // the gateway's file\n  \"mine\": 1\n}\n"));
    QJsonObject root{{"mine", 1}};
    const QString value = QTest::currentDataTag() == QLatin1String("literal $${VAR} is plain text")
                              ? QStringLiteral("$${NOT_A_REFERENCE}")
                              : QStringLiteral("T-plain");
    QVERIFY(ConfigEditor::setAt(root, at.split(QLatin1Char('.')), value));
    QString error;
    QVERIFY2(saveConfigJson(path, root, &error), qPrintable(error));
    QCOMPARE(modeOf(path), k0600);
    QVERIFY(readAll(path).contains("// the gateway's file")); // edited in place, not rewritten
    QCOMPARE(modeOf(path + ".bak"), k0600);
}

void TestConfigSave::save_ofAnIncludedFileWithInlineTokens_makesThatFile0600_andLeavesTheTopFileItsMode()
{
    // The token goes to the included file that holds the account (configsources.h): that file
    // becomes 0600; the top file, which holds no token, keeps its 0644.
    QTemporaryDir dir;
    const QString top = dir.filePath("openclaw.json");
    const QString part = dir.filePath("gotify.json5");
    QVERIFY(writeFile0644(top, "{ channels: { gotify: { $include: './gotify.json5' } } }\n"));
    QVERIFY(writeFile0644(part, "{ accounts: { ops: { serverUrl: 'http://127.0.0.1:8080' } } }\n"));
    const QJsonObject before = loadConfig(top).config.raw;
    QJsonObject after = before;
    QVERIFY(ConfigEditor::setAt(after, {"channels", "gotify", "accounts", "ops", "clientToken"}, "T-plain"));
    QString error;
    QVERIFY2(saveConfigChanges(top, before, after, &error), qPrintable(error));
    QVERIFY(readAll(part).contains("T-plain"));
    QCOMPARE(modeOf(part), k0600);
    QCOMPARE(modeOf(top), k0644);
}

void TestConfigSave::save_createsMissingParentDirectoriesWith0700()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("a/b/config.json");
    QString error;
    QVERIFY2(saveConfigJson(path, validBase(), &error), qPrintable(error));
    QVERIFY(QFile::exists(path));
    QCOMPARE(modeOf(dir.filePath("a")), k0700);
    QCOMPARE(modeOf(dir.filePath("a/b")), k0700);
    QCOMPARE(modeOf(path), k0600);
}

void TestConfigSave::save_leavesExistingParentDirectoriesAlone()
{
    QTemporaryDir dir;
    const QString sub = dir.filePath("shared");
    QVERIFY(QDir().mkdir(sub));
    const QFileDevice::Permissions open0755 = k0700 | QFileDevice::ReadGroup | QFileDevice::ExeGroup
                                              | QFileDevice::ReadOther | QFileDevice::ExeOther;
    QVERIFY(QFile::setPermissions(sub, open0755));
    QVERIFY(saveConfigJson(sub + "/config.json", validBase()));
    QCOMPARE(modeOf(sub), open0755);
}

void TestConfigSave::save_intoReadOnlyDirectory_failsAndLeavesOldFileByteIdentical()
{
    QTemporaryDir dir;
    // Let "nobody" reach the directory below (QTemporaryDir makes its directory 0700).
    QVERIFY(QFile::setPermissions(dir.path(), k0700 | QFileDevice::ExeGroup | QFileDevice::ExeOther));
    const QString ro = dir.filePath("ro");
    QVERIFY(QDir().mkdir(ro));
    const QString path = ro + "/config.json";
    const QByteArray old = "{\n  \"channels\": {},\n  \"mine\": \"do not touch\"\n}\n";
    QVERIFY(writeFile(path, old));
    // The old file itself is writable by anyone: only a save that writes in place (not
    // atomic) could change it, and that is what this test must catch.
    QVERIFY(QFile::setPermissions(path, k0600 | QFileDevice::ReadGroup | QFileDevice::WriteGroup
                                            | QFileDevice::ReadOther | QFileDevice::WriteOther));
    QVERIFY(QFile::setPermissions(ro, QFileDevice::ReadOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup
                                          | QFileDevice::ExeGroup | QFileDevice::ReadOther
                                          | QFileDevice::ExeOther));
    bool saved = true;
    QString error;
    {
        Unprivileged asNobody;
        QVERIFY2(asNobody.ok(), "could not drop root privileges for this test");
        saved = saveConfigJson(path, validBase(), &error);
    }
    QFile::setPermissions(ro, k0700); // so QTemporaryDir can clean up
    QVERIFY(!saved);
    QVERIFY2(error.contains(path), qPrintable(error));
    QCOMPARE(readAll(path), old);
    QCOMPARE(QDir(ro).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{"config.json"}); // no temporary file left behind
}

void TestConfigSave::save_whenParentIsAFile_failsWithAClearError()
{
    QTemporaryDir dir;
    const QString blocker = dir.filePath("notadir");
    QVERIFY(writeFile(blocker, "x"));
    QString error;
    QVERIFY(!saveConfigJson(blocker + "/sub/config.json", validBase(), &error));
    QVERIFY2(error.startsWith("cannot save the config"), qPrintable(error));
    QVERIFY2(error.contains(blocker), qPrintable(error));
    QCOMPARE(readAll(blocker), QByteArray("x"));
}

void TestConfigSave::save_whenTargetIsADirectory_fails()
{
    QTemporaryDir dir;
    QString error;
    QVERIFY(!saveConfigJson(dir.path(), validBase(), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(QFileInfo(dir.path()).isDir());
}

void TestConfigSave::save_thenLoad_givesTheSameConfig()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("config.json");
    QVERIFY(saveConfigJson(path, validBase()));
    const LoadResult r = loadConfig(path);
    QVERIFY(r.ok());
    QCOMPARE(r.config.raw, validBase());
    QCOMPARE(r.config.openimAccount("primary")->token, QStringLiteral("t-primary"));
}

void TestConfigSave::expandUserPath_expandsTildeOnly()
{
    const QByteArray oldHome = qgetenv("HOME");
    qputenv("HOME", "/home/tester");
    QCOMPARE(expandUserPath("~"), QStringLiteral("/home/tester"));
    QCOMPARE(expandUserPath("~/.config/x.json"), QStringLiteral("/home/tester/.config/x.json"));
    QCOMPARE(expandUserPath("/etc/~/x"), QStringLiteral("/etc/~/x"));
    QCOMPARE(expandUserPath("~other/x"), QStringLiteral("~other/x"));
    QCOMPARE(expandUserPath("relative/x"), QStringLiteral("relative/x"));
    qputenv("HOME", oldHome);
}

void TestConfigSave::loadAndSave_expandTheTilde()
{
    QTemporaryDir dir;
    const QByteArray oldHome = qgetenv("HOME");
    qputenv("HOME", dir.path().toUtf8());
    const bool saved = saveConfigJson("~/cfg/config.json", validBase());
    const LoadResult r = loadConfig("~/cfg/config.json");
    qputenv("HOME", oldHome);
    QVERIFY(saved);
    QVERIFY(QFile::exists(dir.filePath("cfg/config.json")));
    QVERIFY(r.ok());
}

QTEST_GUILESS_MAIN(TestConfigSave)
