#pragma once
// Where and how to reach one Gotify account: URL, resolved tokens, TLS trust, timeouts.
// Tokens are resolved by the caller (inline config or keychain) and never logged.
#include "config/configmodel.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

namespace ct {

struct GotifyEndpoint
{
    AccountAddress address;
    QUrl serverUrl;      // http(s)://host[:port][/prefix]
    QString appToken;    // may be empty (send then needs a v3 client token + appid)
    QString clientToken; // stream, read, administer
    QString caCertFile;  // optional PEM added to the trusted CAs
    int requestTimeoutMs = 15000;
    int defaultPriority = 5;

    // From an account config; tokens as given (already resolved).
    static GotifyEndpoint fromConfig(const GotifyAccountConfig &account, const QString &appToken,
                                     const QString &clientToken)
    {
        GotifyEndpoint e;
        e.address = account.address();
        e.serverUrl = QUrl(account.serverUrl);
        e.appToken = appToken;
        e.clientToken = clientToken;
        e.caCertFile = account.caCertFile;
        e.defaultPriority = account.defaultPriority;
        return e;
    }
    // <serverUrl><path>, keeping a path prefix of the server URL ("https://h/gotify" + "/message").
    QUrl urlFor(const QString &path) const
    {
        QUrl u = serverUrl;
        QString base = u.path();
        while (base.endsWith(QLatin1Char('/')))
            base.chop(1);
        u.setPath(base + path);
        return u;
    }
    // TLS for https/wss: the system CAs plus the certificates of caCertFile (for a self-signed
    // server), peer verification always on. When caCertFile is set but gives no certificate,
    // `error` says so (the caller fails the request as a TLS error instead of connecting).
    QSslConfiguration sslConfiguration(QString *error = nullptr) const
    {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
        if (caCertFile.isEmpty())
            return ssl;
        const QList<QSslCertificate> extra = QSslCertificate::fromPath(caCertFile, QSsl::Pem);
        if (extra.isEmpty() && error) {
            *error = QFileInfo(caCertFile).isReadable()
                         ? QCoreApplication::translate("GotifyEndpoint", "caCertFile %1 holds no PEM certificate")
                               .arg(caCertFile)
                         : QCoreApplication::translate("GotifyEndpoint", "caCertFile %1 cannot be read")
                               .arg(caCertFile);
        }
        ssl.setCaCertificates(ssl.caCertificates() + extra);
        return ssl;
    }
    // The /stream URL: http→ws, https→wss.
    QUrl streamUrl() const
    {
        QUrl u = urlFor(QStringLiteral("/stream"));
        u.setScheme(u.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
        return u;
    }
};

} // namespace ct
