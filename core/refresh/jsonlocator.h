#pragma once
// A small JSON tokenizer that walks raw bytes and finds where the value at a key path sits,
// so a single value can be replaced textually with every other byte of the file unchanged.
#include <QByteArray>
#include <QStringList>

#include <optional>

namespace ct {

struct JsonSpan
{
    qsizetype begin = 0; // first byte of the value (the opening quote for a string)
    qsizetype end = 0;   // one past the last byte
    bool isString = false;
};

// Every span of a value whose object-key path equals `path` (keys compared after JSON
// unescaping; arrays are walked but never match a key). Expects well-formed JSON: check it
// with QJsonDocument first. Returns nullopt when the bytes end unexpectedly.
std::optional<QList<JsonSpan>> locateJsonValues(const QByteArray &json, const QStringList &path);

// `text` as a JSON string literal, quotes included ("a\"b" for a"b).
QByteArray jsonStringLiteral(const QString &text);

} // namespace ct
