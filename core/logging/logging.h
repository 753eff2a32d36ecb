#pragma once
// Every logging category of ChannelTray, in one place. Switch them with QT_LOGGING_RULES,
// e.g. QT_LOGGING_RULES="channeltray.gotify.debug=true".
// Never pass a token to a log line: format URLs and headers with ct::redact* (net/redact.h).
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcApp)      // channeltray.app
Q_DECLARE_LOGGING_CATEGORY(lcConfig)   // channeltray.config
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)  // channeltray.secrets
Q_DECLARE_LOGGING_CATEGORY(lcNet)      // channeltray.net
Q_DECLARE_LOGGING_CATEGORY(lcInbound)  // channeltray.inbound
Q_DECLARE_LOGGING_CATEGORY(lcHistory)  // channeltray.history
Q_DECLARE_LOGGING_CATEGORY(lcAccounts) // channeltray.accounts
Q_DECLARE_LOGGING_CATEGORY(lcGotify)   // channeltray.gotify
Q_DECLARE_LOGGING_CATEGORY(lcOpenIm)   // channeltray.openim
Q_DECLARE_LOGGING_CATEGORY(lcRefresh)  // channeltray.refresh
Q_DECLARE_LOGGING_CATEGORY(lcUi)       // channeltray.ui
Q_DECLARE_LOGGING_CATEGORY(lcStatus)   // channeltray.status
