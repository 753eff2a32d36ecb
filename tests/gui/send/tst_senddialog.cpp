// The test-send dialog: nothing is sent until an account is chosen; each channel's form builds
// the right request; the sender's answer (id and time, or the server's error) shows in place.
#include "gui/guitesthelpers.h"
#include "send/senddialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QtTest>

using namespace ct;
using namespace ct::ui;
using namespace ct::guitest;

class TestSendDialog : public QObject
{
    Q_OBJECT
    AccountRegistry *m_registry = nullptr;
    QList<SendRequest> m_requests;
    SendDone m_pending;

    Sender fakeSender()
    {
        return [this](const SendRequest &r, SendDone done) {
            m_requests << r;
            m_pending = done;
        };
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_registry = new AccountRegistry(drivenFactory(), this);
        m_registry->setConfig(sampleConfig());
    }
    void init()
    {
        m_requests.clear();
        m_pending = {};
    }

    void noAccountIsPreselected_sendNeedsAChoice()
    {
        SendDialog dialog(m_registry, fakeSender());
        QVERIFY(!dialog.chosenAccount().isValid());
        dialog.textField()->setPlainText(QStringLiteral("hello"));
        QVERIFY(!dialog.sendButton()->isEnabled());
        QCOMPARE(dialog.blocker(), QStringLiteral("Choose the account to send from."));
        dialog.sendButton()->click();
        QVERIFY(m_requests.isEmpty());
    }

    void gotify_sendsTitlePriorityMarkdownClickUrl_andShowsId()
    {
        SendDialog dialog(m_registry, fakeSender());
        int sent = 0;
        connect(&dialog, &SendDialog::sent, this, [&sent] { ++sent; });
        dialog.accountField()->setCurrentIndex(dialog.accountField()->findData(QStringLiteral("gotify/ops")));
        dialog.titleField()->setText(QStringLiteral("Deploy"));
        dialog.textField()->setPlainText(QStringLiteral("**done**"));
        dialog.priorityField()->setValue(8);
        dialog.markdownField()->setChecked(true);
        dialog.clickUrlField()->setText(QStringLiteral("ftp://x"));
        QVERIFY(!dialog.sendButton()->isEnabled());
        dialog.clickUrlField()->setText(QStringLiteral("https://ci.example.com/1"));
        QVERIFY(dialog.sendButton()->isEnabled());
        QTest::mouseClick(dialog.sendButton(), Qt::LeftButton);
        QCOMPARE(m_requests.size(), 1);
        const SendRequest r = m_requests.first();
        QCOMPARE(r.account.toString(), QStringLiteral("gotify/ops"));
        QCOMPARE(r.title, QStringLiteral("Deploy"));
        QCOMPARE(r.text, QStringLiteral("**done**"));
        QCOMPARE(r.priority, std::optional<int>(8));
        QVERIFY(r.markdown);
        QCOMPARE(r.clickUrl, QStringLiteral("https://ci.example.com/1"));
        QVERIFY(dialog.isSending());
        QVERIFY(!dialog.sendButton()->isEnabled()); // one at a time
        SendResult ok;
        ok.ok = true;
        ok.serverId = QStringLiteral("4711");
        ok.time = QDateTime::currentDateTimeUtc();
        m_pending(ok);
        QVERIFY(dialog.resultText().startsWith(QStringLiteral("Sent. Server id 4711 at ")));
        QCOMPARE(sent, 1);
        QVERIFY(dialog.sendButton()->isEnabled()); // ready for another
    }

    void openIm_recipientAndMediaByUrl_errorShownInPlace()
    {
        SendDialog dialog(m_registry, fakeSender());
        dialog.chooseAccount(AccountAddress::parse(QStringLiteral("multi-openim/primary")));
        QCOMPARE(dialog.chosenAccount().toString(), QStringLiteral("multi-openim/primary"));
        dialog.textField()->setPlainText(QStringLiteral("hi"));
        dialog.recipientField()->setText(QStringLiteral("bob"));
        QVERIFY(dialog.blocker().contains(QStringLiteral("user:")));
        dialog.recipientField()->setText(QStringLiteral("group:g42"));
        QVERIFY(dialog.sendButton()->isEnabled());
        dialog.kindField()->setCurrentIndex(dialog.kindField()->findData(int(SendRequest::Kind::Picture)));
        QVERIFY(!dialog.sendButton()->isEnabled());
        QVERIFY(!dialog.textField()->isEnabled());
        dialog.urlField()->setText(QStringLiteral("https://img.example.com/cat.png"));
        QVERIFY(dialog.sendButton()->isEnabled());
        dialog.sendButton()->click();
        QCOMPARE(m_requests.size(), 1);
        QCOMPARE(m_requests.first().recipient, QStringLiteral("group:g42"));
        QCOMPARE(m_requests.first().kind, SendRequest::Kind::Picture);
        QCOMPARE(m_requests.first().url, QStringLiteral("https://img.example.com/cat.png"));
        SendResult refused;
        refused.error = QStringLiteral("1004 RecordNotFoundError: group not found");
        m_pending(refused);
        QCOMPARE(dialog.resultText(), QStringLiteral("Not sent: 1004 RecordNotFoundError: group not found"));
    }

    void withoutSender_sayingSo()
    {
        SendDialog dialog(m_registry, {});
        dialog.chooseAccount(AccountAddress::parse(QStringLiteral("gotify/ops")));
        dialog.textField()->setPlainText(QStringLiteral("x"));
        QVERIFY(!dialog.sendButton()->isEnabled());
        QCOMPARE(dialog.blocker(), QStringLiteral("Sending is not available in this build."));
    }
};

QTEST_MAIN(TestSendDialog)
#include "tst_senddialog.moc"
