#pragma once
// Atomic whole-file writes for the refresh module (state file, config patch, markers):
// QSaveFile writes a temporary file next to the target and renames it over the target only
// when complete, so a crash (even SIGKILL) leaves either the old or the new content.
#include <QByteArray>
#include <QString>

namespace ct {

// Writes `content` to `path` atomically. An existing file keeps its permission bits; a new
// file gets mode 0600. Missing parent directories are created (0700) when `createDirs`.
// On failure returns false with a sentence naming the file in `*error`.
bool writeFileAtomically(const QString &path, const QByteArray &content, QString *error = nullptr,
                         bool createDirs = false);

} // namespace ct
