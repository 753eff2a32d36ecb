// The account editor validates inline with the config validator, keeps tokens in password
// fields, shows a pasted JWT's claims, pre-fills Gotify from the environment, runs the probe
// it is given, confirms removal through the MessageBox seam, and edits an account's proxy.
#include "common/messagebox.h"
#include "config/configloader.h"
#include "config/proxysetting.h"
#include "editor/accounteditordialog.h"
#include "editor/gotifyform.h"
#include "editor/openimform.h"
#include "gui/guitesthelpers.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QtTest>

using namespace ct;
using namespace ct::ui;
using namespace ct::guitest;

namespace {
QString b64url(const QByteArray &data)
{
    return QString::fromLatin1(data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}
QString jwt(const QByteArray &payload)
{
    return b64url(R"({"alg":"HS256","typ":"JWT"})") + QLatin1Char('.') + b64url(payload) + QStringLiteral(".c2ln");
}
} // namespace

class TestAccountEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newGotify_badUrl_showsTheValidatorsProblem_andBlocksSave()
    {
        MessageBox box;
        AccountEditorDialog dialog(sampleConfig(), &box, {});
        dialog.startNew(kGotifyChannel);
        dialog.accountIdField()->setText(QStringLiteral("backup"));
        dialog.gotifyForm()->clientToken()->setText(QStringLiteral("Cxyz"));
        dialog.gotifyForm()->serverUrl()->setText(QStringLiteral("ftp://nope"));
        QVERIFY(!dialog.saveButton()->isEnabled());
        const QString problems = dialog.problems().join(QLatin1Char('\n'));
        QVERIFY2(problems.contains(QStringLiteral("http")), qPrintable(problems));
        QVERIFY(dialog.gotifyForm()->serverUrl()->property("invalid").toBool());

        dialog.gotifyForm()->serverUrl()->setText(QStringLiteral("https://push.example.com"));
        QVERIFY2(dialog.problems().isEmpty(), qPrintable(dialog.problems().join(QLatin1Char('\n'))));
        QVERIFY(dialog.saveButton()->isEnabled());
        QVERIFY(!dialog.gotifyForm()->serverUrl()->property("invalid").toBool());

        // What would be saved is accepted by the loader, and holds no token.
        const AccountDraft d = dialog.draft();
        QCOMPARE(d.address.toString(), QStringLiteral("gotify/backup"));
        QCOMPARE(d.tokens.value(QStringLiteral("clientToken")), QStringLiteral("Cxyz"));
        const QJsonObject root = d.applyTo(sampleConfig().raw);
        const LoadResult r = configFromJson(root);
        QVERIFY2(r.ok(), qPrintable(r.problemStrings().join(QLatin1Char('\n'))));
        QCOMPARE(r.config.gotifyAccount(QStringLiteral("backup"))->serverUrl,
                 QStringLiteral("https://push.example.com"));
        QVERIFY(r.config.gotifyAccount(QStringLiteral("backup"))->clientToken.isEmpty());
        QVERIFY(r.config.gotifyAccount(QStringLiteral("ops"))); // other accounts untouched
    }

    void accountId_mustBeNewAndWellFormed()
    {
        AccountEditorDialog dialog(sampleConfig(), nullptr, {});
        dialog.startNew(kGotifyChannel);
        dialog.gotifyForm()->serverUrl()->setText(QStringLiteral("https://x.example.com"));
        dialog.gotifyForm()->clientToken()->setText(QStringLiteral("C"));
        dialog.accountIdField()->setText(QStringLiteral("ops"));
        QVERIFY(dialog.problems().join(' ').contains(QStringLiteral("exists already")));
        dialog.accountIdField()->setText(QStringLiteral("a b"));
        QVERIFY(!dialog.problems().isEmpty());
        dialog.accountIdField()->setText(QString());
        QVERIFY(!dialog.saveButton()->isEnabled());
        dialog.accountIdField()->setText(QStringLiteral("ops-2"));
        QVERIFY(dialog.problems().isEmpty());
    }

    void tokens_arePasswordFields()
    {
        AccountEditorDialog dialog(sampleConfig(), nullptr, {});
        QCOMPARE(dialog.gotifyForm()->appToken()->echoMode(), QLineEdit::Password);
        QCOMPARE(dialog.gotifyForm()->clientToken()->echoMode(), QLineEdit::Password);
        QCOMPARE(dialog.openImForm()->token()->echoMode(), QLineEdit::Password);
    }

    void environment_prefillsANewGotifyAccount()
    {
        qputenv("GOTIFY_SERVER_URL", "https://env.example.com");
        qputenv("GOTIFY_APP_TOKEN", "AenvToken");
        qputenv("GOTIFY_CLIENT_TOKEN", "CenvToken");
        AccountEditorDialog dialog(Config{}, nullptr, {});
        dialog.startNew(kGotifyChannel);
        QCOMPARE(dialog.gotifyForm()->serverUrl()->text(), QStringLiteral("https://env.example.com"));
        QCOMPARE(dialog.gotifyForm()->appToken()->text(), QStringLiteral("AenvToken"));
        QCOMPARE(dialog.gotifyForm()->clientToken()->text(), QStringLiteral("CenvToken"));
        qunsetenv("GOTIFY_SERVER_URL");
        qunsetenv("GOTIFY_APP_TOKEN");
        qunsetenv("GOTIFY_CLIENT_TOKEN");
    }

    void openIm_jwtClaimsShownAsYouPaste_andWsUrlValidated()
    {
        AccountEditorDialog dialog(sampleConfig(), nullptr, {});
        dialog.startNew(kOpenImChannel);
        dialog.accountIdField()->setText(QStringLiteral("team-b"));
        dialog.openImForm()->refreshMode()->setCurrentIndex(
            dialog.openImForm()->refreshMode()->findData(QStringLiteral("off")));
        dialog.openImForm()->token()->setText(jwt(R"({"UserID":"u_bot","PlatformID":5,"exp":4102444800})"));
        const QString claims = dialog.openImForm()->claimsText();
        QVERIFY2(claims.contains(QStringLiteral("u_bot")), qPrintable(claims));
        QVERIFY(claims.contains(QStringLiteral("Platform: 5")));
        QVERIFY(claims.contains(QStringLiteral("expires")));
        QVERIFY(!claims.contains(QStringLiteral("eyJ"))); // the token itself is never echoed

        dialog.openImForm()->wsAddr()->setText(QStringLiteral("http://x"));
        QVERIFY(dialog.openImForm()->wsAddr()->property("invalid").toBool());
        QVERIFY(!dialog.saveButton()->isEnabled());
        dialog.openImForm()->wsAddr()->setText(QStringLiteral("ws://127.0.0.1:10001"));
        QVERIFY(dialog.problems().join(' ').contains(QStringLiteral("http"))); // the API address is required
        dialog.openImForm()->apiAddr()->setText(QStringLiteral("http://127.0.0.1:10002"));
        QVERIFY2(dialog.problems().isEmpty(), qPrintable(dialog.problems().join(QLatin1Char('\n'))));

        dialog.openImForm()->token()->setText(QStringLiteral("not-a-jwt"));
        QVERIFY(dialog.openImForm()->claimsText().startsWith(QStringLiteral("Not a readable JWT")));
    }

    void testConnection_callsTheProbe_andShowsItsAnswer()
    {
        QList<AccountDraft> asked;
        ProbeDone pending;
        AccountEditorDialog dialog(sampleConfig(), nullptr, [&](const AccountDraft &d, ProbeDone done) {
            asked << d;
            pending = done;
        });
        dialog.startEdit(AccountAddress::parse(QStringLiteral("gotify/ops")));
        QCOMPARE(dialog.gotifyForm()->serverUrl()->text(), QStringLiteral("http://127.0.0.1:8081"));
        QVERIFY(dialog.testButton()->isEnabled());
        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().address.toString(), QStringLiteral("gotify/ops"));
        QCOMPARE(dialog.testResult(), QStringLiteral("Testing…"));
        pending(false, QStringLiteral("HTTP 401: client token rejected"));
        QCOMPARE(dialog.testResult(), QStringLiteral("Failed: HTTP 401: client token rejected"));
        QVERIFY(dialog.testButton()->isEnabled());
    }

    void edit_tokenInKeychainReportedLater_unblocksSave()
    {
        AccountEditorDialog dialog(sampleConfig(), nullptr, {});
        dialog.startEdit(AccountAddress::parse(QStringLiteral("gotify/alerts")));
        dialog.gotifyForm()->clientToken()->clear(); // as when the token lives in the keychain
        QVERIFY(!dialog.saveButton()->isEnabled());
        dialog.setStoredTokens({QStringLiteral("clientToken")}); // the keychain read answers
        QVERIFY2(dialog.saveButton()->isEnabled(), qPrintable(dialog.problems().join(QLatin1Char('\n'))));
        QVERIFY(dialog.draft().tokens.isEmpty()); // the stored token is kept, not overwritten
    }

    void remove_isConfirmedThroughTheSeam()
    {
        MessageBox box;
        AccountEditorDialog dialog(sampleConfig(), &box, {});
        dialog.startEdit(AccountAddress::parse(QStringLiteral("multi-openim/primary")));
        QVERIFY(dialog.removeButton()->isVisibleTo(&dialog));
        QStringList removed;
        connect(&dialog, &AccountEditorDialog::removeRequested, this,
                [&](const AccountAddress &a) { removed << a.toString(); });
        box.setNextAnswer(QMessageBox::No);
        dialog.removeButton()->click();
        QVERIFY(removed.isEmpty());
        QCOMPARE(dialog.outcome(), AccountEditorDialog::Cancelled);
        box.setNextAnswer(QMessageBox::Yes);
        dialog.removeButton()->click();
        QCOMPARE(removed, QStringList{QStringLiteral("multi-openim/primary")});
        QCOMPARE(dialog.outcome(), AccountEditorDialog::Removed);
        QVERIFY(box.askedTexts().last().contains(QStringLiteral("multi-openim/primary")));
    }

    void keyboard_enterSaves_escapeCancels_everyFieldNamed()
    {
        AccountEditorDialog dialog(sampleConfig(), nullptr, {});
        dialog.startEdit(AccountAddress::parse(QStringLiteral("gotify/ops")));
        QVERIFY(dialog.saveButton()->isDefault());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        for (QLineEdit *e : dialog.findChildren<QLineEdit *>())
            if (e->isVisibleTo(&dialog) && !e->parent()->inherits("QAbstractSpinBox"))
                QVERIFY2(!e->accessibleName().isEmpty(), qPrintable(e->placeholderText()));
        dialog.show();
        dialog.gotifyForm()->serverUrl()->setFocus();
        QTest::keyClick(dialog.gotifyForm()->serverUrl(), Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.outcome(), AccountEditorDialog::Saved);
    }

    void proxy_gotifySingleForm_isShownEditedAndValidated_byKeyboard_neverQuotingItsPassword()
    {
        static QStringList logged;
        logged.clear();
        const QtMessageHandler previous = qInstallMessageHandler(
            [](QtMsgType, const QMessageLogContext &, const QString &text) { logged << text; });
        const QByteArray json = R"({"channels": {"gotify": {
            "serverUrl": "http://127.0.0.1:8081", "clientToken": "C1",
            "proxy": "http://user:Pr0xyPw@127.0.0.1:3128" }}})";
        const LoadResult loaded = parseConfig(json);
        QVERIFY2(loaded.ok(), qPrintable(loaded.problemStrings().join(QLatin1Char('\n'))));
        QCOMPARE(loaded.config.gotifyAccount(QStringLiteral("default"))->proxy,
                 QStringLiteral("http://user:Pr0xyPw@127.0.0.1:3128"));

        AccountEditorDialog dialog(loaded.config, nullptr, {});
        dialog.startEdit(AccountAddress::parse(QStringLiteral("gotify/default")));
        QLineEdit *proxy = dialog.gotifyForm()->proxy();
        QCOMPARE(proxy->text(), QStringLiteral("http://user:Pr0xyPw@127.0.0.1:3128"));
        QCOMPARE(proxy->accessibleName(), QStringLiteral("Proxy"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QTest::keyClick(&dialog, Qt::Key_X, Qt::AltModifier); // the label's mnemonic
        QTRY_VERIFY(proxy->hasFocus());

        // A URL without a port: the validator's problem under the field, Save blocked, and the
        // password in no problem text.
        proxy->selectAll();
        QTest::keyClicks(proxy, QStringLiteral("http://user:Pr0xyPw@proxy.example.org"));
        QVERIFY(!dialog.saveButton()->isEnabled());
        QVERIFY(proxy->property("invalid").toBool());
        const QString problems = dialog.problems().join(QLatin1Char('\n'));
        QVERIFY2(problems.contains(QStringLiteral("port")), qPrintable(problems));
        QVERIFY(!problems.contains(QStringLiteral("Pr0xyPw")));

        proxy->selectAll();
        QTest::keyClicks(proxy, QStringLiteral("none"));
        QVERIFY2(dialog.problems().isEmpty(), qPrintable(dialog.problems().join(QLatin1Char('\n'))));
        QVERIFY(!proxy->property("invalid").toBool());
        LoadResult saved = configFromJson(dialog.draft().applyTo(loaded.config.raw));
        QVERIFY(saved.ok());
        QCOMPARE(saved.config.gotifyAccount(QStringLiteral("default"))->proxy, QStringLiteral("none"));

        // Cleared: the account goes back to the system's proxy (not the file's old value).
        proxy->clear();
        saved = configFromJson(dialog.draft().applyTo(loaded.config.raw));
        QVERIFY(saved.ok());
        QCOMPARE(parseProxySetting(saved.config.gotifyAccount(QStringLiteral("default"))->proxy, nullptr)->kind,
                 ProxySetting::Kind::System);

        // The OpenIM form has the same row.
        QCOMPARE(dialog.openImForm()->proxy()->accessibleName(), QStringLiteral("Proxy"));
        qInstallMessageHandler(previous);
        for (const QString &line : logged)
            QVERIFY2(!line.contains(QStringLiteral("Pr0xyPw")), qPrintable(line));
    }
};

QTEST_MAIN(TestAccountEditor)
#include "tst_accounteditor.moc"
