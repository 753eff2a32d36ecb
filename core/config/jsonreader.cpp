#include "jsonreader.h"

#include <QJsonArray>
#include <QUrl>
#include <cmath>

namespace ct {

const QStringList &JsonReader::httpSchemes()
{
    static const QStringList schemes{QStringLiteral("http"), QStringLiteral("https")};
    return schemes;
}

const QStringList &JsonReader::wsSchemes()
{
    static const QStringList schemes{QStringLiteral("ws"), QStringLiteral("wss")};
    return schemes;
}

QString JsonReader::urlExpectation(const QStringList &schemes)
{
    QStringList shown;
    for (const QString &s : schemes)
        shown.append(s + QStringLiteral("://"));
    const QString list = shown.join(QStringLiteral(" or "));
    // Letters whose English name starts with a vowel sound take "an" (an http, a ws).
    const bool an = !list.isEmpty() && QStringLiteral("aefhilmnorsx").contains(list.at(0));
    return (an ? QStringLiteral("an ") : QStringLiteral("a ")) + list + QStringLiteral(" URL");
}

void JsonReader::addProblem(const QString &path, const QString &message)
{
    m_problems.append(ConfigProblem{path, message, 0, 0});
}

bool JsonReader::isSet(const QJsonObject &obj, const QString &key)
{
    const auto it = obj.constFind(key);
    return it != obj.constEnd() && !it->isNull() && !it->isUndefined();
}

QString JsonReader::join(const QString &parent, const QString &key)
{
    return parent.isEmpty() ? key : parent + QLatin1Char('.') + key;
}

QString JsonReader::quoted(const QString &text)
{
    constexpr int kMax = 80;
    QString shown = text.size() > kMax ? text.left(kMax) + QStringLiteral("…") : text;
    return QLatin1Char('"') + shown + QLatin1Char('"');
}

QString JsonReader::describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (std::floor(d) == d && std::fabs(d) < 1e15)
            return QString::number(static_cast<qint64>(d));
        return QString::number(d);
    }
    case QJsonValue::String:
        return quoted(value.toString());
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

QString JsonReader::safeUrlForMessage(const QString &url)
{
    const QUrl parsed(url);
    if (parsed.isValid()) {
        if (parsed.userInfo().isEmpty() && !parsed.hasQuery() && !parsed.hasFragment())
            return url;
        // The fragment too: an OAuth implicit grant puts "#access_token=…" there.
        return parsed.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toString()
               + (parsed.hasQuery() ? QStringLiteral("?…") : QString())
               + (parsed.hasFragment() ? QStringLiteral("#…") : QString());
    }
    // Not a URL Qt can read (a stray byte in it, say), but it may still hold a password: hide by
    // the text's own shape what would be user info (RFC 3986 3.2: the authority after "//" ends
    // at the first '/', '?' or '#'; user info is up to its last '@'), the query (from a '?'
    // before any '#') and the fragment (from the first '#').
    QString text = url;
    const qsizetype fragment = text.indexOf(QLatin1Char('#'));
    const qsizetype query = text.left(fragment >= 0 ? fragment : text.size()).indexOf(QLatin1Char('?'));
    if (query >= 0 || fragment >= 0)
        text = text.left(query >= 0 ? query : fragment) + (query >= 0 ? QStringLiteral("?…") : QString())
               + (fragment >= 0 ? QStringLiteral("#…") : QString());
    if (const qsizetype slashes = text.indexOf(QLatin1String("//")); slashes >= 0) {
        const qsizetype start = slashes + 2;
        qsizetype end = start;
        while (end < text.size() && text.at(end) != QLatin1Char('/') && text.at(end) != QLatin1Char('?')
               && text.at(end) != QLatin1Char('#'))
            ++end;
        if (const qsizetype at = text.lastIndexOf(QLatin1Char('@'), end - 1); at >= start)
            text.replace(start, at + 1 - start, QStringLiteral("…@"));
    }
    return text;
}

bool JsonReader::readBool(const QJsonObject &obj, const QString &parent, const QString &key, bool &out)
{
    if (!isSet(obj, key))
        return false;
    const QJsonValue v = obj.value(key);
    if (!v.isBool()) {
        addProblem(join(parent, key), QStringLiteral("expected true or false, got %1").arg(describe(v)));
        return false;
    }
    out = v.toBool();
    return true;
}

bool JsonReader::readInt(const QJsonObject &obj, const QString &parent, const QString &key, int &out, int minimum)
{
    if (!isSet(obj, key))
        return false;
    const QJsonValue v = obj.value(key);
    const double d = v.toDouble();
    if (!v.isDouble() || std::floor(d) != d || d < INT_MIN || d > INT_MAX) {
        addProblem(join(parent, key), QStringLiteral("expected an integer, got %1").arg(describe(v)));
        return false;
    }
    if (d < minimum) {
        const QString wanted = minimum == 1   ? QStringLiteral("a positive integer")
                               : minimum == 0 ? QStringLiteral("an integer of 0 or more")
                                              : QStringLiteral("an integer of %1 or more").arg(minimum);
        addProblem(join(parent, key), QStringLiteral("expected %1, got %2").arg(wanted, describe(v)));
        return false;
    }
    out = static_cast<int>(d);
    return true;
}

bool JsonReader::readIntInRange(const QJsonObject &obj, const QString &parent, const QString &key, int &out,
                                int minimum, int maximum)
{
    int value = out;
    if (!readInt(obj, parent, key, value, minimum))
        return false;
    if (value > maximum) {
        addProblem(
            join(parent, key),
            QStringLiteral("expected an integer from %1 to %2, got %3").arg(minimum).arg(maximum).arg(value));
        return false;
    }
    out = value;
    return true;
}

bool JsonReader::readPositiveInt(const QJsonObject &obj, const QString &parent, const QString &key, int &out)
{
    return readInt(obj, parent, key, out, 1);
}

bool JsonReader::readString(const QJsonObject &obj, const QString &parent, const QString &key, QString &out,
                            Echo echo)
{
    if (!isSet(obj, key))
        return false;
    const QJsonValue v = obj.value(key);
    if (!v.isString()) {
        // A secret typed as a number would still be a secret: describe only its kind.
        const QString got = echo == Echo::Hide && !v.isArray() && !v.isObject()
                                ? (v.isBool() ? QStringLiteral("a boolean") : QStringLiteral("a number"))
                                : describe(v);
        addProblem(join(parent, key), QStringLiteral("expected a string, got %1").arg(got));
        return false;
    }
    out = v.toString();
    return true;
}

bool JsonReader::readStringList(const QJsonObject &obj, const QString &parent, const QString &key,
                                QStringList &out, bool acceptSingle)
{
    if (!isSet(obj, key))
        return false;
    const QJsonValue v = obj.value(key);
    const QString path = join(parent, key);
    if (acceptSingle && v.isString()) {
        out = QStringList{v.toString()};
        return true;
    }
    if (!v.isArray()) {
        addProblem(path, QStringLiteral("expected %1, got %2")
                             .arg(acceptSingle ? QStringLiteral("a string or an array of strings")
                                               : QStringLiteral("an array of strings"),
                                  describe(v)));
        return false;
    }
    QStringList items;
    bool ok = true;
    const QJsonArray array = v.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString()) {
            addProblem(QStringLiteral("%1[%2]").arg(path).arg(i),
                       QStringLiteral("expected a string, got %1").arg(describe(array.at(i))));
            ok = false;
            continue;
        }
        items.append(array.at(i).toString());
    }
    if (ok)
        out = items;
    return ok;
}

bool JsonReader::readObject(const QJsonObject &obj, const QString &parent, const QString &key, QJsonObject &out)
{
    if (!isSet(obj, key))
        return false;
    const QJsonValue v = obj.value(key);
    if (!v.isObject()) {
        addProblem(join(parent, key), QStringLiteral("expected an object, got %1").arg(describe(v)));
        return false;
    }
    out = v.toObject();
    return true;
}

bool JsonReader::readStringMap(const QJsonObject &obj, const QString &parent, const QString &key,
                               QMap<QString, QString> &out)
{
    QJsonObject map;
    if (!readObject(obj, parent, key, map))
        return false;
    QMap<QString, QString> result;
    bool ok = true;
    const QString path = join(parent, key);
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        // Header values may carry credentials ("Authorization"), so never echo them.
        QString value;
        if (it->isString())
            result.insert(it.key(), it->toString());
        else if (!readString(map, path, it.key(), value, Echo::Hide))
            ok = false;
    }
    if (ok)
        out = result;
    return ok;
}

bool JsonReader::checkUrl(const QString &path, const QString &url, const QStringList &schemes)
{
    const QUrl parsed(url, QUrl::StrictMode);
    const bool good = parsed.isValid() && schemes.contains(parsed.scheme().toLower()) && !parsed.host().isEmpty();
    if (!good)
        addProblem(
            path,
            QStringLiteral("expected %1, got %2").arg(urlExpectation(schemes), quoted(safeUrlForMessage(url))));
    return good;
}

bool JsonReader::readUrl(const QJsonObject &obj, const QString &parent, const QString &key, QString &out,
                         const QStringList &schemes)
{
    if (!isSet(obj, key))
        return false;
    const QJsonValue v = obj.value(key);
    if (!v.isString()) {
        addProblem(join(parent, key),
                   QStringLiteral("expected %1, got %2").arg(urlExpectation(schemes), describe(v)));
        return false;
    }
    if (!checkUrl(join(parent, key), v.toString(), schemes))
        return false;
    out = v.toString();
    return true;
}

bool JsonReader::requireUrl(const QJsonObject &obj, const QString &parent, const QString &key, QString &out,
                            const QStringList &schemes)
{
    if (!isSet(obj, key)) {
        addProblem(join(parent, key), QStringLiteral("missing; expected %1").arg(urlExpectation(schemes)));
        return false;
    }
    return readUrl(obj, parent, key, out, schemes);
}

} // namespace ct
