#include "probetable.h"

#include "runtime/appruntime.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ct::ui {

ProbeTable::ProbeTable(QWidget *parent)
    : QWidget(parent), m_note(new QLabel), m_table(new QTableWidget(0, ColumnCount)),
      m_probe(new QPushButton(tr("&Probe now")))
{
    m_table->setHorizontalHeaderLabels({tr("Account"), tr("Result"), tr("Server"), tr("User"), tr("Token"),
                                        tr("Latency"), tr("Checked"), tr("Error")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAccessibleName(tr("Probe results"));
    m_table->setMinimumHeight(100);
    m_probe->setAccessibleDescription(tr("Checks every connected account against its server now."));
    m_probe->setEnabled(false);
    m_note->setWordWrap(true);
    m_note->setText(tr("Health probes are not available in this session."));
    connect(m_probe, &QPushButton::clicked, this, &ProbeTable::probeNow);
    m_resize.setSingleShot(true);
    m_resize.setInterval(1000);
    connect(&m_resize, &QTimer::timeout, this, [this] {
        if (!isVisible())
            return; // measured when shown
        m_resizePending = false;
        m_table->resizeColumnsToContents();
    });

    auto *label = new QLabel(tr("Ser&ver probes (as doctor --probe):"));
    label->setBuddy(m_table);
    auto *row = new QHBoxLayout;
    row->addWidget(m_note, 1);
    row->addWidget(m_probe);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_table, 1);
    layout->addLayout(row);
}

void ProbeTable::setSource(AppRuntime *runtime, NotConnectedReason notConnected)
{
    disconnect(m_connection);
    m_runtime = runtime;
    m_notConnected = std::move(notConnected);
    m_probe->setEnabled(m_runtime != nullptr);
    m_note->setText(m_runtime ? tr("Each account is probed on its health-check interval, shortly after start, "
                                   "and when you press Probe now.")
                              : tr("Health probes are not available in this session."));
    if (m_runtime)
        m_connection = connect(m_runtime, &AppRuntime::probeFinished, this, &ProbeTable::onProbeFinished);
    syncAccounts();
}

void ProbeTable::scheduleResize()
{
    m_resizePending = true;
    if (!m_resize.isActive())
        m_resize.start();
}

void ProbeTable::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_resizePending) {
        m_resizePending = false;
        m_table->resizeColumnsToContents();
    }
}

int ProbeTable::rowFor(const AccountAddress &account)
{
    const QString name = account.toString();
    if (QTableWidgetItem *item = m_rows.value(name))
        return item->row();
    const int r = m_table->rowCount();
    m_table->insertRow(r);
    for (int c = 0; c < ColumnCount; ++c)
        m_table->setItem(r, c, new QTableWidgetItem);
    m_table->item(r, AccountColumn)->setText(name);
    m_table->item(r, ResultColumn)->setText(tr("not probed yet"));
    m_rows.insert(name, m_table->item(r, AccountColumn));
    return r;
}

void ProbeTable::syncAccounts()
{
    if (!m_runtime)
        return;
    QSet<QString> wanted;
    m_table->setSortingEnabled(false);
    for (const AccountAddress &a : m_runtime->probedAccounts()) {
        wanted.insert(a.toString());
        rowFor(a);
    }
    for (int r = m_table->rowCount() - 1; r >= 0; --r) {
        const QString name = m_table->item(r, AccountColumn)->text();
        if (!wanted.contains(name)) {
            m_rows.remove(name);
            m_table->removeRow(r);
        }
    }
    m_table->sortItems(AccountColumn);
    scheduleResize();
}

QString ProbeTable::cell(const AccountAddress &account, Column column) const
{
    const QTableWidgetItem *item = m_rows.value(account.toString());
    return item ? m_table->item(item->row(), column)->text() : QString();
}

void ProbeTable::probeNow()
{
    if (!m_runtime)
        return;
    syncAccounts();
    for (const AccountAddress &a : m_runtime->probedAccounts()) {
        const QString reason = m_notConnected ? m_notConnected(a) : QString();
        m_table->item(rowFor(a), ResultColumn)
            ->setText(reason.isEmpty() ? tr("probing…") : tr("not probed: %1").arg(reason));
        m_runtime->probeNow(a);
    }
}

void ProbeTable::onProbeFinished(const AccountAddress &address, const ProbeResult &result)
{
    const ProbeDetails d = m_runtime ? m_runtime->probeDetails(address) : ProbeDetails{};
    const int r = rowFor(address);
    const auto set = [&](Column c, const QString &text) { m_table->item(r, c)->setText(text); };
    set(ResultColumn, result.ok ? tr("OK") : d.reachable ? tr("reachable, with problems") : tr("unreachable"));
    QString server = d.version.isEmpty() ? QString() : tr("version %1").arg(d.version);
    if (!d.health.isEmpty())
        server = server.isEmpty() ? tr("health %1").arg(d.health) : tr("%1, health %2").arg(server, d.health);
    set(ServerColumn, server);
    set(UserColumn, d.user);
    const bool refused = result.tokenRefused || (d.tokenAccepted.has_value() && !*d.tokenAccepted);
    set(TokenColumn, refused ? tr("refused") : d.tokenAccepted.has_value() ? tr("accepted") : QString());
    set(LatencyColumn, result.latencyMs >= 0 ? tr("%1 ms").arg(result.latencyMs) : QString());
    set(CheckedColumn, QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")));
    set(ErrorColumn, result.error);
    m_table->item(r, ErrorColumn)->setToolTip(result.error);
    scheduleResize();
}

} // namespace ct::ui
