#include "messagespage.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ct::ui {

MessagesPage::MessagesPage(MessageBox *messageBox, QWidget *parent)
    : AdminPage(messageBox, parent), m_app(new QComboBox), m_table(new QTableWidget(0, 5)), m_page(new QLabel),
      m_newest(new QPushButton(tr("&Newest"))), m_older(new QPushButton(tr("&Older"))),
      m_delete(new QPushButton(tr("&Delete message…"))),
      m_deleteApp(new QPushButton(tr("Delete all of this appl&ication…"))),
      m_deleteAll(new QPushButton(tr("Delete &every message…")))
{
    m_app->setAccessibleName(tr("Application whose messages are shown"));
    m_table->setHorizontalHeaderLabels({tr("ID"), tr("Date"), tr("Title"), tr("Message"), tr("Priority")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setAccessibleName(tr("Messages on the server"));
    m_page->setAccessibleName(tr("Page"));

    auto *form = new QFormLayout;
    form->addRow(tr("A&pplication:"), m_app);
    auto *paging = new QHBoxLayout;
    paging->addWidget(m_newest);
    paging->addWidget(m_older);
    paging->addWidget(m_page, 1);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_delete, m_deleteApp, m_deleteAll})
        buttons->addWidget(b);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_table, 1);
    layout->addLayout(paging);
    layout->addLayout(buttons);
    layout->addWidget(makeStatusLabel());

    connect(m_app, &QComboBox::currentIndexChanged, this, [this] {
        if (api())
            reload();
    });
    connect(m_newest, &QPushButton::clicked, this, &MessagesPage::reload);
    connect(m_older, &QPushButton::clicked, this, [this] {
        if (m_nextSince > 0) {
            ++m_pageNumber;
            load(m_nextSince);
        }
    });
    connect(m_delete, &QPushButton::clicked, this, &MessagesPage::removeOne);
    connect(m_deleteApp, &QPushButton::clicked, this, &MessagesPage::removeApplication);
    connect(m_deleteAll, &QPushButton::clicked, this, &MessagesPage::removeAll);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &MessagesPage::updateButtons);
    setApplications({});
}

void MessagesPage::setApplications(const QJsonArray &applications)
{
    const qint64 keep = appId();
    const QSignalBlocker block(m_app);
    m_app->clear();
    m_app->addItem(tr("All applications"), qint64(0));
    for (const QJsonValue &v : applications) {
        const QJsonObject o = v.toObject();
        m_app->addItem(o.value(QStringLiteral("name")).toString(), o.value(QStringLiteral("id")).toInteger());
    }
    const int index = m_app->findData(keep);
    m_app->setCurrentIndex(index < 0 ? 0 : index);
    if (index < 0 && keep != 0 && api())
        reload();
    updateButtons();
}

void MessagesPage::chooseApplication(qint64 id)
{
    const int index = m_app->findData(id);
    if (index >= 0)
        m_app->setCurrentIndex(index);
}

qint64 MessagesPage::appId() const
{
    return m_app->currentData().toLongLong();
}

void MessagesPage::clear()
{
    m_table->setRowCount(0);
    m_page->clear();
    m_nextSince = 0;
    updateButtons();
}

void MessagesPage::reload()
{
    m_pageNumber = 1;
    load(0);
}

void MessagesPage::load(qint64 since)
{
    if (!api())
        return;
    api()->listMessages(
        m_pageSize, since, guarded([this, since](const GotifyResult &r) {
            if (!r.ok()) {
                showError(r.error);
                return;
            }
            const QJsonObject o = r.value.toObject();
            m_since = since;
            m_nextSince = o.value(QStringLiteral("paging")).toObject().value(QStringLiteral("since")).toInteger();
            m_table->setRowCount(0);
            for (const QJsonValue &v : o.value(QStringLiteral("messages")).toArray()) {
                const QJsonObject m = v.toObject();
                const int row = m_table->rowCount();
                m_table->insertRow(row);
                auto *id = new QTableWidgetItem(QString::number(m.value(QStringLiteral("id")).toInteger()));
                id->setData(Qt::UserRole, m.value(QStringLiteral("id")).toInteger());
                m_table->setItem(row, 0, id);
                const QDateTime date = QDateTime::fromString(m.value(QStringLiteral("date")).toString(),
                                                             Qt::ISODateWithMs);
                m_table->setItem(
                    row, 1, new QTableWidgetItem(QLocale().toString(date.toLocalTime(), QLocale::ShortFormat)));
                m_table->setItem(row, 2, new QTableWidgetItem(m.value(QStringLiteral("title")).toString()));
                m_table->setItem(row, 3,
                                 new QTableWidgetItem(m.value(QStringLiteral("message")).toString().simplified()));
                m_table->setItem(
                    row, 4, new QTableWidgetItem(QString::number(m.value(QStringLiteral("priority")).toInt())));
            }
            m_page->setText(tr("Page %1, %n message(s)", nullptr, m_table->rowCount()).arg(m_pageNumber));
            updateButtons();
        }),
        appId());
}

qint64 MessagesPage::selectedId() const
{
    const QList<QTableWidgetItem *> items = m_table->selectedItems();
    return items.isEmpty() ? 0 : m_table->item(items.first()->row(), 0)->data(Qt::UserRole).toLongLong();
}

void MessagesPage::updateButtons()
{
    const bool connected = api() != nullptr;
    m_newest->setEnabled(connected);
    m_older->setEnabled(connected && m_nextSince > 0);
    m_delete->setEnabled(connected && selectedId() != 0);
    m_deleteApp->setEnabled(connected && appId() != 0);
    m_deleteAll->setEnabled(connected);
}

void MessagesPage::afterDelete(const GotifyResult &r, const QString &done)
{
    if (!r.ok()) {
        showError(r.error);
        return;
    }
    showStatus(done);
    m_pageNumber = 1;
    load(0);
}

void MessagesPage::removeOne()
{
    const qint64 id = selectedId();
    if (!api() || id == 0 || !confirm(tr("Delete message"), tr("Delete message %1 from the server?").arg(id)))
        return;
    api()->deleteMessage(
        id, guarded([this, id](const GotifyResult &r) { afterDelete(r, tr("Message %1 deleted.").arg(id)); }));
}

void MessagesPage::removeApplication()
{
    const qint64 app = appId();
    const QString name = m_app->currentText();
    if (!api() || app == 0
        || !confirm(tr("Delete messages"), tr("Delete every message of “%1” from the server?").arg(name)))
        return;
    api()->deleteApplicationMessages(app, guarded([this, name](const GotifyResult &r) {
                                         afterDelete(r, tr("The messages of “%1” were deleted.").arg(name));
                                     }));
}

void MessagesPage::removeAll()
{
    if (!api()
        || !confirm(tr("Delete messages"),
                    tr("Delete every message of every application from the server? This cannot be undone.")))
        return;
    api()->deleteAllMessages(
        guarded([this](const GotifyResult &r) { afterDelete(r, tr("All messages were deleted.")); }));
}

} // namespace ct::ui
