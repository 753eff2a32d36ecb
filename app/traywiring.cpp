#include "traywiring.h"

#include "config/atomicfile.h"
#include "config/configloader.h"
#include "demosandbox.h"
#include "net/imagefetcher.h"
#include "openim/openimrest.h"
#include "runtime/appruntime.h"
#include "secrets/tokenresolver.h"
#include "traystatusapi.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QProcess>
#include <QTimer>
#include <memory>

#ifdef Q_OS_UNIX
#include <signal.h>
#include <sys/types.h>
#endif

namespace ct::app {

namespace {

// Tokens for a draft, by the runtime's one rule: typed in the editor, else the config's
// reference or inline value, else the keychain.
void tokensFor(AppRuntime &runtime, const ui::AccountDraft &draft,
               std::function<void(QMap<QString, QString>)> done)
{
    auto tokens = std::make_shared<QMap<QString, QString>>();
    const QStringList fields = TokenResolver::fieldsFor(draft.address.channel);
    auto left = std::make_shared<qsizetype>(fields.size());
    if (fields.isEmpty()) {
        done(*tokens);
        return;
    }
    for (const QString &field : fields)
        runtime.resolveToken(
            draft.address, field,
            [tokens, left, field, done](const ResolvedToken &t) {
                if (t.found())
                    tokens->insert(field, t.value);
                if (--*left == 0)
                    done(*tokens);
            },
            draft.tokens.value(field));
}

// "Test connection" in the account editor: the draft's settings, as the config reader reads
// them, and its tokens, by the one rule, go to AppRuntime::probeDraft, the probe of the health
// monitor and `doctor --probe` (nothing connects, nothing is stored, the draft's proxy is used).
void probeDraft(AppRuntime &runtime, const ui::AccountDraft &draft, ui::ProbeDone done)
{
    tokensFor(runtime, draft, [&runtime, draft, done](const QMap<QString, QString> &tokens) {
        const bool gotify = draft.address.channel == kGotifyChannel;
        if (!gotify && tokens.value(QStringLiteral("token")).isEmpty()) {
            done(false, QCoreApplication::translate("TrayWiring", "Type the token to test the connection."));
            return;
        }
        const Config config = configFromJson(draft.applyTo(runtime.document().raw)).config;
        runtime.probeDraft(config, draft.address, tokens, [gotify, done](const AccountProbe &p) {
            const QJsonObject &r = p.report;
            if (gotify) {
                QStringList problems;
                for (const QJsonValue &problem : r.value(QStringLiteral("problems")).toArray())
                    problems << problem.toString();
                done(p.result.ok,
                     p.result.ok ? QCoreApplication::translate("TrayWiring",
                                                               "Reachable: Gotify %1, user %2, health %3, %4 ms")
                                       .arg(p.details.version, p.details.user, p.details.health)
                                       .arg(p.result.latencyMs)
                     : problems.isEmpty() ? p.problem
                                          : problems.join(QLatin1Char('\n')));
                return;
            }
            done(p.result.ok,
                 p.result.ok ? QCoreApplication::translate("TrayWiring", "Token accepted for %1 (%2), %3 ms")
                                   .arg(r.value(QStringLiteral("user")).toString(),
                                        r.value(QStringLiteral("nickname")).toString())
                                   .arg(p.result.latencyMs)
                 : p.result.error.isEmpty()
                     ? QCoreApplication::translate("TrayWiring", "The server did not accept the token.")
                     : p.result.error);
        });
    });
}

// Friends and pending applications of an OpenIM account through the core's OpenImRest (whose
// friend guard refuses while disableFriendSdk is on); the token as for a probe.
void loadContacts(AppRuntime &runtime, const AccountAddress &address, ui::ContactsDone done)
{
    const OpenImAccountConfig *found = nullptr;
    for (const OpenImAccountConfig &a : runtime.config().openim.accounts)
        if (a.address() == address)
            found = &a;
    if (!found) {
        ui::ContactsResult r;
        r.error = QCoreApplication::translate("TrayWiring", "%1 is not an OpenIM account of this configuration.")
                      .arg(address.toString());
        done(r);
        return;
    }
    const OpenImAccountConfig cfg = *found;
    ui::AccountDraft draft;
    draft.address = address;
    tokensFor(runtime, draft, [&runtime, cfg, done](const QMap<QString, QString> &tokens) {
        auto *network = new QNetworkAccessManager(&runtime);
        auto *rest = new OpenImRest(cfg, tokens.value(QStringLiteral("token")), network, network);
        auto finish = [network, done](const ui::ContactsResult &r) {
            network->deleteLater();
            done(r);
        };
        rest->friendList(cfg.userID, [rest, cfg, finish](const OpenImRestResult &friends) {
            if (!friends.ok) {
                finish({false, friends.code, friends.error, {}, {}});
                return;
            }
            rest->friendApplications(cfg.userID, [friends, finish](const OpenImRestResult &apps) {
                finish({apps.ok, apps.code, apps.error, friends.data, apps.data});
            });
        });
    });
}

// ---- "Try the demo" ----

DemoPaths withDefaults(DemoPaths p)
{
    const QString here = QCoreApplication::applicationDirPath();
    if (p.sandbox.isEmpty()) {
        // Installed: libexec, relative to bin (GNUInstallDirs); built: the build tree's layout.
        const QStringList candidates{
            QDir::cleanPath(here + QStringLiteral("/" CHANNELTRAY_SANDBOX_FROM_BIN)),
            QDir::cleanPath(here + QStringLiteral("/../tests/servers/sandbox/channeltray-sandbox")),
            here + QStringLiteral("/channeltray-sandbox")};
        p.sandbox = candidates.join(QLatin1Char('\n')); // resolved in findSandbox()
    }
    if (p.demoDir.isEmpty()) {
        QString base = qEnvironmentVariable("XDG_RUNTIME_DIR");
        if (base.isEmpty() || !QFileInfo(base).isDir())
            base = QDir::tempPath();
        p.demoDir = base + QStringLiteral("/channeltray-demo");
    }
    if (p.program.isEmpty())
        p.program = QCoreApplication::applicationFilePath();
    return p;
}

QString findSandbox(const QString &candidates)
{
    for (const QString &c : candidates.split(QLatin1Char('\n')))
        if (QFileInfo(c).isExecutable())
            return c;
    return {};
}

bool processAlive(qint64 pid)
{
#ifdef Q_OS_UNIX
    return pid > 0 && ::kill(pid_t(pid), 0) == 0;
#else
    Q_UNUSED(pid)
    return true;
#endif
}

QString tail(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray all = f.readAll().trimmed();
    return QString::fromUtf8(all.right(600));
}

void runDemo(QObject *owner, const DemoPaths &paths, const ui::DemoHooks &hooks)
{
    using Kind = ui::DemoEvent::Kind;
    const QString sandbox = findSandbox(paths.sandbox);
    if (sandbox.isEmpty()) {
        hooks.report({Kind::SandboxMissing, paths.sandbox.split(QLatin1Char('\n')).join(QStringLiteral(", "))});
        return;
    }
    const QString dir = paths.demoDir;
    const QString config = dir + QStringLiteral("/config.json");
    const QString log = dir + QStringLiteral("/sandbox.log");
    QDir().mkpath(dir + QStringLiteral("/data"));
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QString pidPath = sandboxPidFileFor(config);
    stopSandbox(pidPath);  // the one an earlier demo run left behind
    QFile::remove(config); // wait for this run's config, not an old one

    hooks.report({Kind::StartingSandbox, sandbox});
    QProcess starter;
    starter.setProgram(sandbox);
    starter.setArguments({QStringLiteral("--write-config"), config, QStringLiteral("--quiet")});
    starter.setStandardOutputFile(QProcess::nullDevice());
    starter.setStandardErrorFile(log);
    qint64 pid = 0;
    if (!starter.startDetached(&pid)) {
        hooks.report({Kind::SandboxFailed, starter.errorString()});
        return;
    }
    writeFileAtomically(pidPath, QByteArray::number(pid), nullptr, false, FileMode::OwnerOnly);
    hooks.report({Kind::WaitingForConfig, config});

    auto *poll = new QTimer(owner);
    poll->setInterval(100);
    auto waited = std::make_shared<int>(0);
    QObject::connect(poll, &QTimer::timeout, owner, [=] {
        QFile f(config);
        const bool ready = f.open(QIODevice::ReadOnly) && QJsonDocument::fromJson(f.readAll()).isObject();
        if (!ready) {
            *waited += poll->interval();
            if (!processAlive(pid)) {
                poll->deleteLater();
                stopSandbox(pidPath); // gone already: only its pid file is left
                const QString said = tail(log);
                hooks.report({Kind::SandboxFailed, said.isEmpty() ? sandbox : said});
            } else if (*waited >= 20000) {
                poll->deleteLater();
                stopSandbox(pidPath);
                hooks.report({Kind::ConfigTimeout, config});
            }
            return;
        }
        poll->deleteLater();
        hooks.report({Kind::Relaunching, config});
        QProcess tray;
        tray.setProgram(paths.program);
        tray.setArguments({QStringLiteral("--config"), config});
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir + QStringLiteral("/data"));
        tray.setProcessEnvironment(env);
        hooks.releaseInstance(); // the demo instance must become the primary one
        if (!tray.startDetached()) {
            hooks.reacquireInstance();
            hooks.report({Kind::RelaunchFailed, paths.program});
            return;
        }
        hooks.quit();
    });
    poll->start();
}

} // namespace

std::function<void(const ui::DemoHooks &)> demoLauncher(QObject *owner, const DemoPaths &paths)
{
    QPointer<QObject> guard(owner);
    const DemoPaths p = withDefaults(paths);
    return [guard, p](const ui::DemoHooks &hooks) {
        if (guard)
            runDemo(guard, p, hooks);
    };
}

ui::TrayServices trayServicesFor(AppRuntime &runtime)
{
    ui::TrayServices services;
    services.imageFetcher = new ImageFetcher(&runtime);
    services.startDemo = demoLauncher(&runtime);
    services.sender = [&runtime](const SendRequest &request, ui::SendDone done) {
        runtime.send(request, std::move(done));
    };
    services.probe = [&runtime](const ui::AccountDraft &draft, ui::ProbeDone done) {
        probeDraft(runtime, draft, done);
    };
    services.gotifyApi = [&runtime](const AccountAddress &address) { return runtime.gotifyApi(address); };
    services.contacts = [&runtime](const AccountAddress &address, ui::ContactsDone done) {
        loadContacts(runtime, address, std::move(done));
    };
    attachStatusApi(runtime); // channeltray.statusApi, off unless configured
    return services;
}

} // namespace ct::app
