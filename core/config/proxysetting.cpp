#include "proxysetting.h"

#include "jsonreader.h"

#include <QUrl>

namespace ct {

std::optional<ProxySetting> parseProxySetting(const QString &text, QString *error)
{
    const auto fail = [error](const char *why) -> std::optional<ProxySetting> {
        if (error)
            *error = QString::fromLatin1(why);
        return std::nullopt;
    };
    ProxySetting p;
    const QString t = text.trimmed();
    if (t.isEmpty() || t.compare(QLatin1String("system"), Qt::CaseInsensitive) == 0)
        return p;
    if (t.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0) {
        p.kind = ProxySetting::Kind::None;
        return p;
    }
    const QUrl url(t, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("socks5")))
        return fail("expected \"system\", \"none\" or a proxy URL such as http://host:port or socks5://host:port");
    if (url.host().isEmpty() || url.port() <= 0)
        return fail("the proxy URL needs a host and a port");
    if (!url.path().isEmpty() && url.path() != QLatin1String("/"))
        return fail("the proxy URL must not have a path");
    p.kind = scheme == QLatin1String("http") ? ProxySetting::Kind::Http : ProxySetting::Kind::Socks5;
    p.host = url.host();
    p.port = url.port();
    p.user = url.userName(QUrl::FullyDecoded);
    p.password = url.password(QUrl::FullyDecoded);
    return p;
}

void readProxySetting(const QJsonObject &obj, const QString &path, JsonReader &r, QString &out)
{
    QString text;
    if (!r.readString(obj, path, QStringLiteral("proxy"), text, JsonReader::Echo::Hide))
        return;
    QString error;
    if (parseProxySetting(text, &error))
        out = text;
    else
        r.addProblem(JsonReader::join(path, QStringLiteral("proxy")), error); // the value may hold a password
}

} // namespace ct
