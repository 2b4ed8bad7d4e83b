// SMTP submission against the real Postfix of tests/servers (SASL through Dovecot, tokens from
// the Microsoft-shaped OAuth server): STARTTLS and implicit TLS, PLAIN, XOAUTH2, OAUTHBEARER,
// a refused token replaced once, per-recipient results, pipelined batches. Messages are checked
// in the recipients' Maildirs. Every test uses its own recipients, so tests may run in parallel.
#include "net/SslTransport.h"
#include "net/Transcript.h"
#include "oauth/TokenProvider.h"
#include "secrets/MemorySecretStore.h"
#include "smtp/Submission.h"
#include "support/TestAccounts.h"
#include "support/TestServers.h"
#include "support/Sync.h"

#include <QFile>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace kurier;
using kurier::test::env;
using kurier::test::servers;
using namespace kurier::smtp;

namespace {

struct Outcome {
    QList<SendResult> results;
    std::optional<diagnostics::Diagnostic> finished;
};

} // namespace

class TestSmtpPostfix : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void plainStartTls();
    void plainImplicitTls();
    void loginMechanism();
    void wrongPassword();
    void untrustedCertificate();
    void xoauth2WithTokenProvider();
    void xoauth2OneLineInitialResponse();
    void oauthBearer();
    void refusedTokenReplacedOnce();
    void revokedTokenFailsWithDiagnostic();
    void partialRecipients();
    void pipelinedBatch();
    void transcriptHasNoSecrets();

private:
    store::Account passwordAccount(const char *portKey, store::Security security);
    store::Account oauthAccount(const QString &user, const QString &password);
    QString newOAuthUser(const QString &password) { return test::newOAuthUser(m_network, QStringLiteral("oauth"), password); }
    QJsonObject post(const QString &path, const QJsonObject &body) { return test::postToOAuthServer(m_network, path, body); }
    Outcome run(Submission &submission, const QList<OutgoingMessage> &messages, int timeoutMs = 30000);
    // The messages in the address's Maildir once there are `count` (Postfix delivers asynchronously).
    static QList<QByteArray> waitForMail(const QString &address, int count = 1) { return test::waitForMail(address, count, 15000); }
    static OutgoingMessage message(const QString &from, const QStringList &to, const QString &subject);

    // Every conversation of the test case appends its redacted transcript here.
    [[nodiscard]] QString transcriptPath() const { return m_transcripts.filePath(QStringLiteral("transcript.txt")); }

    secrets::MemorySecretStore m_secrets;
    QNetworkAccessManager m_network;
    QTemporaryDir m_transcripts;
};

void TestSmtpPostfix::initTestCase()
{
    KURIER_REQUIRE_TEST_SERVERS(servers());
    QVERIFY(m_transcripts.isValid());
}

store::Account TestSmtpPostfix::passwordAccount(const char *portKey, store::Security security)
{
    store::Account a;
    a.id = store::newAccountId();
    a.prefix = QStringLiteral("Bob");
    a.email = env("PASSWORD_USER");
    a.senderName = QStringLiteral("Bob Tester");
    a.pop3.host = servers().host();
    a.smtp.host = servers().host();
    a.smtp.port = servers().port(portKey);
    a.smtp.security = security;
    a.smtp.auth = store::SmtpAuth::SameAsPop3;
    a.extraCaFile = env("KURIER_TEST_CA");
    test::waitFor([&](auto cb) {
        m_secrets.write(secrets::SecretStore::keyFor(a.id, store::SecretName::Pop3Password), env("PASSWORD_USER_PASSWORD"), cb);
    });
    return a;
}

store::Account TestSmtpPostfix::oauthAccount(const QString &user, const QString &password)
{
    store::Account a = test::oauthTestAccount(QStringLiteral("OAuth"), user);
    a.id = store::newAccountId();
    test::waitFor([&](auto cb) {
        m_secrets.write(secrets::SecretStore::keyFor(a.id, store::SecretName::Pop3Password), password, cb);
    });
    return a;
}

OutgoingMessage TestSmtpPostfix::message(const QString &from, const QStringList &to, const QString &subject)
{
    OutgoingMessage m;
    m.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m.reversePath = from;
    m.recipients = to;
    m.data = "From: <" + from.toUtf8() + ">\nTo: <" + to.first().toUtf8() + ">\nSubject: " + subject.toUtf8()
        + "\nMessage-ID: <" + m.id.toUtf8() + "@kurier.test>\n\nHello.\n.leading dot\n";
    return m;
}

Outcome TestSmtpPostfix::run(Submission &submission, const QList<OutgoingMessage> &messages, int timeoutMs)
{
    Outcome o;
    connect(&submission, &Submission::messageSent, this, [&o](const SendResult &r) { o.results.append(r); });
    connect(&submission, &Submission::finished, this, [&o](const diagnostics::Diagnostic &d) { o.finished = d; });
    submission.setTranscriptPath(transcriptPath());
    submission.send(messages);
    if (!QTest::qWaitFor([&o] { return o.finished.has_value(); }, timeoutMs))
        qFatal("submission did not finish");
    return o;
}

void TestSmtpPostfix::plainStartTls()
{
    const store::Account account = passwordAccount("SMTP_SUBMISSION_PORT", store::Security::StartTls);
    const QString to = servers().uniqueAddress(QStringLiteral("plain"));
    Submission submission(account, &m_secrets);
    const Outcome o = run(submission, {message(account.email, {to}, QStringLiteral("plain over STARTTLS"))});
    QVERIFY2(o.finished->isEmpty(), qPrintable(o.finished->toText()));
    QCOMPARE(o.results.size(), 1);
    QCOMPARE(o.results[0].status, SendResult::Status::Sent);
    QVERIFY(o.results[0].reply.text().contains(u"queued as"));
    QCOMPARE(submission.session()->mechanism(), sasl::Mechanism::Plain);
    QVERIFY(submission.session()->tlsDescription().contains(u"TLS"));
    const QList<QByteArray> mails = waitForMail(to);
    QCOMPARE(mails.size(), 1);
    QVERIFY(mails[0].contains("Subject: plain over STARTTLS"));
    QVERIFY(mails[0].contains("\n.leading dot")); // dot-stuffing undone by the server
    QVERIFY(mails[0].contains(QByteArray("Return-Path: <" + account.email.toUtf8() + ">")));
}

void TestSmtpPostfix::plainImplicitTls()
{
    const store::Account account = passwordAccount("SMTP_SUBMISSIONS_PORT", store::Security::Tls);
    const QString to = servers().uniqueAddress(QStringLiteral("tls"));
    Submission submission(account, &m_secrets);
    const Outcome o = run(submission, {message(account.email, {to}, QStringLiteral("implicit TLS"))});
    QVERIFY2(o.finished->isEmpty(), qPrintable(o.finished->toText()));
    QCOMPARE(o.results.value(0).status, SendResult::Status::Sent);
    QCOMPARE(waitForMail(to).size(), 1);
}

void TestSmtpPostfix::loginMechanism()
{
    const store::Account account = passwordAccount("SMTP_SUBMISSION_PORT", store::Security::StartTls);
    const QString to = servers().uniqueAddress(QStringLiteral("login"));
    Submission submission(account, &m_secrets);
    submission.setSessionOptions([](SmtpSession::Options &s) { s.preferredMechanism = sasl::Mechanism::Login; });
    const Outcome o = run(submission, {message(account.email, {to}, QStringLiteral("LOGIN"))});
    QVERIFY2(o.finished->isEmpty(), qPrintable(o.finished->toText()));
    QCOMPARE(submission.session()->mechanism(), sasl::Mechanism::Login);
    QCOMPARE(waitForMail(to).size(), 1);
}

void TestSmtpPostfix::wrongPassword()
{
    store::Account account = passwordAccount("SMTP_SUBMISSION_PORT", store::Security::StartTls);
    Submission submission(account, &m_secrets);
    submission.setSessionPassword(QStringLiteral("not the password"));
    const Outcome o = run(submission, {message(account.email, {servers().uniqueAddress(QStringLiteral("never"))}, QStringLiteral("x"))});
    QVERIFY(o.finished.has_value());
    QCOMPARE(o.finished->stage, diagnostics::Diagnostic::Stage::Authentication);
    QCOMPARE(o.finished->code, QStringLiteral("5.7.8"));
    QVERIFY(o.finished->serverText.startsWith(u"535 5.7.8"));
    QCOMPARE(o.results.size(), 1);
    QCOMPARE(o.results[0].status, SendResult::Status::PermanentFailure);
}

void TestSmtpPostfix::untrustedCertificate()
{
    store::Account account = passwordAccount("SMTP_SUBMISSIONS_PORT", store::Security::Tls);
    account.extraCaFile.clear(); // the test CA is not in the system store
    Submission submission(account, &m_secrets);
    const Outcome o = run(submission, {message(account.email, {servers().uniqueAddress(QStringLiteral("never"))}, QStringLiteral("x"))});
    QCOMPARE(o.finished->stage, diagnostics::Diagnostic::Stage::Tls);
    QVERIFY(!o.finished->retryable);
    QCOMPARE(o.results.value(0).status, SendResult::Status::PermanentFailure);
    const net::CertificateProblem problem = submission.session()->certificateProblem();
    QVERIFY(!problem.sha256.isEmpty());
    QVERIFY(o.finished->cause.contains(QString::fromLatin1(problem.sha256)));

    // The user checked the fingerprint and trusts exactly this certificate: now it goes.
    const QString to = servers().uniqueAddress(QStringLiteral("pinned"));
    Submission pinned(account, &m_secrets);
    pinned.setPinnedCertificates({problem.sha256});
    const Outcome again = run(pinned, {message(account.email, {to}, QStringLiteral("pinned certificate"))});
    QVERIFY2(again.finished->isEmpty(), qPrintable(again.finished->toText()));
    QCOMPARE(again.results.value(0).status, SendResult::Status::Sent);
    QCOMPARE(waitForMail(to).size(), 1);
}

void TestSmtpPostfix::xoauth2WithTokenProvider()
{
    const QString password = test::newTestPassword();
    const QString user = newOAuthUser(password);
    const store::Account account = oauthAccount(user, password);
    const QString to = servers().uniqueAddress(QStringLiteral("xoauth2"));
    Submission submission(account, &m_secrets);
    const Outcome o = run(submission, {message(user, {to}, QStringLiteral("XOAUTH2"))});
    QVERIFY2(o.finished->isEmpty(), qPrintable(o.finished->toText()));
    QCOMPARE(o.results.value(0).status, SendResult::Status::Sent);
    QCOMPARE(submission.session()->mechanism(), sasl::Mechanism::XOAuth2);
    QCOMPARE(waitForMail(to).size(), 1);
}

void TestSmtpPostfix::xoauth2OneLineInitialResponse()
{
    // The test Postfix takes 16 KB lines, so the one-line form works there too.
    const QString password = test::newTestPassword();
    const QString user = newOAuthUser(password);
    const store::Account account = oauthAccount(user, password);
    const QString to = servers().uniqueAddress(QStringLiteral("oneline"));
    Submission submission(account, &m_secrets);
    submission.setSessionOptions([](SmtpSession::Options &s) { s.maxInitialResponseLine = 12288; });
    const Outcome o = run(submission, {message(user, {to}, QStringLiteral("one line"))});
    QVERIFY2(o.finished->isEmpty(), qPrintable(o.finished->toText()));
    QCOMPARE(waitForMail(to).size(), 1);
}

void TestSmtpPostfix::oauthBearer()
{
    const QString password = test::newTestPassword();
    const QString user = newOAuthUser(password);
    const store::Account account = oauthAccount(user, password);
    const QString to = servers().uniqueAddress(QStringLiteral("bearer"));
    Submission submission(account, &m_secrets);
    submission.setSessionOptions([](SmtpSession::Options &s) { s.preferredMechanism = sasl::Mechanism::OAuthBearer; });
    const Outcome o = run(submission, {message(user, {to}, QStringLiteral("OAUTHBEARER"))});
    QVERIFY2(o.finished->isEmpty(), qPrintable(o.finished->toText()));
    QCOMPARE(submission.session()->mechanism(), sasl::Mechanism::OAuthBearer);
    QCOMPARE(waitForMail(to).size(), 1);
}

void TestSmtpPostfix::refusedTokenReplacedOnce()
{
    // A cached token the server refuses (revoked after it was cached): 334 with the JSON error,
    // an empty answer, 535 — then one fresh token and success.
    const QString password = test::newTestPassword();
    const QString user = newOAuthUser(password);
    const store::Account account = oauthAccount(user, password);
    oauth::TokenProvider provider(account, &m_secrets);
    std::optional<oauth::TokenProvider::Result> first;
    provider.requestToken([&](const oauth::TokenProvider::Result &r) { first = r; });
    QTRY_VERIFY_WITH_TIMEOUT(first.has_value(), 10000);
    QVERIFY(first->ok());
    QVERIFY(post(QStringLiteral("/test/revoke"), {{QStringLiteral("token"), first->token.accessToken}}).value(QStringLiteral("ok")).toBool());

    const QString to = servers().uniqueAddress(QStringLiteral("retry"));
    Submission submission(account, &m_secrets, &provider);
    const Outcome o = run(submission, {message(user, {to}, QStringLiteral("after a refused token"))});
    QVERIFY2(o.finished->isEmpty(), qPrintable(o.finished->toText()));
    QCOMPARE(o.results.value(0).status, SendResult::Status::Sent);
    QCOMPARE(waitForMail(to).size(), 1);
}

void TestSmtpPostfix::revokedTokenFailsWithDiagnostic()
{
    // Every token of the user refused: one retry, then the server's answer and the JSON error.
    const QString password = test::newTestPassword();
    const QString user = newOAuthUser(password);
    store::Account account = oauthAccount(user, password);
    Submission submission(account, &m_secrets);
    int requests = 0;
    submission.setSessionOptions([](SmtpSession::Options &) {});
    // A token for another user is refused like a revoked one (Dovecot compares the user).
    const QString other = newOAuthUser(password);
    const QJsonObject minted = post(QStringLiteral("/test/mint"), {{QStringLiteral("user"), other}});
    const QString foreignToken = minted.value(QStringLiteral("access_token")).toString();
    QVERIFY(!foreignToken.isEmpty());
    SmtpSession::Options settings;
    settings.host = servers().host();
    settings.port = servers().port("SMTP_SUBMISSION_PORT");
    settings.security = store::Security::StartTls;
    net::TlsPolicy policy;
    policy.extraCaCertificates = servers().caCertificates();
    settings.user = user;
    settings.useOAuth = true;
    net::SslTransport transport(policy);
    SmtpSession session(&transport, settings);
    net::Transcript transcript(transcriptPath());
    session.setTranscript(&transcript);
    session.setTokenSource([&](bool, SmtpSession::TokenCallback done) {
        ++requests;
        done(foreignToken, {});
    });
    std::optional<diagnostics::Diagnostic> finished;
    connect(&session, &SmtpSession::finished, this, [&](const diagnostics::Diagnostic &d) { finished = d; });
    session.open();
    QTRY_VERIFY_WITH_TIMEOUT(finished.has_value(), 15000);
    QCOMPARE(requests, 2);
    QCOMPARE(finished->stage, diagnostics::Diagnostic::Stage::Authentication);
    QVERIFY2(finished->serverText.contains(u"535 5.7.8") && finished->serverText.contains(u"\"status\""),
             qPrintable(finished->serverText));
}

void TestSmtpPostfix::partialRecipients()
{
    const store::Account account = passwordAccount("SMTP_SUBMISSION_PORT", store::Security::StartTls);
    const QString good = servers().uniqueAddress(QStringLiteral("good"));
    const QString good2 = servers().uniqueAddress(QStringLiteral("good2"));
    Submission submission(account, &m_secrets);
    const Outcome o = run(submission, {message(account.email, {good, QStringLiteral("someone@elsewhere.example"), good2},
                                               QStringLiteral("partial"))});
    QVERIFY2(o.finished->isEmpty(), qPrintable(o.finished->toText()));
    QCOMPARE(o.results.size(), 1);
    QCOMPARE(o.results[0].status, SendResult::Status::Sent);
    const QList<RecipientResult> rejected = o.results[0].rejected();
    QCOMPARE(rejected.size(), 1);
    QCOMPARE(rejected[0].address, QStringLiteral("someone@elsewhere.example"));
    QVERIFY2(rejected[0].reply.isPermanentFailure(), qPrintable(rejected[0].reply.toDisplayString()));
    QCOMPARE(waitForMail(good).size(), 1);
    QCOMPARE(waitForMail(good2).size(), 1);
}

void TestSmtpPostfix::pipelinedBatch()
{
    const store::Account account = passwordAccount("SMTP_SUBMISSION_PORT", store::Security::StartTls);
    const QString to = servers().uniqueAddress(QStringLiteral("batch"));
    QList<OutgoingMessage> messages;
    for (int i = 0; i < 25; ++i)
        messages.append(message(account.email, {to}, QStringLiteral("batch %1").arg(i)));
    Submission submission(account, &m_secrets);
    const Outcome o = run(submission, messages);
    QVERIFY2(o.finished->isEmpty(), qPrintable(o.finished->toText()));
    QVERIFY(submission.session()->capabilities().has(SmtpCapabilities::Pipelining));
    QCOMPARE(o.results.size(), 25);
    for (int i = 0; i < 25; ++i) {
        QCOMPARE(o.results[i].id, messages[i].id);
        QCOMPARE(o.results[i].status, SendResult::Status::Sent);
    }
    QCOMPARE(waitForMail(to, 25).size(), 25);
}

void TestSmtpPostfix::transcriptHasNoSecrets()
{
    // Runs last: every session above wrote its transcript there.
    QFile file(transcriptPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString log = QString::fromUtf8(file.readAll());
    QVERIFY(log.contains(u"C: EHLO"));
    QVERIFY(log.contains(u"C: AUTH XOAUTH2"));
    QVERIFY(log.contains(u"C: AUTH PLAIN <redacted>"));
    QVERIFY(log.contains(u"S: 235 2.7.0"));
    QVERIFY(!log.contains(env("PASSWORD_USER_PASSWORD")));
    QVERIFY(!log.contains(QString::fromLatin1(env("PASSWORD_USER_PASSWORD").toUtf8().toBase64())));
    QVERIFY(!log.contains(u"eyJ0eXAi") && !log.contains(u"eyJhbGci")); // no JWT header
    QVERIFY(!log.contains(u"auth=Bearer"));
    QVERIFY(!log.contains(u".leading dot")); // message text is summarised, not logged
}

QTEST_GUILESS_MAIN(TestSmtpPostfix)
#include "tst_smtp_postfix.moc"
