// Renders the main window, the account editor and the send dialog to PNG files in
// <build>/screenshots/ (docs/screenshot.png for the README is copied from there), and checks
// that each picture shows what its name says: the states and unread count in the accounts
// table, the stored messages and the selected one in full, the editor's ws:// problem, the
// send dialog's result.
#include "editor/accounteditordialog.h"
#include "editor/openimform.h"
#include "gui/guitesthelpers.h"
#include "history/historymodel.h"
#include "history/messagestab.h"
#include "history/messageview.h"
#include "inbound/historystore.h"
#include "mainwindow/accountstab.h"
#include "mainwindow/mainwindow.h"
#include "send/senddialog.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace ct;
using namespace ct::ui;
using namespace ct::guitest;

class TestScreenshots : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_out;

    void save(QWidget *w, const QString &name)
    {
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        const QString path = m_out + QLatin1Char('/') + name;
        const QPixmap shot = w->grab();
        QVERIFY(!shot.isNull());
        QVERIFY2(shot.save(path), qPrintable(path));
        QVERIFY(QFileInfo(path).size() > 5000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
        const QString bin = qEnvironmentVariable("CHANNELTRAY_BINARY_DIR", QDir::currentPath());
        m_out = bin + QStringLiteral("/screenshots");
        QVERIFY(QDir().mkpath(m_out));
    }

    void mainWindow_showsTheAccountStatesAndTheStoredMessages()
    {
        HistoryStore store(m_dir.filePath(QStringLiteral("history.sqlite")));
        QVERIFY(store.open());
        QList<InboundMessage> batch;
        const QStringList texts{QStringLiteral("Backup finished in 4 min"), QStringLiteral("Disk /var at 91%"),
                                QStringLiteral("Deploy of api v2.14 succeeded"),
                                QStringLiteral("Certificate renews in 7 days")};
        for (int i = 0; i < 12; ++i) {
            InboundMessage m;
            m.account = AccountAddress::parse(i % 3 ? QStringLiteral("gotify/ops")
                                                    : QStringLiteral("multi-openim/primary"));
            m.id = QString::number(100 + i);
            m.title = i % 3 ? QStringLiteral("cron@db1") : QString();
            m.senderName = i % 3 ? QStringLiteral("cron") : QStringLiteral("alice");
            m.text = texts.at(i % texts.size());
            m.contentType = QStringLiteral("text/plain");
            m.sessionKey = QStringLiteral("agent:main:main");
            m.serverTime = QDateTime(QDate(2026, 11, 22), QTime(9, 0)).addSecs(i * 97);
            batch << m;
        }
        QList<bool> inserted;
        QVERIFY(store.storeBatch(batch, &inserted));

        AccountRegistry registry(drivenFactory());
        registry.setConfig(sampleConfig());
        registry.startAll();
        driven(registry, QStringLiteral("gotify/ops"))
            ->drive(AccountState::Connected, QStringLiteral("stream open, v2.6.1"));
        driven(registry, QStringLiteral("gotify/ops"))->latency(14);
        driven(registry, QStringLiteral("gotify/alerts"))
            ->drive(AccountState::Backoff, QStringLiteral("connection refused"),
                    QDateTime::currentDateTimeUtc().addSecs(25));
        driven(registry, QStringLiteral("multi-openim/primary"))
            ->drive(AccountState::Connected, QStringLiteral("u_bot on platform 5"));
        driven(registry, QStringLiteral("multi-openim/primary"))->latency(38);
        driven(registry, QStringLiteral("multi-openim/primary"))
            ->expires(QDateTime(QDate(2026, 12, 1), QTime(8, 0), Qt::UTC));
        registry.setUnread(AccountAddress::parse(QStringLiteral("gotify/ops")), 8);

        MainWindow window(&registry, &store, {});
        window.resize(960, 420);
        window.showTab(MainWindow::Tab::Accounts);
        window.accountsTab()->view()->selectRow(1);
        QCOMPARE(window.currentTab(), MainWindow::Tab::Accounts);
        QCOMPARE(window.accountsTab()->view()->model()->rowCount(), registry.rowCount());
        QCOMPARE(registry.connection(AccountAddress::parse(QStringLiteral("gotify/alerts")))->state(),
                 AccountState::Backoff);
        QCOMPARE(registry.unread(AccountAddress::parse(QStringLiteral("gotify/ops"))), 8);
        save(&window, QStringLiteral("mainwindow-accounts.png"));
        window.resize(960, 560);
        window.showTab(MainWindow::Tab::Messages);
        window.messagesTab()->view()->selectRow(0);
        QCOMPARE(window.currentTab(), MainWindow::Tab::Messages);
        QCOMPARE(window.messagesTab()->model()->rowCount(), 12);
        // The newest message (the twelfth stored) is selected and shown in full.
        QVERIFY(window.messagesTab()->messageView()->toPlainText().contains(texts.at(11 % texts.size())));
        save(&window, QStringLiteral("mainwindow-messages.png"));
    }

    void accountEditor_showsTheWsAddressProblem()
    {
        AccountEditorDialog dialog(sampleConfig(), nullptr, [](const AccountDraft &, ProbeDone) {});
        dialog.startNew(kOpenImChannel);
        dialog.accountIdField()->setText(QStringLiteral("team-b"));
        const auto b64 = [](const QByteArray &d) {
            return QString::fromLatin1(d.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        };
        dialog.openImForm()->token()->setText(b64(R"({"alg":"HS256"})") + QLatin1Char('.')
                                              + b64(R"({"UserID":"u_bot","PlatformID":5,"exp":4102444800})")
                                              + QStringLiteral(".c2ln"));
        dialog.openImForm()->wsAddr()->setText(QStringLiteral("http://openim.example.com:10001"));
        dialog.openImForm()->apiAddr()->setText(QStringLiteral("http://openim.example.com:10002"));
        const QString problems = dialog.validate().join(QLatin1Char('\n'));
        QVERIFY2(problems.contains(QStringLiteral("ws://")), qPrintable(problems));
        QVERIFY(!dialog.saveButton()->isEnabled());
        save(&dialog, QStringLiteral("account-editor.png"));
    }

    void sendDialog_showsTheServersAnswer()
    {
        AccountRegistry registry(drivenFactory());
        registry.setConfig(sampleConfig());
        SendDialog dialog(&registry, [](const SendRequest &, SendDone done) {
            SendResult ok;
            ok.ok = true;
            ok.serverId = QStringLiteral("4711");
            ok.time = QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);
            done(ok);
        });
        dialog.chooseAccount(AccountAddress::parse(QStringLiteral("gotify/ops")));
        dialog.titleField()->setText(QStringLiteral("Deploy"));
        dialog.priorityField()->setValue(6);
        dialog.textField()->setPlainText(QStringLiteral("api v2.14 is live on **all** nodes"));
        dialog.sendButton()->click();
        QVERIFY2(dialog.resultText().startsWith(QStringLiteral("Sent. Server id 4711 at ")),
                 qPrintable(dialog.resultText()));
        save(&dialog, QStringLiteral("send-dialog.png"));
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
