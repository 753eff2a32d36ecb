#include "aboutbox.h"

#include <QCoreApplication>
#include <QMessageBox>

namespace ct::ui {

QString aboutText(const QString &version)
{
    const QString home = QStringLiteral("https://channeltray.org");
    return QStringLiteral("<h3>ChannelTray %1</h3><p>%2</p><p><a href=\"%3\">%3</a></p>")
        .arg(version.toHtmlEscaped(),
             QCoreApplication::translate(
                 "ct::ui::AboutBox", "Gotify and OpenIM accounts in the system tray: their health, "
                                     "their messages and a history of them, with every token in the keychain."),
             home);
}

void showAboutBox(QWidget *parent)
{
    QMessageBox::about(parent, QCoreApplication::translate("ct::ui::AboutBox", "About ChannelTray"),
                       aboutText(QCoreApplication::applicationVersion()));
}

} // namespace ct::ui
