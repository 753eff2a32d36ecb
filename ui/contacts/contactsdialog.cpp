#include "contactsdialog.h"

#include "openim/openimrest.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ct::ui {

namespace {

QTableWidget *makeTable(const QStringList &headers, const QString &name)
{
    auto *t = new QTableWidget(0, int(headers.size()));
    t->setHorizontalHeaderLabels(headers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->horizontalHeader()->setStretchLastSection(true);
    t->verticalHeader()->hide();
    t->setAccessibleName(name);
    return t;
}

void addRow(QTableWidget *t, const QStringList &cells)
{
    const int row = t->rowCount();
    t->insertRow(row);
    for (int c = 0; c < cells.size(); ++c)
        t->setItem(row, c, new QTableWidgetItem(cells.at(c)));
}

QString timeText(qint64 value)
{
    if (value <= 0)
        return {};
    // OpenIM sends milliseconds; small values are seconds.
    const QDateTime t = value > 100000000000LL ? QDateTime::fromMSecsSinceEpoch(value)
                                               : QDateTime::fromSecsSinceEpoch(value);
    return QLocale().toString(t, QLocale::ShortFormat);
}

} // namespace

ContactsDialog::ContactsDialog(const AccountAddress &account, ContactsLoader loader, QWidget *parent)
    : QDialog(parent), m_account(account), m_loader(std::move(loader)), m_message(new QLabel),
      m_tabs(new QTabWidget), m_friends(makeTable({tr("User ID"), tr("Nickname"), tr("Remark")}, tr("Friends"))),
      m_applications(
          makeTable({tr("From"), tr("Nickname"), tr("Message"), tr("Sent")}, tr("Pending friend applications"))),
      m_refresh(new QPushButton(tr("&Refresh")))
{
    setWindowTitle(tr("Contacts of %1").arg(account.toString()));
    setMinimumSize(480, 360);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_message->setAccessibleName(tr("Contacts status"));
    m_tabs->addTab(m_friends, tr("&Friends"));
    m_tabs->addTab(m_applications, tr("&Pending applications"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_refresh, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_refresh, &QPushButton::clicked, this, &ContactsDialog::reload);
    reload();
}

void ContactsDialog::reload()
{
    m_friends->setRowCount(0);
    m_applications->setRowCount(0);
    if (!m_loader) {
        ContactsResult r;
        r.error = tr("Contacts cannot be read in this build.");
        showResult(r);
        return;
    }
    m_loading = true;
    m_refresh->setEnabled(false);
    m_message->setText(tr("Reading the contacts of %1…").arg(m_account.toString()));
    QPointer<ContactsDialog> self(this);
    m_loader(m_account, [self](const ContactsResult &r) {
        if (self)
            self->showResult(r);
    });
}

void ContactsDialog::showResult(const ContactsResult &r)
{
    m_loading = false;
    m_refresh->setEnabled(bool(m_loader));
    if (!r.ok) {
        m_tabs->setEnabled(false);
        m_message->setText(r.code == kFriendApiDisabled
                               ? tr("Contacts are not available: %1. Set disableFriendSdk to false for this "
                                    "account to allow friend API calls.")
                                     .arg(r.error)
                               : tr("The contacts could not be read: %1").arg(r.error));
        Q_EMIT loaded();
        return;
    }
    m_tabs->setEnabled(true);
    for (const QJsonValue &v : r.friends.toObject().value(QStringLiteral("friendsInfo")).toArray()) {
        const QJsonObject f = v.toObject();
        const QJsonObject user = f.value(QStringLiteral("friendUser")).toObject();
        addRow(m_friends,
               {user.value(QStringLiteral("userID")).toString(), user.value(QStringLiteral("nickname")).toString(),
                f.value(QStringLiteral("remark")).toString()});
    }
    for (const QJsonValue &v : r.applications.toObject().value(QStringLiteral("friendRequests")).toArray()) {
        const QJsonObject a = v.toObject();
        addRow(m_applications,
               {a.value(QStringLiteral("fromUserID")).toString(),
                a.value(QStringLiteral("fromNickname")).toString(), a.value(QStringLiteral("reqMsg")).toString(),
                timeText(a.value(QStringLiteral("createTime")).toInteger())});
    }
    m_friends->resizeColumnsToContents();
    m_applications->resizeColumnsToContents();
    m_message->setText(tr("%n friend(s)", nullptr, m_friends->rowCount()) + QStringLiteral(" · ")
                       + tr("%n pending application(s)", nullptr, m_applications->rowCount()));
    Q_EMIT loaded();
}

} // namespace ct::ui
