// Pop3Session transcripts against the scripted FakeTransport: the test plays the server.
#include "net/Transcript.h"
#include "pop3/Pop3Session.h"
#include "sasl/SaslMessages.h"
#include "support/FakeTransport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace kurier;
using namespace kurier::pop3;
using kurier::test::FakeTransport;

namespace {

const QByteArray Greeting = "+OK Dovecot (Debian) ready.\r\n";
const QByteArray CapsTls = "+OK\r\nTOP\r\nUIDL\r\nRESP-CODES\r\nPIPELINING\r\nAUTH-RESP-CODE\r\nUSER\r\n"
                           "SASL PLAIN LOGIN XOAUTH2 OAUTHBEARER\r\n.\r\n";
const QByteArray CapsTlsNoPipelining = "+OK\r\nTOP\r\nUIDL\r\nUSER\r\nSASL PLAIN\r\n.\r\n";
const QByteArray CapsPlain = "+OK\r\nTOP\r\nUIDL\r\nRESP-CODES\r\nPIPELINING\r\nSTLS\r\nSASL\r\n.\r\n";
const QByteArray RejectedXoauth2 = "+ eyJzdGF0dXMiOiI0MDEiLCJzY2hlbWVzIjoiYmVhcmVyIiwic2NvcGUiOiJtYWlsIn0=\r\n";

struct Harness {
    explicit Harness(Pop3Session::Options options = defaults())
        : session(&transport, options)
        , ready(&session, &Pop3Session::ready)
        , finished(&session, &Pop3Session::finished)
    {
        session.setPassword(QStringLiteral("s3cret pässword"));
    }
    static Pop3Session::Options defaults()
    {
        Pop3Session::Options o;
        o.host = QStringLiteral("pop.example.org");
        o.port = 995;
        o.user = QStringLiteral("anna@example.org");
        o.security = store::Security::Tls;
        o.microsoft = false;
        return o;
    }
    diagnostics::Diagnostic failure()
    {
        if (finished.isEmpty() && !finished.wait(2000))
            return {};
        return finished.first().first().value<diagnostics::Diagnostic>();
    }
    // Greeting and CAPA on an implicit-TLS connection.
    void greetAndCapa(const QByteArray &caps = CapsTls)
    {
        session.open();
        QVERIFY(QTest::qWaitFor([&] { return transport.port() != 0; }, 1000));
        transport.serverSays(Greeting);
        QCOMPARE(take(), QByteArray("CAPA\r\n"));
        transport.serverSays(caps);
    }
    // Waits until the client wrote something (or failed), then takes it.
    QByteArray take(int timeoutMs = 2000)
    {
        (void)QTest::qWaitFor([&] {
            buffered += transport.takeWritten();
            return !buffered.isEmpty() || finished.count() > 0;
        }, timeoutMs);
        return std::exchange(buffered, {});
    }
    // Logs in with PLAIN (password account).
    void login(const QByteArray &caps = CapsTls)
    {
        greetAndCapa(caps);
        QVERIFY(take().startsWith("AUTH PLAIN "));
        transport.serverSays("+OK Logged in.\r\n");
        QVERIFY(ready.wait(2000));
    }

    FakeTransport transport;
    Pop3Session session;
    QSignalSpy ready;
    QSignalSpy finished; // the session's end: empty after QUIT, else why
    QByteArray buffered;
};

QByteArray b64(const QByteArray &raw)
{
    return raw.toBase64();
}

} // namespace

class TestPop3Session : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { qRegisterMetaType<diagnostics::Diagnostic>(); }
    void implicitTlsXoauth2AfterContinuation();
    void oauthBearer();
    void plainWithInitialResponse();
    void userPassWhenNoSasl();
    void loginMechanism();
    void startTlsNotOffered();
    void startTlsRefused();
    void startTlsDiscardsInjectedPlaintext();
    void tlsCertificateFailure();
    void capabilitiesOnlyAfterStls();
    void tokenRefusedThenFreshTokenAccepted();
    void tokenRefusedTwiceReportsServerText();
    void microsoftAuthenticationFailure();
    void inUseIsNotRetried();
    void unencryptedNeedsConsent();
    void unencryptedWithConsent();
    void pipelinedRetr();
    void unpipelinedRetr();
    void pipelineWindowRefillsAtLowWater();
    void disconnectMidRetr();
    void replyTimeout();
    void hostileLongLine();
    void quitClosesAfterOk();
    void transcriptRedactsCredentials();
};

void TestPop3Session::implicitTlsXoauth2AfterContinuation()
{
    auto o = Harness::defaults();
    o.useOAuth = true;
    Harness h(o);
    QList<bool> asked;
    h.session.setTokenSource([&](bool forceNew, Pop3Session::TokenCallback done) {
        asked << forceNew;
        done(QStringLiteral("tok-1"), {});
    });
    h.greetAndCapa();
    QVERIFY(h.transport.implicitTls());
    // Microsoft's shape: no initial response, the payload after "+ ".
    QCOMPARE(h.take(), QByteArray("AUTH XOAUTH2\r\n"));
    h.transport.serverSays("+ \r\n");
    QCOMPARE(h.take(), b64(sasl::xoauth2Message(o.user, QStringLiteral("tok-1"))) + "\r\n");
    h.transport.serverSays("+OK Logged in.\r\n");
    QVERIFY(h.ready.wait(2000));
    QCOMPARE(asked, QList<bool>{false});
    QCOMPARE(h.session.state(), Pop3Session::State::Transaction);
    QCOMPARE(h.session.authMethod(), QByteArray("XOAUTH2"));
}

void TestPop3Session::oauthBearer()
{
    auto o = Harness::defaults();
    o.useOAuth = true;
    Harness h(o);
    h.session.setTokenSource([](bool, Pop3Session::TokenCallback done) { done(QStringLiteral("tok"), {}); });
    h.greetAndCapa("+OK\r\nSASL OAUTHBEARER PLAIN\r\n.\r\n");
    QCOMPARE(h.take(), QByteArray("AUTH OAUTHBEARER\r\n"));
    h.transport.serverSays("+\r\n");
    QCOMPARE(h.take(), b64(sasl::oauthBearerMessage(o.user, QStringLiteral("tok"), o.host, o.port)) + "\r\n");
    h.transport.serverSays("+OK Logged in.\r\n");
    QVERIFY(h.ready.wait(2000));
}

void TestPop3Session::plainWithInitialResponse()
{
    Harness h;
    h.greetAndCapa();
    QCOMPARE(h.take(), "AUTH PLAIN " + b64(sasl::plainMessage(h.session.options().user, QStringLiteral("s3cret pässword"))) + "\r\n");
    h.transport.serverSays("+OK Logged in.\r\n");
    QVERIFY(h.ready.wait(2000));
    QCOMPARE(h.session.authMethod(), QByteArray("PLAIN"));
}

void TestPop3Session::userPassWhenNoSasl()
{
    Harness h;
    h.greetAndCapa("+OK\r\nUSER\r\nUIDL\r\n.\r\n");
    QCOMPARE(h.take(), QByteArray("USER anna@example.org\r\n"));
    h.transport.serverSays("+OK\r\n");
    QCOMPARE(h.take(), QByteArray("PASS s3cret p\xc3\xa4ssword\r\n"));
    h.transport.serverSays("+OK Logged in.\r\n");
    QVERIFY(h.ready.wait(2000));
    QCOMPARE(h.session.authMethod(), QByteArray("USER/PASS"));
}

void TestPop3Session::loginMechanism()
{
    Harness h;
    h.greetAndCapa("+OK\r\nSASL LOGIN\r\n.\r\n");
    QCOMPARE(h.take(), QByteArray("AUTH LOGIN\r\n"));
    h.transport.serverSays("+ VXNlcm5hbWU6\r\n");
    QCOMPARE(h.take(), b64("anna@example.org") + "\r\n");
    h.transport.serverSays("+ UGFzc3dvcmQ6\r\n");
    QCOMPARE(h.take(), b64("s3cret p\xc3\xa4ssword") + "\r\n");
    h.transport.serverSays("+OK\r\n");
    QVERIFY(h.ready.wait(2000));
}

void TestPop3Session::startTlsNotOffered()
{
    auto o = Harness::defaults();
    o.security = store::Security::StartTls;
    o.port = 110;
    Harness h(o);
    h.greetAndCapa("+OK\r\nTOP\r\nUIDL\r\nUSER\r\nSASL PLAIN\r\n.\r\n");
    const auto d = h.failure();
    QCOMPARE(d.code, QStringLiteral("stls-missing"));
    QCOMPARE(d.stage, diagnostics::Diagnostic::Stage::Tls);
    QVERIFY(!h.transport.implicitTls());
    QCOMPARE(h.transport.allWritten(), QByteArray("CAPA\r\n")); // nothing after CAPA: no credentials
    QCOMPARE(h.transport.startTlsCalls(), 0);
}

void TestPop3Session::startTlsRefused()
{
    auto o = Harness::defaults();
    o.security = store::Security::StartTls;
    Harness h(o);
    h.greetAndCapa(CapsPlain);
    QCOMPARE(h.take(), QByteArray("STLS\r\n"));
    h.transport.serverSays("-ERR TLS not available\r\n");
    const auto d = h.failure();
    QCOMPARE(d.code, QStringLiteral("stls-refused"));
    QCOMPARE(d.serverText, QStringLiteral("-ERR TLS not available"));
    QCOMPARE(h.transport.allWritten(), QByteArray("CAPA\r\nSTLS\r\n"));
    QCOMPARE(h.transport.startTlsCalls(), 0);
}

void TestPop3Session::startTlsDiscardsInjectedPlaintext()
{
    auto o = Harness::defaults();
    o.security = store::Security::StartTls;
    Harness h(o);
    h.greetAndCapa(CapsPlain);
    QCOMPARE(h.take(), QByteArray("STLS\r\n"));
    // A man in the middle appends a forged CAPA answer offering only PLAIN, without STLS.
    h.transport.serverSays("+OK Begin TLS negotiation now.\r\n+OK\r\nUSER\r\n.\r\n");
    QCOMPARE(h.take(), QByteArray("CAPA\r\n")); // asked again, over TLS
    QCOMPARE(h.transport.startTlsCalls(), 1);
    QVERIFY(h.transport.isEncrypted());
    h.transport.serverSays("+OK\r\nSASL XOAUTH2\r\n.\r\n");
    // The real (TLS) capabilities count: no PLAIN offered → no password mechanism → failure,
    // whereas the forged list would have led to USER/PASS.
    const auto d = h.failure();
    QCOMPARE(d.code, QStringLiteral("no-mechanism"));
    QCOMPARE(h.transport.writtenBeforeTls(), QByteArray("CAPA\r\nSTLS\r\n"));
    QVERIFY(!h.transport.allWritten().contains("USER"));
}

void TestPop3Session::capabilitiesOnlyAfterStls()
{
    // Discovery's probe: CAPA, STLS, CAPA again over TLS, QUIT — and no credential at all.
    auto o = Harness::defaults();
    o.security = store::Security::StartTls;
    o.port = 110;
    o.capabilitiesOnly = true;
    Harness h(o);
    h.greetAndCapa(CapsPlain);
    QCOMPARE(h.take(), QByteArray("STLS\r\n"));
    h.transport.serverSays("+OK Begin TLS negotiation now.\r\n");
    QCOMPARE(h.take(), QByteArray("CAPA\r\n"));
    h.transport.serverSays(CapsTls);
    QCOMPARE(h.take(), QByteArray("QUIT\r\n"));
    h.transport.serverSays("+OK Logging out\r\n");
    QVERIFY(h.finished.wait(2000) || h.finished.count() == 1);
    QVERIFY(h.finished.first().first().value<diagnostics::Diagnostic>().isEmpty());
    QCOMPARE(h.ready.count(), 0);
    QCOMPARE(h.session.state(), Pop3Session::State::Closed);
    QVERIFY(h.session.capabilities().saslMechanisms.contains("XOAUTH2"));
    QVERIFY(h.session.capabilities().user);
    QCOMPARE(h.transport.allWritten(), QByteArray("CAPA\r\nSTLS\r\nCAPA\r\nQUIT\r\n"));
}

void TestPop3Session::tlsCertificateFailure()
{
    Harness h;
    net::CertificateProblem p;
    p.subject = QStringLiteral("pop.example.org");
    p.issuer = QStringLiteral("Evil CA");
    p.sha256 = QByteArray(64, 'a');
    p.errors = {QStringLiteral("The issuer certificate of a locally looked up certificate could not be found")};
    h.transport.failTls(p);
    h.session.open();
    const auto d = h.failure();
    QCOMPARE(d.stage, diagnostics::Diagnostic::Stage::Tls);
    QVERIFY(d.cause.contains(QString(64, u'a')));
    QVERIFY(d.cause.contains(u"Evil CA"));
    QVERIFY(h.transport.allWritten().isEmpty());
}

void TestPop3Session::tokenRefusedThenFreshTokenAccepted()
{
    auto o = Harness::defaults();
    o.useOAuth = true;
    Harness h(o);
    QList<bool> asked;
    h.session.setTokenSource([&](bool forceNew, Pop3Session::TokenCallback done) {
        asked << forceNew;
        done(forceNew ? QStringLiteral("fresh") : QStringLiteral("cached"), {});
    });
    h.greetAndCapa();
    QCOMPARE(h.take(), QByteArray("AUTH XOAUTH2\r\n"));
    h.transport.serverSays("+ \r\n");
    QCOMPARE(h.take(), b64(sasl::xoauth2Message(o.user, QStringLiteral("cached"))) + "\r\n");
    h.transport.serverSays(RejectedXoauth2);
    QCOMPARE(h.take(), QByteArray("\r\n")); // the empty response to the error challenge
    h.transport.serverSays("-ERR [AUTH] Authentication failed.\r\n");
    QCOMPARE(h.take(), QByteArray("AUTH XOAUTH2\r\n"));
    h.transport.serverSays("+ \r\n");
    QCOMPARE(h.take(), b64(sasl::xoauth2Message(o.user, QStringLiteral("fresh"))) + "\r\n");
    h.transport.serverSays("+OK Logged in.\r\n");
    QVERIFY(h.ready.wait(2000));
    QCOMPARE(asked, (QList<bool>{false, true}));
}

void TestPop3Session::tokenRefusedTwiceReportsServerText()
{
    auto o = Harness::defaults();
    o.useOAuth = true;
    Harness h(o);
    int asked = 0;
    h.session.setTokenSource([&](bool, Pop3Session::TokenCallback done) {
        ++asked;
        done(QStringLiteral("t"), {});
    });
    h.greetAndCapa("+OK\r\nSASL OAUTHBEARER\r\n.\r\n");
    for (int round = 0; round < 2; ++round) {
        QCOMPARE(h.take(), QByteArray("AUTH OAUTHBEARER\r\n"));
        h.transport.serverSays("+ \r\n");
        QVERIFY(h.take().endsWith("\r\n"));
        h.transport.serverSays("+ eyJzdGF0dXMiOiJpbnZhbGlkX3Rva2VuIn0=\r\n");
        QCOMPARE(h.take(), QByteArray("AQ==\r\n")); // RFC 7628 §3.2.3
        h.transport.serverSays("-ERR [AUTH] Authentication failed.\r\n");
    }
    const auto d = h.failure();
    QCOMPARE(asked, 2);
    QCOMPARE(d.stage, diagnostics::Diagnostic::Stage::Authentication);
    QVERIFY2(d.serverText.startsWith(u"-ERR [AUTH] Authentication failed."), qPrintable(d.serverText));
    QVERIFY(d.serverText.contains(u"invalid_token"));
    QVERIFY(!d.cause.isEmpty() && !d.fix.isEmpty());
}

void TestPop3Session::microsoftAuthenticationFailure()
{
    auto o = Harness::defaults();
    o.useOAuth = true;
    o.host = QStringLiteral("outlook.office365.com");
    o.microsoft.reset(); // derived from the host name
    Harness h(o);
    h.session.setTokenSource([](bool, Pop3Session::TokenCallback done) { done(QStringLiteral("t"), {}); });
    h.greetAndCapa("+OK\r\nUSER\r\nSASL PLAIN XOAUTH2\r\n.\r\n");
    for (int round = 0; round < 2; ++round) {
        QCOMPARE(h.take(), QByteArray("AUTH XOAUTH2\r\n"));
        h.transport.serverSays("+ \r\n");
        (void)h.take();
        h.transport.serverSays("-ERR Authentication failure: unknown user name or bad password.\r\n");
    }
    const auto d = h.failure();
    QCOMPARE(d.code, QStringLiteral("ms-pop-auth-failure"));
    QCOMPARE(d.serverText, QStringLiteral("-ERR Authentication failure: unknown user name or bad password."));
    QVERIFY(d.cause.contains(u"POP is disabled"));
    QVERIFY(d.fix.contains(u"PopEnabled"));
}

void TestPop3Session::inUseIsNotRetried()
{
    auto o = Harness::defaults();
    o.useOAuth = true;
    Harness h(o);
    int asked = 0;
    h.session.setTokenSource([&](bool, Pop3Session::TokenCallback done) {
        ++asked;
        done(QStringLiteral("t"), {});
    });
    h.greetAndCapa();
    QCOMPARE(h.take(), QByteArray("AUTH XOAUTH2\r\n"));
    h.transport.serverSays("+ \r\n");
    (void)h.take();
    h.transport.serverSays("-ERR [IN-USE] Mailbox is locked by another POP3 session.\r\n");
    const auto d = h.failure();
    QCOMPARE(asked, 1);
    QCOMPARE(d.code, QStringLiteral("IN-USE"));
    QVERIFY(d.retryable);
    QVERIFY(d.cause.contains(u"one session"));
}

void TestPop3Session::unencryptedNeedsConsent()
{
    auto o = Harness::defaults();
    o.security = store::Security::None;
    o.acceptUnencrypted = false;
    Harness h(o);
    h.greetAndCapa("+OK\r\nUSER\r\nSASL PLAIN\r\n.\r\n");
    const auto d = h.failure();
    QCOMPARE(d.code, QStringLiteral("unencrypted"));
    QCOMPARE(h.transport.allWritten(), QByteArray("CAPA\r\n"));
}

void TestPop3Session::unencryptedWithConsent()
{
    auto o = Harness::defaults();
    o.security = store::Security::None;
    o.acceptUnencrypted = true;
    Harness h(o);
    h.greetAndCapa("-ERR unknown command\r\n"); // an RFC 1939-only server: no CAPA → USER/PASS
    QCOMPARE(h.take(), QByteArray("USER anna@example.org\r\n"));
    h.transport.serverSays("+OK\r\n");
    QVERIFY(h.take().startsWith("PASS "));
    h.transport.serverSays("+OK\r\n");
    QVERIFY(h.ready.wait(2000));
}

void TestPop3Session::pipelinedRetr()
{
    Harness h;
    h.login();
    QList<QByteArray> bodies(3);
    int ended = 0;
    for (int i = 0; i < 3; ++i)
        h.session.send("RETR " + QByteArray::number(i + 1), Pop3Parser::Expect::MultiLine, [](const Pop3Reply &) {},
                       [&bodies, i](const QByteArray &d) { bodies[i] += d; }, [&ended] { ++ended; });
    // All three at once: one write, latency does not multiply.
    QCOMPARE(h.take(), QByteArray("RETR 1\r\nRETR 2\r\nRETR 3\r\n"));
    h.transport.serverSays("+OK\r\na\r\n.\r\n+OK\r\n..b\r\n.\r\n+OK\r\nc\r\n");
    h.transport.serverSays(".\r\n");
    QTRY_COMPARE(ended, 3);
    QCOMPARE(bodies, (QList<QByteArray>{"a\n", ".b\n", "c\n"}));
}

void TestPop3Session::unpipelinedRetr()
{
    Harness h;
    h.login(CapsTlsNoPipelining);
    int ended = 0;
    for (int i = 1; i <= 3; ++i)
        h.session.send("RETR " + QByteArray::number(i), Pop3Parser::Expect::MultiLine, [](const Pop3Reply &) {}, {},
                       [&ended] { ++ended; });
    for (int i = 1; i <= 3; ++i) {
        QCOMPARE(h.take(), "RETR " + QByteArray::number(i) + "\r\n");
        h.transport.serverSays("+OK\r\nx\r\n.\r\n");
    }
    QTRY_COMPARE(ended, 3);
}

void TestPop3Session::pipelineWindowRefillsAtLowWater()
{
    auto o = Harness::defaults();
    o.pipelineHigh = 10;
    o.pipelineLow = 3;
    Harness h(o);
    h.login();
    for (int i = 1; i <= 25; ++i)
        h.session.send("DELE " + QByteArray::number(i), Pop3Parser::Expect::SingleLine, [](const Pop3Reply &) {});
    QCOMPARE(h.take().count("DELE"), 10);
    h.transport.serverSays(QByteArray("+OK\r\n").repeated(6)); // 4 in flight: above low water
    QTest::qWait(20);
    QCOMPARE(h.take(50).count("DELE"), 0);
    h.transport.serverSays("+OK\r\n"); // 3 remain → refill to 10
    QCOMPARE(h.take().count("DELE"), 7);
    QCOMPARE(h.session.commandsInFlight(), 10);
}

void TestPop3Session::disconnectMidRetr()
{
    Harness h;
    h.login();
    QByteArray body;
    bool ended = false;
    h.session.send("RETR 1", Pop3Parser::Expect::MultiLine, [](const Pop3Reply &) {},
                   [&](const QByteArray &d) { body += d; }, [&] { ended = true; });
    QCOMPARE(h.take(), QByteArray("RETR 1\r\n"));
    h.transport.serverSays("+OK 5000 octets\r\nSubject: half\r\n\r\nfirst line\r\n");
    h.transport.serverCloses();
    const auto d = h.failure();
    QVERIFY(d.retryable);
    QVERIFY2(d.summary.contains(u"RETR"), qPrintable(d.summary));
    QVERIFY(!ended); // the message is not complete and must not be stored
}

void TestPop3Session::replyTimeout()
{
    auto o = Harness::defaults();
    o.replyTimeoutMs = 100;
    Harness h(o);
    h.session.open(); // connected, but the server never greets
    const auto d = h.failure();
    QCOMPARE(d.code, QStringLiteral("timeout"));
    QVERIFY(d.retryable);
}

void TestPop3Session::hostileLongLine()
{
    auto o = Harness::defaults();
    o.maxLineLength = 1000;
    Harness h(o);
    h.session.open();
    QVERIFY(QTest::qWaitFor([&] { return h.transport.port() != 0; }, 1000));
    h.transport.serverSays("+OK " + QByteArray(5000, 'A'));
    const auto d = h.failure();
    QCOMPARE(d.code, QStringLiteral("protocol"));
    QVERIFY(h.transport.wasClosed());
}

void TestPop3Session::quitClosesAfterOk()
{
    Harness h;
    h.login();
    h.session.send("DELE 1", Pop3Parser::Expect::SingleLine, [](const Pop3Reply &) {});
    h.session.quit();
    QCOMPARE(h.take(), QByteArray("DELE 1\r\nQUIT\r\n"));
    h.transport.serverSays("+OK\r\n+OK Logging out, messages deleted.\r\n");
    QVERIFY(h.finished.wait(2000));
    QCOMPARE(h.finished.count(), 1);
    QVERIFY(h.finished.first().first().value<diagnostics::Diagnostic>().isEmpty());
    QCOMPARE(h.session.state(), Pop3Session::State::Closed);
}

void TestPop3Session::transcriptRedactsCredentials()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.log"));
    {
        net::Transcript transcript(path);
        Harness h;
        h.session.setTranscript(&transcript);
        h.greetAndCapa("+OK\r\nUSER\r\n.\r\n");
        QVERIFY(h.take().startsWith("USER"));
        h.transport.serverSays("+OK\r\n");
        QVERIFY(h.take().startsWith("PASS"));
        h.transport.serverSays("+OK\r\n");
        QVERIFY(h.ready.wait(2000));
        h.session.send("RETR 1", Pop3Parser::Expect::MultiLine, [](const Pop3Reply &) {});
        (void)h.take();
        h.transport.serverSays("+OK\r\nSecret-Body: yes\r\n.\r\n");
        QTRY_COMPARE(h.session.commandsInFlight(), 0);
    }
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray log = f.readAll();
    QVERIFY2(log.contains("C: USER anna@example.org"), log.constData());
    QVERIFY(log.contains("C: PASS <redacted>"));
    QVERIFY(!log.contains("s3cret"));
    QVERIFY(!log.contains("Secret-Body"));
    QVERIFY(log.contains("bytes of message data"));
    QCOMPARE(f.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
}

QTEST_GUILESS_MAIN(TestPop3Session)
#include "tst_pop3_session.moc"
