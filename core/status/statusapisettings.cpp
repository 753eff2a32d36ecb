#include "statusapisettings.h"

#include "config/jsonreader.h"

namespace ct {

bool parseListenAddress(const QString &text, QHostAddress *address, quint16 *port, QString *error)
{
    const QString t = text.trimmed();
    QString host;
    QString portText;
    if (t.startsWith(QLatin1Char('['))) {
        const qsizetype close = t.indexOf(QStringLiteral("]:"));
        if (close < 0) {
            *error = QStringLiteral("expected \"[IPv6]:PORT\", got %1").arg(JsonReader::quoted(text));
            return false;
        }
        host = t.mid(1, close - 1);
        portText = t.mid(close + 2);
    } else if (t.count(QLatin1Char(':')) > 1) {
        *error = QStringLiteral("write an IPv6 address in brackets, e.g. \"[::1]:9465\"; got %1")
                     .arg(JsonReader::quoted(text));
        return false;
    } else if (const qsizetype colon = t.lastIndexOf(QLatin1Char(':')); colon >= 0) {
        host = t.left(colon);
        portText = t.mid(colon + 1);
    } else {
        portText = t;
    }
    bool ok = false;
    const uint p = portText.toUInt(&ok);
    if (!ok || p > 65535) {
        *error = QStringLiteral("expected \"HOST:PORT\" with a port from 0 to 65535, got %1")
                     .arg(JsonReader::quoted(text));
        return false;
    }
    QHostAddress a;
    if (host.isEmpty() || host.compare(QStringLiteral("localhost"), Qt::CaseInsensitive) == 0)
        a = QHostAddress(QHostAddress::LocalHost);
    else if (!a.setAddress(host)) {
        *error = QStringLiteral("the host must be an IP address or \"localhost\", got %1")
                     .arg(JsonReader::quoted(host));
        return false;
    }
    *address = a;
    *port = quint16(p);
    return true;
}

StatusApiSettings readStatusApiSettings(const Config &config, QList<ConfigProblem> *problems)
{
    StatusApiSettings s;
    const QString parent = QStringLiteral("channeltray.statusApi");
    const QJsonValue block =
        config.raw.value(QStringLiteral("channeltray")).toObject().value(QStringLiteral("statusApi"));
    if (block.isUndefined() || block.isNull())
        return s;
    JsonReader r;
    if (!block.isObject()) {
        r.addProblem(parent, QStringLiteral("expected an object, got %1").arg(JsonReader::describe(block)));
    } else {
        const QJsonObject o = block.toObject();
        bool enabled = true;
        r.readBool(o, parent, QStringLiteral("enabled"), enabled);
        r.readString(o, parent, QStringLiteral("token"), s.inlineToken, JsonReader::Echo::Hide);
        if (r.readString(o, parent, QStringLiteral("listen"), s.listen)) {
            QString why;
            if (parseListenAddress(s.listen, &s.address, &s.port, &why))
                s.enabled = enabled;
            else
                r.addProblem(JsonReader::join(parent, QStringLiteral("listen")), why);
        } else if (enabled && !o.contains(QStringLiteral("listen"))) {
            r.addProblem(JsonReader::join(parent, QStringLiteral("listen")),
                         QStringLiteral("missing; e.g. \"127.0.0.1:9465\""));
        }
    }
    if (!r.problems().isEmpty())
        s.enabled = false;
    if (problems)
        *problems << r.problems();
    return s;
}

QStringList statusApiWarnings(const StatusApiSettings &settings, const QString &tokenOrigin)
{
    QStringList out;
    if (!settings.enabled || settings.isLoopback())
        return out;
    if (tokenOrigin == QStringLiteral("missing"))
        out << QStringLiteral("the status API listens on %1, beyond this machine, and asks no bearer token: "
                              "anyone who can reach the port can read every account's state")
                   .arg(settings.listen);
    else
        out << QStringLiteral("the status API listens on %1, beyond this machine (over plain HTTP: "
                              "the bearer token crosses the network unencrypted)")
                   .arg(settings.listen);
    return out;
}

} // namespace ct
