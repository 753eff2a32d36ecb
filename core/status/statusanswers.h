#pragma once
// The JSON bodies of GET /status and GET /health. Both use the envelope of the Gotify gateway
// plugin's /gotify/status and /gotify/health routes: {"ok": bool, "data": {"accounts": […]}}.
// A health entry carries the plugin's per-account fields (accountId, ok, latencyMs, error when
// not ok) plus account, channel and state. No token is ever part of an answer (token expiry
// only).
#include "statusboard.h"

#include <QJsonObject>

namespace ct {

QJsonObject statusAccountJson(const AccountStatus &status);
QJsonObject statusDocument(const QList<AccountStatus> &accounts, const HistoryHealth &history = {});

// An enabled account is healthy when connected; a disabled one is listed and never fails.
bool accountHealthy(const AccountStatus &status);
QJsonObject healthAccountJson(const AccountStatus &status);
// ok: every listed enabled account is connected.
QJsonObject healthDocument(const QList<AccountStatus> &accounts);

} // namespace ct
