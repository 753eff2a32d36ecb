#include "messagestab.h"

#include "accountchoices.h"
#include "accounts/accountregistry.h"
#include "historymodel.h"
#include "inbound/historystore.h"
#include "messageview.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace ct::ui {

MessagesTab::MessagesTab(const AccountRegistry *registry, const HistoryStore *store, QWidget *parent)
    : QWidget(parent), m_registry(registry), m_store(store), m_model(new HistoryModel(store, this)),
      m_account(new QComboBox), m_session(new QComboBox), m_search(new QLineEdit), m_searchDelay(new QTimer(this)),
      m_view(new QTableView), m_message(new MessageView)
{
    auto *filters = new QHBoxLayout;
    auto *accountLabel = new QLabel(tr("A&ccount:"));
    accountLabel->setBuddy(m_account);
    auto *sessionLabel = new QLabel(tr("Sessio&n:"));
    sessionLabel->setBuddy(m_session);
    m_account->setAccessibleName(tr("Account filter"));
    m_session->setAccessibleName(tr("Session filter"));
    m_session->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_session->setMinimumContentsLength(24);
    m_search->setPlaceholderText(tr("Search title and text"));
    m_search->setAccessibleName(tr("Search messages"));
    m_search->setClearButtonEnabled(true);
    filters->addWidget(accountLabel);
    filters->addWidget(m_account);
    filters->addWidget(sessionLabel);
    filters->addWidget(m_session, 1);
    filters->addWidget(m_search, 1);

    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    // Sorted by the store: newest first, or by priority either way (a click on its header).
    // Other columns, and time oldest first, are not offered: the indicator goes back to time.
    m_view->horizontalHeader()->setSortIndicator(HistoryModel::TimeColumn, Qt::DescendingOrder);
    m_view->setSortingEnabled(true);
    connect(m_view->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            [this](int column, Qt::SortOrder order) {
                if (column != HistoryModel::PriorityColumn
                    && (column != HistoryModel::TimeColumn || order != Qt::DescendingOrder))
                    m_view->horizontalHeader()->setSortIndicator(HistoryModel::TimeColumn, Qt::DescendingOrder);
            });
    m_view->setWordWrap(false);
    m_view->setAccessibleName(tr("Messages"));
    m_view->setColumnWidth(HistoryModel::TimeColumn, 150);
    m_view->setColumnWidth(HistoryModel::AccountColumn, 160);
    m_view->setColumnWidth(HistoryModel::FromColumn, 110);
    m_view->setColumnWidth(HistoryModel::PriorityColumn, 60);

    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_view);
    split->addWidget(m_message);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(split, 1);

    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_searchDelay, &QTimer::timeout, this, &MessagesTab::applyFilter);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    // The account list follows the registry a row at a time (AccountChoices). Rows added above
    // the chosen account move it, not change it: only a different account re-reads the sessions.
    // A chosen account that is removed gives way to "All accounts", before its row goes.
    if (m_registry)
        connect(m_registry, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                [this](const QModelIndex &, int first, int last) {
                    const int row = m_account->currentIndex() - 1;
                    if (row >= first && row <= last)
                        m_account->setCurrentIndex(0);
                });
    m_account->setModel(new AccountChoices(m_registry, tr("All accounts"), this));
    m_account->setCurrentIndex(0);
    connect(m_account, &QComboBox::currentIndexChanged, this, [this] {
        const QString chosen = m_account->currentData().toString();
        if (chosen == m_chosenAccount)
            return;
        m_chosenAccount = chosen;
        reloadSessions();
        applyFilter();
    });
    connect(m_session, &QComboBox::currentIndexChanged, this, &MessagesTab::applyFilter);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MessagesTab::showCurrent);
    auto *deleteKey = new QAction(m_view);
    deleteKey->setShortcut(QKeySequence::Delete);
    deleteKey->setShortcutContext(Qt::WidgetShortcut);
    connect(deleteKey, &QAction::triggered, this, [this] {
        if (m_view->selectionModel()->hasSelection())
            deleteRow(m_view->currentIndex().row());
    });
    m_view->addAction(deleteKey);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        std::unique_ptr<QMenu> menu(contextMenuFor(m_view->indexAt(pos).row()));
        if (menu)
            menu->exec(m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { m_message->showRecord(nullptr); });
    reloadSessions();
}

void MessagesTab::reloadSessions()
{
    const QString current = m_session->currentData().toString();
    const QSignalBlocker block(m_session);
    m_session->clear();
    m_session->addItem(tr("All sessions"), QString());
    const AccountAddress account = AccountAddress::parse(m_account->currentData().toString());
    if (account.isValid() && m_store && m_store->isOpen()) {
        for (const SessionSummary &s : m_store->sessions(account)) {
            const QString label = s.unread > 0 ? tr("%1 (%2 unread)").arg(s.sessionKey).arg(s.unread)
                                               : s.sessionKey;
            m_session->addItem(label, s.sessionKey);
        }
    }
    m_session->setCurrentIndex(qMax(0, m_session->findData(current)));
}

void MessagesTab::showAccount(const AccountAddress &account)
{
    const int i = m_account->findData(account.toString());
    if (i >= 0)
        m_account->setCurrentIndex(i);
}

bool MessagesTab::showMessage(const AccountAddress &account, const QString &messageId)
{
    showAccount(account);
    m_session->setCurrentIndex(0);
    m_search->clear();
    m_searchDelay->stop();
    applyFilter();
    constexpr int kPagesToLook = 10;
    for (int page = 0; page < kPagesToLook; ++page) {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const HistoryRecord *r = m_model->recordAt(row);
            if (r && r->message.account == account && r->message.id == messageId) {
                m_view->setCurrentIndex(m_model->index(row, 0));
                m_view->scrollTo(m_model->index(row, 0));
                return true;
            }
        }
        if (!m_model->canFetchMore({}))
            break;
        m_model->fetchMore({});
    }
    return false;
}

QMenu *MessagesTab::contextMenuFor(int row)
{
    const HistoryRecord *r = m_model->recordAt(row);
    if (!r)
        return nullptr;
    auto *menu = new QMenu(this);
    if (!r->read && r->message.direction == InboundMessage::Direction::In) {
        const qint64 rowId = r->rowId;
        const AccountAddress account = r->message.account;
        const QString id = r->message.id;
        connect(menu->addAction(tr("Mark &read")), &QAction::triggered, this, [this, row, rowId, account, id] {
            m_model->setRowRead(row, true);
            Q_EMIT readRequested(QList<qint64>{rowId});
            Q_EMIT messageRead(account, id);
        });
        menu->addSeparator();
    } else if (r->read && r->message.direction == InboundMessage::Direction::In) {
        const qint64 rowId = r->rowId;
        connect(menu->addAction(tr("Mark &unread")), &QAction::triggered, this, [this, row, rowId] {
            m_model->setRowRead(row, false);
            Q_EMIT unreadRequested(QList<qint64>{rowId});
        });
        menu->addSeparator();
    }
    if (m_extendContextMenu)
        m_extendContextMenu(menu, *r);
    menu->addSeparator();
    QAction *remove = menu->addAction(tr("&Delete from this computer"));
    remove->setShortcut(QKeySequence::Delete);
    connect(remove, &QAction::triggered, this, [this, row] { deleteRow(row); });
    return menu;
}

void MessagesTab::deleteRow(int row)
{
    const HistoryRecord *r = m_model->recordAt(row);
    if (!r)
        return;
    const qint64 rowId = r->rowId;
    const AccountAddress account = r->message.account;
    const QString id = r->message.id;
    const bool wasUnread = !r->read && r->message.direction == InboundMessage::Direction::In;
    m_model->removeRecord(row); // r is gone from here on
    Q_EMIT deleteRequested(QList<qint64>{rowId});
    if (wasUnread)
        Q_EMIT messageRead(account, id); // its notification goes too
}

void MessagesTab::applyFilter()
{
    m_model->setFilter(AccountAddress::parse(m_account->currentData().toString()),
                       m_session->currentData().toString(), m_search->text());
}

void MessagesTab::messagesArrived()
{
    if (m_view->verticalScrollBar()->value() == 0 && !m_view->selectionModel()->hasSelection())
        m_model->reload();
}

void MessagesTab::showCurrent()
{
    const HistoryRecord *r = m_model->recordAt(m_view->currentIndex().row());
    m_message->showRecord(r);
    if (r && !r->read) {
        Q_EMIT readRequested(QList<qint64>{r->rowId});
        Q_EMIT messageRead(r->message.account, r->message.id);
        m_model->setRowRead(m_view->currentIndex().row(), true);
    }
}

} // namespace ct::ui
