#include "statelabels.h"

namespace ct::ui {

QString StateLabels::label(AccountState state)
{
    switch (state) {
    case AccountState::Disabled:
        return tr("disabled");
    case AccountState::Connecting:
        return tr("connecting");
    case AccountState::Connected:
        return tr("connected");
    case AccountState::Backoff:
        return tr("waiting to retry");
    case AccountState::Refreshing:
        return tr("refreshing token");
    case AccountState::NeedsLogin:
        return tr("needs login");
    case AccountState::Failed:
        return tr("failed");
    case AccountState::Offline:
        return tr("offline");
    }
    return {};
}

QColor StateLabels::color(AccountState state)
{
    switch (state) {
    case AccountState::Connected:
        return QColor(0x2e, 0xa0, 0x43);
    case AccountState::Connecting:
    case AccountState::Backoff:
    case AccountState::Refreshing:
        return QColor(0xe0, 0x9b, 0x12);
    case AccountState::NeedsLogin:
    case AccountState::Failed:
        return QColor(0xd0, 0x33, 0x2b);
    case AccountState::Offline:
        return QColor(0x5b, 0x7a, 0x99);
    case AccountState::Disabled:
        break;
    }
    return QColor(0x8a, 0x8a, 0x8a);
}

QString StateLabels::relativeTime(const QDateTime &at, const QDateTime &now)
{
    if (!at.isValid())
        return {};
    const qint64 secs = now.secsTo(at);
    if (secs < 0)
        return tr("now");
    if (secs < 60)
        return tr("in %n s", nullptr, int(secs));
    if (secs < 3600)
        return tr("in %n min", nullptr, int(secs / 60));
    return at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace ct::ui
