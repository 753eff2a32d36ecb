#include "applicationspage.h"

#include "common/messagebox.h"
#include "tokenreveal.h"

#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ct::ui {

namespace {
constexpr int kIdRole = Qt::UserRole;
constexpr int kImageRole = Qt::UserRole + 1;
constexpr int kPriorityRole = Qt::UserRole + 2;
} // namespace

ApplicationsPage::ApplicationsPage(MessageBox *messageBox, QWidget *parent)
    : AdminPage(messageBox, parent), m_table(new QTableWidget(0, 4)), m_name(new QLineEdit),
      m_description(new QLineEdit), m_priority(new QSpinBox), m_refresh(new QPushButton(tr("Re&fresh"))),
      m_create(new QPushButton(tr("&Create"))), m_save(new QPushButton(tr("&Save changes"))),
      m_upload(new QPushButton(tr("&Upload icon…"))), m_removeIcon(new QPushButton(tr("Remo&ve icon…"))),
      m_rotate(new QPushButton(tr("Rotate &token…"))), m_delete(new QPushButton(tr("&Delete…"))),
      m_token(new TokenReveal)
{
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Description"), tr("Priority"), tr("ID")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setAccessibleName(tr("Applications"));
    m_name->setAccessibleName(tr("Application name"));
    m_description->setAccessibleName(tr("Application description"));
    m_priority->setRange(0, 10);
    m_priority->setAccessibleName(tr("Default priority"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("D&escription:"), m_description);
    form->addRow(tr("Default &priority:"), m_priority);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_refresh, m_create, m_save, m_upload, m_removeIcon, m_rotate, m_delete})
        buttons->addWidget(b);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_token);
    layout->addWidget(makeStatusLabel());

    m_chooseFile = [](QWidget *p) {
        return QFileDialog::getOpenFileName(p, tr("Choose an application icon"), QString(),
                                            tr("Images (*.png *.jpg *.jpeg *.gif)"));
    };
    connect(m_refresh, &QPushButton::clicked, this, &ApplicationsPage::reload);
    connect(m_create, &QPushButton::clicked, this, &ApplicationsPage::create);
    connect(m_save, &QPushButton::clicked, this, &ApplicationsPage::save);
    connect(m_upload, &QPushButton::clicked, this, &ApplicationsPage::uploadIcon);
    connect(m_removeIcon, &QPushButton::clicked, this, &ApplicationsPage::removeIcon);
    connect(m_rotate, &QPushButton::clicked, this, &ApplicationsPage::rotateToken);
    connect(m_delete, &QPushButton::clicked, this, &ApplicationsPage::remove);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ApplicationsPage::selectionChanged);
    connect(m_name, &QLineEdit::textChanged, this, &ApplicationsPage::updateButtons);
    updateButtons();
}

void ApplicationsPage::setV3(bool v3)
{
    m_v3 = v3;
    m_rotate->setToolTip(v3 ? QString() : tr("Rotating a token needs Gotify 3 or later."));
    updateButtons();
}

void ApplicationsPage::clear()
{
    m_table->setRowCount(0);
    m_token->clear();
    updateButtons();
}

void ApplicationsPage::reload()
{
    if (!api())
        return;
    api()->listApplications(onSuccess([this](const GotifyResult &r) { fill(r.value.toArray()); }));
}

void ApplicationsPage::fill(const QJsonArray &apps)
{
    const qint64 keep = selectedId();
    m_table->setRowCount(0);
    for (const QJsonValue &v : apps) {
        const QJsonObject o = v.toObject();
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        auto *name = new QTableWidgetItem(o.value(QStringLiteral("name")).toString());
        name->setData(kIdRole, o.value(QStringLiteral("id")).toInteger());
        name->setData(kImageRole, o.value(QStringLiteral("image")).toString());
        name->setData(kPriorityRole, o.value(QStringLiteral("defaultPriority")).toInt());
        m_table->setItem(row, 0, name);
        m_table->setItem(row, 1, new QTableWidgetItem(o.value(QStringLiteral("description")).toString()));
        m_table->setItem(
            row, 2, new QTableWidgetItem(QString::number(o.value(QStringLiteral("defaultPriority")).toInt())));
        m_table->setItem(row, 3, new QTableWidgetItem(QString::number(o.value(QStringLiteral("id")).toInteger())));
        if (name->data(kIdRole).toLongLong() == keep)
            m_table->selectRow(row);
    }
    m_table->resizeColumnsToContents();
    for (int row = 0; row < m_table->rowCount(); ++row)
        fetchIcon(m_table->item(row, 0)->data(kImageRole).toString());
    updateButtons();
    Q_EMIT applicationsChanged(apps);
}

void ApplicationsPage::fetchIcon(const QString &image)
{
    if (image.isEmpty() || !api())
        return;
    if (m_requested.contains(image)) {
        applyIcon(image);
        return;
    }
    m_requested.insert(image);
    // The answer is an image, not JSON: the raw body counts whenever the server said 200.
    api()->applicationImage(image, guarded([this, image](const GotifyResult &r) {
                                QPixmap pixmap;
                                if (r.httpStatus == 200 && pixmap.loadFromData(r.body))
                                    m_icons.insert(image, QIcon(pixmap));
                                applyIcon(image);
                            }));
}

void ApplicationsPage::applyIcon(const QString &image)
{
    const QIcon icon = m_icons.value(image);
    if (icon.isNull())
        return;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QTableWidgetItem *item = m_table->item(row, 0);
        if (item->data(kImageRole).toString() == image && item->icon().isNull()) {
            item->setIcon(icon);
            ++m_iconsShown;
        }
    }
}

qint64 ApplicationsPage::selectedId() const
{
    const QList<QTableWidgetItem *> items = m_table->selectedItems();
    if (items.isEmpty())
        return 0;
    return m_table->item(items.first()->row(), 0)->data(kIdRole).toLongLong();
}

QString ApplicationsPage::selectedName() const
{
    const QList<QTableWidgetItem *> items = m_table->selectedItems();
    return items.isEmpty() ? QString() : m_table->item(items.first()->row(), 0)->text();
}

void ApplicationsPage::selectionChanged()
{
    const QList<QTableWidgetItem *> items = m_table->selectedItems();
    if (!items.isEmpty()) {
        const int row = items.first()->row();
        m_name->setText(m_table->item(row, 0)->text());
        m_description->setText(m_table->item(row, 1)->text());
        m_priority->setValue(m_table->item(row, 0)->data(kPriorityRole).toInt());
    }
    updateButtons();
}

void ApplicationsPage::updateButtons()
{
    const bool connected = api() != nullptr;
    const bool selected = connected && selectedId() != 0;
    const bool named = !m_name->text().trimmed().isEmpty();
    m_refresh->setEnabled(connected);
    m_create->setEnabled(connected && named);
    m_save->setEnabled(selected && named);
    m_upload->setEnabled(selected);
    m_removeIcon->setEnabled(selected);
    m_rotate->setEnabled(selected && m_v3);
    m_delete->setEnabled(selected);
}

void ApplicationsPage::create()
{
    if (!api())
        return;
    GotifyAppParams params{m_name->text().trimmed(), m_description->text().trimmed(), m_priority->value(), 0};
    api()->createApplication(
        params, onSuccess([this](const GotifyResult &r) {
            const QJsonObject o = r.value.toObject();
            showStatus(tr("Application “%1” created.").arg(o.value(QStringLiteral("name")).toString()));
            const QString token = o.value(QStringLiteral("token")).toString();
            if (!token.isEmpty())
                m_token->reveal(tr("The token of “%1” is shown only now; copy it before closing this window.")
                                    .arg(o.value(QStringLiteral("name")).toString()),
                                token);
            reload();
        }));
}

void ApplicationsPage::save()
{
    const qint64 id = selectedId();
    if (!api() || id == 0)
        return;
    GotifyAppParams params{m_name->text().trimmed(), m_description->text().trimmed(), m_priority->value(), 0};
    api()->updateApplication(id, params, statusThenReload(tr("Application saved.")));
}

void ApplicationsPage::uploadIcon()
{
    const qint64 id = selectedId();
    if (!api() || id == 0 || !m_chooseFile)
        return;
    const QString path = m_chooseFile(this);
    if (path.isEmpty())
        return;
    QString error;
    if (!api()->uploadApplicationImageFile(id, path, statusThenReload(tr("Icon uploaded.")), &error))
        showStatus(error);
}

void ApplicationsPage::removeIcon()
{
    const qint64 id = selectedId();
    if (!api() || id == 0
        || !confirm(tr("Remove icon"),
                    tr("Remove the icon of “%1”? Gotify shows its default icon instead.").arg(selectedName())))
        return;
    api()->deleteApplicationImage(id, statusThenReload(tr("Icon removed.")));
}

void ApplicationsPage::rotateToken()
{
    const qint64 id = selectedId();
    const QString name = selectedName();
    if (!api() || id == 0
        || !confirm(tr("Rotate token"), tr("Issue a new token for “%1”? Everything that still posts with the old "
                                           "token stops working.")
                                            .arg(name)))
        return;
    api()->rotateApplicationToken(
        id, onSuccess([this, name](const GotifyResult &r) {
            showStatus(tr("The token of “%1” was rotated.").arg(name));
            m_token->reveal(
                tr("The new token of “%1” is shown only now; copy it before closing this window.").arg(name),
                r.value.toObject().value(QStringLiteral("token")).toString());
        }));
}

void ApplicationsPage::remove()
{
    const qint64 id = selectedId();
    const QString name = selectedName();
    if (!api() || id == 0
        || !confirm(tr("Delete application"),
                    tr("Delete the application “%1” and all of its messages? This cannot be undone.").arg(name)))
        return;
    api()->deleteApplication(id, statusThenReload(tr("Application “%1” deleted.").arg(name)));
}

} // namespace ct::ui
