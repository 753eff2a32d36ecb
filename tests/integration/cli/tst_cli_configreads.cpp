// One command, one read of the config file: the real `channeltray` binary under an inotify watch
// of the config's directory, counting the closes of the config file opened to read
// (IN_CLOSE_NOWRITE; IN_OPEN is watched too, so two reads in a row are not one event: inotify
// merges a queued event with an identical one that follows it). A command that edits the file reads it once before the edit; the runtime's
// writer then reads the file as it is now (so a token refreshed meanwhile stays) and reads it
// again once written (docs/architecture.md "Who owns what", writes to the config file).
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/inotify.h>
#include <unistd.h>

namespace {
// Closes of `name` (opened read-only) in `dir`, and whether a file was renamed onto it, while
// `args` ran.
struct Reads
{
    int exitCode = -1;
    int beforeWrite = 0; // reads before the first rename onto the file
    int total = 0;
    QString err;
    QString out;
};

Reads countReads(const QString &dir, const QString &name, const QStringList &args, const QByteArray &input = {})
{
    Reads r;
    const int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd < 0
        || inotify_add_watch(fd, QFile::encodeName(dir).constData(), IN_OPEN | IN_CLOSE_NOWRITE | IN_MOVED_TO) < 0)
        return r;
    QProcess p;
    p.start(qEnvironmentVariable("CHANNELTRAY_BINARY_DIR") + QStringLiteral("/app/channeltray"), args);
    if (p.waitForStarted(10000)) {
        p.write(input);
        p.closeWriteChannel();
        p.waitForFinished(60000);
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.err = QString::fromUtf8(p.readAllStandardError());
        r.out = QString::fromUtf8(p.readAllStandardOutput());
    }
    // The process has ended: every event it caused is queued.
    bool written = false;
    alignas(inotify_event) char buffer[64 * 1024];
    for (ssize_t n; (n = read(fd, buffer, sizeof buffer)) > 0;) {
        for (char *at = buffer; at < buffer + n;) {
            const auto *e = reinterpret_cast<const inotify_event *>(at);
            if (e->len > 0 && QFile::decodeName(e->name) == name) {
                if (e->mask & IN_MOVED_TO)
                    written = true;
                else if (e->mask & IN_CLOSE_NOWRITE) {
                    ++r.total;
                    if (!written)
                        ++r.beforeWrite;
                }
            }
            at += sizeof(inotify_event) + e->len;
        }
    }
    close(fd);
    return r;
}
} // namespace

class TestCliConfigReads : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_config;

    QStringList with(QStringList args) const { return args << QStringLiteral("--config") << m_config; }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_config = m_dir.filePath(QStringLiteral("config.json"));
        QFile f(m_config);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("{ channels: { gotify: { accounts: {\n"
                "  ops: { serverUrl: 'http://127.0.0.1:1', clientToken: 'C.inline-ops' },\n"
                "  spare: { serverUrl: 'http://127.0.0.1:1' } } } } }\n");
    }

    void accountsList_readsTheConfigOnce()
    {
        const Reads r = countReads(m_dir.path(), "config.json", with({"accounts", "list"}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.total, 1);
    }

    void notificationsList_readsTheConfigOnce()
    {
        const Reads r = countReads(m_dir.path(), "config.json", with({"notifications", "list"}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.total, 1);
    }

    void notificationsMute_readsOnceBeforeTheWritersOwnRead()
    {
        const Reads r = countReads(m_dir.path(), "config.json", with({"notifications", "mute", "gotify/ops"}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.beforeWrite, 2); // the command's read, the writer's read of the file as it is now
        QCOMPARE(r.total, 3);       // and the document read again once written
    }

    void accountsRemove_readsOnceBeforeTheWritersOwnRead()
    {
        const Reads r = countReads(m_dir.path(), "config.json",
                                   with({"accounts", "remove", "gotify/spare", "--keep-secrets"}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.beforeWrite, 2);
        QCOMPARE(r.total, 3);
    }

    // doctor reports the file's sources, includes and exposure (a file others can read is read
    // for inline tokens) besides validating it: all from its one read.
    void doctor_readsTheConfigOnce_evenWhenOthersCanReadIt()
    {
        QVERIFY(QFile::setPermissions(m_config,
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
        const Reads r = countReads(m_dir.path(), "config.json", with({"doctor"}));
        QVERIFY2(r.exitCode == 0 || r.exitCode == 1, qPrintable(r.err)); // 1: `spare` has no token
        QVERIFY2(r.out.contains(QLatin1String("holds tokens in plain text and others can read it")),
                 qPrintable(r.out));
        QCOMPARE(r.total, 1);
    }

    void doctor_readsTheTopFileAndEachIncludedFileOnce()
    {
        QFile top(m_config);
        QVERIFY(top.open(QIODevice::WriteOnly | QIODevice::Truncate));
        top.write("{ channels: { gotify: { $include: './gotify.json5' } } }\n");
        top.close();
        QFile included(m_dir.filePath(QStringLiteral("gotify.json5")));
        QVERIFY(included.open(QIODevice::WriteOnly | QIODevice::Truncate));
        included.write(
            "{ accounts: { ops: { serverUrl: 'http://127.0.0.1:1', clientToken: 'C.inline-ops' } } }\n");
        included.close();
        const Reads r = countReads(m_dir.path(), "config.json", with({"doctor", "--json"}));
        QVERIFY2(r.exitCode == 0 || r.exitCode == 1, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("gotify.json5")), qPrintable(r.out)); // listed as an include
        QCOMPARE(r.total, 1);
        QCOMPARE(countReads(m_dir.path(), "gotify.json5", with({"doctor", "--json"})).total, 1);
    }

    void accountsAdd_readsOnceBeforeTheWritersOwnRead()
    {
        const Reads r = countReads(m_dir.path(), "config.json",
                                   with({"accounts", "add", "gotify/new", "--server-url", "http://127.0.0.1:2"}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.beforeWrite, 2);
        QCOMPARE(r.total, 3);
    }
};

QTEST_GUILESS_MAIN(TestCliConfigReads)
#include "tst_cli_configreads.moc"
