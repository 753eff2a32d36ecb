#include "inlinesecrets.h"

#include "dotenv.h"
#include "envsubst.h"
#include "json5parser.h"
#include "secretrefs.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <sys/stat.h>

namespace ct {

namespace {

bool isPlainSecret(const QJsonValue &value)
{
    if (!value.isString() || value.toString().isEmpty())
        return false;
    const QString text = value.toString();
    QString name;
    if (SecretRefResolver::isEnvShorthand(text, &name))
        return false;
    // ${VAR} anywhere makes it a reference ($${VAR} alone is literal text: still plain).
    return substituteEnv(text, [](const QString &) { return std::optional<QString>(); }).used.isEmpty();
}

} // namespace

bool holdsInlineSecret(const QJsonValue &value)
{
    static const QStringList fields{QStringLiteral("token"), QStringLiteral("appToken"),
                                    QStringLiteral("clientToken")};
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        return std::any_of(array.begin(), array.end(), [](const QJsonValue &v) { return holdsInlineSecret(v); });
    }
    if (!value.isObject())
        return false;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        if ((fields.contains(it.key()) && isPlainSecret(it.value())) || holdsInlineSecret(it.value()))
            return true;
    return false;
}

QString readableByOthersMode(const QString &path)
{
    struct stat st
    {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0 || (st.st_mode & (S_IRGRP | S_IROTH)) == 0)
        return {};
    return QStringLiteral("0%1").arg(st.st_mode & 0777, 3, 8, QLatin1Char('0'));
}

QString exposedSecretFileMode(const QString &path, const QByteArray &text)
{
    const QString mode = readableByOthersMode(path);
    if (mode.isEmpty())
        return {};
    const std::optional<Json5Node> root = parseJson5(text);
    if (!root || !holdsInlineSecret(root->toJson()))
        return {};
    return mode;
}

QString exposedDotEnvFileMode(const QString &path)
{
    const QString mode = readableByOthersMode(path);
    return mode.isEmpty() || readDotEnvFile(path).isEmpty() ? QString() : mode;
}

} // namespace ct
