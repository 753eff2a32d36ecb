#pragma once
// The history file's schema and its migrations. Version 1: messages. Version 2: catch-up
// cursors (backfilled from the stored messages). A migration runs in one transaction; a file
// from a newer ChannelTray is refused rather than guessed at.
#include <QSqlDatabase>
#include <QString>

namespace ct::historyschema {

// Version in schema_version; 0 for a file without it (new, empty).
int version(const QSqlDatabase &db, QString *error = nullptr);
// Migrates step by step from the file's version up to target (<= HistoryStore::kSchemaVersion).
bool migrateTo(QSqlDatabase &db, int target, QString *error);

} // namespace ct::historyschema
