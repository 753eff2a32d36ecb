#pragma once
// A real dunst (Debian's 1.9) on the test's private desktop (tests/gui/private-desktop.sh), and
// what it saw. dunst runs a rule's script for every notification it shows (and again when one
// is replaced), with DUNST_ID, DUNST_URGENCY, DUNST_DESKTOP_ENTRY, … in the environment and the
// raw icon name as the fourth argument; our script writes them to one file per showing.
// `dunstctl action N` clicks the Nth shown notification (its "default" action); `dunstctl
// context` hands the actions of the shown notifications to the configured dmenu program as
// lines "#<label> (<summary>) [<id>,<key>]" and invokes the line it prints back; our dmenu
// stand-in keeps the lines and picks the one whose label the test names.
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace ct::guitest {

class Dunst
{
public:
    using Record = QMap<QString, QString>;

    explicit Dunst(const QString &dir) : m_dir(dir) { QDir().mkpath(m_dir + QStringLiteral("/rec")); }
    ~Dunst() { stop(); }

    bool start(bool markup)
    {
        writeScript(
            QStringLiteral("record.sh"),
            QStringLiteral(
                "#!/bin/sh\n"
                "f=\"%1/rec/$(date +%s%N)\"\n"
                "{ echo \"id=$DUNST_ID\"; echo \"urgency=$DUNST_URGENCY\"; echo \"app=$DUNST_APP_NAME\";\n"
                "  echo \"icon=$4\"; echo \"iconpath=$DUNST_ICON_PATH\"; echo \"entry=$DUNST_DESKTOP_ENTRY\"; echo \"summary=$DUNST_SUMMARY\";\n"
                "  echo \"body=$DUNST_BODY\"; } > \"$f.tmp\" && mv \"$f.tmp\" \"$f\"\n")
                .arg(m_dir));
        writeScript(QStringLiteral("dmenu.sh"),
                    QStringLiteral("#!/bin/sh\n"
                                   "cat > \"%1/menu.tmp\"\n"
                                   "grep -m1 -F \"#$(cat \"%1/pick\") (\" \"%1/menu.tmp\"\n"
                                   "mv \"%1/menu.tmp\" \"%1/menu.txt\"\n")
                        .arg(m_dir));
        // The app icon by its name, as an installed icon theme would hold it.
        QDir().mkpath(m_dir + QStringLiteral("/icons"));
        QImage icon(32, 32, QImage::Format_ARGB32);
        icon.fill(Qt::darkCyan);
        icon.save(m_dir + QStringLiteral("/icons/org.channeltray.ChannelTray.png"));
        QFile rc(m_dir + QStringLiteral("/dunstrc"));
        if (!rc.open(QIODevice::WriteOnly))
            return false;
        rc.write(
            QStringLiteral(
                "[global]\n    markup = %1\n    dmenu = %2/dmenu.sh\n    icon_path = %2/icons\n    stack_duplicates = false\n"
                "[record]\n    summary = \"*\"\n    script = %2/record.sh\n")
                .arg(markup ? QStringLiteral("full") : QStringLiteral("no"), m_dir)
                .toUtf8());
        rc.close();
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.setStandardOutputFile(QProcess::nullDevice());
        m_process.start(QStringLiteral("dunst"), {QStringLiteral("-config"), rc.fileName()});
        if (!m_process.waitForStarted())
            return false;
        QDBusConnectionInterface *bus = QDBusConnection::sessionBus().interface();
        return QTest::qWaitFor(
            [bus] { return bus->isServiceRegistered(QStringLiteral("org.freedesktop.Notifications")).value(); },
            10000);
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        m_process.waitForFinished(10000);
        QDBusConnectionInterface *bus = QDBusConnection::sessionBus().interface();
        if (!QTest::qWaitFor(
                [bus] {
                    return !bus->isServiceRegistered(QStringLiteral("org.freedesktop.Notifications")).value();
                },
                10000))
            qWarning("dunst still owns org.freedesktop.Notifications");
    }

    // Every showing so far, oldest first.
    QList<Record> records() const
    {
        QList<Record> out;
        QDir rec(m_dir + QStringLiteral("/rec"));
        for (const QString &name : rec.entryList({QStringLiteral("[0-9]*")}, QDir::Files, QDir::Name)) {
            if (name.endsWith(QStringLiteral(".tmp")))
                continue;
            QFile f(rec.filePath(name));
            if (!f.open(QIODevice::ReadOnly))
                continue;
            Record r;
            QString key;
            for (const QString &line : QString::fromUtf8(f.readAll()).chopped(1).split(QLatin1Char('\n'))) {
                if (key == QStringLiteral("body")) { // the body comes last and may hold newlines
                    r[key] += QLatin1Char('\n') + line;
                    continue;
                }
                key = line.section(QLatin1Char('='), 0, 0);
                r.insert(key, line.section(QLatin1Char('='), 1));
            }
            out << r;
        }
        return out;
    }
    Record last() const
    {
        const QList<Record> all = records();
        return all.isEmpty() ? Record{} : all.last();
    }
    void clearRecords()
    {
        QDir rec(m_dir + QStringLiteral("/rec"));
        for (const QString &name : rec.entryList(QDir::Files))
            rec.remove(name);
    }

    static int ctl(const QStringList &args, QByteArray *out = nullptr)
    {
        QProcess p;
        p.start(QStringLiteral("dunstctl"), args);
        p.waitForFinished(10000);
        if (out)
            *out = p.readAllStandardOutput().trimmed();
        return p.exitCode();
    }
    static int displayed()
    {
        QByteArray out;
        ctl({QStringLiteral("count"), QStringLiteral("displayed")}, &out);
        return out.toInt();
    }
    // Clicks the first notification shown.
    static void click() { ctl({QStringLiteral("action"), QStringLiteral("0")}); }
    // Opens the context menu and picks the action with this label; returns the menu's lines.
    QStringList pick(const QString &label)
    {
        QFile f(m_dir + QStringLiteral("/pick"));
        if (f.open(QIODevice::WriteOnly))
            f.write(label.toUtf8());
        f.close();
        QFile::remove(m_dir + QStringLiteral("/menu.txt"));
        ctl({QStringLiteral("context")});
        QFile menu(m_dir + QStringLiteral("/menu.txt"));
        if (!QTest::qWaitFor([&menu] { return menu.exists(); }, 10000) || !menu.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(menu.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

private:
    void writeScript(const QString &name, const QString &text)
    {
        QFile f(m_dir + QLatin1Char('/') + name);
        if (f.open(QIODevice::WriteOnly))
            f.write(text.toUtf8());
        f.close();
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    QString m_dir;
    QProcess m_process;
};

} // namespace ct::guitest
