#pragma once
// Translated, human-readable names of account states (the CLI keeps the fixed English
// names from accountStateName()).
#include "accounts/accountstate.h"

#include <QColor>
#include <QCoreApplication>
#include <QDateTime>

namespace ct::ui {

class StateLabels
{
    Q_DECLARE_TR_FUNCTIONS(StateLabels)
public:
    static QString label(AccountState state);
    static QColor color(AccountState state);
    // "in 12 s", "in 3 min", or a local time for later moments; empty when invalid.
    static QString relativeTime(const QDateTime &at, const QDateTime &now = QDateTime::currentDateTimeUtc());
};

} // namespace ct::ui
