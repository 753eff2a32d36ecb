#include "gotifyadminwindow.h"

#include "applicationspage.h"
#include "clientspage.h"
#include "gotify/gotifyapi.h"
#include "messagespage.h"

#include <QComboBox>
#include <QFormLayout>
#include <QJsonObject>
#include <QLabel>
#include <QPointer>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ct::ui {

GotifyAdminWindow::GotifyAdminWindow(ApiLookup lookup, MessageBox *messageBox, QWidget *parent)
    : QWidget(parent, Qt::Window), m_lookup(std::move(lookup)), m_account(new QComboBox), m_notice(new QLabel),
      m_tabs(new QTabWidget), m_apps(new ApplicationsPage(messageBox)), m_clients(new ClientsPage(messageBox)),
      m_messages(new MessagesPage(messageBox))
{
    setWindowTitle(tr("Gotify administration"));
    setMinimumSize(640, 480);
    m_account->setAccessibleName(tr("Gotify account to administer"));
    m_notice->setWordWrap(true);
    m_notice->setAccessibleName(tr("Notice"));
    m_tabs->addTab(m_apps, tr("&Applications"));
    m_tabs->addTab(m_clients, tr("C&lients"));
    m_tabs->addTab(m_messages, tr("&Messages"));

    auto *form = new QFormLayout;
    form->addRow(tr("Acc&ount:"), m_account);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_notice);
    layout->addWidget(m_tabs, 1);

    connect(m_account, &QComboBox::currentIndexChanged, this, &GotifyAdminWindow::accountChosen);
    connect(m_apps, &ApplicationsPage::applicationsChanged, m_messages, &MessagesPage::setApplications);
    setAccounts({});
}

void GotifyAdminWindow::setAccounts(const QList<AccountAddress> &accounts)
{
    const AccountAddress keep = currentAccount();
    {
        const QSignalBlocker block(m_account);
        m_account->clear();
        m_account->addItem(tr("Choose an account…"), QString());
        for (const AccountAddress &a : accounts)
            if (a.channel == kGotifyChannel)
                m_account->addItem(a.accountId, a.toString());
        const int index = keep.isValid() ? m_account->findData(keep.toString()) : -1;
        m_account->setCurrentIndex(index < 0 ? 0 : index);
    }
    accountChosen(); // the account's connection (and so its API) may be new
}

void GotifyAdminWindow::chooseAccount(const AccountAddress &account)
{
    const int index = m_account->findData(account.toString());
    if (index >= 0)
        m_account->setCurrentIndex(index);
}

AccountAddress GotifyAdminWindow::currentAccount() const
{
    return AccountAddress::parse(m_account->currentData().toString());
}

void GotifyAdminWindow::accountChosen()
{
    const AccountAddress account = currentAccount();
    GotifyApi *api = account.isValid() && m_lookup ? m_lookup(account) : nullptr;
    if (m_account->count() <= 1)
        m_notice->setText(tr("There is no Gotify account to administer. Add one in the Accounts tab."));
    else if (!account.isValid())
        m_notice->setText(tr("Choose the Gotify account whose server you want to administer."));
    else if (!api)
        m_notice->setText(tr("%1 has no running connection (disabled, or its tokens could not be read), so its "
                             "server cannot be administered now.")
                              .arg(account.toString()));
    else
        m_notice->clear();
    m_notice->setVisible(!m_notice->text().isEmpty());
    m_tabs->setEnabled(api != nullptr);
    m_apps->setV3(false);
    m_apps->setApi(api);
    m_clients->setApi(api);
    m_messages->setApi(api);
    if (!api)
        return;
    // Rotating an application token exists from Gotify 3 on.
    QPointer<ApplicationsPage> apps(m_apps);
    api->version([apps](const GotifyResult &r) {
        if (!apps || !r.ok())
            return;
        const QString version = r.value.toObject().value(QStringLiteral("version")).toString();
        apps->setV3(version.section(QLatin1Char('.'), 0, 0).remove(QLatin1Char('v')).toInt() >= 3);
    });
}

} // namespace ct::ui
