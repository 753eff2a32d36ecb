#include "redact.h"

#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

#include <algorithm>

namespace ct {
namespace {

// Redacts the values of sensitive items of an encoded "a=1&b=2" string; keeps the rest.
QString redactEncodedItems(const QString &encoded, bool *changed)
{
    QStringList items = encoded.split(QLatin1Char('&'));
    for (QString &item : items) {
        const qsizetype eq = item.indexOf(QLatin1Char('='));
        const QString rawName = eq < 0 ? item : item.left(eq);
        QString name = rawName;
        name.replace(QLatin1Char('+'), QLatin1Char(' '));
        name = QUrl::fromPercentEncoding(name.toUtf8());
        if (!isSensitiveName(name))
            continue;
        if (eq < 0)
            continue; // a bare name carries no value
        item = rawName + QLatin1Char('=') + kRedacted;
        *changed = true;
    }
    return items.join(QLatin1Char('&'));
}

} // namespace

bool isSensitiveName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n.isEmpty())
        return false;
    static const QStringList exact = {
        QStringLiteral("token"),     QStringLiteral("key"),           QStringLiteral("access_token"),
        QStringLiteral("password"),  QStringLiteral("authorization"), QStringLiteral("proxy-authorization"),
        QStringLiteral("cookie"),    QStringLiteral("set-cookie"),    QStringLiteral("x-gotify-key"),
        QStringLiteral("pass"),      QStringLiteral("pwd"),           QStringLiteral("sig"),
        QStringLiteral("signature"),
    };
    if (exact.contains(n))
        return true;
    static const QStringList parts = {
        QStringLiteral("token"),  QStringLiteral("key"),  QStringLiteral("secret"), QStringLiteral("password"),
        QStringLiteral("passwd"), QStringLiteral("auth"), QStringLiteral("cookie"), QStringLiteral("session"),
    };
    return std::any_of(parts.cbegin(), parts.cend(), [&n](const QString &part) { return n.contains(part); });
}

QString redactUrl(const QUrl &input)
{
    if (input.isEmpty())
        return QString();
    if (!input.isValid())
        return QStringLiteral("<invalid URL>");
    QUrl url = input;
    if (!url.password().isEmpty())
        url.setPassword(kRedacted);
    bool changed = false;
    if (url.hasQuery()) {
        const QString query = redactEncodedItems(url.query(QUrl::FullyEncoded), &changed);
        url.setQuery(query, QUrl::StrictMode);
    }
    if (url.hasFragment()) {
        const QString fragment = redactEncodedItems(url.fragment(QUrl::FullyEncoded), &changed);
        url.setFragment(fragment, QUrl::StrictMode);
    }
    return url.toString(QUrl::FullyEncoded);
}

QString redactHeader(const QByteArray &name, const QByteArray &value)
{
    const QString headerName = QString::fromLatin1(name);
    if (!isSensitiveName(headerName))
        return headerName + QStringLiteral(": ") + QString::fromLatin1(value);
    const QString lower = headerName.toLower();
    if (lower == QLatin1String("authorization") || lower == QLatin1String("proxy-authorization")) {
        const QByteArray trimmed = value.trimmed();
        const qsizetype space = trimmed.indexOf(' ');
        if (space > 0)
            return headerName + QStringLiteral(": ") + QString::fromLatin1(trimmed.left(space)) + QLatin1Char(' ')
                   + kRedacted;
    }
    return headerName + QStringLiteral(": ") + kRedacted;
}

QString redactHeaders(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QStringList lines;
    lines.reserve(headers.size());
    for (const auto &header : headers)
        lines.append(redactHeader(header.first, header.second));
    return lines.join(QStringLiteral(", "));
}

QString redactHeaders(const QNetworkRequest &request)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    const QList<QByteArray> names = request.rawHeaderList();
    for (const QByteArray &name : names)
        headers.append({name, request.rawHeader(name)});
    return redactHeaders(headers);
}

QString replyErrorString(const QNetworkReply &reply)
{
    QString text = reply.errorString();
    for (const QUrl &url : {reply.url(), reply.request().url()}) {
        if (url.isEmpty())
            continue;
        QString shown = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
        shown += (url.hasQuery() ? QStringLiteral("?…") : QString())
                 + (url.hasFragment() ? QStringLiteral("#…") : QString());
        for (const QString &form : {url.toString(), url.toString(QUrl::FullyEncoded), url.toDisplayString()})
            text.replace(form, shown);
    }
    return text;
}

QString redactText(QString text, const QStringList &knownSecrets)
{
    QStringList secrets;
    for (const QString &secret : knownSecrets) {
        if (secret.isEmpty())
            continue;
        secrets.append(secret);
        const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(secret));
        if (encoded != secret)
            secrets.append(encoded);
    }
    std::sort(secrets.begin(), secrets.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (const QString &secret : secrets)
        text.replace(secret, kRedacted);
    return text;
}

} // namespace ct
