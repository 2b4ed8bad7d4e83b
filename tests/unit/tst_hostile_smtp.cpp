// A hostile SMTP server on a real loopback socket (issue 8, "Hostile servers"): SmtpSession on
// SslTransport against a ScriptedServer that strips STARTTLS, injects plaintext, floods,
// trickles or stays silent. Each attack ends in a clear diagnostic within the configured limits,
// memory bounded, and no AUTH (let alone the password) or message in the clear. tst_smtp_session
// has the STARTTLS cases on the FakeTransport; here the bytes cross a socket and the server
// records every one.
#include "net/SslTransport.h"
#include "smtp/SmtpSession.h"
#include "support/HostileChecks.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace kurier;
using kurier::net::SslTransport;
using kurier::net::TlsPolicy;
using kurier::smtp::OutgoingMessage;
using kurier::smtp::SendResult;
using kurier::smtp::SmtpSession;
using kurier::test::AttackMeter;
using kurier::test::ScriptedServer;
using kurier::test::TestCertificates;
using Connection = kurier::test::ScriptedServer::Connection;

namespace {

const QString User = QStringLiteral("anna@kurier.test");
const QString Password = QStringLiteral("Hostile-Smtp-Secret");
const QByteArray Body = "Subject: secret plans\r\n\r\nThe message text must not go out in the clear.\r\n";

bool containsSecrets(const QByteArray &wire)
{
    const QByteArray upper = wire.toUpper();
    return upper.contains("AUTH ") || upper.contains("MAIL FROM") || kurier::test::containsPassword(wire, User, Password)
        || wire.contains("secret plans");
}

// A submission server: EHLO (with or without STARTTLS), AUTH, MAIL/RCPT/DATA; `override` first.
struct Submission {
    QByteArray ehloBeforeTls = "250-hostile.kurier.test\r\n250-PIPELINING\r\n250 STARTTLS\r\n";
    QByteArray ehloAfterTls = "250-hostile.kurier.test\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 AUTH PLAIN LOGIN\r\n";
    std::function<bool(Connection &, const QByteArray &)> override;
    QList<QByteArray> accepted; // message data received
    QHash<Connection *, bool> inData;
    QByteArray data;

    void install(ScriptedServer &server)
    {
        server.onConnect = [](Connection &c) { c.send("220 hostile.kurier.test ESMTP\r\n"); };
        server.onLine = [this](Connection &c, const QByteArray &line) { answer(c, line); };
    }
    void answer(Connection &c, const QByteArray &line)
    {
        if (inData.value(&c)) {
            if (line == ".") {
                inData[&c] = false;
                accepted << std::exchange(data, {});
                c.send("250 2.0.0 queued\r\n");
            } else {
                data += line + "\r\n";
            }
            return;
        }
        if (override && override(c, line))
            return;
        const QByteArray verb = line.left(4).toUpper();
        if (verb == "EHLO")
            c.send(c.isEncrypted() ? ehloAfterTls : ehloBeforeTls);
        else if (verb == "STAR") {
            c.send("220 2.0.0 Ready to start TLS\r\n");
            c.startTls();
        } else if (verb == "AUTH")
            c.send("235 2.7.0 Authentication successful\r\n");
        else if (verb == "MAIL" || verb == "RCPT" || verb == "RSET")
            c.send("250 2.1.0 Ok\r\n");
        else if (verb == "DATA") {
            inData[&c] = true;
            c.send("354 go ahead\r\n");
        } else if (verb == "QUIT") {
            c.send("221 2.0.0 Bye\r\n");
            c.close();
        } else
            c.send("502 5.5.2 what?\r\n");
    }
};

struct Client {
    Client(const TlsPolicy &policy, const SmtpSession::Options &settings)
        : transport(policy)
        , session(&transport, withUser(settings))
        , ready(&session, &SmtpSession::ready)
        , finished(&session, &SmtpSession::finished)
        , sent(&session, &SmtpSession::messageSent)
    {
        session.setPassword(Password);
        OutgoingMessage m;
        m.id = QStringLiteral("m1");
        m.reversePath = User;
        m.recipients = {QStringLiteral("bob@kurier.test")};
        m.data = Body;
        session.send(m);
    }
    diagnostics::Diagnostic failure(int ms = 10000)
    {
        if (finished.isEmpty() && !finished.wait(ms))
            return {};
        return finished.first().first().value<diagnostics::Diagnostic>();
    }
    SendResult result() const
    {
        return sent.isEmpty() ? SendResult{} : sent.first().first().value<SendResult>();
    }
    static SmtpSession::Options withUser(SmtpSession::Options settings)
    {
        settings.user = User;
        return settings;
    }
    SslTransport transport; // the session borrows it
    SmtpSession session;
    QSignalSpy ready;
    QSignalSpy finished;
    QSignalSpy sent;
};

} // namespace

class TestHostileSmtp : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    // STARTTLS stripping
    void starttlsMissingStopsBeforeCredentials();
    void starttlsRefusedStopsBeforeCredentials();
    void fakeGoAheadThenPlaintextStopsBeforeCredentials();
    void injectedRepliesAfterGoAheadAreDiscarded();
    void untrustedCertificateAfterStarttls();
    // Resource abuse
    void endlessReplyIsCut_data();
    void endlessReplyIsCut();
    void tricklingReplyTimesOut_data();
    void tricklingReplyTimesOut();
    void silentServerTimesOut();

private:
    SmtpSession::Options settings(quint16 port, store::Security security) const
    {
        SmtpSession::Options s;
        s.host = QStringLiteral("127.0.0.1");
        s.port = port;
        s.security = security;
        s.heloName = QStringLiteral("client.kurier.test");
        s.replyTimeoutMs = 5000;
        s.endOfDataTimeoutMs = 5000;
        return s;
    }
    TlsPolicy policy() const { return kurier::test::trustingTestCa(m_certs); }
    void serveTls(ScriptedServer &server, bool implicit) const { kurier::test::serveTls(server, m_certs, implicit); }
    // After a failed session the queued message is reported as not sent (never "Sent").
    static void verifyNotSent(const Client &client)
    {
        QCOMPARE(client.sent.count(), 1);
        QVERIFY(client.result().status != SendResult::Status::Sent);
        QVERIFY(client.result().status != SendResult::Status::Unknown);
    }

    TestCertificates m_certs;
};

void TestHostileSmtp::initTestCase()
{
    qRegisterMetaType<diagnostics::Diagnostic>();
    qRegisterMetaType<SendResult>();
    QVERIFY2(m_certs.create(), qPrintable(m_certs.error()));
}

// ---------------------------------------------------------------------------------------------
// STARTTLS stripping

void TestHostileSmtp::starttlsMissingStopsBeforeCredentials()
{
    ScriptedServer server;
    Submission smtp;
    smtp.ehloBeforeTls = "250-hostile.kurier.test\r\n250-PIPELINING\r\n250 AUTH PLAIN LOGIN\r\n"; // STARTTLS stripped
    smtp.install(server);
    Client client(policy(), settings(server.port(), store::Security::StartTls));
    client.session.open();
    const auto d = client.failure();
    QCOMPARE(d.code, QStringLiteral("starttls-missing"));
    QCOMPARE(d.stage, diagnostics::Diagnostic::Stage::Tls);
    QVERIFY2(!containsSecrets(server.received()), server.received().constData());
    QCOMPARE(server.received(), QByteArray("EHLO client.kurier.test\r\n"));
    verifyNotSent(client);
}

void TestHostileSmtp::starttlsRefusedStopsBeforeCredentials()
{
    ScriptedServer server;
    Submission smtp;
    smtp.override = kurier::test::answering("STARTTLS", "454 4.7.0 TLS not available due to local problem\r\n");
    smtp.install(server);
    Client client(policy(), settings(server.port(), store::Security::StartTls));
    client.session.open();
    const auto d = client.failure();
    QVERIFY2(!d.isEmpty(), "the session did not fail");
    QVERIFY2(d.serverText.contains(QStringLiteral("TLS not available")), qPrintable(d.toText()));
    QVERIFY2(!containsSecrets(server.received()), server.received().constData());
    QCOMPARE(server.received(), QByteArray("EHLO client.kurier.test\r\nSTARTTLS\r\n"));
    verifyNotSent(client);
}

// "220" to STARTTLS, then plaintext instead of a handshake (with a friendly EHLO reply offering
// AUTH): the handshake fails, no AUTH, no message.
void TestHostileSmtp::fakeGoAheadThenPlaintextStopsBeforeCredentials()
{
    ScriptedServer server;
    Submission smtp;
    smtp.override = kurier::test::fakeTlsGoAhead(
        "STARTTLS", "220 2.0.0 Ready to start TLS\r\n250-hostile.kurier.test\r\n250 AUTH PLAIN\r\n",
        "250 2.0.0 Ok\r\n"); // ClientHello bytes, anything: all welcome
    smtp.install(server);
    Client client(policy(), settings(server.port(), store::Security::StartTls));
    QElapsedTimer clock;
    clock.start();
    client.session.open();
    const auto d = client.failure();
    QCOMPARE(d.stage, diagnostics::Diagnostic::Stage::Tls);
    QCOMPARE(d.code, QStringLiteral("TlsHandshake"));
    QCOMPARE(client.ready.count(), 0);
    QVERIFY(server.received().contains("STARTTLS\r\n"));
    QVERIFY2(!containsSecrets(server.received()), server.received().toHex().constData());
    QVERIFY(clock.elapsed() < 5000);
    verifyNotSent(client);
    qInfo("fake STARTTLS go-ahead refused in %lld ms: %s", clock.elapsed(), qPrintable(d.cause));
}

// RFC 3207 §4.2/§6: replies in the same packet as the 220 are dropped. Were "535" read as the
// answer to the EHLO after TLS, or "250 AUTH …" taken as capabilities, the send would fail.
void TestHostileSmtp::injectedRepliesAfterGoAheadAreDiscarded()
{
    ScriptedServer server;
    serveTls(server, false);
    Submission smtp;
    smtp.override = [](Connection &c, const QByteArray &line) {
        if (line != "STARTTLS")
            return false;
        c.send("220 2.0.0 Ready to start TLS\r\n535 5.7.8 injected\r\n250 AUTH INJECTED\r\n");
        c.startTls();
        return true;
    };
    smtp.install(server);
    Client client(policy(), settings(server.port(), store::Security::StartTls));
    client.session.open();
    client.session.quit();
    QVERIFY(client.finished.wait(10000));
    QVERIFY2(client.failure().isEmpty(), qPrintable(client.failure().toText()));
    QCOMPARE(client.result().status, SendResult::Status::Sent);
    QCOMPARE(smtp.accepted.size(), 1);
    const QByteArray wire = server.received();
    const qsizetype beforeTls = wire.indexOf("STARTTLS\r\n") + 10;
    QVERIFY2(!containsSecrets(wire.left(beforeTls)), wire.constData());
    QCOMPARE(server.connection()->received.count("EHLO client.kurier.test\r\n"), 2); // again after TLS
}

// A real handshake after STARTTLS, with a certificate nobody vouches for (an interceptor's):
// refused with the certificate's details, and only EHLO and STARTTLS ever crossed the wire.
void TestHostileSmtp::untrustedCertificateAfterStarttls()
{
    ScriptedServer server;
    kurier::test::serveTls(server, m_certs, false, QStringLiteral("selfsigned"));
    Submission smtp;
    smtp.install(server);
    Client client(policy(), settings(server.port(), store::Security::StartTls));
    client.session.open();
    const auto d = client.failure();
    QCOMPARE(d.stage, diagnostics::Diagnostic::Stage::Tls);
    QCOMPARE(client.transport.error(), net::Transport::Error::TlsCertificate);
    QVERIFY2(d.cause.contains(QStringLiteral("self-signed")), qPrintable(d.toText()));
    QVERIFY2(d.cause.contains(QString::fromLatin1(SslTransport::fingerprint(server.certificate))), qPrintable(d.toText()));
    QCOMPARE(server.received().left(35), QByteArray("EHLO client.kurier.test\r\nSTARTTLS\r\n"));
    QVERIFY2(!containsSecrets(server.received()), server.received().toHex().constData());
    verifyNotSent(client);
}

// ---------------------------------------------------------------------------------------------
// Resource abuse

// A greeting line that never ends, or "250-…" lines that never end (each one short): the parser
// caps the line, or the reply.
void TestHostileSmtp::endlessReplyIsCut_data()
{
    QTest::addColumn<bool>("floodGreeting");
    QTest::addColumn<QString>("expected");
    QTest::newRow("endless line") << true << QStringLiteral("longer than 65536");
    QTest::newRow("endless EHLO reply") << false << QStringLiteral("multi-line reply longer than");
}

void TestHostileSmtp::endlessReplyIsCut()
{
    QFETCH(bool, floodGreeting);
    QFETCH(QString, expected);
    ScriptedServer server;
    serveTls(server, true);
    if (floodGreeting) {
        server.onConnect = [](Connection &c) { c.flood("220 ", QByteArray(64 * 1024, 'A'), 512LL * 1024 * 1024); };
    } else {
        server.onConnect = [](Connection &c) { c.send("220 hostile.kurier.test ESMTP\r\n"); };
        server.onLine = [](Connection &c, const QByteArray &line) {
            if (line.startsWith("EHLO"))
                c.flood("250-hostile.kurier.test\r\n", QByteArray("250-X-FILLER nobody needs this\r\n").repeated(1000),
                        512LL * 1024 * 1024);
        };
    }
    Client client(policy(), settings(server.port(), store::Security::Tls));
    AttackMeter meter;
    client.session.open();
    const auto d = client.failure();
    meter.stop();
    QCOMPARE(d.code, QStringLiteral("protocol"));
    QVERIFY2(d.serverText.contains(expected), qPrintable(d.toText()));
    QVERIFY(!containsSecrets(server.received()));
    if (floodGreeting)
        QVERIFY2(server.connection()->flooded < 32LL * 1024 * 1024, qPrintable(QString::number(server.connection()->flooded)));
    kurier::test::verifyCutInTime(meter);
    if (QTest::currentTestFailed())
        return;
    verifyNotSent(client);
    meter.report(QTest::currentDataTag(), server.connection()->flooded);
}

// One byte every 100 ms of the greeting keeps the transport's idle timer alive, complete lines
// of a multi-line reply every 10 ms (never the last one) would each reset a line timer; the
// reply timeout still ends both.
void TestHostileSmtp::tricklingReplyTimesOut_data()
{
    QTest::addColumn<bool>("trickleGreeting");
    QTest::newRow("greeting") << true;
    QTest::newRow("EHLO reply") << false;
}

void TestHostileSmtp::tricklingReplyTimesOut()
{
    QFETCH(bool, trickleGreeting);
    ScriptedServer server;
    serveTls(server, true);
    if (trickleGreeting) {
        server.onConnect = [](Connection &c) { c.trickle("220 " + QByteArray(500, 'z') + "\r\n", 100); };
    } else {
        server.onConnect = [](Connection &c) { c.send("220 hostile.kurier.test ESMTP\r\n"); };
        server.onLine = [](Connection &c, const QByteArray &line) {
            if (line.startsWith("EHLO"))
                c.trickle(QByteArray("250-X\r\n").repeated(500), 10);
        };
    }
    auto s = settings(server.port(), store::Security::Tls);
    s.replyTimeoutMs = 1000;
    Client client(policy(), s);
    AttackMeter meter;
    client.session.open();
    const auto d = client.failure();
    meter.stop();
    QCOMPARE(d.code, QStringLiteral("timeout"));
    kurier::test::verifyTimedOutAtDeadline(meter);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(server.connection()->trickled > 3);
    QVERIFY(!containsSecrets(server.received()));
    verifyNotSent(client);
    qInfo("trickled %s: cut after %lld ms (%lld bytes trickled)", QTest::currentDataTag(), meter.took(),
          server.connection()->trickled);
}

void TestHostileSmtp::silentServerTimesOut()
{
    ScriptedServer server; // accepts, never greets
    auto s = settings(server.port(), store::Security::StartTls);
    s.replyTimeoutMs = 500;
    Client client(policy(), s);
    AttackMeter meter;
    client.session.open();
    kurier::test::verifySilentServerTimedOut(client.failure(), meter, server);
    if (QTest::currentTestFailed())
        return;
    verifyNotSent(client);
}

QTEST_GUILESS_MAIN(TestHostileSmtp)
#include "tst_hostile_smtp.moc"
