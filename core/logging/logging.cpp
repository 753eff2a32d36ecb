#include "logging.h"

Q_LOGGING_CATEGORY(lcApp, "channeltray.app", QtInfoMsg)
Q_LOGGING_CATEGORY(lcConfig, "channeltray.config", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "channeltray.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNet, "channeltray.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcInbound, "channeltray.inbound", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHistory, "channeltray.history", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAccounts, "channeltray.accounts", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGotify, "channeltray.gotify", QtInfoMsg)
Q_LOGGING_CATEGORY(lcOpenIm, "channeltray.openim", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRefresh, "channeltray.refresh", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "channeltray.ui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStatus, "channeltray.status", QtInfoMsg)
