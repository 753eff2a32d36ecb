#include "clientspage.h"

#include "tokenreveal.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ct::ui {

ClientsPage::ClientsPage(MessageBox *messageBox, QWidget *parent)
    : AdminPage(messageBox, parent), m_table(new QTableWidget(0, 3)), m_name(new QLineEdit),
      m_refresh(new QPushButton(tr("Re&fresh"))), m_create(new QPushButton(tr("&Create"))),
      m_rename(new QPushButton(tr("&Rename"))), m_delete(new QPushButton(tr("&Delete…"))), m_token(new TokenReveal)
{
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("ID"), tr("Last used")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setAccessibleName(tr("Clients"));
    m_name->setAccessibleName(tr("Client name"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_refresh, m_create, m_rename, m_delete})
        buttons->addWidget(b);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_token);
    layout->addWidget(makeStatusLabel());

    connect(m_refresh, &QPushButton::clicked, this, &ClientsPage::reload);
    connect(m_create, &QPushButton::clicked, this, &ClientsPage::create);
    connect(m_rename, &QPushButton::clicked, this, &ClientsPage::rename);
    connect(m_delete, &QPushButton::clicked, this, &ClientsPage::remove);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const QString name = selectedName();
        if (!name.isEmpty())
            m_name->setText(name);
        updateButtons();
    });
    connect(m_name, &QLineEdit::textChanged, this, &ClientsPage::updateButtons);
    updateButtons();
}

void ClientsPage::clear()
{
    m_table->setRowCount(0);
    m_token->clear();
    updateButtons();
}

void ClientsPage::reload()
{
    if (!api())
        return;
    api()->listClients(onSuccess([this](const GotifyResult &r) {
        const qint64 keep = selectedId();
        m_table->setRowCount(0);
        for (const QJsonValue &v : r.value.toArray()) {
            const QJsonObject o = v.toObject();
            const int row = m_table->rowCount();
            m_table->insertRow(row);
            auto *name = new QTableWidgetItem(o.value(QStringLiteral("name")).toString());
            name->setData(Qt::UserRole, o.value(QStringLiteral("id")).toInteger());
            m_table->setItem(row, 0, name);
            m_table->setItem(row, 1,
                             new QTableWidgetItem(QString::number(o.value(QStringLiteral("id")).toInteger())));
            const QDateTime used = QDateTime::fromString(o.value(QStringLiteral("lastUsed")).toString(),
                                                         Qt::ISODateWithMs);
            m_table->setItem(
                row, 2,
                new QTableWidgetItem(used.isValid() ? QLocale().toString(used.toLocalTime(), QLocale::ShortFormat)
                                                    : tr("never")));
            if (name->data(Qt::UserRole).toLongLong() == keep)
                m_table->selectRow(row);
        }
        m_table->resizeColumnsToContents();
        updateButtons();
    }));
}

qint64 ClientsPage::selectedId() const
{
    const QList<QTableWidgetItem *> items = m_table->selectedItems();
    return items.isEmpty() ? 0 : m_table->item(items.first()->row(), 0)->data(Qt::UserRole).toLongLong();
}

QString ClientsPage::selectedName() const
{
    const QList<QTableWidgetItem *> items = m_table->selectedItems();
    return items.isEmpty() ? QString() : m_table->item(items.first()->row(), 0)->text();
}

void ClientsPage::updateButtons()
{
    const bool connected = api() != nullptr;
    const bool selected = connected && selectedId() != 0;
    const bool named = !m_name->text().trimmed().isEmpty();
    m_refresh->setEnabled(connected);
    m_create->setEnabled(connected && named);
    m_rename->setEnabled(selected && named);
    m_delete->setEnabled(selected);
}

void ClientsPage::create()
{
    if (!api())
        return;
    api()->createClient(
        m_name->text().trimmed(), onSuccess([this](const GotifyResult &r) {
            const QJsonObject o = r.value.toObject();
            const QString name = o.value(QStringLiteral("name")).toString();
            showStatus(tr("Client “%1” created.").arg(name));
            const QString token = o.value(QStringLiteral("token")).toString();
            if (!token.isEmpty())
                m_token->reveal(
                    tr("The token of “%1” is shown only now; copy it before closing this window.").arg(name),
                    token);
            reload();
        }));
}

void ClientsPage::rename()
{
    const qint64 id = selectedId();
    if (!api() || id == 0)
        return;
    api()->updateClient(id, m_name->text().trimmed(), statusThenReload(tr("Client renamed.")));
}

void ClientsPage::remove()
{
    const qint64 id = selectedId();
    const QString name = selectedName();
    if (!api() || id == 0
        || !confirm(tr("Delete client"),
                    tr("Delete the client “%1”? Whatever uses its token is signed out.").arg(name)))
        return;
    api()->deleteClient(id, statusThenReload(tr("Client “%1” deleted.").arg(name)));
}

} // namespace ct::ui
