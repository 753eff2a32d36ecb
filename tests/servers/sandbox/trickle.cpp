#include "trickle.h"

#include "gotifyserver.h"
#include "openimloopbackserver.h"

#include <QJsonObject>
#include <QTimer>

namespace ct::sandbox {

namespace {

struct GotifyScript
{
    int server; // index into TrickleTargets::gotify
    const char *app;
    const char *title;
    const char *message;
    int priority;
    bool markdown;
    const char *clickUrl; // "" for none
};

// Titles and texts of the kind operators really receive; %1 is a running number.
const GotifyScript kGotify[] = {
    {0, "backup", "Nightly backup finished", "db-1: 41.7 GiB in 3m12s (run %1)", 3, false, ""},
    {0, "deploy", "Deployed api v1.4.%1", "Rolled out to 6/6 pods, no errors.", 5, false,
     "https://example.com/deploys/api"},
    {1, "alertmanager", "[FIRING:1] DiskFilling",
     "**web-3** `/var` is **91%** full (alert %1)\n\n| host | used |\n|---|---|\n| web-3 | 91% |\n\n"
     "Runbook: [disk full](https://example.com/runbooks/disk)",
     8, true, "https://example.com/alerts/disk-filling"},
    {0, "monitoring", "CPU back to normal", "web-2 load average 0.8 (check %1)", 2, false, ""},
    {0, "backup", "Backup failed on db-2",
     "### rsync exited with code 23\n\n- `/var/lib/postgres`: partial transfer\n- next retry in 30 min\n\n"
     "_attempt %1_",
     7, true, ""},
    {1, "uptime", "example.org is up again", "Down for 2 min, answered 200 OK (probe %1).", 4, false,
     "https://example.org"},
    {1, "alertmanager", "[RESOLVED] DiskFilling", "*web-3* is back under 80% (alert %1)", 5, true, ""},
    {0, "deploy", "Deploy waiting for approval", "release %1 of billing needs a second reviewer", 6, false,
     "https://example.com/deploys/billing"},
};

struct OpenImScript
{
    int from; // index into people
    bool group;
    bool mention; // @-mention the bot (group only)
    const char *text;
};

const OpenImScript kOpenIm[] = {
    {0, false, false, "Hi bot, did the db-2 backup run again? (%1)"},
    {1, true, false, "api v1.4 is rolling out, watch the error rate (%1)"},
    {2, true, true, "please ack the DiskFilling alert (%1)"},
    {1, false, false, "thanks, all green here (%1)"},
    {0, true, false, "who is on call tonight? (%1)"},
    {2, false, false, "can you send me the uptime report? (%1)"},
    {0, true, true, "what is the status of the billing deploy? (%1)"},
};

// Fills the running number into the script texts that have a %1 (others stay as they are).
QString numbered(const char *text, int n)
{
    return QString::fromUtf8(text).replace(QStringLiteral("%1"), QString::number(n));
}

QString shortened(const QString &text)
{
    const QString oneLine = text.simplified();
    return oneLine.size() > 60 ? oneLine.left(57) + QStringLiteral("...") : oneLine;
}

} // namespace

Trickle::Trickle(TrickleTargets targets, Say say, QObject *parent)
    : QObject(parent), m_targets(std::move(targets)), m_say(std::move(say)), m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &Trickle::tick);
}

void Trickle::start(int intervalMs)
{
    m_timer->start(qMax(100, intervalMs));
}

void Trickle::stop()
{
    m_timer->stop();
}

void Trickle::tick()
{
    ++m_tick;
    postGotify(m_tick);
    postOpenIm(m_tick);
}

void Trickle::postGotify(int n)
{
    const GotifyScript &s = kGotify[(n - 1) % int(std::size(kGotify))];
    if (s.server >= m_targets.gotify.size())
        return;
    const GotifyTarget &target = m_targets.gotify.at(s.server);
    const QString app = QString::fromLatin1(s.app);
    QJsonObject extras;
    if (s.markdown)
        extras.insert(QStringLiteral("client::display"),
                      QJsonObject{{QStringLiteral("contentType"), QStringLiteral("text/markdown")}});
    const QString clickUrl = QString::fromLatin1(s.clickUrl);
    if (!clickUrl.isEmpty())
        extras.insert(QStringLiteral("client::notification"),
                      QJsonObject{{QStringLiteral("click"), QJsonObject{{QStringLiteral("url"), clickUrl}}}});
    const QString title = numbered(s.title, n);
    const qint64 id = target.server->postMessage(numbered(s.message, n), title, s.priority, extras,
                                                 target.apps.value(app));
    QString flags;
    if (s.markdown)
        flags += QStringLiteral(" markdown");
    if (!clickUrl.isEmpty())
        flags += QStringLiteral(" click-url");
    m_say(QStringLiteral("gotify/%1: message %2 from %3, priority %4%5: %6")
              .arg(target.accountId)
              .arg(id)
              .arg(app)
              .arg(s.priority)
              .arg(flags, shortened(title)));
}

void Trickle::postOpenIm(int n)
{
    if (!m_targets.openim || m_targets.people.isEmpty())
        return;
    const OpenImScript &s = kOpenIm[(n - 1) % int(std::size(kOpenIm))];
    const QString from = m_targets.people.at(s.from % m_targets.people.size());
    const QString text = numbered(s.text, n);
    if (!s.group) {
        const auto msg = m_targets.openim->deliverDirect(from, m_targets.bot, text);
        m_say(QStringLiteral("multi-openim: %1 -> %2 (direct, seq %3): %4")
                  .arg(from, m_targets.bot)
                  .arg(msg.seq())
                  .arg(shortened(text)));
        return;
    }
    const QStringList at = s.mention ? QStringList{m_targets.bot} : QStringList{};
    const QString shown = s.mention ? QStringLiteral("@%1 %2").arg(m_targets.bot, text) : text;
    const auto msg = m_targets.openim->deliverGroup(from, m_targets.group, shown, at);
    m_say(QStringLiteral("multi-openim: %1 -> group %2 (seq %3%4): %5")
              .arg(from, m_targets.group)
              .arg(msg.seq())
              .arg(s.mention ? QStringLiteral(", mentions %1").arg(m_targets.bot) : QString(), shortened(shown)));
}

} // namespace ct::sandbox
