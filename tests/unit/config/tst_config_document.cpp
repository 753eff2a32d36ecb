// The one config writer, on real-shaped openclaw.json files written in JSON5 (data/corpus):
// each is loaded through the real reader, an edit is made the way the CLI, the GUI or token
// refresh makes it, and the file is compared byte for byte with a hand-written expected file
// (data/corpus/expected). Saving with no change leaves every byte (and writes nothing).
#include "config/configdocument.h"
#include "config/configeditor.h"
#include "config/configloader.h"
#include "config/configsaver.h"
#include "config/inlinesecrets.h"
#include "refresh/configtokenpatcher.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

using namespace ct;

namespace {

QString corpus(const QString &name)
{
    return QStringLiteral(CONFIG_TEST_DATA_DIR "/corpus/") + name;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// An edit as the app makes it: the raw config it loaded, changed, saved as changes.
using RawEdit = std::function<void(QJsonObject &root)>;
using FileEdit = std::function<bool(const QString &path, QString *error)>;

FileEdit asEditor(const RawEdit &edit)
{
    return [edit](const QString &path, QString *error) {
        const LoadResult loaded = loadConfig(path);
        if (!loaded.jsonValid) {
            *error = loaded.problemStrings().join(QLatin1Char('\n'));
            return false;
        }
        QJsonObject root = loaded.config.raw;
        edit(root);
        return saveConfigChanges(path, loaded.config.raw, root, error);
    };
}

const QStringList kCorpus{"gotify-single.json5", "multi-agents.json5", "multi-server-refresh.json5",
                          "secretrefs.json5", "json5-grammar.json5"};

} // namespace

Q_DECLARE_METATYPE(FileEdit)

class TestConfigDocument : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void corpus_everyFileLoadsThroughTheReader_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString &f : kCorpus)
            QTest::newRow(qPrintable(f)) << f;
    }
    void corpus_everyFileLoadsThroughTheReader()
    {
        QFETCH(QString, file);
        const LoadResult r = loadConfig(corpus(file));
        QVERIFY2(r.jsonValid, qPrintable(r.problemStrings().join('\n')));
        QVERIFY(!r.config.raw.isEmpty());
    }

    void corpus_theMultiServerRefreshRecipe_isAccepted_asTheReadmeWritesIt()
    {
        // "endpoint": "{state.auth_server_url}/api/refresh" was refused as not an http(s) URL.
        const LoadResult r = loadConfig(corpus("multi-server-refresh.json5"));
        QVERIFY2(r.ok(), qPrintable(r.problemStrings().join('\n')));
        const TokenRefreshConfig &refresh = r.config.openim.tokenRefresh;
        QCOMPARE(refresh.mode, RefreshMode::Http);
        QCOMPARE(refresh.http.endpoint, QStringLiteral("{state.auth_server_url}/api/refresh"));
        QCOMPARE(refresh.http.headers.value("X-Account"), QStringLiteral("{accountId}"));
        QCOMPARE(refresh.http.responseTokenPaths, QStringList({"data.access_token", "access_token"}));
        QCOMPARE(r.config.openim.accounts.size(), 2);
    }

    void corpus_savedWithNoChange_isByteIdentical_andNotRewritten_data()
    {
        corpus_everyFileLoadsThroughTheReader_data();
    }
    void corpus_savedWithNoChange_isByteIdentical_andNotRewritten()
    {
        QFETCH(QString, file);
        QTemporaryDir dir;
        const QString path = dir.filePath(file);
        QVERIFY(QFile::copy(corpus(file), path));
        const QByteArray before = readAll(path);
        const QJsonObject raw = loadConfig(path).config.raw;
        QString error;
        QVERIFY2(saveConfigChanges(path, raw, raw, &error), qPrintable(error));
        QVERIFY2(saveConfigJson(path, raw, &error), qPrintable(error));
        QCOMPARE(readAll(path), before);
        QVERIFY(!QFile::exists(path + ".bak")); // nothing was written
    }

    void edit_changesOnlyWhatItEdits_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<FileEdit>("edit");
        QTest::addColumn<QString>("expected");
        const AccountAddress ops2{kGotifyChannel, "ops2"};
        QTest::newRow("accounts add on the single-account form")
            << "gotify-single.json5" << asEditor([ops2](QJsonObject &root) {
                   ConfigEditor::setAt(
                       root, ConfigEditor::accountPath(ops2),
                       QJsonObject{{"serverUrl", "https://ops2.example.org"}, {"defaultPriority", 7}});
               })
            << "gotify-single.add-ops2.json5";
        QTest::newRow("set-token drops the inline clientToken and its comment")
            << "gotify-single.json5" << asEditor([](QJsonObject &root) {
                   ConfigEditor::removeAt(
                       root, ConfigEditor::accountFieldPath(root, {kGotifyChannel, "default"}, "clientToken"));
               })
            << "gotify-single.drop-clientToken.json5";
        QTest::newRow("remove unbinds the agent and drops defaultAccount")
            << "multi-agents.json5" << asEditor([](QJsonObject &root) {
                   ConfigEditor::removeAccount(root, {kGotifyChannel, "ops"});
               })
            << "multi-agents.remove-ops.json5";
        QTest::newRow("editor save: a value, a nested value, a new key")
            << "multi-agents.json5" << asEditor([](QJsonObject &root) {
                   const AccountAddress alerts{kGotifyChannel, "alerts"};
                   ConfigEditor::setAccountField(root, alerts, "serverUrl",
                                                 QStringLiteral("https://alerts2.example.org"));
                   ConfigEditor::setAt(root,
                                       ConfigEditor::accountPath(alerts) << "inbound"
                                                                         << "enabled",
                                       true);
                   ConfigEditor::setAccountField(root, alerts, "defaultPriority", 6);
               })
            << "multi-agents.edit-alerts.json5";
        QTest::newRow("refreshed token patched in its own quotes")
            << "multi-server-refresh.json5" << FileEdit([](const QString &path, QString *error) {
                   return ConfigTokenPatcher::patchOpenImToken(path, "west",
                                                               "eyJhbGciOiJIUzI1NiJ9.west-refreshed.sig", error);
               })
            << "multi-server-refresh.patch-west-token.json5";
        QTest::newRow("remove the first of two accounts")
            << "multi-server-refresh.json5" << asEditor([](QJsonObject &root) {
                   ConfigEditor::removeAccount(root, {kOpenImChannel, "east"});
               })
            << "multi-server-refresh.remove-east.json5";
        QTest::newRow("accounts add next to SecretRefs") << "secretrefs.json5" << asEditor([](QJsonObject &root) {
            ConfigEditor::setAt(root, ConfigEditor::accountPath({kOpenImChannel, "backup"}),
                                QJsonObject{{"wsAddr", "wss://im2.example.org:10001"},
                                            {"apiAddr", "https://im2.example.org:10002"},
                                            {"enabled", false}});
        }) << "secretrefs.add-backup.json5";
        QTest::newRow("disable inside a one-line object")
            << "json5-grammar.json5" << asEditor([](QJsonObject &root) {
                   ConfigEditor::setAccountField(root, {kGotifyChannel, "ops"}, "enabled", false);
               })
            << "json5-grammar.disable-ops.json5";
    }
    void edit_changesOnlyWhatItEdits()
    {
        QFETCH(QString, input);
        QFETCH(FileEdit, edit);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(input);
        QVERIFY(QFile::copy(corpus(input), path));
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup));
        QString error;
        QVERIFY2(edit(path, &error), qPrintable(error));
        const QByteArray got = readAll(path);
        const QByteArray want = readAll(corpus("expected/" + expected));
        QVERIFY(!want.isEmpty());
        if (got != want)
            qWarning().noquote() << "got:\n" + QString::fromUtf8(got);
        QCOMPARE(got, want);
        // The previous version is kept; the mode is the file's own, or owner-only when the file
        // holds a token in plain text (configsaver.h; tst_config_save checks that rule's cases).
        QCOMPARE(readAll(path + ".bak"), readAll(corpus(input)));
        const bool secret = holdsInlineSecret(ConfigDocument::fromText(want)->root().toJson());
        QCOMPARE(QFile::permissions(path) & ~(QFile::ReadUser | QFile::WriteUser | QFile::ExeUser),
                 secret ? QFile::ReadOwner | QFile::WriteOwner
                        : QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup);
        QVERIFY(loadConfig(path).jsonValid);
    }

    void editorSave_afterATokenRefresh_keepsTheRefreshedToken()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("openclaw.json");
        QVERIFY(QFile::copy(corpus("multi-server-refresh.json5"), path));
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
        const QJsonObject loaded = loadConfig(path).config.raw; // the editor opens
        QString error;
        QVERIFY2(ConfigTokenPatcher::patchOpenImToken(path, "west", "refreshed.west", &error),
                 qPrintable(error)); // a refresh lands meanwhile
        QJsonObject edited = loaded;
        ConfigEditor::setAccountField(edited, {kOpenImChannel, "east"}, "enabled", false);
        QVERIFY2(saveConfigChanges(path, loaded, edited, &error), qPrintable(error));
        const LoadResult after = loadConfig(path);
        QCOMPARE(after.config.openimAccount("west")->token, QStringLiteral("refreshed.west"));
        QCOMPARE(after.config.openimAccount("east")->enabled, false);
    }

    void document_insertsIntoEmptyObjects_andNewFilesAreTwoSpaceJson()
    {
        auto doc = ConfigDocument::fromText("{\n  channels: {},\n}\n");
        QVERIFY(doc);
        QVERIFY(doc->set({"channels", "gotify", "accounts", "a", "serverUrl"}, QStringLiteral("http://h")));
        QCOMPARE(doc->text(), QByteArray("{\n  channels: {\n    gotify: {\n      accounts: {\n"
                                         "        a: {\n          serverUrl: \"http://h\",\n"
                                         "        },\n      },\n    },\n  },\n}\n"));
        QCOMPARE(ConfigDocument::fromJson(QJsonObject{{"a", QJsonObject{{"b", 1}}}}).text(),
                 QByteArray("{\n  \"a\": {\n    \"b\": 1\n  }\n}\n"));
    }

    void document_setDeeperThanTheReaderAllows_isRefusedBeforeBuildingIt_andChangesNothing()
    {
        // 3,000 keys: building that text before refusing it took minutes (it grows with the
        // square of the depth and was rebuilt at every level), far past this suite's timeout.
        auto doc = ConfigDocument::fromText("{\n  a: 1,\n}\n");
        QVERIFY(doc);
        QStringList path;
        for (int i = 0; i < 3000; ++i)
            path << QStringLiteral("k%1").arg(i);
        QString error;
        QVERIFY(!doc->set(path, QStringLiteral("v"), &error));
        QVERIFY2(error.contains(QLatin1String("nested more than 256 deep")), qPrintable(error));
        QVERIFY2(error.size() < 200, qPrintable(error));
        QCOMPARE(doc->text(), QByteArray("{\n  a: 1,\n}\n"));
        // The deepest edit the reader takes is still made.
        QVERIFY(doc->set(path.mid(0, 200), QStringLiteral("v"), &error));
    }

    void document_removesTheOnlyMember_andInlineMembers()
    {
        auto doc = ConfigDocument::fromText("{ a: 1, b: { c: 2, d: 3 }, e: [1, 2, 3] }");
        QVERIFY(doc);
        QVERIFY(doc->remove({"b", "d"}));
        QVERIFY(doc->remove({"a"}));
        QVERIFY(doc->removeItem({"e"}, 1));
        QCOMPARE(doc->text(), QByteArray("{ b: { c: 2 }, e: [1, 3] }"));
        QVERIFY(!doc->remove({"nothing"}));
    }

    // Found by tests/fuzz/config_document: "abc\n" passed the identifier check (a regular
    // expression ending in '$', which also matches before a final newline), was written as the
    // bare key `abc\n:`, and the file then read as key "abc".
    void document_keyThatIsNotAnIdentifier_isQuoted_andReadsBackAsItself()
    {
        for (const QString &key : {QStringLiteral("abc\n"), QStringLiteral("a b"), QStringLiteral("1a")}) {
            auto doc = ConfigDocument::fromText("{ a: 1, b: 2 }");
            QVERIFY(doc);
            QVERIFY(doc->set({key}, QStringLiteral("v")));
            const auto reread = ConfigDocument::fromText(doc->text());
            QVERIFY2(reread, doc->text().constData());
            QCOMPARE(reread->object().value(key).toString(), QStringLiteral("v"));
            QCOMPARE(reread->object().size(), 3);
        }
    }

    // Found by tests/fuzz/config_document: a `//` comment ended by a CR alone was taken to run
    // to the next LF. Removing the member before it took the closing brace along ("the text
    // ends inside an object"), and a comment line above a member swallowed the member that
    // followed the CR. JSON5 ends a comment at LF, CR, U+2028 or U+2029.
    void document_commentEndedByACrOrLineSeparator_endsThere_forEveryEdit_data()
    {
        QTest::addColumn<QByteArray>("eol");
        QTest::newRow("CR") << QByteArray("\r");
        QTest::newRow("U+2028") << QByteArray("\xE2\x80\xA8");
        QTest::newRow("U+2029") << QByteArray("\xE2\x80\xA9");
    }

    void document_commentEndedByACrOrLineSeparator_endsThere_forEveryEdit()
    {
        QFETCH(QByteArray, eol);
        const QByteArray lastMember = "{\n bz: {c: 'd'}, // note" + eol + "}";
        const QByteArray commentAbove = "{\n // note" + eol + " x: 1,\n y: 2\n}";
        const auto readsAs = [](const ConfigDocument &doc, const QJsonObject &expected) {
            const auto again = ConfigDocument::fromText(doc.text());
            return again && again->object() == expected;
        };

        auto doc = ConfigDocument::fromText(lastMember);
        QVERIFY(doc);
        QString error;
        QVERIFY2(doc->remove({"bz"}, &error), qPrintable(error));
        QVERIFY2(readsAs(*doc, {}), doc->text().constData());

        doc = ConfigDocument::fromText(lastMember);
        QVERIFY2(doc->applyChanges(doc->object(), QJsonObject{{"za", 1}}, &error), qPrintable(error));
        QVERIFY2(readsAs(*doc, {{"za", 1}}), doc->text().constData());

        doc = ConfigDocument::fromText(lastMember);
        QVERIFY2(doc->set({"n"}, 2, &error), qPrintable(error));
        QVERIFY2(readsAs(*doc, {{"bz", QJsonObject{{"c", "d"}}}, {"n", 2}}), doc->text().constData());

        doc = ConfigDocument::fromText(commentAbove);
        QVERIFY(doc);
        QVERIFY2(doc->remove({"x"}, &error), qPrintable(error));
        QVERIFY2(readsAs(*doc, {{"y", 2}}), doc->text().constData());

        doc = ConfigDocument::fromText(commentAbove);
        QVERIFY2(doc->remove({"y"}, &error), qPrintable(error));
        QVERIFY2(readsAs(*doc, {{"x", 1}}), doc->text().constData());
    }

    // A line that opens with a block comment and ends with one holds a member between them: it
    // is not a comment line that goes with the member below it.
    void document_removingAMember_keepsTheMemberBetweenTwoBlockCommentsAboveIt()
    {
        auto doc = ConfigDocument::fromText("{\n  /* a */ x: 1, /* b */\n  y: 2\n}");
        QVERIFY(doc);
        QVERIFY(doc->remove({"y"}));
        const auto again = ConfigDocument::fromText(doc->text());
        const QJsonObject expected{{"x", 1}};
        QVERIFY2(again && again->object() == expected, doc->text().constData());
    }

    void document_refusesToReplaceANonObjectParent_textUnchanged()
    {
        auto doc = ConfigDocument::fromText("{ channels: 'x' }");
        QVERIFY(doc);
        QString error;
        QVERIFY(!doc->set({"channels", "gotify"}, 1, &error));
        QCOMPARE(error, QStringLiteral("cannot set channels.gotify: channels is a single value, not an object"));
        QCOMPARE(doc->text(), QByteArray("{ channels: 'x' }"));
    }

    void save_ofAFileThatBecameInvalid_refusesAndLeavesItByteForByte()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("openclaw.json");
        QVERIFY(writeAll(path, "{ a: 1, // half-typed\n  b: \n"));
        QString error;
        QVERIFY(!saveConfigChanges(path, QJsonObject{{"a", 1}}, QJsonObject{{"a", 2}}, &error));
        QVERIFY2(error.contains("line 3, column 1"), qPrintable(error));
        QCOMPARE(readAll(path), QByteArray("{ a: 1, // half-typed\n  b: \n"));
        QVERIFY(!QFile::exists(path + ".bak"));
    }
};

QTEST_GUILESS_MAIN(TestConfigDocument)
#include "tst_config_document.moc"
