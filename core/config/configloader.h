#pragma once
// Loading and validating the config file (docs/architecture.md "Configuration").
//
// Validation never stops at the first mistake: every problem found is returned, each naming
// the JSON path and what is wrong with it. A value that is wrong keeps its documented default
// in the typed Config; keys we do not know are not judged and stay in Config::raw.
//
// Whether each account has a token is a separate check (see tokencheck.h), because a token may
// live in the keychain and reading the file cannot know that.
#include "configmodel.h"
#include "configproblem.h"
#include "envsubst.h"

#include <QByteArray>

namespace ct {

class ConfigSources;

struct LoadResult
{
    Config config;
    QList<ConfigProblem> problems;
    bool fileFound = false; // false only when the file does not exist
    // True when the text was a JSON object, so config.raw holds the whole file. Only then may
    // config.raw be edited and saved back: otherwise it is empty and saving it would wipe the
    // file. (Validation problems do not matter for this; a file with problems is still kept.)
    bool jsonValid = false;

    bool ok() const { return problems.isEmpty(); }
    QStringList problemStrings() const { return ct::problemStrings(problems); }
};

// Reads and validates the file at `path` ("~/" is expanded), with the files it `$include`s
// merged in (configsources.h). A missing or unreadable file is a problem; so is a file that is
// not a JSON object, and so is every broken include (jsonValid is then false: no edits).
// `sources`, when given, gets the files as this one read saw them (`doctor` reports them), so
// no file is read twice; it stays empty when the file could not be read.
LoadResult loadConfig(const QString &path, ConfigSources *sources = nullptr);

// Validates JSON text. Invalid JSON is one problem with its line and column.
LoadResult parseConfig(const QByteArray &json);

// Validates an already parsed root object (for example one edited with ConfigEditor).
// `${VAR}` and SecretRefs are resolved first (see configreferences.h), with variables from the
// process environment and the config's `env` block, or from `env`.
LoadResult configFromJson(const QJsonObject &root);
LoadResult configFromJson(const QJsonObject &root, const EnvLookup &env);

} // namespace ct
