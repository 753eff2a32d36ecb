#pragma once
// Placeholders in refresh recipes: {accountId}, {reason} and {state.<field>}, where
// {state.<field>} is stateFile[accountId][field] (a string, or a number/bool as text).
// A placeholder that cannot be resolved is an error naming it, so a request is never sent
// with a hole in it. Braces that do not form one of these names are left as they are.
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace ct {

struct PlaceholderContext
{
    QString accountId;
    QString reason;           // for hook argv; empty resolves to ""
    QJsonObject accountState; // stateFile[accountId]; empty when there is none
};

// Expands every placeholder in `text`. On failure returns nullopt and sets `*error` to e.g.
// `unresolved placeholder {state.refreshToken}: stateFile has no field "refreshToken" for
// account "primary"`. Never puts a resolved value into the error.
std::optional<QString> expandPlaceholders(const QString &text, const PlaceholderContext &context,
                                          QString *error = nullptr);

// Expands placeholders in every string leaf of `value` (object keys are left alone).
std::optional<QJsonValue> expandPlaceholdersInJson(const QJsonValue &value, const PlaceholderContext &context,
                                                   QString *error = nullptr);

} // namespace ct
