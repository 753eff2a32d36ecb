// Fuzzer of the one config writer (ConfigDocument: set, remove, removeItem, applyChanges on
// JSON5 text). After every edit the text still parses, and as exactly the object the edit
// should give (a model of the edit on QJsonObject); an edit that fails leaves the text as it was.
//
// Input: the document NUL, then up to four edits, each: one byte (the kind of edit and of
// value), a path of keys separated by '/' then SOH, a string then SOH.
#include "../fuzzsupport.h"
#include "config/configdocument.h"

#include <QJsonArray>

using namespace ct;

namespace {
enum class Outcome { Done, Nothing, Refused };

// The model: `path` set to `value` in `o`, missing parents created; Refused when a parent is
// there but is not an object.
Outcome modelSet(QJsonObject &o, const QStringList &path, const QJsonValue &value)
{
    if (path.size() == 1) {
        o.insert(path.first(), value);
        return Outcome::Done;
    }
    const QJsonValue child = o.value(path.first());
    if (!child.isUndefined() && !child.isObject())
        return Outcome::Refused;
    QJsonObject inner = child.toObject();
    const Outcome r = modelSet(inner, path.mid(1), value);
    if (r == Outcome::Done)
        o.insert(path.first(), inner);
    return r;
}

// The object or array at `path`, walking objects only.
QJsonValue modelAt(const QJsonObject &o, const QStringList &path)
{
    QJsonValue v = o;
    for (const QString &key : path) {
        if (!v.isObject())
            return QJsonValue(QJsonValue::Undefined);
        v = v.toObject().value(key);
    }
    return v;
}

// `value` at `path` (an existing chain of objects) replaced.
QJsonObject modelReplace(QJsonObject o, const QStringList &path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value.toObject();
    o.insert(path.first(),
             path.size() == 1 ? value : modelReplace(o.value(path.first()).toObject(), path.mid(1), value));
    return o;
}

QJsonValue valueOf(uint8_t kind, const QString &text)
{
    switch (kind % 6) {
    case 0:
        return text;
    case 1:
        return double(text.size()) - 3.5;
    case 2:
        return !text.isEmpty();
    case 3:
        return QJsonValue(QJsonValue::Null);
    case 4:
        return QJsonObject{{text, text}, {QStringLiteral("n"), 1}};
    default:
        return QJsonArray{text, 2, QJsonObject{}};
    }
}

void checkReads(const ConfigDocument &doc, const QJsonObject &expected, const char *what)
{
    const auto again = ConfigDocument::fromText(doc.text());
    FUZZ_CHECK(again, QStringLiteral("%1: the text no longer parses").arg(QLatin1String(what)));
    FUZZ_CHECK(sameJson(again->object(), expected),
               QStringLiteral("%1: the text reads as another object").arg(QLatin1String(what)));
    FUZZ_CHECK(sameJson(doc.object(), expected),
               QStringLiteral("%1: the document holds another object").arg(QLatin1String(what)));
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ctfuzz::FuzzInput in(data, size);
    auto doc = ConfigDocument::fromText(in.until('\0'));
    if (!doc)
        return 0;
    for (int n = 0; n < 4; ++n) {
        const uint8_t op = in.byte();
        const QString pathText = QString::fromUtf8(in.until('\x01'));
        const QString text = QString::fromUtf8(in.until('\x01'));
        const QStringList path = pathText.isEmpty() ? QStringList() : pathText.split(QLatin1Char('/'));
        const QJsonObject before = doc->object();
        const QByteArray textBefore = doc->text();
        QString error;
        switch ((op >> 4) % 4) {
        case 0: { // set
            const QJsonValue value = valueOf(op, text);
            QJsonObject expected = before;
            const Outcome model = path.isEmpty() ? Outcome::Refused : modelSet(expected, path, value);
            const bool ok = doc->set(path, value, &error);
            // A path deeper than the reader's nesting cap (256) is refused, not written unreadable.
            const bool tooDeep = !ok && path.size() >= 250 && error.contains(QLatin1String("nested more than"));
            FUZZ_CHECK(ok == (model == Outcome::Done) || tooDeep,
                       QStringLiteral("set %1: %2").arg(pathText, error));
            if (ok)
                checkReads(*doc, expected, "set");
            break;
        }
        case 1: { // remove
            const QJsonValue parent = modelAt(before, path.mid(0, path.size() - 1));
            const bool there = !path.isEmpty() && parent.isObject() && parent.toObject().contains(path.last());
            const bool ok = doc->remove(path, &error);
            FUZZ_CHECK(ok == there, QStringLiteral("remove %1: %2").arg(pathText, error));
            if (ok) {
                QJsonObject p = parent.toObject();
                p.remove(path.last());
                checkReads(*doc, modelReplace(before, path.mid(0, path.size() - 1), p), "remove");
            }
            break;
        }
        case 2: { // removeItem
            const int index = op % 16 - 1;
            const QJsonValue array = modelAt(before, path);
            const bool there = array.isArray() && index >= 0 && index < array.toArray().size();
            const bool ok = doc->removeItem(path, index, &error);
            FUZZ_CHECK(ok == there, QStringLiteral("removeItem %1 %2: %3").arg(pathText).arg(index).arg(error));
            if (ok) {
                QJsonArray a = array.toArray();
                a.removeAt(index);
                checkReads(*doc, modelReplace(before, path, a), "removeItem");
            }
            break;
        }
        default: { // applyChanges: what an editor does with its user's change
            QJsonObject after = before;
            if (path.isEmpty() || modelSet(after, path, valueOf(op, text)) != Outcome::Done)
                break;
            if (op & 8 && !path.isEmpty()) { // and one member gone
                QJsonValue p = modelAt(after, path.mid(0, path.size() - 1));
                QJsonObject o = p.toObject();
                if (!o.isEmpty()) {
                    o.remove(o.begin().key());
                    after = modelReplace(after, path.mid(0, path.size() - 1), o);
                }
            }
            const bool ok = doc->applyChanges(before, after, &error);
            const bool tooDeep = !ok && path.size() >= 250 && error.contains(QLatin1String("nested more than"));
            FUZZ_CHECK(ok || tooDeep, QStringLiteral("applyChanges %1: %2").arg(pathText, error));
            if (ok)
                checkReads(*doc, after, "applyChanges");
            break;
        }
        }
        if (doc->text() != textBefore)
            continue;
        FUZZ_CHECK(sameJson(doc->object(), before), QStringLiteral("the object changed with the text unchanged"));
    }
    return 0;
}
