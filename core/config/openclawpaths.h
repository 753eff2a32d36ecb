#pragma once
// Where OpenClaw keeps its files, by the rules of its own path resolver, so ChannelTray finds
// the gateway's openclaw.json and its `.env` where the gateway does:
//
// - home: $OPENCLAW_HOME when set (a leading "~" is the user's home), else $HOME.
// - state directory: $OPENCLAW_STATE_DIR (legacy name $CLAWDBOT_STATE_DIR) when set; else
//   ~/.openclaw, or the first of the legacy ~/.clawdbot, ~/.moldbot, ~/.moltbot that exists
//   when ~/.openclaw does not.
// - config file: $OPENCLAW_CONFIG_PATH (legacy $CLAWDBOT_CONFIG_PATH) when set, used as is
//   even when the file is missing. Otherwise the first existing of: openclaw.json (then the
//   legacy clawdbot.json, moldbot.json, moltbot.json) in $OPENCLAW_STATE_DIR when set, then in
//   ~/.openclaw, ~/.clawdbot, ~/.moldbot, ~/.moltbot; when none exists, openclaw.json in the
//   state directory.
//
// Values are trimmed; "~" and "~/…" are expanded; a relative path is taken from the current
// directory. Functions take the environment so that tests (and doctor) can pass their own.
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace ct {

QString openClawHome(const QProcessEnvironment &env);
QString openClawStateDir(const QProcessEnvironment &env);
// The global `.env` files OpenClaw loads, first one winning: <state directory>/.env, then, when
// no state directory is set, the compatibility fallback ~/.config/openclaw/gateway.env.
QStringList openClawDotEnvFiles(const QProcessEnvironment &env);
// Every place looked at for the config file, in order.
QStringList openClawConfigCandidates(const QProcessEnvironment &env);

struct GatewayConfigLocation
{
    QString path; // absolute; empty never
    bool exists = false;
    QString reason; // why this file, for doctor and the first-run page ("$OPENCLAW_CONFIG_PATH")
};

// The gateway's config file as OpenClaw would pick it.
GatewayConfigLocation findGatewayConfig(const QProcessEnvironment &env);

} // namespace ct
