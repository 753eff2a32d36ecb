#pragma once
// The Diagnostics tab: the live server probe results (ProbeTable), a log of every account state
// change since start, and the manual-login marker files (listed by a function the application
// passes in; ui/ reads no files itself). An account needing a login lists the markers again,
// once per kMarkerDelayMs however many accounts did (issue 11: a thousand accounts refused at
// once were a thousand listings of the folder).
#include "accounts/accountstate.h"
#include "config/accountaddress.h"

#include <QTimer>
#include <QWidget>
#include <functional>

class QListWidget;
class QPlainTextEdit;

namespace ct {
class AccountRegistry;
}

namespace ct::ui {

class ProbeTable;

class DiagnosticsTab : public QWidget
{
    Q_OBJECT
public:
    using MarkerLister = std::function<QStringList()>;
    static constexpr int kMarkerDelayMs = 100;

    DiagnosticsTab(const AccountRegistry *registry, MarkerLister markers, QWidget *parent = nullptr);

    void addEvent(const QString &text);
    QStringList events() const;
    void refreshMarkers();
    QListWidget *markerList() const { return m_markers; }
    ProbeTable *probeTable() const { return m_probes; }

private:
    void onStateChanged(const ct::AccountAddress &address, ct::AccountState state, const QString &detail);

    MarkerLister m_lister;
    ProbeTable *m_probes;
    QPlainTextEdit *m_log;
    QListWidget *m_markers;
    QTimer m_markerDelay;
};

} // namespace ct::ui
