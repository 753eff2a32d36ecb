#pragma once
// The tray as a StatusNotifierItem, where the panel hosts those (see sni/statusnotifieritem.h
// for why the item is ours and not QSystemTrayIcon's): the accounts' summary as the item shows it.
//   - Status: NeedsAttention while some account failed or needs a login or a critical message
//     is unread (`urgent`), else Active (hosts then highlight or keep the item shown);
//   - icon: the colour icon with its state dot and unread badge as pixmaps, and, where the
//     monochrome org.channeltray.ChannelTray-symbolic icon is installed, that name, which hosts
//     prefer and recolour for light and dark panels; the dot and badge then come as the overlay;
//   - tooltip: "ChannelTray" and the accounts' states (the tray's tooltip text);
//   - the tray menu over com.canonical.dbusmenu; a click on the item opens the main window.
#include "trayhealth.h"

#include <QObject>
#include <functional>

class QMenu;

namespace ct::ui {

class StatusNotifierItem;

class TrayStatusItem : public QObject
{
    Q_OBJECT
public:
    static const QString kSymbolicIconName;

    TrayStatusItem(QMenu *menu, std::function<void()> activate, QObject *parent = nullptr);

    // A StatusNotifierWatcher with a host is on the session bus.
    static bool hostAvailable();
    bool registerItem();
    void show(TrayHealth health, int unread, const QString &toolTip, bool urgent = false);

    StatusNotifierItem *item() const { return m_item; }

private:
    StatusNotifierItem *m_item;
    TrayHealth m_health = TrayHealth::AllDisabled;
    int m_unread = -1;
    bool m_urgent = false;
};

} // namespace ct::ui
