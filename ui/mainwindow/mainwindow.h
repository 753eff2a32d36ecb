#pragma once
// The main window: Accounts, Messages and Diagnostics tabs, or the welcome page on first run.
// Its geometry and current tab are remembered in QSettings.
#include "config/accountaddress.h"
#include "diagnosticstab.h"

#include <QMainWindow>

class QLabel;
class QStackedWidget;
class QTabWidget;

namespace ct {
class AccountRegistry;
class HistoryStore;
} // namespace ct

namespace ct::ui {

class AccountsTab;
class MessagesTab;
class WelcomePage;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class Tab { Accounts, Messages, Diagnostics };

    MainWindow(const AccountRegistry *registry, const HistoryStore *history, DiagnosticsTab::MarkerLister markers,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    void showTab(Tab tab);
    Tab currentTab() const;
    void setWelcomeVisible(bool visible);
    bool isWelcomeVisible() const;
    // A notice across the top (e.g. "no system tray found"); empty text hides it.
    void showNotice(const QString &text);
    QString notice() const;
    // Shows, un-minimizes and raises the window (tray click, second launch).
    void bringToFront();

    AccountsTab *accountsTab() const { return m_accounts; }
    MessagesTab *messagesTab() const { return m_messages; }
    DiagnosticsTab *diagnosticsTab() const { return m_diagnostics; }
    WelcomePage *welcomePage() const { return m_welcome; }

    void saveState() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void restoreState();

    QLabel *m_notice;
    QStackedWidget *m_stack;
    QTabWidget *m_tabs;
    AccountsTab *m_accounts;
    MessagesTab *m_messages;
    DiagnosticsTab *m_diagnostics;
    WelcomePage *m_welcome;
};

} // namespace ct::ui
