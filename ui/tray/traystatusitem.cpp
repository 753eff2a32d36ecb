#include "traystatusitem.h"

#include "sni/statusnotifieritem.h"
#include "trayiconengine.h"

#include <QIcon>

namespace ct::ui {

const QString TrayStatusItem::kSymbolicIconName = QStringLiteral("org.channeltray.ChannelTray-symbolic");

TrayStatusItem::TrayStatusItem(QMenu *menu, std::function<void()> activate, QObject *parent)
    : QObject(parent), m_item(new StatusNotifierItem(QStringLiteral("org.channeltray.ChannelTray"), this))
{
    m_item->setTitle(QStringLiteral("ChannelTray")); // the product name, as the panel lists it
    m_item->setMenu(menu);
    connect(m_item, &StatusNotifierItem::activated, this, [activate = std::move(activate)] {
        if (activate)
            activate();
    });
}

bool TrayStatusItem::hostAvailable()
{
    return StatusNotifierItem::hostAvailable();
}

bool TrayStatusItem::registerItem()
{
    return m_item->registerItem();
}

void TrayStatusItem::show(TrayHealth health, int unread, const QString &toolTip, bool urgent)
{
    if (health != m_health || unread != m_unread || urgent != m_urgent) {
        m_health = health;
        m_unread = unread;
        m_urgent = urgent;
        const auto engine = [health, unread, urgent](TrayIconEngine::Base base) {
            auto *e = new TrayIconEngine(health, unread, base);
            e->setUrgent(urgent);
            return QIcon(e);
        };
        // Installed (the package puts it in hicolor/symbolic/apps), the themed name is offered.
        const QString themed = QIcon::hasThemeIcon(kSymbolicIconName) ? kSymbolicIconName : QString();
        const QIcon full = engine(TrayIconEngine::Base::Logo);
        m_item->setIcon(full, themed);
        // The dot and badge alone (no base icon), for hosts that draw the themed icon.
        m_item->setOverlayIcon(themed.isEmpty() ? QIcon() : engine(TrayIconEngine::Base::None));
        m_item->setAttentionIcon(full);
    }
    const qsizetype nl = toolTip.indexOf(QLatin1Char('\n'));
    m_item->setToolTip(nl < 0 ? toolTip : toolTip.left(nl), nl < 0 ? QString() : toolTip.mid(nl + 1));
    m_item->setStatus(health == TrayHealth::Failing || urgent ? StatusNotifierItem::Status::NeedsAttention
                                                              : StatusNotifierItem::Status::Active);
}

} // namespace ct::ui
