#pragma once
// The history file's schema and its migrations. Version 1: messages. Version 2: catch-up
// cursors (backfilled from the stored messages). A migration runs in one transaction; a file
// from a newer ChannelTray is refused rather than guessed at.
#include <QString>

namespace ct {
class SqliteConnection;
}

namespace ct::historyschema {

// Version in schema_version; 0 for a file without it (new, empty); -1 on an error.
int version(const SqliteConnection &db, QString *error = nullptr);
// Migrates step by step from the file's version up to target (<= HistoryStore::kSchemaVersion).
bool migrateTo(const SqliteConnection &db, int target, QString *error);
// For a read-only connection to a file of an older version, which is never migrated: TEMP views
// and tables (the connection's own, the file is not written) that show it as `current` shows
// its data, so the reader's queries run unchanged. A column added later reads as its default
// (a message stored by no other process, not deleted); a table added later is empty.
bool showAsVersion(const SqliteConnection &db, int fileVersion, int current, QString *error);

} // namespace ct::historyschema
