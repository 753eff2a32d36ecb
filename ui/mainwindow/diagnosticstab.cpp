#include "diagnosticstab.h"

#include "accounts/accountregistry.h"
#include "common/statelabels.h"
#include "probetable.h"

#include <QDateTime>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ct::ui {

DiagnosticsTab::DiagnosticsTab(const AccountRegistry *registry, MarkerLister markers, QWidget *parent)
    : QWidget(parent), m_lister(std::move(markers)), m_probes(new ProbeTable), m_log(new QPlainTextEdit),
      m_markers(new QListWidget)
{
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(2000); // memory stays flat however long the app runs
    m_log->setAccessibleName(tr("Event log"));
    m_markers->setAccessibleName(tr("Manual-login marker files"));
    m_markers->setMaximumHeight(120);

    auto *logLabel = new QLabel(tr("&Event log (state changes since start):"));
    logLabel->setBuddy(m_log);
    auto *markerLabel = new QLabel(tr("Manual-login &marker files:"));
    markerLabel->setBuddy(m_markers);
    auto *refresh = new QPushButton(tr("Re&fresh"));
    connect(refresh, &QPushButton::clicked, this, &DiagnosticsTab::refreshMarkers);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_probes, 1);
    layout->addWidget(logLabel);
    layout->addWidget(m_log, 1);
    layout->addWidget(markerLabel);
    layout->addWidget(m_markers);
    layout->addWidget(refresh, 0, Qt::AlignLeft);

    m_markerDelay.setSingleShot(true);
    m_markerDelay.setInterval(kMarkerDelayMs);
    connect(&m_markerDelay, &QTimer::timeout, this, &DiagnosticsTab::refreshMarkers);
    if (registry)
        connect(registry, &AccountRegistry::accountStateChanged, this, &DiagnosticsTab::onStateChanged);
    refreshMarkers();
}

void DiagnosticsTab::onStateChanged(const AccountAddress &address, AccountState state, const QString &detail)
{
    QString line = tr("%1 is %2").arg(address.toString(), StateLabels::label(state));
    if (!detail.isEmpty())
        line += QStringLiteral(": ") + detail;
    addEvent(line);
    if (state == AccountState::NeedsLogin && !m_markerDelay.isActive())
        m_markerDelay.start();
}

void DiagnosticsTab::addEvent(const QString &text)
{
    const QString time = QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"));
    m_log->appendPlainText(time + QLatin1Char(' ') + text);
}

QStringList DiagnosticsTab::events() const
{
    return m_log->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

void DiagnosticsTab::refreshMarkers()
{
    m_markerDelay.stop();
    m_markers->clear();
    const QStringList files = m_lister ? m_lister() : QStringList();
    if (files.isEmpty())
        m_markers->addItem(tr("No marker files: no account is waiting for a manual login."));
    else
        m_markers->addItems(files);
}

} // namespace ct::ui
