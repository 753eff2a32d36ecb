#pragma once
// The live traffic of the demo: every tick one Gotify message (priority, markdown and click URL
// vary) and one OpenIM message (direct to the bot, or to the group, now and then @-mentioning
// it). Content comes from fixed scripts, so a run is predictable; a counter keeps texts unique.
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

class QTimer;

namespace ct::testserver {
class GotifyServer;
}
namespace ct::loopback {
class OpenImLoopbackServer;
}

namespace ct::sandbox {

struct GotifyTarget
{
    QString accountId; // "ops", "alerts": only for the printed line
    ct::testserver::GotifyServer *server = nullptr;
    QHash<QString, qint64> apps; // application name → id
};

struct TrickleTargets
{
    QList<GotifyTarget> gotify;
    ct::loopback::OpenImLoopbackServer *openim = nullptr;
    QString bot;        // the account's user ("primary")
    QStringList people; // who writes to it
    QString group;
};

class Trickle : public QObject
{
    Q_OBJECT
public:
    using Say = std::function<void(const QString &line)>;
    Trickle(TrickleTargets targets, Say say, QObject *parent = nullptr);

    void start(int intervalMs);
    void stop();
    int ticks() const { return m_tick; }
    // One Gotify and one OpenIM event now (what every timer tick does).
    void tick();

private:
    void postGotify(int n);
    void postOpenIm(int n);

    TrickleTargets m_targets;
    Say m_say;
    QTimer *m_timer;
    int m_tick = 0;
};

} // namespace ct::sandbox
