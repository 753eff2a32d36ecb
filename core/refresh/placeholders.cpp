#include "placeholders.h"

#include "config/tokenrefreshreader.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace ct {
namespace {

constexpr QLatin1StringView kStatePrefix{"state."};

// The value of one placeholder (the pattern matches only names we know), or an error.
struct Resolution
{
    bool ok = false;
    QString value;
};

Resolution resolve(const QString &name, const PlaceholderContext &context, QString *error)
{
    if (name == QLatin1String("accountId"))
        return {true, context.accountId};
    if (name == QLatin1String("reason"))
        return {true, context.reason};
    const QString field = name.mid(kStatePrefix.size());
    const QJsonValue value = context.accountState.value(field);
    QString text;
    if (value.isString())
        text = value.toString();
    else if (value.isDouble())
        text = QString::number(value.toDouble(), 'g', 17);
    else if (value.isBool())
        text = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    else {
        if (error) {
            const QString problem = value.isUndefined() || value.isNull()
                                        ? QStringLiteral("the state file has no field \"%1\" for account \"%2\"")
                                        : QStringLiteral(
                                            "field \"%1\" of account \"%2\" in the state file is not a "
                                            "string, number or boolean");
            *error = QStringLiteral("unresolved placeholder {%1}: ").arg(name)
                     + problem.arg(field, context.accountId);
        }
        return {false, {}};
    }
    return {true, text};
}

} // namespace

std::optional<QString> expandPlaceholders(const QString &text, const PlaceholderContext &context, QString *error)
{
    const QRegularExpression &pattern = refreshPlaceholderPattern();
    QString out;
    out.reserve(text.size());
    qsizetype last = 0;
    auto it = pattern.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const Resolution r = resolve(match.captured(1), context, error);
        if (!r.ok)
            return std::nullopt;
        out += QStringView(text).mid(last, match.capturedStart() - last);
        out += r.value;
        last = match.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

std::optional<QJsonValue> expandPlaceholdersInJson(const QJsonValue &value, const PlaceholderContext &context,
                                                   QString *error)
{
    if (value.isString()) {
        const auto expanded = expandPlaceholders(value.toString(), context, error);
        if (!expanded)
            return std::nullopt;
        return QJsonValue(*expanded);
    }
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray()) {
            const auto expanded = expandPlaceholdersInJson(item, context, error);
            if (!expanded)
                return std::nullopt;
            out.append(*expanded);
        }
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const auto expanded = expandPlaceholdersInJson(it.value(), context, error);
            if (!expanded)
                return std::nullopt;
            out.insert(it.key(), *expanded);
        }
        return out;
    }
    return value;
}

} // namespace ct
