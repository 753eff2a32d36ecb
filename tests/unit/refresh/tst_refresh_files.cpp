// State file, textual config token patch and marker files.
#include "refresh/configtokenpatcher.h"
#include "refresh/manualloginmarker.h"
#include "refresh/statefile.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ct;

namespace {
QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}
QFile::Permissions mode(const QString &path)
{
    return QFile::permissions(path) & QFile::Permissions(0x7000 | 0x0070 | 0x0007);
}
const QByteArray kConfig = "{\"channels\" :{\"multi-openim\":{\"accounts\":{\n"
                           "  \"a.b\":{\"token\":\"old\\\"tok\",\"tokenX\":\"keep\"},\n"
                           "  \"primary\"  :  {  \"token\" : \"old-1\" , \"arr\":[{\"token\":\"no\"}]},\n"
                           "  \"keychain\": {\"wsAddr\":\"ws://x\"}, \"num\": {\"token\": 5}}}},\n"
                           "\"other\":{\"token\":\"not-this\"}}\n";
} // namespace

class TestRefreshFiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void patch_onlyTheTokenLiteralChanges_escaped()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("config.json");
        writeAll(path, kConfig);
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
        const QString token = QStringLiteral("new\"tok\\en/é\n");
        QString error;
        QVERIFY2(ConfigTokenPatcher::patchOpenImToken(path, "primary", token, &error), qPrintable(error));
        QByteArray expected = kConfig;
        expected.replace("\"old-1\"", "\"new\\\"tok\\\\en/é\\n\"");
        QCOMPARE(readAll(path), expected);
        QCOMPARE(QJsonDocument::fromJson(readAll(path))["channels"]["multi-openim"]["accounts"]["primary"]["token"]
                     .toString(),
                 token);
        // The file now holds a token in plain text: owner-only, though it was 0604 (configsaver.h).
        QCOMPARE(mode(path), QFile::ReadOwner | QFile::WriteOwner);
        // An account id with a dot and an escaped old value.
        QVERIFY2(ConfigTokenPatcher::patchOpenImToken(path, "a.b", "t2", &error), qPrintable(error));
        expected.replace("\"old\\\"tok\"", "\"t2\"");
        QCOMPARE(readAll(path), expected);
    }
    void patch_keyMissingOrNotString_failsClearly_fileUntouched_data()
    {
        QTest::addColumn<QString>("account");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no token key") << "keychain"
                                      << "not in the file";
        QTest::newRow("no account") << "ghost"
                                    << "not in the file";
        QTest::newRow("number") << "num"
                                << "not a string";
    }
    void patch_keyMissingOrNotString_failsClearly_fileUntouched()
    {
        QFETCH(QString, account);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath("config.json");
        writeAll(path, kConfig);
        QString error;
        QVERIFY(!ConfigTokenPatcher::patchOpenImToken(path, account, "secret-new", &error));
        QVERIFY2(error.contains(expected)
                     && error.contains("channels.multi-openim.accounts." + account + ".token"),
                 qPrintable(error));
        QVERIFY(!error.contains("secret-new"));
        QCOMPARE(readAll(path), kConfig);
    }
    void patch_invalidJsonOrDuplicateKey_refused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("config.json");
        writeAll(path, "{\"channels\": {");
        QString error;
        QVERIFY(!ConfigTokenPatcher::patchOpenImToken(path, "primary", "t", &error));
        QVERIFY(error.contains("not valid JSON"));
        const QByteArray dup =
            "{\"channels\":{\"multi-openim\":{\"accounts\":{\"p\":{\"token\":\"a\",\"token\":\"b\"}}}}}";
        writeAll(path, dup);
        QVERIFY(!ConfigTokenPatcher::patchOpenImToken(path, "p", "t", &error));
        QVERIFY2(error.contains("2 times"), qPrintable(error));
        QCOMPARE(readAll(path), dup);
    }
    void stateFile_writeBack_keepsOthers_always0600()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("sub/state.json");
        const auto owner = QFile::ReadOwner | QFile::WriteOwner;
        const auto mode0644 = owner | QFile::ReadGroup | QFile::ReadOther;
        QVERIFY(StateFile::read(path)->isEmpty()); // missing = empty
        QVERIFY(StateFile::writeBack(path, "primary", {{"refreshToken", "r1"}}));
        QCOMPARE(mode(path), owner);
        QVERIFY(StateFile::writeBack(path, "second", {{"x", 1}}));
        // It holds a refresh token: a 0644 file (made by hand, or by an older version) becomes 0600.
        QVERIFY(QFile::setPermissions(path, mode0644));
        QVERIFY(StateFile::writeBack(path, "primary", {{"refreshToken", "r2"}, {"deviceId", "d"}}));
        QCOMPARE(mode(path), owner);
        // Also when the write changes nothing: the text stays, the mode narrows.
        const QByteArray text = readAll(path);
        QVERIFY(QFile::setPermissions(path, mode0644 | QFile::WriteGroup));
        QVERIFY(StateFile::writeBack(path, "primary", {{"deviceId", "d"}}));
        QCOMPARE(mode(path), owner);
        QCOMPARE(readAll(path), text);
        const QJsonObject root = *StateFile::read(path);
        QCOMPARE(root["primary"]["refreshToken"].toString(), QStringLiteral("r2"));
        QCOMPARE(root["primary"]["deviceId"].toString(), QStringLiteral("d"));
        QCOMPARE(root["second"]["x"].toInt(), 1);
        writeAll(path, "[1,2]");
        QString error;
        QVERIFY(!StateFile::read(path, &error));
        QVERIFY(error.contains(path));
    }
    void marker_writeRemove_0600_secretsMasked()
    {
        QTemporaryDir dir;
        ManualLoginMarker m;
        m.address = {kOpenImChannel, "primary"};
        m.reason = "OnConnectFailed errCode=10001";
        m.time = QDateTime::currentDateTimeUtc();
        m.mode = "http";
        m.endpoint = "https://h/r?rt=secret-rt";
        m.attempts = 4;
        m.lastError = "server said secret-token-123 is bad";
        const QString path = ManualLoginMarker::pathFor(dir.filePath("d/manual-login.json"), "primary");
        QVERIFY(m.write(path, {"secret-token-123"}));
        const QByteArray text = readAll(path);
        QVERIFY(!text.contains("secret-token-123"));
        QVERIFY(!text.contains("secret-rt"));
        QCOMPARE(QJsonDocument::fromJson(text)["tried"]["attempts"].toInt(), 4);
        QCOMPARE(mode(path), QFile::ReadOwner | QFile::WriteOwner);
        QVERIFY(ManualLoginMarker::remove(path));
        QVERIFY(!QFile::exists(path));
        QVERIFY(!ManualLoginMarker::remove(path));
    }
};

QTEST_GUILESS_MAIN(TestRefreshFiles)
#include "tst_refresh_files.moc"
