#include "adminpage.h"

#include "common/messagebox.h"

#include <QLabel>

namespace ct::ui {

AdminPage::AdminPage(MessageBox *messageBox, QWidget *parent) : QWidget(parent), m_messageBox(messageBox) {}

void AdminPage::setApi(GotifyApi *api)
{
    m_api = api;
    showStatus({});
    clear();
    if (api)
        reload();
}

GotifyApi::Callback AdminPage::guarded(std::function<void(const GotifyResult &)> handler)
{
    QPointer<AdminPage> self(this);
    return [self, handler](const GotifyResult &r) {
        if (self)
            handler(r);
    };
}

GotifyApi::Callback AdminPage::onSuccess(std::function<void(const GotifyResult &)> handler)
{
    return guarded([this, handler](const GotifyResult &r) {
        if (!r.ok()) {
            showError(r.error);
            return;
        }
        handler(r);
    });
}

GotifyApi::Callback AdminPage::statusThenReload(const QString &done)
{
    return onSuccess([this, done](const GotifyResult &) {
        showStatus(done);
        reload();
    });
}

bool AdminPage::confirm(const QString &title, const QString &text)
{
    return m_messageBox->question(this, title, text) == QMessageBox::Yes;
}

void AdminPage::showStatus(const QString &text)
{
    if (!m_status)
        return;
    m_status->setText(text);
    m_status->setStyleSheet(QString());
}

void AdminPage::showError(const GotifyError &error)
{
    if (!m_status)
        return;
    m_status->setText(error.message());
    m_status->setStyleSheet(QStringLiteral("color: #b00020;"));
}

QLabel *AdminPage::makeStatusLabel()
{
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_status->setAccessibleName(tr("Result of the last action"));
    return m_status;
}

} // namespace ct::ui
