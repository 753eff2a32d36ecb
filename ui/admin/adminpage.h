#pragma once
// One tab of the Gotify administration window: the account's GotifyApi (may go away when the
// account is reconfigured), a status line for results and errors, and confirmations through
// the MessageBox seam.
#include "gotify/gotifyapi.h"

#include <QPointer>
#include <QWidget>
#include <functional>

class QLabel;

namespace ct::ui {

class MessageBox;

class AdminPage : public QWidget
{
    Q_OBJECT
public:
    explicit AdminPage(MessageBox *messageBox, QWidget *parent = nullptr);

    // Null: no account chosen or it has no live connection; the page empties itself.
    void setApi(GotifyApi *api);
    GotifyApi *api() const { return m_api.data(); }
    virtual void reload() = 0;
    QLabel *statusLabel() const { return m_status; }

protected:
    virtual void clear() = 0;
    // The callback runs only while this page still exists.
    GotifyApi::Callback guarded(std::function<void(const GotifyResult &)> handler);
    // Guarded; a failed call shows its error, a successful one runs the handler.
    GotifyApi::Callback onSuccess(std::function<void(const GotifyResult &)> handler);
    // Guarded; a successful call shows `done` and reloads the page, a failed one shows its error.
    GotifyApi::Callback statusThenReload(const QString &done);
    bool confirm(const QString &title, const QString &text);
    void showStatus(const QString &text);
    void showError(const GotifyError &error);
    // Sets up the status label (accessible, selectable) and returns it for the layout.
    QLabel *makeStatusLabel();

    MessageBox *m_messageBox;

private:
    QPointer<GotifyApi> m_api;
    QLabel *m_status = nullptr;
};

} // namespace ct::ui
