#pragma once
// "Start at login": an XDG autostart entry named like the installed desktop entry,
// $XDG_CONFIG_HOME/autostart/org.channeltray.ChannelTray.desktop (an entry an older version
// wrote as channeltray.desktop still counts, and goes when the feature is switched off).
// The one platform-specific piece of the feature; other platforms get their own class with
// the same three calls.
#include <QString>

namespace ct {

class AutostartFile
{
public:
    // `directory` empty → $XDG_CONFIG_HOME/autostart (else ~/.config/autostart).
    // `command` empty → commandFor(the running executable).
    explicit AutostartFile(QString directory = {}, QString command = {});
    virtual ~AutostartFile() = default;

    QString filePath() const;
    virtual bool isEnabled() const;
    // Writes or removes the entry. On failure returns false with a sentence in *error.
    virtual bool setEnabled(bool enabled, QString *error = nullptr);

    static QString defaultDirectory();
    // The installed binary by name ("channeltray", as the desktop entry starts it) when the
    // `channeltray` found on $PATH is `executable`; otherwise `executable`'s path (a build tree).
    static QString commandFor(const QString &executable);

private:
    QString legacyFilePath() const;

    QString m_directory;
    QString m_command;
};

} // namespace ct
