#pragma once
// Atomic whole-file writes, the one way the product writes a file (config saves and their .bak,
// the refresh state file, config token patches, manual-login markers, the demo's pid file):
// QSaveFile writes a temporary file next to the target, it is flushed and fsync'ed (a failure
// of either fails the write), renamed over the target only when complete, and the directory is
// synced. A crash (even SIGKILL), a full disk or an I/O error leaves the old content whole and
// no temporary file behind. (The autostart entry uses QSaveFile the same way; QSettings, for
// the window geometry, writes atomically itself; the history is SQLite's, in WAL mode.)
#include <QByteArray>
#include <QString>

namespace ct {

// What an existing file's permission bits become. A new file is always 0600.
enum class FileMode {
    KeepExisting, // files that other programs own too (a patched config without inline tokens)
    OwnerOnly     // 0600 on every write, also when the existing file was more open
};

// Writes `content` to `path` atomically; the final mode is set on the temporary file, so the
// file never exists with a wider mode. Missing parent directories are created when
// `createDirs`, each new one with mode 0700 (existing ones are left alone). On failure returns
// false with a sentence naming the file in `*error`.
bool writeFileAtomically(const QString &path, const QByteArray &content, QString *error = nullptr,
                         bool createDirs = false, FileMode mode = FileMode::KeepExisting);

} // namespace ct
