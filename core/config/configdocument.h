#pragma once
// The config file as text, edited in place: the one writer behind every change the app makes
// to a config file (GUI editor, `accounts add/remove/set-token`, enabling an account, the
// refreshed-token patch). Each edit changes only the bytes of what it edits; comments, key
// order, indentation, quoting style, trailing commas and unknown keys stay byte for byte.
//
// - set(): replaces a value (a string keeps its quote character) or inserts a missing key
//   (creating missing parent objects) after the object's last member, in that member's
//   indentation, key quoting and trailing-comma style.
// - remove(): takes a member out with its comma, the comment at the end of its line and the
//   comment lines right above it; when it was the last member of an object that has no
//   trailing comma, the comma before it goes too.
// - applyChanges(before, after): the edits that turn `before` into `after`, applied to this
//   text. An editor that loaded `before` saves only what its user changed, on the file as it
//   is now: a token refreshed in the meantime is not written back with its old value.
#include "json5parser.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ct {

class ConfigDocument
{
public:
    // Parses `text`; nullopt (and `*error`) when it is not JSON5 or not an object at the top.
    static std::optional<ConfigDocument> fromText(const QByteArray &text, Json5Error *error = nullptr);
    // A new document holding `root`, two-space indented.
    static ConfigDocument fromJson(const QJsonObject &root);

    const QByteArray &text() const { return m_text; }
    const Json5Node &root() const { return m_root; }
    QJsonObject object() const { return m_root.toJson().toObject(); }
    // The node at `path` (object keys), or null.
    const Json5Node *nodeAt(const QStringList &path) const;

    // Each edit returns false with a sentence in `*error` and leaves the text unchanged when
    // it cannot be made (a parent that is not an object, an empty path).
    bool set(const QStringList &path, const QJsonValue &value, QString *error = nullptr);
    // False (and no error) when there is nothing at `path`.
    bool remove(const QStringList &path, QString *error = nullptr);
    // Removes item `index` of the array at `path`.
    bool removeItem(const QStringList &path, int index, QString *error = nullptr);
    bool applyChanges(const QJsonObject &before, const QJsonObject &after, QString *error = nullptr);

private:
    struct Edit
    {
        qsizetype begin;
        qsizetype end;
        QByteArray text;
    };
    struct Style;

    ConfigDocument() = default;
    bool apply(QList<Edit> edits, QString *error);
    Style styleFor(const Json5Node &container) const;
    QByteArray serialize(const QJsonValue &value, const Style &style, const QByteArray &indent,
                         bool multiline) const;
    // Appends what serialize() returns to `out`: one buffer for the whole value, so a deep
    // value costs its size, not its size times its depth.
    void appendSerialized(QByteArray &out, const QJsonValue &value, const Style &style, const QByteArray &indent,
                          bool multiline) const;
    QByteArray keyText(const QString &key, const Style &style) const;
    bool insertMember(const Json5Node &object, const QString &key, const QJsonValue &value, QString *error);
    QList<Edit> removal(const Json5Node &container, size_t index) const;
    bool diff(const QStringList &path, const QJsonObject &before, const QJsonObject &after, QString *error);

    qsizetype lineStart(qsizetype pos) const;
    QByteArray indentAt(qsizetype pos) const;
    bool startsLine(qsizetype pos) const;

    QByteArray m_text;
    Json5Node m_root;
    QByteArray m_eol = "\n";
    QByteArray m_unit = "  ";
    char m_stringQuote = '"';
    bool m_unquotedKeys = false;
    bool m_trailingCommas = false;
};

// Compares two JSON values the way a config edit should: NaN equals NaN.
bool sameJson(const QJsonValue &a, const QJsonValue &b);

// When `to` is `from` with some items taken out, their indexes, last first; else nullopt.
std::optional<QList<int>> removedItems(const QJsonArray &from, const QJsonArray &to);

} // namespace ct
