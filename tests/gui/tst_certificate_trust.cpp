// Certificate decisions in the mail window against the real test servers: an account without
// the run's test CA fails with a certificate banner; "Show certificate…" opens the dialog with the
// server's real SHA-256; Cancel stores nothing; trusting pins exactly that certificate to the
// account and the retried fetch (POP3 + token request) and send (SMTP) succeed.

#include "accounts/CertificateDialog.h"
#include "compose/ComposerWindow.h"
#include "common/ErrorBanner.h"
#include "GuiTestSupport.h"
#include "store/Mailbox.h"
#include "mail/MainWindow.h"
#include "activity/MailActivity.h"
#include "mail/MessageListModel.h"
#include "oauth/OAuthDiagnostics.h"
#include "oauth/TokenClient.h"
#include "ServerWindowSupport.h"
#include "support/TestAccounts.h"
#include "support/TestServers.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QUuid>

using namespace kurier;
using kurier::test::Fixture;

using kurier::test::env;
using kurier::test::servers;

namespace {

// What the servers present: tls/server.pem of this run, as a pin stores it.
QByteArray serverSha256()
{
    const auto certs = QSslCertificate::fromPath(env("KURIER_TEST_DIR") + QStringLiteral("/tls/server.pem"), QSsl::Pem);
    return certs.isEmpty() ? QByteArray() : certs.first().digest(QCryptographicHash::Sha256).toHex();
}

QStringList pinsInSettings(const Fixture &f)
{
    store::AccountStore reread(f.iniPath());
    QList<store::Account> accounts;
    QString error;
    if (!reread.load(&accounts, &error))
        qWarning("cannot read the settings: %s", qPrintable(error));
    QStringList pins;
    for (const store::Account &a : std::as_const(accounts))
        for (const QByteArray &p : a.trustedCertificates)
            pins << QString::fromLatin1(p);
    return pins;
}

} // namespace

class TestCertificateTrust : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void dialogShowsTheProblem();
    void fetchTrustRetry();
    void sendTrustRetry();
    void tokenRequestCarriesTheCertificate();

private:
    QString newOAuthUser(const QString &password) { return test::newOAuthUser(m_network, QStringLiteral("cert"), password); }
    store::Account accountWithoutCa(Fixture &f, const QString &user, const QString &password);
    // A new test user and its account without the CA; XDG_DATA_HOME in the fixture's directory.
    store::Account freshAccountWithoutCa(Fixture &f, QString *user);
    ui::CertificateDialog *openCertificateDialog(ui::MainWindow &window);
    QNetworkAccessManager m_network;
};

void TestCertificateTrust::initTestCase()
{
    KURIER_REQUIRE_TEST_SERVERS(servers());
    test::LanguageScope::useEnglish();
    QVERIFY(!serverSha256().isEmpty());
}

// An OAuth account on the test servers that does NOT know the test CA: every TLS connection
// (POP3, SMTP, token endpoint) meets a certificate it cannot verify.
store::Account TestCertificateTrust::accountWithoutCa(Fixture &f, const QString &user, const QString &password)
{
    store::Account a = test::oauthTestAccount(QStringLiteral("ZERT"), user);
    a.extraCaFile.clear(); // the point of this account
    a.isDefault = true;
    const auto saved = f.save(a, test::passwordUpdate(password));
    if (!saved.ok)
        qWarning("cannot save the account: %s", qPrintable(saved.error));
    return saved.account;
}

store::Account TestCertificateTrust::freshAccountWithoutCa(Fixture &f, QString *user)
{
    qputenv("XDG_DATA_HOME", QFile::encodeName(f.dir.path() + QStringLiteral("/data")));
    const QString password = test::newTestPassword();
    *user = newOAuthUser(password);
    return accountWithoutCa(f, *user, password);
}

ui::CertificateDialog *TestCertificateTrust::openCertificateDialog(ui::MainWindow &window)
{
    QPushButton *action = window.banner()->actionButton();
    if (window.banner()->isHidden() || action->isHidden())
        return nullptr;
    action->click();
    return window.certificateDialog();
}

void TestCertificateTrust::dialogShowsTheProblem()
{
    net::CertificateProblem p;
    p.host = QStringLiteral("pop.example.com");
    p.subject = QStringLiteral("pop.example.com");
    p.issuer = QStringLiteral("Example Private CA");
    p.validFrom = QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
    p.validUntil = QDateTime(QDate(2021, 1, 1), QTime(0, 0), Qt::UTC);
    p.sha256 = QByteArray("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    p.errors << QStringLiteral("The certificate has expired") << QStringLiteral("The issuer certificate of a locally looked up certificate could not be found");
    ui::CertificateDialog dialog(p, p.host, QStringLiteral("EX · anna@example.com"));
    QCOMPARE(ui::CertificateDialog::groupedFingerprint("00ff10", 16), QStringLiteral("00:FF:10"));
    QCOMPARE(dialog.fingerprintText(),
             QStringLiteral("01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF\n01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF"));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("certificateFingerprint"))->textInteractionFlags() & Qt::TextSelectableByMouse);
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("certificateValidUntil"))->text().contains(QStringLiteral("(expired)")));
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("certificateValidUntil"))->property("messageKind").toString(), QStringLiteral("error"));
    QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("certificateValidFrom"))->text().contains(QStringLiteral("not yet valid")));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("certificateErrors"))->text().contains(QStringLiteral("• The certificate has expired")));
    QVERIFY(dialog.cancelButton()->isDefault());
    QVERIFY(!dialog.trustButton()->isDefault());
    // Nothing like "ignore": exactly two buttons.
    QCOMPARE(dialog.findChildren<QPushButton *>().size(), 2);

    // Escape and Enter both cancel; only the trust button accepts.
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    dialog.show();
    QTest::keyClick(&dialog, Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    dialog.show();
    dialog.trustButton()->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    // exec(): what a caller that blocks gets.
    QTimer::singleShot(0, &dialog, [&dialog] { dialog.trustButton()->click(); });
    QCOMPARE(dialog.exec(), int(QDialog::Accepted));
    QTimer::singleShot(0, &dialog, [&dialog] { QTest::keyClick(&dialog, Qt::Key_Escape); });
    QCOMPARE(dialog.exec(), int(QDialog::Rejected));

    p.validFrom = QDateTime::currentDateTimeUtc().addDays(30);
    p.validUntil = QDateTime::currentDateTimeUtc().addDays(400);
    ui::CertificateDialog future(p, p.host, QStringLiteral("EX · anna@example.com"));
    QVERIFY(future.findChild<QLabel *>(QStringLiteral("certificateValidFrom"))->text().contains(QStringLiteral("(not yet valid)")));
    QVERIFY(!future.findChild<QLabel *>(QStringLiteral("certificateValidUntil"))->text().contains(QStringLiteral("expired")));
}

void TestCertificateTrust::fetchTrustRetry()
{
    Fixture f;
    QString user;
    const store::Account account = freshAccountWithoutCa(f, &user);
    QVERIFY(!account.id.isEmpty());
    QCOMPARE(servers().deliver(user, {"From: bob@kurier.test\r\nTo: " + user.toUtf8()
                                      + "\r\nSubject: Hinter dem Zertifikat\r\nMessage-ID: <cert-1@kurier.test>\r\n\r\nHallo.\r\n"}),
             QString());

    ui::MainWindow window(f.manager.get());
    window.resize(1000, 640);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    window.activity()->fetchAll();
    QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 60000);
    QVERIFY(!window.banner()->isHidden());
    QVERIFY2(window.banner()->text().contains(QStringLiteral("certificate")), qPrintable(window.banner()->text()));
    QCOMPARE(window.banner()->actionButton()->text(), QStringLiteral("Show certificate…"));
    QCOMPARE(window.messageModel()->rowCount(), 0);
    test::screenshot(&window, QStringLiteral("certificate-banner-en"));

    // Cancel: nothing is stored, nothing is retried.
    ui::CertificateDialog *dialog = openCertificateDialog(window);
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->problem().sha256, serverSha256());
    QCOMPARE(dialog->fingerprintText().remove(u':').remove(u'\n').toLower().toLatin1(), serverSha256());
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("certificateHeading"))->text().contains(servers().host()));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("certificateAccount"))->text().contains(user));
    QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("certificateErrors"))->text().isEmpty());
    test::screenshot(dialog, QStringLiteral("certificate-dialog-en"));
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!window.certificateDialog());
    QVERIFY(!window.isBusy());
    QVERIFY(f.manager->findById(account.id)->trustedCertificates.isEmpty());
    QCOMPARE(pinsInSettings(f), QStringList());

    // The same in German (a new attempt, so the banner's texts are German).
    {
        test::LanguageScope german(QStringLiteral("de"));
        window.activity()->fetchAll();
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 60000);
        QCOMPARE(window.banner()->actionButton()->text(), QStringLiteral("Zertifikat anzeigen…"));
        test::screenshot(&window, QStringLiteral("certificate-banner-de"));
        // The dialog of a German attempt is German throughout, Qt's certificate errors included.
        ui::CertificateDialog *de = openCertificateDialog(window);
        QVERIFY(de);
        QCOMPARE(de->trustButton()->text(), QStringLiteral("Diesem Zertifikat für dieses Konto vertrauen"));
        QCOMPARE(de->cancelButton()->text(), QStringLiteral("Abbrechen"));
        const QString errors = de->findChild<QLabel *>(QStringLiteral("certificateErrors"))->text();
        QVERIFY2(errors.contains(QStringLiteral("Zertifizierungsstelle")), qPrintable(errors));
        test::screenshot(de, QStringLiteral("certificate-dialog-de"));
        QTest::keyClick(de, Qt::Key_Escape);
        QTRY_VERIFY(!window.certificateDialog());
    }
    QVERIFY(f.manager->findById(account.id)->trustedCertificates.isEmpty());

    // Trust: exactly that certificate is pinned to the account and the fetch runs again.
    dialog = openCertificateDialog(window);
    QVERIFY(dialog);
    dialog->trustButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(f.manager->findById(account.id)->trustedCertificates == QList<QByteArray>{serverSha256()}, 10000);
    QCOMPARE(pinsInSettings(f), QStringList{QString::fromLatin1(serverSha256())});
    QTRY_VERIFY_WITH_TIMEOUT(window.messageModel()->totalCount() == 1, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 60000);
    QVERIFY2(window.banner()->isHidden(), qPrintable(window.banner()->detailsView()->toPlainText()));
    QCOMPARE(window.messageModel()->index(0, ui::MessageListModel::SubjectColumn).data().toString(), QStringLiteral("Hinter dem Zertifikat"));
}

void TestCertificateTrust::sendTrustRetry()
{
    Fixture f;
    QString user;
    const store::Account account = freshAccountWithoutCa(f, &user);
    QVERIFY(!account.id.isEmpty());

    ui::MainWindow window(f.manager.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ui::ComposerWindow *composer = window.composing()->compose();
    QVERIFY(composer);
    composer->toEdit()->setText(user);
    composer->subjectEdit()->setText(QStringLiteral("Über das gepinnte Zertifikat"));
    composer->bodyEdit()->setPlainText(QStringLiteral("Gesendet nach dem Vertrauen."));
    QVERIFY(composer->send());
    QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 60000);
    QVERIFY(!window.banner()->isHidden());
    QVERIFY2(window.banner()->text().contains(QStringLiteral("Sending")), qPrintable(window.banner()->text()));
    ui::CertificateDialog *dialog = openCertificateDialog(window);
    QVERIFY(dialog);
    QCOMPARE(dialog->problem().sha256, serverSha256());
    dialog->trustButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(window.statusText()->text().contains(QStringLiteral("1 message sent")), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 60000);
    QCOMPARE(f.manager->findById(account.id)->trustedCertificates, QList<QByteArray>{serverSha256()});
    window.selectFolder(account.id, store::Mailbox::Kind::Sent);
    QCOMPARE(window.messageModel()->rowCount(), 1);

    // It arrived: Abrufen (with the same pin) brings it back.
    window.selectFolder(account.id, store::Mailbox::Kind::Inbox);
    test::fetchUntil(window, 1);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(window.messageModel()->totalCount(), 1);
    QCOMPARE(window.messageModel()->index(0, ui::MessageListModel::SubjectColumn).data().toString(), QStringLiteral("Über das gepinnte Zertifikat"));
}

// The token endpoint's certificate reaches the Diagnostic too (the banner offers it the same way);
// once pinned, the same request gets its answer.
void TestCertificateTrust::tokenRequestCarriesTheCertificate()
{
    const QUrl endpoint(env("OAUTH_TOKEN_URL"));
    const oauth::TokenClient::Form form{{QStringLiteral("grant_type"), QStringLiteral("password")},
                                        {QStringLiteral("client_id"), env("OAUTH_PUBLIC_CLIENT_ID")},
                                        {QStringLiteral("scope"), env("OAUTH_SCOPE_POP")},
                                        {QStringLiteral("username"), env("OAUTH_USER")},
                                        {QStringLiteral("password"), env("OAUTH_USER_PASSWORD")}};
    oauth::TokenClient client;
    std::optional<oauth::TokenClient::Reply> reply;
    client.post(endpoint, form, [&reply](const oauth::TokenClient::Reply &r) { reply = r; });
    QTRY_VERIFY_WITH_TIMEOUT(reply.has_value(), 20000);
    QCOMPARE(reply->failure, std::optional<oauth::OAuthError::Kind>(oauth::OAuthError::Kind::Tls));
    QCOMPARE(reply->certificate.sha256, serverSha256());
    QCOMPARE(reply->certificate.host, endpoint.host());
    QVERIFY(!reply->certificate.errors.isEmpty());
    const auto result = reply->toTokenResult();
    QVERIFY(std::holds_alternative<oauth::OAuthError>(result));
    const diagnostics::Diagnostic d = oauth::OAuthDiagnostics::diagnose(std::get<oauth::OAuthError>(result), {});
    QCOMPARE(d.certificate.sha256, serverSha256());

    client.setTrustedCertificates({serverSha256()});
    reply.reset();
    client.post(endpoint, form, [&reply](const oauth::TokenClient::Reply &r) { reply = r; });
    QTRY_VERIFY_WITH_TIMEOUT(reply.has_value(), 20000);
    QVERIFY2(!reply->failure, qPrintable(reply->failureText));
    QCOMPARE(reply->httpStatus, 200);
    QVERIFY(reply->certificate.isEmpty());
}

QTEST_MAIN(TestCertificateTrust)
#include "tst_certificate_trust.moc"
