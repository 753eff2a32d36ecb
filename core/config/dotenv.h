#pragma once
// `.env` files as OpenClaw reads them (it uses the `dotenv` npm package): one `KEY=value` per
// line, an optional leading `export `, keys of letters, digits, '_', '.' and '-', `KEY: value`
// too; a value in single, double or back quotes may span lines and keeps '#'; an unquoted value
// ends at '#' and is trimmed; in a double-quoted value `\n` and `\r` become a line break and a
// carriage return. No `$VAR` expansion. A key given twice keeps its last value.
//
// OpenClaw loads the global file, <state directory>/.env (see openclawpaths.h), into its
// environment without overriding any variable already set, so for `${VAR}` in a config the
// process environment wins, then that file, then the config's own `env` block.
#include <QByteArray>
#include <QHash>
#include <QString>

namespace ct {

QHash<QString, QString> parseDotEnv(const QByteArray &text);

// The variables of the file at `path`; empty when it does not exist or cannot be read.
QHash<QString, QString> readDotEnvFile(const QString &path);

} // namespace ct
