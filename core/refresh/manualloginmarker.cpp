#include "manualloginmarker.h"

#include "config/atomicfile.h"
#include "config/userpath.h"
#include "net/redact.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace ct {

QString ManualLoginMarker::pathFor(const QString &configuredPath, const QString &accountId)
{
    const QString path = expandUserPath(configuredPath);
    const QFileInfo info(path);
    const QString name = info.fileName();
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    QString marked;
    if (dot > 0)
        marked = name.left(dot) + QLatin1Char('.') + accountId + name.mid(dot);
    else
        marked = name + QLatin1Char('.') + accountId;
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    return slash >= 0 ? path.left(slash + 1) + marked : marked;
}

QString ManualLoginMarker::endpointWithoutQuery(const QString &endpoint)
{
    // Text surgery rather than QUrl, so a template keeps its {placeholders} readable.
    QString out = endpoint;
    qsizetype cut = out.size();
    for (const QChar c : {QLatin1Char('?'), QLatin1Char('#')}) {
        const qsizetype i = out.indexOf(c);
        if (i >= 0 && i < cut)
            cut = i;
    }
    out.truncate(cut);
    const qsizetype scheme = out.indexOf(QStringLiteral("://"));
    if (scheme >= 0) {
        const qsizetype hostStart = scheme + 3;
        qsizetype pathStart = out.indexOf(QLatin1Char('/'), hostStart);
        if (pathStart < 0)
            pathStart = out.size();
        const qsizetype at = out.lastIndexOf(QLatin1Char('@'), pathStart - 1);
        if (at >= hostStart)
            out.remove(hostStart, at + 1 - hostStart);
    }
    return out;
}

QByteArray ManualLoginMarker::toJson() const
{
    QJsonObject tried{{QStringLiteral("mode"), mode},
                      {QStringLiteral("attempts"), attempts},
                      {QStringLiteral("lastError"), lastError}};
    if (!endpoint.isEmpty())
        tried.insert(QStringLiteral("endpoint"), endpointWithoutQuery(endpoint));
    if (!command.isEmpty())
        tried.insert(QStringLiteral("command"), command);
    const QJsonObject root{
        {QStringLiteral("account"), address.toString()},
        {QStringLiteral("channel"), address.channel},
        {QStringLiteral("accountId"), address.accountId},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("time"), time.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("tried"), tried},
        {QStringLiteral("action"),
         QStringLiteral("log in to this account manually and give ChannelTray the new token "
                        "(accounts set-token %1)")
             .arg(address.toString())},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool ManualLoginMarker::write(const QString &path, const QStringList &secrets, QString *error) const
{
    QByteArray json = toJson();
    if (!secrets.isEmpty())
        json = redactText(QString::fromUtf8(json), secrets).toUtf8();
    return writeFileAtomically(path, json, error, true);
}

bool ManualLoginMarker::remove(const QString &path)
{
    return QFile::exists(path) && QFile::remove(path);
}

} // namespace ct
