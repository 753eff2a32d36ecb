#pragma once
// Small helpers shared by the refresh integration suites.
#include <QByteArray>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace refreshtest {

// Fixture texts (refreshtestdata.cpp).
QByteArray handFormattedConfig(); // OpenIM accounts primary (inline token) and second
QByteArray stateFileText();       // state of primary and second
QByteArray killPatchTemplate();   // "TOKEN" marks primary's token; 64 KiB of padding

// An unsigned JWT whose payload names `userID` (the refresher only reads claims).
inline QString makeJwt(const QString &userID, const QString &salt = QStringLiteral("x"))
{
    const auto b64 = [](const QByteArray &raw) {
        return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    const QJsonObject payload{{QStringLiteral("UserID"), userID},
                              {QStringLiteral("PlatformID"), 5},
                              {QStringLiteral("exp"), qint64(4102444800)},
                              {QStringLiteral("salt"), salt}};
    return QString::fromLatin1(b64(R"({"alg":"HS256","typ":"JWT"})") + '.'
                               + b64(QJsonDocument(payload).toJson(QJsonDocument::Compact)) + '.'
                               + b64("signature-" + salt.toUtf8()));
}

// The rwx bits for owner, group and others (no Qt "User" duplicates).
inline QFile::Permissions unixMode(const QString &path)
{
    return QFile::permissions(path)
           & (QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::WriteGroup
              | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther);
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline QJsonObject readJson(const QString &path)
{
    return QJsonDocument::fromJson(readFile(path)).object();
}

} // namespace refreshtest
