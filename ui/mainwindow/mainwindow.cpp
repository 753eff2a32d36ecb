#include "mainwindow.h"

#include "accountstab.h"
#include "common/logo.h"
#include "common/resources.h"
#include "firstrun/welcomepage.h"
#include "history/messagestab.h"

#include <QCloseEvent>
#include <QLabel>
#include <QSettings>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ct::ui {

namespace {
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kTabKey = QStringLiteral("mainWindow/tab");
} // namespace

MainWindow::MainWindow(const AccountRegistry *registry, const HistoryStore *history,
                       DiagnosticsTab::MarkerLister markers, QWidget *parent)
    : QMainWindow(parent), m_notice(new QLabel), m_stack(new QStackedWidget), m_tabs(new QTabWidget),
      m_accounts(new AccountsTab(registry)), m_messages(new MessagesTab(registry, history)),
      m_diagnostics(new DiagnosticsTab(registry, std::move(markers))), m_welcome(new WelcomePage)
{
    initResources();
    setWindowTitle(tr("ChannelTray"));
    setWindowIcon(logoIcon());
    setMinimumSize(640, 420);
    setAccessibleName(tr("ChannelTray main window"));

    m_tabs->addTab(m_accounts, tr("&Accounts"));
    m_tabs->addTab(m_messages, tr("&Messages"));
    m_tabs->addTab(m_diagnostics, tr("&Diagnostics"));
    m_stack->addWidget(m_tabs);
    m_stack->addWidget(m_welcome);

    m_notice->setWordWrap(true);
    m_notice->setMargin(8);
    m_notice->setStyleSheet(QStringLiteral("background:#fff4ce;color:#3b2f00;border-bottom:1px solid #e0c870"));
    m_notice->hide();

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_notice);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    connect(m_accounts, &AccountsTab::messagesRequested, this, [this](const AccountAddress &a) {
        m_messages->showAccount(a);
        showTab(Tab::Messages);
    });
    restoreState();
}

MainWindow::~MainWindow() = default;

void MainWindow::showTab(Tab tab)
{
    setWelcomeVisible(false);
    m_tabs->setCurrentIndex(int(tab));
}

MainWindow::Tab MainWindow::currentTab() const
{
    return Tab(m_tabs->currentIndex());
}

void MainWindow::setWelcomeVisible(bool visible)
{
    m_stack->setCurrentWidget(visible ? static_cast<QWidget *>(m_welcome) : m_tabs);
}

bool MainWindow::isWelcomeVisible() const
{
    return m_stack->currentWidget() == m_welcome;
}

void MainWindow::showNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

QString MainWindow::notice() const
{
    return m_notice->isVisibleTo(this) ? m_notice->text() : QString();
}

void MainWindow::bringToFront()
{
    show();
    setWindowState((windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    raise();
    activateWindow();
}

void MainWindow::saveState() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kTabKey, m_tabs->currentIndex());
}

void MainWindow::restoreState()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        resize(900, 600);
    m_tabs->setCurrentIndex(settings.value(kTabKey, 0).toInt());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    QMainWindow::closeEvent(event); // the tray keeps the application running
}

} // namespace ct::ui
