#pragma once
#include "configmodel.h"
#include "jsonreader.h"

namespace ct {

// Reads channels.multi-openim into `out`. OpenIM only has named accounts
// (channels.multi-openim.accounts.<id>); a block without any is a problem.
void readOpenImChannel(const QJsonObject &block, JsonReader &reader, OpenImChannelConfig &out);

// Reads the optional "inbound" object of `owner` (at `ownerPath`: {enabled, reconnectDelayMs,
// maxReconnectDelayMs, maxReconnectAttempts}) over `inOut`: what the object sets replaces, the
// rest stays. A missing object leaves `inOut` as it is.
void readInboundSettings(const QJsonObject &owner, const QString &ownerPath, JsonReader &reader,
                         InboundSettings &inOut);

// One entry of an `accounts` block: its id becomes part of "<channel>/<id>" addresses and
// keychain keys, so it must be non-empty and free of '/', and its value must be an object.
// Records a problem at `path` and returns false otherwise.
bool checkAccountEntry(const QString &id, const QJsonValue &value, const QString &path, JsonReader &reader);

} // namespace ct
