// Every file the product writes, failed mid-way: the config (a save and its .bak, an editor's
// changes such as the notification settings, a refreshed token patched in), the refresh state
// file, a manual-login marker, the autostart entry, the remembered config location and a plain
// atomic write (the demo's pid file). Each is written into a real small filesystem (tmpfs) that
// is full but for 16 KiB (the write starts and runs out of space), or remounted read-only. The
// writer reports the failure with a sentence naming the file and the reason; the old file is
// whole, byte for byte, with its mode, and no temporary file is left behind. Once the space is
// back, the same write succeeds.
#include "config/atomicfile.h"
#include "config/configlocation.h"
#include "config/configsaver.h"
#include "process/autostartfile.h"
#include "refresh/configtokenpatcher.h"
#include "refresh/manualloginmarker.h"
#include "refresh/statefile.h"
#include "smallfilesystem.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <functional>
#include <sys/stat.h>

using namespace ct;
using namespace ct::test;

namespace {

constexpr int kBig = 256 * 1024; // far more than the 16 KiB left: the write fails mid-way

struct Writer
{
    const char *name;
    QString file;    // under the small filesystem
    QByteArray seed; // the old content
    std::function<bool(const QString &path, QString *error)> write;
};

QJsonObject configWithOpenIm(const QString &token)
{
    const QJsonObject account{{"wsAddr", "ws://127.0.0.1:1"}, {"userID", "u_bot"}, {"token", token}};
    const QJsonObject channel{{"accounts", QJsonObject{{"im", account}}}};
    return QJsonObject{{"channels", QJsonObject{{"multi-openim", channel}}}};
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson();
}

QList<Writer> writers()
{
    const QString big(kBig, QLatin1Char('x'));
    const QJsonObject config = configWithOpenIm("old-token");
    return {
        {"config save", "config.json", json(config),
         [=](const QString &path, QString *error) {
             QJsonObject root = config;
             root.insert("notes", big);
             return saveConfigJson(path, root, error);
         }},
        {"config changes (notification settings)", "config.json", json(config),
         [=](const QString &path, QString *error) {
             QJsonObject after = config;
             after.insert("notifications", QJsonObject{{"mute", true}, {"notes", big}});
             return saveConfigChanges(path, config, after, error);
         }},
        {"refreshed token patched into the config", "config.json", json(config),
         [=](const QString &path, QString *error) {
             return ConfigTokenPatcher::patchOpenImToken(path, "im", big, error);
         }},
        {"refresh state file", "state.json", json(QJsonObject{{"im", QJsonObject{{"token", "old"}}}}),
         [=](const QString &path, QString *error) {
             return StateFile::writeBack(path, "im", QJsonObject{{"token", big}}, error);
         }},
        {"manual-login marker", "manual-login.im.json", R"({"reason":"old"})",
         [=](const QString &path, QString *error) {
             ManualLoginMarker marker;
             marker.address = {kOpenImChannel, "im"};
             marker.reason = "OnUserTokenExpired";
             marker.time = QDateTime::currentDateTimeUtc();
             marker.mode = "http";
             marker.lastError = big;
             return marker.write(path, {}, error);
         }},
        {"autostart entry", "autostart/org.channeltray.ChannelTray.desktop", "[Desktop Entry]\nExec=old\n",
         [=](const QString &path, QString *error) {
             return AutostartFile(QFileInfo(path).path(), "channeltray --" + big).setEnabled(true, error);
         }},
        {"config location choice", "channeltray/location.json", R"({"useGatewayConfigInPlace":"old"})",
         [=](const QString &path, QString *error) {
             // <config dir>/channeltray/location.json, <config dir> from $XDG_CONFIG_HOME.
             qputenv("XDG_CONFIG_HOME", QFile::encodeName(QFileInfo(path).path().section('/', 0, -2)));
             return rememberGatewayConfigInPlace("/gateway/" + big, error);
         }},
        {"atomic write (demo pid file)", "demo/sandbox.pid", "4242",
         [=](const QString &path, QString *error) {
             return writeFileAtomically(path, big.toUtf8(), error, false, FileMode::OwnerOnly);
         }},
    };
}

// Every entry under `dir`, recursively (a temporary file left behind shows here).
QStringList entries(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        out << QDir(dir).relativeFilePath(it.next());
    out.sort();
    return out;
}

// The permission bits as stored (QFile::permissions() drops the write bits on a read-only mount).
int modeOf(const QString &path)
{
    struct stat st
    {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

QByteArray contentOf(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

} // namespace

class TestFaultsWriters : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<SmallFilesystem> m_fs;

private Q_SLOTS:
    void init()
    {
        const QString folder = m_dir.filePath(QStringLiteral("small"));
        QDir().mkpath(folder);
        m_fs = std::make_unique<SmallFilesystem>();
        QString error;
        QVERIFY2(m_fs->mount(folder, 1 << 20, &error), qPrintable(error));
    }
    void cleanup() { m_fs.reset(); }

    void eachWriter_failedMidWay_leavesTheOldFileWhole_andSaysWhy_data()
    {
        QTest::addColumn<int>("writer");
        QTest::addColumn<bool>("readOnly");
        const QList<Writer> all = writers();
        for (int i = 0; i < all.size(); ++i) {
            QTest::addRow("%s, disk full", all.at(i).name) << i << false;
            QTest::addRow("%s, read-only", all.at(i).name) << i << true;
        }
    }
    void eachWriter_failedMidWay_leavesTheOldFileWhole_andSaysWhy()
    {
        QFETCH(int, writer);
        QFETCH(bool, readOnly);
        const Writer w = writers().at(writer);
        const QString root = m_fs->folder();
        const QString path = root + QLatin1Char('/') + w.file;
        QVERIFY(QDir().mkpath(QFileInfo(path).path()));
        {
            QFile seed(path);
            QVERIFY(seed.open(QIODevice::WriteOnly));
            QCOMPARE(seed.write(w.seed), w.seed.size());
            QVERIFY(seed.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        }
        const int mode = modeOf(path);
        QCOMPARE(mode, 0600);

        // The fault: 16 KiB left (the write starts, then ENOSPC), or the whole mount read-only.
        const QString reserve = root + QStringLiteral("/reserve");
        if (readOnly) {
            QVERIFY(m_fs->setReadOnly(true));
        } else {
            QFile r(reserve);
            QVERIFY(r.open(QIODevice::WriteOnly));
            r.write(QByteArray(16 * 1024, 'r'));
            r.close();
            QVERIFY(m_fs->fill() > 0);
            QVERIFY(QFile::remove(reserve));
        }
        const QStringList before = entries(root);
        QString error;
        QVERIFY(!w.write(path, &error));
        QVERIFY2(error.contains(QFileInfo(path).fileName()), qPrintable(error));
        const QString reason = readOnly ? QStringLiteral("Read-only file system")
                                        : QStringLiteral("No space left");
        QVERIFY2(error.contains(reason), qPrintable(error));
        QCOMPARE(contentOf(path), w.seed);
        QCOMPARE(modeOf(path), mode);
        // No temporary file left behind; a config save may have kept the old text as its .bak.
        QStringList after = entries(root);
        if (!before.contains(w.file + ".bak") && after.removeOne(w.file + ".bak"))
            QCOMPARE(contentOf(path + ".bak"), w.seed);
        QCOMPARE(after, before);

        // The space is back: the same write goes through, in place of the old file.
        if (readOnly)
            QVERIFY(m_fs->setReadOnly(false));
        m_fs->release();
        QVERIFY2(w.write(path, &error), qPrintable(error));
        QVERIFY(contentOf(path).size() >= kBig);
        QCOMPARE(modeOf(path), mode);
    }
};

CT_TEST_MAIN_WITH_MOUNTS(TestFaultsWriters) // mounting the small filesystem needs the namespace

#include "tst_faults_writers.moc"
