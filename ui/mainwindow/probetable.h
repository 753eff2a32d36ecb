#pragma once
// The `doctor --probe` results, live: one row per account with the outcome of its latest health
// probe (reachable, server version, user, token accepted, health, latency, error, when), updated
// on every AppRuntime::probeFinished (the health monitor's), and "Probe now", which asks the
// runtime to check every account at once (only connected accounts are probed; a failed one is
// retried instead).
#include "config/accountaddress.h"

#include <QHash>
#include <QTimer>
#include <QWidget>
#include <functional>

class QLabel;
class QPushButton;
class QTableWidget;
class QTableWidgetItem;

namespace ct {
class AppRuntime;
struct ProbeDetails;
struct ProbeResult;
} // namespace ct

namespace ct::ui {

class ProbeTable : public QWidget
{
    Q_OBJECT
public:
    enum Column {
        AccountColumn,
        ResultColumn,
        ServerColumn,
        UserColumn,
        TokenColumn,
        LatencyColumn,
        CheckedColumn,
        ErrorColumn,
        ColumnCount
    };
    // The state of an account's connection in words when it is not connected (empty when it is).
    using NotConnectedReason = std::function<QString(const AccountAddress &)>;

    explicit ProbeTable(QWidget *parent = nullptr);

    // Without a runtime the table says probes are unavailable and "Probe now" is disabled.
    void setSource(AppRuntime *runtime, NotConnectedReason notConnected);

    QTableWidget *table() const { return m_table; }
    QPushButton *probeButton() const { return m_probe; }
    // The text of a cell of the account's row; empty when the account has no row.
    QString cell(const AccountAddress &account, Column column) const;

    void probeNow();

protected:
    void showEvent(QShowEvent *event) override;

private:
    int rowFor(const AccountAddress &account);
    // Column widths follow the contents, but measuring a thousand rows is costly: at most once
    // a second, and only while the table is shown (a hidden one is measured when shown).
    void scheduleResize();
    void syncAccounts();
    void onProbeFinished(const ct::AccountAddress &address, const ct::ProbeResult &result);

    AppRuntime *m_runtime = nullptr; // its health monitor's probes
    NotConnectedReason m_notConnected;
    QLabel *m_note;
    QTableWidget *m_table;
    QPushButton *m_probe;
    QMetaObject::Connection m_connection;
    QHash<QString, QTableWidgetItem *> m_rows; // account → the item of its Account column
    QTimer m_resize;
    bool m_resizePending = false;
};

} // namespace ct::ui
