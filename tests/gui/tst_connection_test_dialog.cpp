// "Verbindung testen" against the real loopback servers (Dovecot, Postfix, OAuth server, test CA):
// all green with OAuth (XOAUTH2) and with a password, and the RIGHT failing step for a wrong
// secret, a server without STLS and an untrusted certificate. Screenshots in German and English.
#include "accounts/AccountDialog.h"
#include "accounts/AccountListWidget.h"
#include "accounts/CertificateDialog.h"
#include "accounts/ConnectionTestDialog.h"
#include "GuiTestSupport.h"
#include "support/TestServers.h"

#include <QCheckBox>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTreeWidget>

using namespace kurier;
using kurier::test::Fixture;
using Id = check::ConnectionStep::Id;
using Status = check::ConnectionStep::Status;

namespace {

const test::TestServers &servers()
{
    return test::TestServers::instance();
}

QString env(const char *key)
{
    return servers().value(key);
}

store::Account oauthAccount()
{
    store::Account a;
    a.prefix = QStringLiteral("OA");
    a.email = env("OAUTH_USER");
    a.pop3.host = servers().host();
    a.pop3.port = env("POP3_TLS_PORT").toInt();
    a.pop3.security = store::Security::Tls;
    a.smtp.host = servers().host();
    a.smtp.port = env("SMTP_SUBMISSION_PORT").toInt();
    a.smtp.security = store::Security::StartTls;
    a.oauth.enabled = true;
    a.oauth.tokenEndpoint = env("OAUTH_TOKEN_URL");
    a.oauth.clientId = env("OAUTH_PUBLIC_CLIENT_ID");
    a.oauth.scope = env("OAUTH_SCOPE_POP") + u' ' + env("OAUTH_SCOPE_SMTP");
    a.oauth.method = oauth::SignInMethod::Password;
    a.extraCaFile = env("KURIER_TEST_CA");
    return a;
}

store::Account passwordAccount()
{
    store::Account a;
    a.prefix = QStringLiteral("PW");
    a.email = env("PASSWORD_USER");
    a.pop3.host = servers().host();
    a.pop3.port = env("POP3_STARTTLS_PORT").toInt();
    a.pop3.security = store::Security::StartTls;
    a.smtp.host = servers().host();
    a.smtp.port = env("SMTP_SUBMISSIONS_PORT").toInt();
    a.smtp.security = store::Security::Tls;
    a.extraCaFile = env("KURIER_TEST_CA");
    return a;
}

store::SecretUpdate password(const QString &value)
{
    store::SecretUpdate u;
    u.set(store::SecretName::Pop3Password, value);
    return u;
}

// A POP3 server that does not offer STLS (Dovecot here always does): greeting, CAPA without
// STLS, QUIT. Anything else is refused — the client must not get that far.
class PlainPop3Server : public QTcpServer
{
public:
    PlainPop3Server()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                s->write("+OK plain POP3 ready\r\n");
                connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    while (s->canReadLine()) {
                        const QByteArray line = s->readLine().trimmed();
                        received << line;
                        if (line == "CAPA")
                            s->write("+OK\r\nUSER\r\nUIDL\r\nTOP\r\n.\r\n");
                        else if (line == "QUIT")
                            s->write("+OK bye\r\n");
                        else
                            s->write("-ERR not here\r\n");
                    }
                });
            }
        });
        listen(QHostAddress::LocalHost);
    }
    QList<QByteArray> received;
};

// Runs the dialog to the end and returns whether every step passed.
bool runToEnd(ui::ConnectionTestDialog *dialog)
{
    QSignalSpy done(dialog, &ui::ConnectionTestDialog::testFinished);
    if (!dialog->isRunning() && dialog->test() && dialog->test()->isFinished())
        return !dialog->test()->firstFailure();
    if (!dialog->test() || !dialog->isRunning())
        dialog->start();
    if (!done.wait(40000))
        qFatal("the connection test did not finish");
    return done.first().first().toBool();
}

QString stepText(const ui::ConnectionTestDialog *dialog, Id id)
{
    return dialog->test()->step(id).toText();
}

Status status(const ui::ConnectionTestDialog *dialog, Id id)
{
    return dialog->test()->step(id).status;
}

QString visibleText(QWidget *row)
{
    QStringList texts;
    for (QLabel *l : row->findChildren<QLabel *>()) {
        if (l->isVisible())
            texts << l->text();
    }
    return texts.join(u'\n');
}

} // namespace

class TestConnectionTestDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        KURIER_REQUIRE_TEST_SERVERS(servers());
        test::LanguageScope::useEnglish();
    }

    // From the account dialog: the unsaved form with the password typed, OAuth (XOAUTH2).
    void oauthAllGreenFromTheForm()
    {
        Fixture f;
        ui::AccountDialog form(f.manager.get());
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));
        auto edit = [&form](const char *name) { return form.findChild<QLineEdit *>(QString::fromLatin1(name)); };
        auto combo = [&form](const char *name) { return form.findChild<QComboBox *>(QString::fromLatin1(name)); };
        const store::Account a = oauthAccount();
        test::typeInto(edit("prefix"), a.prefix);
        test::typeInto(edit("email"), a.email);
        test::typeInto(edit("pop3Host"), a.pop3.host);
        test::chooseData(combo("pop3Security"), int(store::Security::Tls));
        test::typeInto(edit("pop3Port"), QString::number(a.pop3.port));
        form.findChild<QCheckBox *>(QStringLiteral("oauthEnabled"))->click();
        test::typeInto(edit("oauthTokenEndpoint"), a.oauth.tokenEndpoint);
        test::typeInto(edit("oauthClientId"), a.oauth.clientId);
        test::typeInto(edit("oauthScope"), a.oauth.scope);
        test::chooseData(combo("oauthMethod"), int(oauth::SignInMethod::Password));
        test::typeInto(edit("pop3Password"), env("OAUTH_USER_PASSWORD"));
        test::typeInto(edit("smtpHost"), a.smtp.host);
        test::chooseData(combo("smtpSecurity"), int(store::Security::StartTls));
        test::typeInto(edit("smtpPort"), QString::number(a.smtp.port));
        test::typeInto(edit("extraCaFile"), a.extraCaFile);

        auto *button = form.findChild<QPushButton *>(QStringLiteral("testConnectionButton"));
        QVERIFY(button && button->isVisible());
        button->click();
        auto *dialog = form.findChild<ui::ConnectionTestDialog *>();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        const bool ok = runToEnd(dialog);
        for (const check::ConnectionStep &s : dialog->test()->steps())
            QVERIFY2(s.status == Status::Passed, qPrintable(s.toText()));
        QVERIFY(ok);
        QVERIFY(dialog->test()->step(Id::Pop3Auth).detail.contains(u"XOAUTH2"));
        QVERIFY(dialog->test()->step(Id::SmtpAuth).detail.contains(u"XOAUTH2"));
        QVERIFY(dialog->test()->step(Id::TokenClaims).detail.contains(u"POP.AccessAsUser.All"));
        QVERIFY(f.manager->accounts().isEmpty()); // nothing was saved
        QVERIFY(f.secrets.contents().isEmpty()); // and nothing written to the keychain
        test::screenshot(dialog, QStringLiteral("connection-test-ok-en"));
        dialog->close();
    }

    void oauthAllGreenGerman()
    {
        Fixture f;
        test::LanguageScope german(QStringLiteral("de"));
        ui::ConnectionTestDialog dialog(oauthAccount(), password(env("OAUTH_USER_PASSWORD")), &f.secrets);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(runToEnd(&dialog));
        QVERIFY2(dialog.summaryLabel()->text().contains(u"erfolgreich"), qPrintable(dialog.summaryLabel()->text()));
        test::screenshot(&dialog, QStringLiteral("connection-test-ok-de"));
    }

    // From the account list: the saved account, password read from the keychain.
    void passwordAllGreenFromTheList()
    {
        Fixture f;
        QVERIFY(f.save(passwordAccount(), password(env("PASSWORD_USER_PASSWORD"))).ok);
        ui::AccountListWidget list(f.manager.get());
        list.show();
        QVERIFY(QTest::qWaitForWindowExposed(&list));
        auto *button = list.findChild<QPushButton *>(QStringLiteral("testButton"));
        QVERIFY(button && button->isEnabled());
        button->click();
        auto *dialog = list.findChild<ui::ConnectionTestDialog *>();
        QVERIFY(dialog);
        const bool ok = runToEnd(dialog);
        for (const check::ConnectionStep &s : dialog->test()->steps())
            QVERIFY2(s.status == Status::Passed, qPrintable(s.toText()));
        QVERIFY(ok);
        QCOMPARE(dialog->test()->steps().size(), 10); // no token rows
        QVERIFY(dialog->test()->step(Id::Pop3Tls).detail.contains(u"STARTTLS"));
        dialog->close();
    }

    // (a) A wrong secret: with OAuth the token request fails (AADSTS50126), everything before
    // it passed and the sign-ins are skipped; with a password the POP3 sign-in fails.
    void wrongSecret()
    {
        Fixture f;
        for (const QString &language : {QStringLiteral("en"), QStringLiteral("de")}) {
            test::LanguageScope scope(language);
            ui::ConnectionTestDialog dialog(oauthAccount(), password(QStringLiteral("not-the-password")), &f.secrets);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QVERIFY(!runToEnd(&dialog));
            for (Id id : {Id::Pop3Lookup, Id::SmtpLookup, Id::Pop3Connect, Id::Pop3Tls, Id::Pop3Capabilities})
                QVERIFY2(status(&dialog, id) == Status::Passed, qPrintable(stepText(&dialog, id)));
            QCOMPARE(dialog.test()->firstFailure()->id, Id::Token);
            QCOMPARE(dialog.test()->step(Id::Token).diagnostic.code, QStringLiteral("AADSTS50126"));
            QCOMPARE(status(&dialog, Id::TokenClaims), Status::Skipped);
            QCOMPARE(status(&dialog, Id::Pop3Auth), Status::Skipped);
            QCOMPARE(status(&dialog, Id::SmtpAuth), Status::Skipped);
            // The row shows the cause and what to do.
            const QString shown = visibleText(dialog.row(Id::Token));
            QVERIFY2(shown.contains(dialog.test()->step(Id::Token).diagnostic.fix.toHtmlEscaped()), qPrintable(shown));
            test::screenshot(&dialog, QStringLiteral("connection-test-failure-") + language);
        }
        ui::ConnectionTestDialog dialog(passwordAccount(), password(QStringLiteral("not-the-password")), &f.secrets);
        QVERIFY(!runToEnd(&dialog));
        QCOMPARE(dialog.test()->firstFailure()->id, Id::Pop3Auth);
        QCOMPARE(dialog.test()->step(Id::Pop3Auth).diagnostic.stage, diagnostics::Diagnostic::Stage::Authentication);
        for (Id id : {Id::Pop3Lookup, Id::Pop3Connect, Id::Pop3Tls, Id::Pop3Capabilities})
            QVERIFY2(status(&dialog, id) == Status::Passed, qPrintable(stepText(&dialog, id)));
        // SMTP uses the same wrong password and fails at its own sign-in.
        QCOMPARE(status(&dialog, Id::SmtpCapabilities), Status::Passed);
        QCOMPARE(status(&dialog, Id::SmtpAuth), Status::Failed);
    }

    // (b) STARTTLS required but not offered: the TLS step fails, nothing secret is sent.
    void serverWithoutStls()
    {
        Fixture f;
        PlainPop3Server plain;
        QVERIFY(plain.isListening());
        store::Account a = passwordAccount();
        a.pop3.host = QStringLiteral("127.0.0.1");
        a.pop3.port = plain.serverPort();
        a.pop3.security = store::Security::StartTls;
        test::LanguageScope german(QStringLiteral("de"));
        ui::ConnectionTestDialog dialog(a, password(env("PASSWORD_USER_PASSWORD")), &f.secrets);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!runToEnd(&dialog));
        QCOMPARE(status(&dialog, Id::Pop3Connect), Status::Passed);
        QCOMPARE(dialog.test()->firstFailure()->id, Id::Pop3Tls);
        QCOMPARE(dialog.test()->step(Id::Pop3Tls).diagnostic.code, QStringLiteral("stls-missing"));
        QCOMPARE(status(&dialog, Id::Pop3Auth), Status::Skipped);
        QCOMPARE(status(&dialog, Id::SmtpAuth), Status::Passed); // SMTP is tested all the same
        for (const QByteArray &line : plain.received)
            QVERIFY2(!line.startsWith("USER") && !line.startsWith("PASS") && !line.startsWith("AUTH"), line.constData());
        QVERIFY(visibleText(dialog.row(Id::Pop3Tls)).contains(u"STARTTLS"));
        test::screenshot(&dialog, QStringLiteral("connection-test-no-stls-de"));
    }

    // (c) An untrusted certificate (no test CA): the TLS step fails with subject, issuer and
    // SHA-256; the TCP connection itself worked.
    void untrustedCertificate()
    {
        Fixture f;
        store::Account a = passwordAccount();
        a.extraCaFile.clear();
        a.pop3.port = env("POP3_TLS_PORT").toInt();
        a.pop3.security = store::Security::Tls;
        ui::ConnectionTestDialog dialog(a, password(env("PASSWORD_USER_PASSWORD")), &f.secrets);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!runToEnd(&dialog));
        QCOMPARE(status(&dialog, Id::Pop3Connect), Status::Passed);
        QCOMPARE(dialog.test()->firstFailure()->id, Id::Pop3Tls);
        const check::ConnectionStep tls = dialog.test()->step(Id::Pop3Tls);
        QCOMPARE(tls.certificate.sha256.size(), 64);
        QVERIFY(!tls.certificate.subject.isEmpty());
        QCOMPARE(status(&dialog, Id::Pop3Auth), Status::Skipped);
        QCOMPARE(status(&dialog, Id::SmtpTls), Status::Failed); // same server certificate
        const QString shown = visibleText(dialog.row(Id::Pop3Tls));
        QVERIFY2(shown.contains(QString::fromLatin1(tls.certificate.sha256.left(2).toUpper()) + u':'), qPrintable(shown));
        QVERIFY(shown.contains(tls.certificate.subject.toHtmlEscaped()));
        test::screenshot(&dialog, QStringLiteral("connection-test-certificate-en"));
    }

    // From the account list: "Zertifikat anzeigen…" on the failed TLS step, the user trusts
    // exactly that certificate, the pin is saved with the account and the test runs again — green.
    void trustTheCertificateAndTestAgain()
    {
        Fixture f;
        store::Account a = passwordAccount();
        a.extraCaFile.clear();
        const auto saved = f.save(a, password(env("PASSWORD_USER_PASSWORD")));
        QVERIFY(saved.ok);
        ui::AccountListWidget list(f.manager.get());
        list.show();
        QVERIFY(QTest::qWaitForWindowExposed(&list));
        list.findChild<QPushButton *>(QStringLiteral("testButton"))->click();
        auto *dialog = list.findChild<ui::ConnectionTestDialog *>();
        QVERIFY(dialog);
        QVERIFY(!runToEnd(dialog));
        QCOMPARE(dialog->test()->firstFailure()->id, Id::Pop3Tls);
        const QByteArray sha256 = dialog->test()->step(Id::Pop3Tls).certificate.sha256;
        QPushButton *show = dialog->certificateButton(Id::Pop3Tls);
        QVERIFY(show && show->isVisible());
        show->click();
        auto *certificate = dialog->findChild<ui::CertificateDialog *>();
        QVERIFY(certificate);
        QVERIFY(QTest::qWaitForWindowExposed(certificate));
        QCOMPARE(certificate->problem().sha256, sha256);
        QSignalSpy again(dialog, &ui::ConnectionTestDialog::testFinished);
        certificate->trustButton()->click();
        QVERIFY(again.wait(40000));
        for (const check::ConnectionStep &s : dialog->test()->steps())
            QVERIFY2(s.status == Status::Passed, qPrintable(s.toText()));
        QCOMPARE(f.manager->findById(saved.account.id)->trustedCertificates, QList<QByteArray>{sha256});
        dialog->close();
    }

    // From the form: the trusted certificate goes with the unsaved account, the next test uses
    // it, and saving stores the pin.
    void trustTheCertificateInTheForm()
    {
        Fixture f;
        ui::AccountDialog form(f.manager.get());
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));
        auto edit = [&form](const char *name) { return form.findChild<QLineEdit *>(QString::fromLatin1(name)); };
        auto combo = [&form](const char *name) { return form.findChild<QComboBox *>(QString::fromLatin1(name)); };
        test::typeInto(edit("prefix"), QStringLiteral("PIN"));
        test::typeInto(edit("email"), env("PASSWORD_USER"));
        test::typeInto(edit("pop3Host"), servers().host());
        test::chooseData(combo("pop3Security"), int(store::Security::Tls));
        test::typeInto(edit("pop3Port"), env("POP3_TLS_PORT"));
        test::typeInto(edit("pop3Password"), env("PASSWORD_USER_PASSWORD"));
        test::typeInto(edit("smtpHost"), servers().host());
        test::chooseData(combo("smtpSecurity"), int(store::Security::Tls));
        test::typeInto(edit("smtpPort"), env("SMTP_SUBMISSIONS_PORT"));
        form.findChild<QPushButton *>(QStringLiteral("testConnectionButton"))->click();
        auto *dialog = form.findChild<ui::ConnectionTestDialog *>();
        QVERIFY(dialog);
        QVERIFY(!runToEnd(dialog));
        QCOMPARE(dialog->test()->firstFailure()->id, Id::Pop3Tls);
        const QByteArray sha256 = dialog->test()->step(Id::Pop3Tls).certificate.sha256;
        dialog->certificateButton(Id::Pop3Tls)->click();
        auto *certificate = dialog->findChild<ui::CertificateDialog *>();
        QVERIFY(certificate);
        QSignalSpy again(dialog, &ui::ConnectionTestDialog::testFinished);
        certificate->trustButton()->click();
        QVERIFY(again.wait(40000));
        QVERIFY2(again.first().first().toBool(), qPrintable(dialog->reportText()));
        QVERIFY(f.manager->accounts().isEmpty()); // not saved by the test
        dialog->close();
        QCOMPARE(form.account().trustedCertificates, QList<QByteArray>{sha256});
        form.save();
        QTRY_COMPARE(f.manager->accounts().size(), 1);
        QCOMPARE(f.manager->accounts().first().trustedCertificates, QList<QByteArray>{sha256});
    }
};

QTEST_MAIN(TestConnectionTestDialog)
#include "tst_connection_test_dialog.moc"
