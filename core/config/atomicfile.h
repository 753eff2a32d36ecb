#pragma once
// Atomic whole-file writes (config saves, the refresh state file, config token patches,
// manual-login markers): QSaveFile writes a temporary file next to the target and renames it
// over the target only when complete, so a crash (even SIGKILL) leaves either the old or the
// new content.
#include <QByteArray>
#include <QString>

namespace ct {

// What an existing file's permission bits become. A new file is always 0600.
enum class FileMode {
    KeepExisting, // files that other programs own too (state file, patched config)
    OwnerOnly     // 0600 on every write, also when the existing file was more open
};

// Writes `content` to `path` atomically; the final mode is set on the temporary file, so the
// file never exists with a wider mode. Missing parent directories are created when
// `createDirs`, each new one with mode 0700 (existing ones are left alone). On failure returns
// false with a sentence naming the file in `*error`.
bool writeFileAtomically(const QString &path, const QByteArray &content, QString *error = nullptr,
                         bool createDirs = false, FileMode mode = FileMode::KeepExisting);

} // namespace ct
