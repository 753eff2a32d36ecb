#include "idlenetworkaccess.h"

#include <QNetworkReply>

#include <memory>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace ct {

IdleNetworkAccessManager::IdleNetworkAccessManager(QObject *parent) : QNetworkAccessManager(parent)
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(kDefaultIdleTime);
    connect(&m_idle, &QTimer::timeout, this, &IdleNetworkAccessManager::release);
}

IdleNetworkAccessManager::~IdleNetworkAccessManager()
{
    // ~QNetworkAccessManager deletes the replies still there, after this class's members are
    // gone: they must not count down (and start m_idle) then.
    for (QNetworkReply *reply : findChildren<QNetworkReply *>(Qt::FindDirectChildrenOnly))
        disconnect(reply, nullptr, this, nullptr);
}

QNetworkReply *IdleNetworkAccessManager::createRequest(Operation op, const QNetworkRequest &request,
                                                       QIODevice *outgoingData)
{
    QNetworkReply *reply = QNetworkAccessManager::createRequest(op, request, outgoingData);
    ++m_inFlight;
    m_idle.stop();
    // Counted down once: when it finishes, or when its owner deletes it unfinished.
    auto ended = std::make_shared<bool>(false);
    const auto end = [this, ended] {
        if (*ended)
            return;
        *ended = true;
        requestEnded();
    };
    connect(reply, &QNetworkReply::finished, this, end);
    connect(reply, &QObject::destroyed, this, end);
    return reply;
}

void IdleNetworkAccessManager::requestEnded()
{
    if (--m_inFlight == 0)
        m_idle.start();
}

void IdleNetworkAccessManager::release()
{
    if (m_inFlight != 0)
        return;
    clearConnectionCache(); // also ends the HTTP thread (Qt waits for it, idle, to finish)
#ifdef __GLIBC__
    // What that thread allocated is free now, in its own arena; give those pages back.
    malloc_trim(0);
#endif
    Q_EMIT released();
}

} // namespace ct
