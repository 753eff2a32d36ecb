#pragma once
// "Start at login": an XDG autostart entry, $XDG_CONFIG_HOME/autostart/channeltray.desktop.
// The one platform-specific piece of the feature; other platforms get their own class with
// the same three calls.
#include <QString>

namespace ct::ui {

class AutostartFile
{
public:
    // `directory` empty → $XDG_CONFIG_HOME/autostart (else ~/.config/autostart).
    // `command` empty → the running executable.
    explicit AutostartFile(QString directory = {}, QString command = {});
    virtual ~AutostartFile() = default;

    QString filePath() const;
    virtual bool isEnabled() const;
    // Writes or removes the entry. On failure returns false with a sentence in *error.
    virtual bool setEnabled(bool enabled, QString *error = nullptr);

    static QString defaultDirectory();

private:
    QString m_directory;
    QString m_command;
};

} // namespace ct::ui
