#include "welcomepage.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ct::ui {

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent), m_inPlace(nullptr), m_import(nullptr), m_demo(nullptr), m_demoStatus(new QLabel)
{
    auto *title = new QLabel(tr("<h2>Welcome to ChannelTray</h2>"));
    auto *text = new QLabel(tr("ChannelTray keeps your Gotify and OpenIM accounts connected, shows "
                               "their health in the system tray and keeps every message it receives. "
                               "There is no configuration yet. How would you like to start?"));
    text->setWordWrap(true);

    const auto button = [this](const QString &label, const QString &description) {
        auto *b = new QPushButton(label);
        b->setMinimumHeight(36);
        b->setToolTip(description);
        b->setAccessibleDescription(description);
        return b;
    };
    QPushButton *gotify = button(tr("Add a &Gotify account…"),
                                 tr("Connect to a Gotify server with an application or client token."));
    QPushButton *openim = button(tr("Add an &OpenIM account…"),
                                 tr("Connect a bot or user account to an OpenIM server."));
    m_inPlace = button(tr("&Use the gateway's openclaw.json in place…"),
                       tr("Read and edit the gateway's own configuration file, where the gateway reads it; "
                          "refreshed tokens land there too."));
    m_inPlace->hide(); // until a gateway configuration is found
    m_import = button(tr("&Import from openclaw.json…"),
                      tr("Use the accounts of an existing OpenClaw gateway configuration."));
    m_demo = button(tr("Try the &demo"),
                    tr("Start local demo servers and watch live accounts without any setup."));
    connect(gotify, &QPushButton::clicked, this, &WelcomePage::addGotifyRequested);
    connect(openim, &QPushButton::clicked, this, &WelcomePage::addOpenImRequested);
    connect(m_inPlace, &QPushButton::clicked, this, &WelcomePage::useInPlaceRequested);
    connect(m_import, &QPushButton::clicked, this, &WelcomePage::importRequested);
    connect(m_demo, &QPushButton::clicked, this, &WelcomePage::demoRequested);

    auto *column = new QVBoxLayout;
    column->addWidget(title);
    column->addWidget(text);
    column->addSpacing(12);
    for (QPushButton *b : {gotify, openim, m_inPlace, m_import, m_demo})
        column->addWidget(b);
    m_demoStatus->setWordWrap(true);
    m_demoStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_demoStatus->setAccessibleName(tr("Demo status"));
    m_demoStatus->hide();
    column->addWidget(m_demoStatus);
    column->addStretch(1);

    auto *outer = new QHBoxLayout(this);
    outer->addStretch(1);
    outer->addLayout(column, 3);
    outer->addStretch(1);
    gotify->setFocus();
}

void WelcomePage::setImportHint(const QString &path)
{
    m_inPlace->setVisible(!path.isEmpty());
    if (path.isEmpty())
        return;
    m_inPlace->setText(tr("&Use %1 in place…").arg(path));
    m_import->setText(tr("&Import a copy of %1…").arg(path));
}

void WelcomePage::setDemoStatus(const QString &text, bool isError)
{
    m_demoStatus->setText(text);
    m_demoStatus->setStyleSheet(isError ? QStringLiteral("color: #b00020") : QString());
    m_demoStatus->setVisible(!text.isEmpty());
}

QString WelcomePage::demoStatus() const
{
    return m_demoStatus->text();
}

void WelcomePage::setDemoBusy(bool busy)
{
    m_demo->setEnabled(!busy);
}

} // namespace ct::ui
