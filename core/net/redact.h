#pragma once
// THE one place that turns URLs, headers and free text into log text. Every log line that
// shows a URL or a header goes through these functions; a token never reaches a log line.
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

class QNetworkReply;
class QNetworkRequest;

namespace ct {

// What a masked value is replaced with.
inline constexpr QLatin1StringView kRedacted{"***"};

// True for a query-item or header name that carries a credential: token, key, access_token,
// password, Authorization, Cookie, X-Gotify-Key, and any name containing "token", "key",
// "secret", "password", "passwd", "auth", "cookie" or "session" (case-insensitive).
bool isSensitiveName(const QString &name);

// The URL with the user-info password and the values of sensitive query items (and of
// sensitive fragment items, as in "#access_token=…") replaced by "***". An URL that does not
// parse is not echoed at all.
QString redactUrl(const QUrl &url);

// "Name: value", with the value masked when the name is sensitive. For "Authorization" the
// scheme is kept ("Bearer ***") so a log still tells which kind of credential was sent.
QString redactHeader(const QByteArray &name, const QByteArray &value);
// All headers, one redactHeader() each, joined by ", ".
QString redactHeaders(const QList<QPair<QByteArray, QByteArray>> &headers);
QString redactHeaders(const QNetworkRequest &request);

// reply.errorString() with its URL's user info, query and fragment hidden: Qt writes the whole
// URL into the text of an HTTP error ("Error transferring http://user:pw@host/p?key=…#… -
// server replied: Bad Gateway"). The text for every reply error that may be shown or logged.
QString replyErrorString(const QNetworkReply &reply);

// Replaces every occurrence of every non-empty known secret (also in its percent-encoded
// form) with "***". Longer secrets are replaced first.
QString redactText(QString text, const QStringList &knownSecrets);

} // namespace ct
