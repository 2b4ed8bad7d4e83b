// SmtpSession transcripts against the scripted FakeTransport: the test plays the server.
#include "sasl/SaslMessages.h"
#include "smtp/SmtpSession.h"
#include "support/FakeTransport.h"

#include <QSignalSpy>
#include <QTest>

using namespace kurier;
using namespace kurier::smtp;
using kurier::test::FakeTransport;

namespace {

const QByteArray Greeting = "220 smtp.kurier.test ESMTP Postfix\r\n";
const QByteArray EhloPlain = "250-smtp.kurier.test\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250-STARTTLS\r\n"
                             "250-ENHANCEDSTATUSCODES\r\n250-8BITMIME\r\n250 CHUNKING\r\n";
const QByteArray EhloTls = "250-smtp.kurier.test\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n"
                           "250-AUTH PLAIN LOGIN XOAUTH2 OAUTHBEARER\r\n250-ENHANCEDSTATUSCODES\r\n250-8BITMIME\r\n"
                           "250-SMTPUTF8\r\n250 CHUNKING\r\n";
const QByteArray Rejected401 = "eyJzdGF0dXMiOiI0MDEiLCJzY2hlbWVzIjoiYmVhcmVyIiwic2NvcGUiOiJtYWlsIn0=";

OutgoingMessage message(const QString &id, QStringList to = {QStringLiteral("bob@kurier.test")},
                        QByteArray data = "Subject: hi\r\n\r\nHello\r\n")
{
    return {id, QStringLiteral("alice@kurier.test"), std::move(to), std::move(data)};
}

} // namespace

class TestSmtpSession : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void startTlsPlainAuthAndSend();
    void startTlsMissingFailsClosed();
    void capabilitiesOnlyAfterStartTls();
    void startTlsRefused();
    void tlsHandshakeFails();
    void injectionBeforeTlsIsDiscarded();
    void implicitTls();
    void unencryptedNeedsConsent();
    void unencryptedWithConsent();
    void greetingRefused();
    void loginMechanism();
    void xoauth2TokenRejectedThenRetried();
    void xoauth2RetriedOnlyOnce();
    void xoauth2LongTokenUsesChallenge();
    void oauthBearerErrorAck();
    void tokenUnavailable();
    void microsoftSmtpAuthDisabled();
    void partialRecipientFailure();
    void allRecipientsRejected_data();
    void allRecipientsRejected();
    void endOfDataFailure_data();
    void endOfDataFailure();
    void sizeRefusedLocally();
    void pipelinedBatch();
    void withoutPipelining();
    void dataStartingBeforeData();
    void connectionLostDuringData();
    void connectionLostBeforeData();
    void addressInjectionRefused();
    void smtpUtf8();
    void eightBitNeeds8BitMime();
    void timeout();

private:
    void makeSession(SmtpSession::Options settings = {});
    // The session again, signing in as `user` (Options::user) with a password or with tokens.
    void signInWith(const QString &user, const QString &password);
    void signInWithTokens(const QString &user, SmtpSession::TokenSource source);
    void toReady(const QByteArray &ehloAfterTls = EhloTls);
    QByteArray client(qsizetype atLeast);

    FakeTransport *t = nullptr;
    SmtpSession *s = nullptr;
    QList<SendResult> results;
    std::optional<diagnostics::Diagnostic> finished;
    int readyCount = 0;
    QByteArray got;
    QList<bool> tokenRequests; // forceNew per request
    QStringList tokens;        // handed out in order
};

// Everything the client wrote, once at least `atLeast` bytes are there.
#define CLIENT(expected)                                                                                   \
    do {                                                                                                   \
        const QByteArray e_ = (expected);                                                                  \
        QTRY_VERIFY_WITH_TIMEOUT((got += t->takeWritten()).size() >= e_.size(), 2000);                     \
        QCOMPARE(got.left(e_.size()), e_);                                                                 \
        got.remove(0, e_.size());                                                                          \
    } while (false)

void TestSmtpSession::init()
{
    results.clear();
    finished.reset();
    readyCount = 0;
    got.clear();
    tokenRequests.clear();
    tokens.clear();
}

void TestSmtpSession::cleanup()
{
    delete s;
    s = nullptr;
    delete t; // the session borrows it
    t = nullptr;
}

void TestSmtpSession::makeSession(SmtpSession::Options settings)
{
    if (settings.host.isEmpty())
        settings.host = QStringLiteral("smtp.kurier.test");
    delete s;
    delete t;
    settings.heloName = QStringLiteral("client.kurier.test");
    t = new FakeTransport;
    s = new SmtpSession(t, settings);
    connect(s, &SmtpSession::ready, this, [this] { ++readyCount; });
    connect(s, &SmtpSession::messageSent, this, [this](const SendResult &r) { results.append(r); });
    connect(s, &SmtpSession::finished, this, [this](const diagnostics::Diagnostic &d) { finished = d; });
}

void TestSmtpSession::signInWith(const QString &user, const QString &password)
{
    SmtpSession::Options settings = s->options();
    settings.user = user;
    settings.useOAuth = false;
    makeSession(settings);
    s->setPassword(password);
}

void TestSmtpSession::signInWithTokens(const QString &user, SmtpSession::TokenSource source)
{
    SmtpSession::Options settings = s->options();
    settings.user = user;
    settings.useOAuth = true;
    makeSession(settings);
    s->setTokenSource(std::move(source));
}

QByteArray TestSmtpSession::client(qsizetype atLeast)
{
    if (!QTest::qWaitFor([&] { return (got += t->takeWritten()).size() >= atLeast; }, 2000))
        qWarning("client wrote less than expected");
    return std::exchange(got, {});
}

void TestSmtpSession::toReady(const QByteArray &ehloAfterTls)
{
    signInWith(QStringLiteral("bob@kurier.test"), QStringLiteral("secret"));
    s->open();
    t->serverSays(Greeting);
    CLIENT("EHLO client.kurier.test\r\n");
    t->serverSays(EhloPlain);
    CLIENT("STARTTLS\r\n");
    t->serverSays("220 2.0.0 Ready to start TLS\r\n");
    QTRY_COMPARE(t->startTlsCalls(), 1);
    CLIENT("EHLO client.kurier.test\r\n");
    t->serverSays(ehloAfterTls);
    CLIENT("AUTH PLAIN " + sasl::plainMessage(QStringLiteral("bob@kurier.test"), QStringLiteral("secret")).toBase64() + "\r\n");
    t->serverSays("235 2.7.0 Authentication successful\r\n");
    QTRY_COMPARE(readyCount, 1);
}

void TestSmtpSession::startTlsPlainAuthAndSend()
{
    makeSession();
    toReady();
    QVERIFY(s->isEncrypted());
    QVERIFY(!t->writtenBeforeTls().contains("AUTH"));
    // Capabilities are the ones after TLS only.
    QVERIFY(!s->capabilities().has(SmtpCapabilities::StartTls));
    QVERIFY(s->capabilities().has(SmtpCapabilities::Auth));
    QCOMPARE(s->mechanism(), sasl::Mechanism::Plain);

    s->send(message(QStringLiteral("m1")));
    s->quit();
    const QByteArray data = "Subject: hi\r\n\r\nHello\r\n.\r\n";
    CLIENT("MAIL FROM:<alice@kurier.test> SIZE=" + QByteArray::number(data.size()) + "\r\nRCPT TO:<bob@kurier.test>\r\nDATA\r\n");
    t->serverSays("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n354 End data with <CR><LF>.<CR><LF>\r\n");
    CLIENT(data);
    t->serverSays("250 2.0.0 Ok: queued as 4ABC\r\n");
    CLIENT("QUIT\r\n");
    QTRY_COMPARE(results.size(), 1);
    QCOMPARE(results[0].id, QStringLiteral("m1"));
    QCOMPARE(results[0].status, SendResult::Status::Sent);
    QCOMPARE(results[0].reply.text(), QStringLiteral("Ok: queued as 4ABC"));
    QCOMPARE(results[0].recipients.size(), 1);
    QVERIFY(results[0].recipients[0].accepted());
    t->serverSays("221 2.0.0 Bye\r\n");
    QTRY_VERIFY(finished.has_value());
    QVERIFY(finished->isEmpty());
    QVERIFY(t->wasClosed());
}

void TestSmtpSession::capabilitiesOnlyAfterStartTls()
{
    // Discovery's probe: EHLO, STARTTLS, EHLO again, QUIT — no AUTH although a user is set.
    SmtpSession::Options o;
    o.capabilitiesOnly = true;
    makeSession(o);
    signInWith(QStringLiteral("bob@kurier.test"), QStringLiteral("secret"));
    s->open();
    t->serverSays(Greeting);
    CLIENT("EHLO client.kurier.test\r\n");
    t->serverSays(EhloPlain);
    CLIENT("STARTTLS\r\n");
    t->serverSays("220 2.0.0 Ready to start TLS\r\n");
    QTRY_COMPARE(t->startTlsCalls(), 1);
    CLIENT("EHLO client.kurier.test\r\n");
    t->serverSays(EhloTls);
    CLIENT("QUIT\r\n");
    t->serverSays("221 2.0.0 Bye\r\n");
    QTRY_VERIFY(finished.has_value());
    QVERIFY(finished->isEmpty());
    QCOMPARE(readyCount, 0);
    QVERIFY(s->capabilities().authMechanisms().contains("XOAUTH2"));
    QVERIFY(!t->allWritten().contains("AUTH"));
}

void TestSmtpSession::startTlsMissingFailsClosed()
{
    makeSession();
    signInWith(QStringLiteral("bob"), QStringLiteral("secret"));
    s->send(message(QStringLiteral("m1")));
    s->open();
    t->serverSays(Greeting);
    CLIENT("EHLO client.kurier.test\r\n");
    t->serverSays("250-smtp.kurier.test\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n");
    QTRY_VERIFY(finished.has_value());
    QCOMPARE(finished->code, QStringLiteral("starttls-missing"));
    QCOMPARE(finished->stage, diagnostics::Diagnostic::Stage::Tls);
    QCOMPARE(t->allWritten(), QByteArray("EHLO client.kurier.test\r\n")); // no AUTH, no MAIL in plain text
    QCOMPARE(t->startTlsCalls(), 0);
    QCOMPARE(results.size(), 1);
    QCOMPARE(results[0].status, SendResult::Status::PermanentFailure);
    QVERIFY(t->wasClosed());
}

void TestSmtpSession::startTlsRefused()
{
    makeSession();
    signInWith(QStringLiteral("bob"), QStringLiteral("secret"));
    s->open();
    t->serverSays(Greeting);
    CLIENT("EHLO client.kurier.test\r\n");
    t->serverSays(EhloPlain);
    CLIENT("STARTTLS\r\n");
    t->serverSays("454 4.7.0 TLS not available due to local problem\r\n");
    QTRY_VERIFY(finished.has_value());
    QCOMPARE(finished->stage, diagnostics::Diagnostic::Stage::Tls);
    QCOMPARE(finished->code, QStringLiteral("4.7.0"));
    QVERIFY(finished->serverText.contains(u"TLS not available"));
    QCOMPARE(t->startTlsCalls(), 0);
    QVERIFY(!t->allWritten().contains("AUTH"));
}

void TestSmtpSession::tlsHandshakeFails()
{
    makeSession();
    signInWith(QStringLiteral("bob"), QStringLiteral("secret"));
    net::CertificateProblem problem;
    problem.subject = QStringLiteral("CN=evil");
    problem.errors = QStringList{QStringLiteral("The host name did not match any of the valid hosts for this certificate")};
    problem.sha256 = "ab12";
    t->failTls(problem);
    s->open();
    t->serverSays(Greeting);
    CLIENT("EHLO client.kurier.test\r\n");
    t->serverSays(EhloPlain);
    CLIENT("STARTTLS\r\n");
    t->serverSays("220 2.0.0 Ready to start TLS\r\n");
    QTRY_VERIFY(finished.has_value());
    QCOMPARE(finished->stage, diagnostics::Diagnostic::Stage::Tls);
    QVERIFY(finished->cause.contains(u"host name"));
    QVERIFY(!finished->retryable);
    QVERIFY(!t->allWritten().contains("AUTH"));
}

void TestSmtpSession::injectionBeforeTlsIsDiscarded()
{
    makeSession();
    signInWith(QStringLiteral("bob@kurier.test"), QStringLiteral("secret"));
    s->open();
    t->serverSays(Greeting);
    CLIENT("EHLO client.kurier.test\r\n");
    t->serverSays(EhloPlain);
    CLIENT("STARTTLS\r\n");
    // A man in the middle appends a fake EHLO answer offering only LOGIN, in plain text.
    t->serverSays("220 2.0.0 Ready to start TLS\r\n250-evil\r\n250 AUTH LOGIN\r\n");
    QTRY_COMPARE(t->startTlsCalls(), 1);
    CLIENT("EHLO client.kurier.test\r\n");
    t->serverSays(EhloTls);
    // Had the injected reply been taken for the EHLO answer, LOGIN would follow.
    CLIENT("AUTH PLAIN ");
    QVERIFY(!s->capabilities().authMechanisms().isEmpty());
    QCOMPARE(s->mechanism(), sasl::Mechanism::Plain);
}

void TestSmtpSession::implicitTls()
{
    SmtpSession::Options settings;
    settings.port = 465;
    settings.security = store::Security::Tls;
    makeSession(settings);
    signInWith(QStringLiteral("bob@kurier.test"), QStringLiteral("secret"));
    s->open();
    QTRY_VERIFY(t->implicitTls());
    QCOMPARE(t->port(), quint16(465));
    t->serverSays(Greeting);
    CLIENT("EHLO client.kurier.test\r\n");
    t->serverSays(EhloTls);
    CLIENT("AUTH PLAIN ");
    t->serverSays("235 2.7.0 Authentication successful\r\n");
    QTRY_COMPARE(readyCount, 1);
    QCOMPARE(t->startTlsCalls(), 0);
}

void TestSmtpSession::unencryptedNeedsConsent()
{
    SmtpSession::Options settings;
    settings.security = store::Security::None;
    makeSession(settings);
    s->open();
    QTRY_VERIFY(finished.has_value());
    QCOMPARE(finished->code, QStringLiteral("unencrypted-not-accepted"));
    QVERIFY(t->host().isEmpty()); // never connected
}

void TestSmtpSession::unencryptedWithConsent()
{
    SmtpSession::Options settings;
    settings.security = store::Security::None;
    settings.acceptUnencrypted = true;
    settings.port = 25;
    makeSession(settings);
    s->open();
    t->serverSays(Greeting);
    CLIENT("EHLO client.kurier.test\r\n");
    t->serverSays(EhloPlain); // offers STARTTLS, but the account said "none": no surprise upgrade
    QTRY_COMPARE(readyCount, 1);
    QCOMPARE(t->startTlsCalls(), 0);
}

void TestSmtpSession::greetingRefused()
{
    makeSession();
    s->open();
    t->serverSays("554 5.7.1 No SMTP service here\r\n");
    QTRY_VERIFY(finished.has_value());
    QCOMPARE(finished->serverText, QStringLiteral("554 5.7.1 No SMTP service here"));
    QVERIFY(!finished->retryable);
}

void TestSmtpSession::loginMechanism()
{
    makeSession();
    signInWith(QStringLiteral("bob@kurier.test"), QStringLiteral("pässwort"));
    s->open();
    t->serverSays(Greeting);
    CLIENT("EHLO client.kurier.test\r\n");
    t->serverSays(EhloPlain);
    CLIENT("STARTTLS\r\n");
    t->serverSays("220 go ahead\r\n");
    CLIENT("EHLO client.kurier.test\r\n");
    t->serverSays("250-x\r\n250 AUTH LOGIN\r\n");
    CLIENT("AUTH LOGIN\r\n");
    t->serverSays("334 VXNlcm5hbWU6\r\n");
    CLIENT(QByteArray("bob@kurier.test").toBase64() + "\r\n");
    t->serverSays("334 UGFzc3dvcmQ6\r\n");
    CLIENT(QStringLiteral("pässwort").toUtf8().toBase64() + "\r\n");
    t->serverSays("235 2.7.0 Authentication successful\r\n");
    QTRY_COMPARE(readyCount, 1);
}

void TestSmtpSession::xoauth2TokenRejectedThenRetried()
{
    makeSession();
    tokens = {QStringLiteral("expired-token"), QStringLiteral("fresh-token")};
    signInWithTokens(QStringLiteral("alice@kurier.test"), [this](bool forceNew, SmtpSession::TokenCallback done) {
        tokenRequests.append(forceNew);
        const QString token = tokens.takeFirst();
        QTimer::singleShot(0, this, [done, token] { done(token, {}); });
    });
    s->open();
    t->serverSays(Greeting);
    CLIENT("EHLO client.kurier.test\r\n");
    t->serverSays(EhloPlain);
    CLIENT("STARTTLS\r\n");
    t->serverSays("220 go ahead\r\n");
    CLIENT("EHLO client.kurier.test\r\n");
    t->serverSays(EhloTls);
    CLIENT("AUTH XOAUTH2 " + sasl::xoauth2Message(QStringLiteral("alice@kurier.test"), QStringLiteral("expired-token")).toBase64() + "\r\n");
    t->serverSays("334 " + Rejected401 + "\r\n");
    CLIENT("\r\n"); // the empty response that asks for the final answer
    t->serverSays("535 5.7.8 Error: authentication failed: (reason unavailable)\r\n");
    CLIENT("AUTH XOAUTH2 " + sasl::xoauth2Message(QStringLiteral("alice@kurier.test"), QStringLiteral("fresh-token")).toBase64() + "\r\n");
    t->serverSays("235 2.7.0 Authentication successful\r\n");
    QTRY_COMPARE(readyCount, 1);
    QCOMPARE(tokenRequests, (QList<bool>{false, true}));
}

void TestSmtpSession::xoauth2RetriedOnlyOnce()
{
    makeSession();
    signInWithTokens(QStringLiteral("alice@kurier.test"), [this](bool forceNew, SmtpSession::TokenCallback done) {
        tokenRequests.append(forceNew);
        done(QStringLiteral("t"), {});
    });
    s->send(message(QStringLiteral("m1")));
    s->open();
    t->serverSays(Greeting);
    CLIENT("EHLO client.kurier.test\r\n");
    t->serverSays(EhloPlain);
    CLIENT("STARTTLS\r\n");
    t->serverSays("220 go ahead\r\n");
    CLIENT("EHLO client.kurier.test\r\n");
    t->serverSays(EhloTls);
    for (int i = 0; i < 2; ++i) {
        CLIENT("AUTH XOAUTH2 ");
        client(1); // the rest of the line
        t->serverSays("334 " + Rejected401 + "\r\n");
        CLIENT("\r\n");
        t->serverSays("535 5.7.8 Error: authentication failed: (reason unavailable)\r\n");
    }
    QTRY_VERIFY(finished.has_value());
    QCOMPARE(tokenRequests, (QList<bool>{false, true}));
    QCOMPARE(finished->stage, diagnostics::Diagnostic::Stage::Authentication);
    QCOMPARE(finished->code, QStringLiteral("5.7.8"));
    QVERIFY(finished->serverText.contains(u"\"status\":\"401\""));
    QCOMPARE(results.size(), 1);
    QCOMPARE(results[0].status, SendResult::Status::PermanentFailure);
}

void TestSmtpSession::xoauth2LongTokenUsesChallenge()
{
    // Postfix's default line_length_limit (2048) would cut "AUTH XOAUTH2 <2.8 KB>".
    makeSession();
    const QString token(2100, u'x');
    signInWithTokens(QStringLiteral("alice@kurier.test"), [token](bool, SmtpSession::TokenCallback done) { done(token, {}); });
    s->open();
    t->serverSays(Greeting);
    CLIENT("EHLO client.kurier.test\r\n");
    t->serverSays(EhloPlain);
    CLIENT("STARTTLS\r\n");
    t->serverSays("220 go ahead\r\n");
    CLIENT("EHLO client.kurier.test\r\n");
    t->serverSays(EhloTls);
    CLIENT("AUTH XOAUTH2\r\n");
    t->serverSays("334 \r\n");
    CLIENT(sasl::xoauth2Message(QStringLiteral("alice@kurier.test"), token).toBase64() + "\r\n");
    t->serverSays("235 2.7.0 Authentication successful\r\n");
    QTRY_COMPARE(readyCount, 1);
}

void TestSmtpSession::oauthBearerErrorAck()
{
    makeSession();
    signInWithTokens(QStringLiteral("alice@kurier.test"), [this](bool forceNew, SmtpSession::TokenCallback done) {
        tokenRequests.append(forceNew);
        done(QStringLiteral("tok"), {});
    });
    s->open();
    t->serverSays(Greeting);
    CLIENT("EHLO client.kurier.test\r\n");
    t->serverSays(EhloPlain);
    CLIENT("STARTTLS\r\n");
    t->serverSays("220 go ahead\r\n");
    CLIENT("EHLO client.kurier.test\r\n");
    t->serverSays("250-x\r\n250 AUTH PLAIN OAUTHBEARER\r\n");
    CLIENT("AUTH OAUTHBEARER "
           + sasl::oauthBearerMessage(QStringLiteral("alice@kurier.test"), QStringLiteral("tok"), QStringLiteral("smtp.kurier.test"), 587).toBase64()
           + "\r\n");
    t->serverSays("334 eyJzdGF0dXMiOiJpbnZhbGlkX3Rva2VuIn0=\r\n");
    CLIENT("AQ==\r\n"); // RFC 7628 §3.2.3: %x01
    t->serverSays("535 5.7.8 Error: authentication failed\r\n");
    CLIENT("AUTH OAUTHBEARER ");
    QCOMPARE(tokenRequests, (QList<bool>{false, true}));
}

void TestSmtpSession::tokenUnavailable()
{
    makeSession();
    signInWithTokens(QStringLiteral("alice@kurier.test"), [](bool, SmtpSession::TokenCallback done) {
        diagnostics::Diagnostic d;
        d.stage = diagnostics::Diagnostic::Stage::TokenRequest;
        d.summary = QStringLiteral("Sign-in refused by Microsoft");
        d.code = QStringLiteral("AADSTS50126");
        done({}, d);
    });
    s->open();
    t->serverSays(Greeting);
    CLIENT("EHLO client.kurier.test\r\n");
    t->serverSays(EhloPlain);
    CLIENT("STARTTLS\r\n");
    t->serverSays("220 go ahead\r\n");
    CLIENT("EHLO client.kurier.test\r\n");
    t->serverSays(EhloTls);
    QTRY_VERIFY(finished.has_value());
    QCOMPARE(finished->code, QStringLiteral("AADSTS50126"));
    QVERIFY(!t->allWritten().contains("AUTH"));
}

void TestSmtpSession::microsoftSmtpAuthDisabled()
{
    makeSession();
    signInWithTokens(QStringLiteral("anna@contoso.com"), [](bool, SmtpSession::TokenCallback done) { done(QStringLiteral("t"), {}); });
    s->open();
    t->serverSays("220 AM0PR10CA0003.outlook.office365.com Microsoft ESMTP MAIL Service ready\r\n");
    CLIENT("EHLO client.kurier.test\r\n");
    t->serverSays("250-AM0PR10CA0003.outlook.office365.com Hello [192.0.2.1]\r\n250-SIZE 157286400\r\n250-PIPELINING\r\n"
                  "250-DSN\r\n250-ENHANCEDSTATUSCODES\r\n250-STARTTLS\r\n250-8BITMIME\r\n250-BINARYMIME\r\n250-CHUNKING\r\n250 SMTPUTF8\r\n");
    CLIENT("STARTTLS\r\n");
    t->serverSays("220 2.0.0 SMTP server ready\r\n");
    CLIENT("EHLO client.kurier.test\r\n");
    t->serverSays("250-AM0PR10CA0003.outlook.office365.com Hello [192.0.2.1]\r\n250-SIZE 157286400\r\n250-PIPELINING\r\n"
                  "250-AUTH LOGIN XOAUTH2\r\n250-ENHANCEDSTATUSCODES\r\n250 SMTPUTF8\r\n");
    CLIENT("AUTH XOAUTH2 ");
    t->serverSays("535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. "
                  "Visit https://aka.ms/smtp_auth_disabled for more information.\r\n");
    QTRY_VERIFY(finished.has_value());
    QCOMPARE(finished->code, QStringLiteral("5.7.139"));
    QVERIFY(finished->fix.contains(u"Set-CASMailbox -Identity <address> -SmtpClientAuthenticationDisabled $false"));
    QVERIFY(finished->cause.contains(u"Security Defaults"));
    QVERIFY(finished->serverText.startsWith(u"535 5.7.139 Authentication unsuccessful"));
}

void TestSmtpSession::partialRecipientFailure()
{
    makeSession();
    toReady();
    s->send(message(QStringLiteral("m1"), {QStringLiteral("bob@kurier.test"), QStringLiteral("nobody@elsewhere.example"),
                                           QStringLiteral("carol@kurier.test")}));
    CLIENT("MAIL FROM:<alice@kurier.test> SIZE=");
    const QByteArray batch = client(60);
    QVERIFY(batch.contains("RCPT TO:<bob@kurier.test>\r\nRCPT TO:<nobody@elsewhere.example>\r\nRCPT TO:<carol@kurier.test>\r\nDATA\r\n"));
    t->serverSays("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n554 5.7.1 <nobody@elsewhere.example>: Relay access denied\r\n"
                  "250 2.1.5 Ok\r\n354 End data\r\n");
    CLIENT("Subject: hi\r\n\r\nHello\r\n.\r\n");
    t->serverSays("250 2.0.0 Ok: queued\r\n");
    QTRY_COMPARE(results.size(), 1);
    const SendResult &r = results[0];
    QCOMPARE(r.status, SendResult::Status::Sent);
    QCOMPARE(r.rejected().size(), 1);
    QCOMPARE(r.rejected()[0].address, QStringLiteral("nobody@elsewhere.example"));
    QCOMPARE(r.rejected()[0].reply.code, 554);
    QVERIFY(r.recipients[0].accepted());
    QVERIFY(r.recipients[2].accepted());
}

void TestSmtpSession::allRecipientsRejected_data()
{
    QTest::addColumn<QByteArray>("rcptReply");
    QTest::addColumn<int>("status");
    QTest::newRow("5xx") << QByteArray("550 5.1.1 <x@kurier.test>: Recipient address rejected") << int(SendResult::Status::PermanentFailure);
    QTest::newRow("4xx") << QByteArray("450 4.2.0 <x@kurier.test>: Recipient address rejected: Greylisted") << int(SendResult::Status::TemporaryFailure);
}

void TestSmtpSession::allRecipientsRejected()
{
    QFETCH(QByteArray, rcptReply);
    QFETCH(int, status);
    makeSession();
    toReady();
    s->send(message(QStringLiteral("m1"), {QStringLiteral("x@kurier.test")}));
    s->send(message(QStringLiteral("m2")));
    CLIENT("MAIL FROM:<alice@kurier.test> SIZE=25\r\nRCPT TO:<x@kurier.test>\r\nDATA\r\n");
    t->serverSays("250 2.1.0 Ok\r\n" + rcptReply + "\r\n554 5.5.1 Error: no valid recipients\r\n");
    CLIENT("RSET\r\n");
    t->serverSays("250 2.0.0 Ok\r\n");
    QTRY_COMPARE(results.size(), 1);
    QCOMPARE(int(results[0].status), status);
    QCOMPARE(results[0].reply.toDisplayString(), QString::fromUtf8(rcptReply));
    QCOMPARE(results[0].diagnostic.retryable, status == int(SendResult::Status::TemporaryFailure));
    // The next message goes on in the same session.
    CLIENT("MAIL FROM:<alice@kurier.test> SIZE=");
}

void TestSmtpSession::endOfDataFailure_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<int>("status");
    QTest::newRow("452") << QByteArray("452 4.3.1 Insufficient system storage") << int(SendResult::Status::TemporaryFailure);
    QTest::newRow("554") << QByteArray("554 5.7.1 Spam message rejected") << int(SendResult::Status::PermanentFailure);
    QTest::newRow("sendas") << QByteArray("554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied;")
                            << int(SendResult::Status::PermanentFailure);
}

void TestSmtpSession::endOfDataFailure()
{
    QFETCH(QByteArray, reply);
    QFETCH(int, status);
    makeSession();
    toReady();
    s->send(message(QStringLiteral("m1")));
    CLIENT("MAIL FROM:");
    client(40);
    t->serverSays("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n354 go\r\n");
    CLIENT("Subject: hi\r\n\r\nHello\r\n.\r\n");
    t->serverSays(reply + "\r\n");
    QTRY_COMPARE(results.size(), 1);
    QCOMPARE(int(results[0].status), status);
    QCOMPARE(results[0].diagnostic.serverText, QString::fromUtf8(reply));
}

void TestSmtpSession::sizeRefusedLocally()
{
    makeSession();
    toReady("250-x\r\n250-SIZE 100\r\n250 AUTH PLAIN\r\n");
    s->send(message(QStringLiteral("big"), {QStringLiteral("bob@kurier.test")}, QByteArray(200, 'a')));
    s->send(message(QStringLiteral("small")));
    CLIENT("MAIL FROM:<alice@kurier.test> SIZE=25\r\n"); // only the small one goes
    QCOMPARE(results.size(), 1);
    QCOMPARE(results[0].id, QStringLiteral("big"));
    QCOMPARE(results[0].status, SendResult::Status::PermanentFailure);
    QCOMPARE(results[0].diagnostic.code, QStringLiteral("size-exceeded"));
}

void TestSmtpSession::pipelinedBatch()
{
    makeSession();
    toReady();
    for (int i = 1; i <= 3; ++i)
        s->send(message(QStringLiteral("m%1").arg(i), {QStringLiteral("bob@kurier.test")}, "Subject: " + QByteArray::number(i) + "\r\n\r\nx\r\n"));
    s->quit();
    // One group: MAIL, RCPT, DATA — then wait for 354.
    const QByteArray envelope = "MAIL FROM:<alice@kurier.test> SIZE=20\r\nRCPT TO:<bob@kurier.test>\r\nDATA\r\n";
    CLIENT(envelope);
    QTest::qWait(20);
    QCOMPARE(t->takeWritten(), QByteArray()); // nothing before the 354
    for (int i = 1; i <= 3; ++i) {
        t->serverSays("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n354 go\r\n");
        // The data, and at once the next envelope (RFC 2920: the data may start a group).
        CLIENT("Subject: " + QByteArray::number(i) + "\r\n\r\nx\r\n.\r\n" + (i < 3 ? envelope : QByteArray()));
        t->serverSays("250 2.0.0 Ok: queued\r\n");
    }
    CLIENT("QUIT\r\n");
    QCOMPARE(results.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(results[i].id, QStringLiteral("m%1").arg(i + 1));
        QCOMPARE(results[i].status, SendResult::Status::Sent);
    }
}

void TestSmtpSession::withoutPipelining()
{
    makeSession();
    toReady("250-x\r\n250 AUTH PLAIN\r\n");
    s->send(message(QStringLiteral("m1"), {QStringLiteral("bob@kurier.test"), QStringLiteral("carol@kurier.test")}));
    CLIENT("MAIL FROM:<alice@kurier.test>\r\n");
    t->serverSays("250 Ok\r\n");
    CLIENT("RCPT TO:<bob@kurier.test>\r\n");
    t->serverSays("250 Ok\r\n");
    CLIENT("RCPT TO:<carol@kurier.test>\r\n");
    t->serverSays("250 Ok\r\n");
    CLIENT("DATA\r\n");
    t->serverSays("354 go\r\n");
    CLIENT("Subject: hi\r\n\r\nHello\r\n.\r\n");
    t->serverSays("250 Ok\r\n");
    QTRY_COMPARE(results.size(), 1);
    QCOMPARE(results[0].status, SendResult::Status::Sent);
}

void TestSmtpSession::dataStartingBeforeData()
{
    // The Outbox marks the message "sending" in this signal: the data must not be out yet.
    makeSession();
    toReady();
    QStringList starting;
    connect(s, &SmtpSession::dataStarting, this, [this, &starting](const QString &id) {
        QVERIFY(!t->allWritten().contains("Hello"));
        starting << id;
    });
    s->send(message(QStringLiteral("m1")));
    CLIENT("MAIL FROM:");
    client(40);
    QVERIFY(starting.isEmpty());
    t->serverSays("250 2.1.0 Ok\r\n550 5.1.1 nope\r\n554 5.5.1 no valid recipients\r\n");
    CLIENT("RSET\r\n"); // nothing sent: no dataStarting
    t->serverSays("250 Ok\r\n");
    QTRY_COMPARE(results.size(), 1);
    QVERIFY(starting.isEmpty());
    s->send(message(QStringLiteral("m2")));
    CLIENT("MAIL FROM:");
    client(40);
    t->serverSays("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n354 go\r\n");
    CLIENT("Subject: hi\r\n\r\nHello\r\n.\r\n");
    QCOMPARE(starting, QStringList{QStringLiteral("m2")});
}

void TestSmtpSession::connectionLostDuringData()
{
    makeSession();
    toReady();
    s->send(message(QStringLiteral("m1")));
    s->send(message(QStringLiteral("m2")));
    CLIENT("MAIL FROM:");
    client(40);
    t->serverSays("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n354 go\r\n");
    CLIENT("Subject: hi\r\n\r\nHello\r\n.\r\n");
    t->serverCloses();
    QTRY_VERIFY(finished.has_value());
    QCOMPARE(results.size(), 2);
    QCOMPARE(results[0].id, QStringLiteral("m1"));
    QCOMPARE(results[0].status, SendResult::Status::Unknown); // may have gone out: never resent on its own
    QVERIFY(!results[0].diagnostic.retryable);
    QCOMPARE(results[1].id, QStringLiteral("m2"));
    QCOMPARE(results[1].status, SendResult::Status::TemporaryFailure);
    QVERIFY(finished->retryable);
}

void TestSmtpSession::connectionLostBeforeData()
{
    makeSession();
    toReady();
    s->send(message(QStringLiteral("m1")));
    CLIENT("MAIL FROM:");
    client(40);
    t->serverSays("250 2.1.0 Ok\r\n");
    t->failWith(net::Transport::Error::Network, QStringLiteral("Network unreachable"));
    QTRY_VERIFY(finished.has_value());
    QCOMPARE(results.size(), 1);
    QCOMPARE(results[0].status, SendResult::Status::TemporaryFailure);
    QVERIFY2(finished->cause.contains(u"Network unreachable"), qPrintable(finished->cause));
}

void TestSmtpSession::addressInjectionRefused()
{
    makeSession();
    toReady();
    s->send(message(QStringLiteral("evil"), {QStringLiteral("bob@kurier.test>\r\nRCPT TO:<victim@example.com")}));
    QTRY_COMPARE(results.size(), 1);
    QCOMPARE(results[0].diagnostic.code, QStringLiteral("invalid-address"));
    QTest::qWait(10);
    QCOMPARE(t->takeWritten(), QByteArray());
}

void TestSmtpSession::smtpUtf8()
{
    makeSession();
    toReady();
    s->send(message(QStringLiteral("m1"), {QStringLiteral("jürgen@kurier.test")}, "Subject: x\r\n\r\nGr\xc3\xbc\xc3\x9f" "e\r\n"));
    CLIENT("MAIL FROM:<alice@kurier.test> SIZE=26 BODY=8BITMIME SMTPUTF8\r\nRCPT TO:<j\xc3\xbcrgen@kurier.test>\r\nDATA\r\n");

    makeSession();
    toReady("250-x\r\n250 AUTH PLAIN\r\n"); // no SMTPUTF8
    s->send(message(QStringLiteral("m2"), {QStringLiteral("jürgen@kurier.test")}));
    QTRY_COMPARE(results.size(), 1);
    QCOMPARE(results[0].diagnostic.code, QStringLiteral("smtputf8-unsupported"));
}

void TestSmtpSession::eightBitNeeds8BitMime()
{
    makeSession();
    toReady("250-x\r\n250 AUTH PLAIN\r\n"); // neither 8BITMIME nor SMTPUTF8
    s->send(message(QStringLiteral("raw8"), {QStringLiteral("bob@kurier.test")}, "Subject: x\r\n\r\nGr\xc3\xbc\xc3\x9f" "e\r\n"));
    s->send(message(QStringLiteral("ascii")));
    CLIENT("MAIL FROM:<alice@kurier.test>\r\n"); // only the ASCII one, without BODY=8BITMIME
    QCOMPARE(results.size(), 1);
    QCOMPARE(results[0].id, QStringLiteral("raw8"));
    QCOMPARE(results[0].diagnostic.code, QStringLiteral("8bitmime-unsupported"));
}

void TestSmtpSession::timeout()
{
    SmtpSession::Options settings;
    settings.replyTimeoutMs = 50;
    makeSession(settings);
    s->open();
    t->serverSays(Greeting);
    CLIENT("EHLO client.kurier.test\r\n");
    QTRY_VERIFY(finished.has_value());
    QCOMPARE(finished->code, QStringLiteral("timeout"));
    QVERIFY(finished->retryable);
}

QTEST_GUILESS_MAIN(TestSmtpSession)
#include "tst_smtp_session.moc"
