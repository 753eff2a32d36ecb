#pragma once
// Fetches an image (any bytes, really) by URL for display, asynchronously, with limits: only
// http, https and file URLs; at most maxBytes (5 MB by default; a larger answer is aborted as
// soon as its Content-Length or its bytes say so); a transfer timeout; and a small in-memory
// LRU cache by URL (bounded in bytes), so showing the same message again costs nothing.
// Concurrent fetches of one URL share one request. Callbacks always run from the event loop,
// never inside fetch(), and not at all once their context object is gone.
//
//   fetcher.fetch(url, this, [](const QByteArray &bytes, const QString &error) { … });
#include <QByteArray>
#include <QCache>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace ct {

class ImageFetcher : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const QByteArray &bytes, const QString &error)>;

    explicit ImageFetcher(QObject *parent = nullptr);
    ~ImageFetcher() override;

    void setMaxBytes(qint64 bytes) { m_maxBytes = bytes; }
    qint64 maxBytes() const { return m_maxBytes; }
    // The cache's budget in bytes (an answer larger than this is not cached).
    void setCacheBytes(qint64 bytes) { m_cache.setMaxCost(bytes); }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // `done` gets the bytes (error empty) or an error in words (bytes empty).
    void fetch(const QUrl &url, QObject *context, Callback done);
    bool isCached(const QUrl &url) const { return m_cache.contains(url.toString()); }
    int requestsStarted() const { return m_requests; }

private:
    struct Waiter
    {
        QPointer<QObject> context;
        Callback done;
    };
    void finish(const QString &key, const QByteArray &bytes, const QString &error);

    QNetworkAccessManager *m_network = nullptr;
    QCache<QString, QByteArray> m_cache;
    QHash<QString, QList<Waiter>> m_waiting;
    QHash<QString, QNetworkReply *> m_replies;
    qint64 m_maxBytes = 5 * 1024 * 1024;
    int m_timeoutMs = 20000;
    int m_requests = 0;
};

} // namespace ct
