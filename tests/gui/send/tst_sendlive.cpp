// Test-send against the loopback servers, through the tray as it runs: an AppRuntime with a
// Gotify account (loopback Gotify server) and an OpenIM account (loopback OpenIM server), the
// services from app/traywiring, and the SendDialog that AppController opens. A Gotify message
// (title, priority, markdown, click URL) and an OpenIM text reach their servers with every field,
// the server id and time show in place, and both sent messages are in the history; an OpenIM
// account that is not connected shows the error in place.
#include "common/messagebox.h"
#include "config/configloader.h"
#include "gotifyserver.h"
#include "inbound/historystore.h"
#include "mainwindow/mainwindow.h"
#include "openimloopbackserver.h"
#include "runtime/appruntime.h"
#include "send/senddialog.h"
#include "tray/appcontroller.h"
#include "traywiring.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace ct;
using namespace ct::ui;
using ct::testserver::GotifyServer;

class TestSendLive : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    GotifyServer m_gotify;
    loopback::OpenImLoopbackServer m_openim;
    std::unique_ptr<AppRuntime> m_runtime;
    MessageBox m_box;
    // One for the suite: an AppController stops the registry's accounts when it goes.
    std::unique_ptr<AppController> m_controller;
    const AccountAddress m_ops{kGotifyChannel, QStringLiteral("ops")};
    const AccountAddress m_bot{kOpenImChannel, QStringLiteral("bot")};
    const AccountAddress m_down{kOpenImChannel, QStringLiteral("down")};

    SendDialog *openDialog(AppController &controller, const AccountAddress &account)
    {
        controller.openSendDialog(account);
        const QList<SendDialog *> dialogs = controller.mainWindow()->findChildren<SendDialog *>();
        return dialogs.isEmpty() ? nullptr : dialogs.last();
    }
    QList<HistoryRecord> history(const AccountAddress &account)
    {
        HistoryQuery q;
        q.account = account;
        return m_runtime->history().query(q);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY(m_gotify.listen());
        QVERIFY(m_openim.start());
        m_openim.addUser(QStringLiteral("bot"), QStringLiteral("Bot"));
        m_openim.addUser(QStringLiteral("alice"), QStringLiteral("Alice"));
        AppRuntime::Options options{m_dir.filePath(QStringLiteral("c.json")),
                                    m_dir.filePath(QStringLiteral("h.sqlite"))};
        options.firstProbeDelayMs = -1;
        m_runtime = std::make_unique<AppRuntime>(options);
        QString error;
        QVERIFY2(m_runtime->open(&error), qPrintable(error));
        const QJsonObject ops{{"serverUrl", m_gotify.url().toString()},
                              {"clientToken", m_gotify.clientToken()},
                              {"appToken", m_gotify.appToken()}};
        const QJsonObject bot{{"wsAddr", m_openim.wsAddr()},
                              {"apiAddr", m_openim.apiAddr()},
                              {"userID", "bot"},
                              {"token", m_openim.mintToken(QStringLiteral("bot"), 5)}};
        const QJsonObject down{
            {"wsAddr", "ws://127.0.0.1:1"}, {"apiAddr", "http://127.0.0.1:1"}, {"userID", "bot"}, {"token", "t"}};
        const QJsonObject channels{
            {"gotify", QJsonObject{{"accounts", QJsonObject{{"ops", ops}}}}},
            {"multi-openim", QJsonObject{{"tokenRefresh", QJsonObject{{"mode", "off"}}},
                                         {"accounts", QJsonObject{{"bot", bot}, {"down", down}}}}}};
        const LoadResult config = configFromJson(QJsonObject{{"channels", channels}});
        QVERIFY2(config.ok(), qPrintable(config.problemStrings().join(QLatin1Char('\n'))));
        m_runtime->applyConfig(config.config);
        m_controller = std::make_unique<AppController>(*m_runtime, app::trayServicesFor(*m_runtime), &m_box,
                                                       nullptr);
        QTRY_COMPARE(m_runtime->registry().rowCount(), 3);
        QTRY_VERIFY_WITH_TIMEOUT(m_runtime->registry().connection(m_bot)->state() == AccountState::Connected,
                                 15000);
    }

    void gotify_allFieldsReachTheServer_resultInPlace_andInHistory()
    {
        AppController &controller = *m_controller;
        SendDialog *dialog = openDialog(controller, m_ops);
        QVERIFY(dialog);
        QCOMPARE(dialog->chosenAccount(), m_ops);
        const qsizetype before = m_gotify.messageCount();
        dialog->titleField()->setText(QStringLiteral("Deploy finished"));
        dialog->textField()->setPlainText(QStringLiteral("**v1.2** is live"));
        dialog->priorityField()->setValue(8);
        dialog->markdownField()->setChecked(true);
        dialog->clickUrlField()->setText(QStringLiteral("https://ci.example.com/run/7"));
        QVERIFY2(dialog->blocker().isEmpty(), qPrintable(dialog->blocker()));
        dialog->sendButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->resultText().startsWith(QStringLiteral("Sent.")), 10000);

        QCOMPARE(m_gotify.messageCount(), before + 1);
        const qint64 id = m_gotify.lastMessageId();
        const auto *stored = m_gotify.store().message(id);
        QVERIFY(stored);
        QCOMPARE(stored->title, QStringLiteral("Deploy finished"));
        QCOMPARE(stored->message, QStringLiteral("**v1.2** is live"));
        QCOMPARE(stored->priority, 8);
        const QJsonObject extras = stored->extras;
        QCOMPARE(extras.value("client::display").toObject().value("contentType").toString(),
                 QStringLiteral("text/markdown"));
        QCOMPARE(extras.value("client::notification").toObject().value("click").toObject().value("url").toString(),
                 QStringLiteral("https://ci.example.com/run/7"));
        QVERIFY2(dialog->resultText().contains(QString::number(id)), qPrintable(dialog->resultText()));

        QTRY_VERIFY(!history(m_ops).isEmpty());
        const InboundMessage sent = history(m_ops).first().message;
        QCOMPARE(sent.id, QString::number(id));
        QCOMPARE(sent.title, QStringLiteral("Deploy finished"));
        QCOMPARE(sent.contentType, QStringLiteral("text/markdown"));
        QCOMPARE(sent.clickUrl, QStringLiteral("https://ci.example.com/run/7"));
    }

    void openIm_textToUser_reachesTheServer_resultInPlace_andInHistory()
    {
        AppController &controller = *m_controller;
        SendDialog *dialog = openDialog(controller, m_bot);
        QVERIFY(dialog);
        const size_t before = m_openim.receivedMsgs().size();
        dialog->recipientField()->setText(QStringLiteral("user:alice"));
        dialog->kindField()->setCurrentIndex(dialog->kindField()->findData(int(SendRequest::Kind::Text)));
        dialog->textField()->setPlainText(QStringLiteral("hello alice, 你好"));
        QVERIFY2(dialog->blocker().isEmpty(), qPrintable(dialog->blocker()));
        dialog->sendButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->resultText().startsWith(QStringLiteral("Sent.")), 10000);

        QCOMPARE(m_openim.receivedMsgs().size(), before + 1);
        const auto &m = m_openim.receivedMsgs().back();
        QCOMPARE(QString::fromStdString(m.sendid()), QStringLiteral("bot"));
        QCOMPARE(QString::fromStdString(m.recvid()), QStringLiteral("alice"));
        QCOMPARE(m.contenttype(), 101);
        QCOMPARE(
            QJsonDocument::fromJson(QByteArray::fromStdString(m.content())).object().value("content").toString(),
            QStringLiteral("hello alice, 你好"));
        // The gateway's answer carries the serverMsgID and send time the dialog shows.
        QVERIFY2(!dialog->resultText().contains(QStringLiteral("(none)")), qPrintable(dialog->resultText()));

        QTRY_VERIFY(!history(m_bot).isEmpty());
        bool found = false;
        for (const HistoryRecord &r : history(m_bot))
            found = found || r.message.text == QStringLiteral("hello alice, 你好");
        QVERIFY(found);
    }

    void openIm_accountNotConnected_showsTheErrorInPlace()
    {
        AppController &controller = *m_controller;
        SendDialog *dialog = openDialog(controller, m_down);
        QVERIFY(dialog);
        const size_t before = m_openim.receivedMsgs().size();
        dialog->recipientField()->setText(QStringLiteral("user:alice"));
        dialog->textField()->setPlainText(QStringLiteral("will not arrive"));
        QVERIFY2(dialog->blocker().isEmpty(), qPrintable(dialog->blocker()));
        dialog->sendButton()->click();
        QTRY_VERIFY(dialog->resultText().startsWith(QStringLiteral("Not sent:")));
        QVERIFY2(dialog->resultText().contains(QStringLiteral("not connected")), qPrintable(dialog->resultText()));
        QVERIFY(dialog->resultText().contains(m_down.toString()));
        QCOMPARE(m_openim.receivedMsgs().size(), before);
        QVERIFY(dialog->isVisible()); // stays open for another try
    }

    void cleanup()
    {
        for (SendDialog *d : m_controller->mainWindow()->findChildren<SendDialog *>())
            delete d;
    }

    void cleanupTestCase()
    {
        m_controller.reset();
        m_runtime.reset();
    }
};

QTEST_MAIN(TestSendLive)
#include "tst_sendlive.moc"
