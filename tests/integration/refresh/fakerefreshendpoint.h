#pragma once
// A loopback HTTP/1.1 refresh endpoint for tests: listens on 127.0.0.1 port 0, records every
// request, answers with whatever the test's handler says (or never answers, for timeouts).
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>

#include <functional>

class QTcpSocket;

struct RecordedRequest
{
    QByteArray method;
    QByteArray target;                     // path and query
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
};

struct CannedResponse
{
    int status = 200;
    QByteArray body;
    bool hang = false; // never answer
};

class FakeRefreshEndpoint : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<CannedResponse(const RecordedRequest &)>;
    explicit FakeRefreshEndpoint(QObject *parent = nullptr);
    // Open sockets die with m_server; their disconnected() must not reach a half-destroyed us.
    ~FakeRefreshEndpoint() override;

    bool listen(); // 127.0.0.1, port 0
    quint16 port() const { return m_server.serverPort(); }
    QString url(const QString &pathAndQuery) const;
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    // Answers every request whose handler said `hang` so far.
    void answerHeld(const CannedResponse &response);
    QList<RecordedRequest> requests;

Q_SIGNALS:
    void requestReceived();

private:
    void onReadyRead(QTcpSocket *socket);

    QTcpServer m_server;
    Handler m_handler;
    static void answer(QTcpSocket *socket, const CannedResponse &response);

    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QTcpSocket *> m_held;
};
