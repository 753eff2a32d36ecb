#pragma once
// One attempt of tokenRefresh.mode = "http": an in-process request through
// QNetworkAccessManager built from the templated recipe, then the token read from the
// response by responseTokenPaths fallbacks, stateWriteBack written, clearOnSuccess deleted.
// Emits finished() exactly once, then may be deleted.
#include "config/configmodel.h"
#include "refreshattempt.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;

namespace ct {

class HttpRefreshJob : public QObject
{
    Q_OBJECT
public:
    // Token paths used when the recipe has no responseTokenPath.
    static QStringList defaultTokenPaths();

    HttpRefreshJob(QNetworkAccessManager *network, const HttpRefreshConfig &config, const QString &accountId,
                   const QString &reason, QObject *parent = nullptr);
    ~HttpRefreshJob() override;

    // Builds and sends the request; a recipe that cannot be built finishes (queued) at once.
    void start();
    // Strings of the account's state, for the caller to scrub from any text it writes.
    QStringList stateSecrets() const;

Q_SIGNALS:
    void finished(const ct::RefreshAttemptResult &result);

private:
    void finish(const RefreshAttemptResult &result);
    void onReplyFinished();
    void applySideEffects(const QJsonValue &response, RefreshAttemptResult &result);

    QNetworkAccessManager *m_network;
    HttpRefreshConfig m_config;
    QString m_accountId;
    QString m_reason;
    QJsonObject m_state;
    QPointer<QNetworkReply> m_reply;
    bool m_finished = false;
};

} // namespace ct
