#pragma once
// "Import from openclaw.json": where the gateway's config is, and what it holds, in words.
#include "config/accountaddress.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace ct {

struct InlineToken
{
    AccountAddress address;
    QString field;    // "token", "appToken", "clientToken"
    QStringList path; // where it is written in the file
    QString value;    // never shown, never logged
};

struct ImportPreview
{
    bool ok = false;
    QString path;
    QString summary; // what was found (or why nothing can be used), for the user
    QJsonObject raw;
    QList<InlineToken> inlineTokens;
};

// The gateway's openclaw.json where OpenClaw looks for it (config/openclawpaths.h) when it
// exists; else empty.
QString detectOpenClawConfig();
// Loads and validates `path` with the config loader and describes it.
ImportPreview previewOpenClawImport(const QString &path);

} // namespace ct
