// A hostile POP3 server on a real loopback socket (issue 8, "Hostile servers"): Pop3Session and
// Pop3Fetch on SslTransport against a ScriptedServer that strips STARTTLS, injects plaintext,
// floods, trickles, stays silent or lies about its maildrop. Each attack must end in a clear
// diagnostic within the configured limits, with memory bounded, no credential in the clear and
// nothing lost or duplicated in the Maildir. (tst_pop3_session has the same STLS cases on the
// FakeTransport; here the bytes really cross a socket and the server records every one.)
#include "net/SslTransport.h"
#include "pop3/Pop3Fetch.h"
#include "pop3/Pop3Session.h"
#include "store/Maildir.h"
#include "store/UidlState.h"
#include "support/HostileChecks.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace kurier;
using kurier::net::SslTransport;
using kurier::net::TlsPolicy;
using kurier::pop3::Pop3Fetch;
using kurier::pop3::Pop3Session;
using kurier::test::AttackMeter;
using kurier::test::ScriptedServer;
using kurier::test::TestCertificates;
using Connection = kurier::test::ScriptedServer::Connection;

namespace {

const QString User = QStringLiteral("anna");
const QString Password = QStringLiteral("Hostile-Pop3-Secret");

// Anything a credential could look like on the wire: the commands and the password itself, in
// the clear and base64 (SASL PLAIN).
bool containsCredential(const QByteArray &wire)
{
    const QByteArray upper = wire.toUpper();
    return upper.contains("USER ") || upper.contains("PASS ") || upper.contains("AUTH ") || upper.contains("APOP ")
        || kurier::test::containsPassword(wire, User, Password);
}

// A POP3 server with a maildrop; `override` answers first (return true when it did).
struct Maildrop {
    QList<QPair<QByteArray, QByteArray>> messages; // UIDL, content with CRLF line ends
    QByteArray capa = "+OK\r\nUIDL\r\nTOP\r\nPIPELINING\r\nUSER\r\nSASL PLAIN\r\n.\r\n";
    QByteArray capaBeforeTls = "+OK\r\nSTLS\r\nUIDL\r\nPIPELINING\r\n.\r\n";
    std::function<bool(Connection &, const QByteArray &)> override;
    QList<QByteArray> deleted;

    void install(ScriptedServer &server)
    {
        server.onConnect = [](Connection &c) { c.send("+OK hostile POP3 ready\r\n"); };
        server.onLine = [this](Connection &c, const QByteArray &line) { answer(c, line); };
    }
    void answer(Connection &c, const QByteArray &line)
    {
        if (override && override(c, line))
            return;
        const QByteArray verb = line.left(4).toUpper();
        const int n = line.mid(5).toInt();
        if (verb == "CAPA") {
            c.send(c.isEncrypted() || capaBeforeTls.isEmpty() ? capa : capaBeforeTls);
        } else if (verb == "STLS") {
            c.send("+OK Begin TLS negotiation\r\n");
            c.startTls();
        } else if (verb == "AUTH" || verb == "USER" || verb == "PASS" || verb == "NOOP") {
            c.send("+OK\r\n");
        } else if (verb == "UIDL") {
            QByteArray out = "+OK\r\n";
            for (int i = 0; i < messages.size(); ++i)
                out += QByteArray::number(i + 1) + ' ' + messages[i].first + "\r\n";
            c.send(out + ".\r\n");
        } else if (verb == "LIST") {
            QByteArray out = "+OK\r\n";
            for (int i = 0; i < messages.size(); ++i)
                out += QByteArray::number(i + 1) + ' ' + QByteArray::number(messages[i].second.size()) + "\r\n";
            c.send(out + ".\r\n");
        } else if (verb == "RETR" && n >= 1 && n <= messages.size()) {
            c.send("+OK\r\n" + messages[n - 1].second + ".\r\n");
        } else if (verb == "DELE" && n >= 1 && n <= messages.size()) {
            deleted << messages[n - 1].first;
            c.send("+OK\r\n");
        } else if (verb == "QUIT") {
            c.send("+OK bye\r\n");
            c.close();
        } else {
            c.send("-ERR no such message\r\n");
        }
    }
};

} // namespace

class TestHostilePop3 : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    // STARTTLS stripping
    void stlsMissingStopsBeforeCredentials();
    void stlsRefusedStopsBeforeCredentials();
    void fakeGoAheadThenPlaintextStopsBeforeCredentials();
    void injectedRepliesAfterGoAheadAreDiscarded();
    void untrustedCertificateAfterStls();
    // Resource abuse
    void endlessGreetingOrCapaIsCut_data();
    void endlessGreetingOrCapaIsCut();
    void endlessUidlIsCut();
    void endlessTopIsCut();
    void endlessAuthContinuationsAreCut();
    void messageLargerThanLimitDuringRetr();
    void tricklingGreetingTimesOut();
    void tricklingMessageTimesOut();
    void silentServerTimesOut();
    // Lies
    void listingLies_data();
    void listingLies();
    void retrOfVanishedMessage();

private:
    struct Client {
        Client(const TlsPolicy &policy, const Pop3Session::Options &options)
            : transport(policy)
            , session(&transport, options)
            , ready(&session, &Pop3Session::ready)
            , finished(&session, &Pop3Session::finished)
        {
            session.setPassword(Password);
        }
        diagnostics::Diagnostic failure(int ms = 10000)
        {
            if (finished.isEmpty() && !finished.wait(ms))
                return {};
            return finished.first().first().value<diagnostics::Diagnostic>();
        }
        SslTransport transport;
        Pop3Session session;
        QSignalSpy ready;
        QSignalSpy finished;
    };

    // A fetch into a fresh Maildir, run to its end.
    struct FetchRig {
        explicit FetchRig(const QString &dir)
            : maildir(dir + QStringLiteral("/INBOX"))
            , state(dir + QStringLiteral("/uidl"), QStringLiteral("127.0.0.1"), User)
        {
            maildir.create();
        }
        std::optional<Pop3Fetch::Result> run(Pop3Session &session, Pop3Fetch::Options options = {})
        {
            Pop3Fetch fetch(&session, &maildir, &state, nullptr, options);
            std::optional<Pop3Fetch::Result> result;
            QObject::connect(&fetch, &Pop3Fetch::finished, &fetch, [&](const Pop3Fetch::Result &r) { result = r; });
            QObject::connect(&session, &Pop3Session::ready, &fetch, &Pop3Fetch::start);
            session.open();
            (void)QTest::qWaitFor([&] { return result.has_value(); }, 15000);
            return result;
        }
        [[nodiscard]] QList<QByteArray> stored() const
        {
            QList<QByteArray> out;
            for (const QString &f : maildir.messages()) {
                QFile file(maildir.filePath(f));
                if (file.open(QIODevice::ReadOnly))
                    out << file.readAll();
            }
            std::sort(out.begin(), out.end());
            return out;
        }
        [[nodiscard]] int leftInTmp() const
        {
            return int(QDir(maildir.path() + QStringLiteral("/tmp")).entryList(QDir::Files).size());
        }
        store::Maildir maildir;
        store::UidlState state;
    };

    Pop3Session::Options options(quint16 port, store::Security security) const
    {
        Pop3Session::Options o;
        o.host = QStringLiteral("127.0.0.1");
        o.port = port;
        o.security = security;
        o.user = User;
        o.microsoft = false;
        o.replyTimeoutMs = 5000;
        return o;
    }
    TlsPolicy policy() const { return kurier::test::trustingTestCa(m_certs); }
    void serveTls(ScriptedServer &server, bool implicit) const { kurier::test::serveTls(server, m_certs, implicit); }

    TestCertificates m_certs;
};

void TestHostilePop3::initTestCase()
{
    qRegisterMetaType<diagnostics::Diagnostic>();
    qRegisterMetaType<Pop3Fetch::Result>();
    QVERIFY2(m_certs.create(), qPrintable(m_certs.error()));
}

// ---------------------------------------------------------------------------------------------
// STARTTLS stripping

void TestHostilePop3::stlsMissingStopsBeforeCredentials()
{
    ScriptedServer server;
    Maildrop drop;
    drop.capaBeforeTls = "+OK\r\nUSER\r\nUIDL\r\nSASL PLAIN\r\n.\r\n"; // an attacker removed STLS
    drop.install(server);
    Client client(policy(), options(server.port(), store::Security::StartTls));
    client.session.open();
    const auto d = client.failure();
    QCOMPARE(d.stage, diagnostics::Diagnostic::Stage::Tls);
    QCOMPARE(client.ready.count(), 0);
    QVERIFY2(!containsCredential(server.received()), server.received().constData());
    QCOMPARE(server.received(), QByteArray("CAPA\r\n"));
}

void TestHostilePop3::stlsRefusedStopsBeforeCredentials()
{
    ScriptedServer server;
    Maildrop drop;
    drop.override = kurier::test::answering("STLS", "-ERR TLS not available today\r\n");
    drop.install(server);
    Client client(policy(), options(server.port(), store::Security::StartTls));
    client.session.open();
    const auto d = client.failure();
    QCOMPARE(d.stage, diagnostics::Diagnostic::Stage::Tls);
    QVERIFY2(d.serverText.contains(QStringLiteral("TLS not available today")), qPrintable(d.toText()));
    QVERIFY2(!containsCredential(server.received()), server.received().constData());
}

// "+OK" to STLS, then no handshake but more plaintext, eager to take a password: the client's
// handshake fails on it and nothing else is sent.
void TestHostilePop3::fakeGoAheadThenPlaintextStopsBeforeCredentials()
{
    ScriptedServer server;
    Maildrop drop;
    drop.override = kurier::test::fakeTlsGoAhead("STLS", "+OK Begin TLS negotiation\r\n+OK\r\nUSER\r\nSASL PLAIN\r\n.\r\n",
                                                 "+OK\r\n"); // whatever arrives is welcome
    drop.install(server);
    Client client(policy(), options(server.port(), store::Security::StartTls));
    QElapsedTimer clock;
    clock.start();
    client.session.open();
    const auto d = client.failure();
    QVERIFY2(client.transport.error() == net::Transport::Error::TlsHandshake, qPrintable(d.toText()));
    QCOMPARE(d.stage, diagnostics::Diagnostic::Stage::Tls);
    QCOMPARE(client.ready.count(), 0);
    QVERIFY2(!containsCredential(server.received()), server.received().toHex().constData());
    QVERIFY(clock.elapsed() < 5000);
    qInfo("fake STLS go-ahead refused in %lld ms: %s", clock.elapsed(), qPrintable(client.transport.errorText()));
}

// RFC 2595 §4: replies the server (or a man in the middle) puts behind "+OK" in the same packet
// are not from the TLS peer. Were the injected "-ERR" read as the answer to the CAPA or AUTH
// sent after the handshake, the login would fail or the real replies would be "unexpected".
void TestHostilePop3::injectedRepliesAfterGoAheadAreDiscarded()
{
    ScriptedServer server;
    serveTls(server, false);
    Maildrop drop;
    drop.override = [](Connection &c, const QByteArray &line) {
        if (line != "STLS")
            return false;
        c.send("+OK Begin TLS negotiation\r\n-ERR injected 1\r\n-ERR injected 2\r\n+OK\r\n.\r\n");
        c.socket()->flush();
        c.startTls();
        return true;
    };
    drop.install(server);
    Client client(policy(), options(server.port(), store::Security::StartTls));
    client.session.open();
    QVERIFY2(client.ready.wait(10000), qPrintable(client.failure(1).toText()));
    QVERIFY(client.transport.isEncrypted());
    QCOMPARE(client.session.authMethod(), QByteArray("PLAIN"));
    const QByteArray wire = server.received();
    const qsizetype handshake = wire.indexOf("STLS\r\n") + 6;
    QVERIFY2(!containsCredential(wire.left(handshake)), wire.constData()); // nothing secret before TLS
    QCOMPARE(server.connection()->received.count("CAPA\r\n"), 2);              // asked again after TLS
}

// A real handshake after STLS with an interceptor's certificate (its own CA, unknown here).
void TestHostilePop3::untrustedCertificateAfterStls()
{
    ScriptedServer server;
    kurier::test::serveTls(server, m_certs, false, QStringLiteral("rogue"));
    Maildrop drop;
    drop.install(server);
    Client client(policy(), options(server.port(), store::Security::StartTls));
    client.session.open();
    const auto d = client.failure();
    QCOMPARE(d.stage, diagnostics::Diagnostic::Stage::Tls);
    QCOMPARE(client.transport.error(), net::Transport::Error::TlsCertificate);
    QCOMPARE(client.transport.certificateProblem().issuer, QStringLiteral("Rogue-CA"));
    QVERIFY2(d.cause.contains(QString::fromLatin1(SslTransport::fingerprint(server.certificate))), qPrintable(d.toText()));
    QCOMPARE(server.received().left(12), QByteArray("CAPA\r\nSTLS\r\n"));
    QVERIFY2(!containsCredential(server.received()), server.received().toHex().constData());
}

// ---------------------------------------------------------------------------------------------
// Resource abuse

// A greeting line that never ends, or a CAPA listing that never ends (each line short).
void TestHostilePop3::endlessGreetingOrCapaIsCut_data()
{
    QTest::addColumn<bool>("floodGreeting");
    QTest::addColumn<QString>("expected");
    QTest::newRow("endless line") << true << QStringLiteral("longer than 65536");
    QTest::newRow("endless CAPA") << false << QStringLiteral("CAPA exceeds 1048576 bytes");
}

void TestHostilePop3::endlessGreetingOrCapaIsCut()
{
    QFETCH(bool, floodGreeting);
    QFETCH(QString, expected);
    ScriptedServer server;
    serveTls(server, true);
    auto o = options(server.port(), store::Security::Tls);
    if (floodGreeting) {
        server.onConnect = [](Connection &c) { c.flood("+OK ", QByteArray(64 * 1024, 'A'), 512LL * 1024 * 1024); };
        o.maxLineLength = 64 * 1024;
    } else {
        server.onConnect = [](Connection &c) { c.send("+OK ready\r\n"); };
        server.onLine = [](Connection &c, const QByteArray &line) {
            if (line == "CAPA")
                c.flood("+OK\r\n", QByteArray("X-FILLER a capability nobody needs\r\n").repeated(1000), 512LL * 1024 * 1024);
        };
        o.maxListingBytes = 1024 * 1024;
    }
    Client client(policy(), o);
    AttackMeter meter;
    client.session.open();
    const auto d = client.failure();
    meter.stop();
    QCOMPARE(d.code, QStringLiteral("protocol"));
    QVERIFY2(d.serverText.contains(expected), qPrintable(d.toText()));
    QVERIFY(!containsCredential(server.received()));
    if (floodGreeting)
        QVERIFY2(server.connection()->flooded < 32LL * 1024 * 1024, qPrintable(QString::number(server.connection()->flooded)));
    kurier::test::verifyCutInTime(meter);
    if (QTest::currentTestFailed())
        return;
    meter.report(QTest::currentDataTag(), server.connection()->flooded);
}

void TestHostilePop3::endlessUidlIsCut()
{
    QTemporaryDir dir;
    FetchRig rig(dir.path());
    ScriptedServer server;
    serveTls(server, true);
    Maildrop drop;
    auto flooding = std::make_shared<bool>(false);
    drop.override = [flooding](Connection &c, const QByteArray &line) {
        if (*flooding)
            return true; // the pipelined LIST gets no answer: the UIDL reply never ends
        if (line != "UIDL")
            return false;
        *flooding = true;
        QByteArray lines;
        for (int i = 1; i <= 2000; ++i)
            lines += QByteArray::number(i) + " uid-" + QByteArray::number(i) + "-padding-padding-padding\r\n";
        c.flood("+OK\r\n", lines, 512LL * 1024 * 1024); // (numbers repeat: it is endless anyway)
        return true;
    };
    drop.install(server);
    auto o = options(server.port(), store::Security::Tls);
    o.maxListingBytes = 2 * 1024 * 1024;
    Client client(policy(), o);
    AttackMeter meter;
    const auto result = rig.run(client.session);
    meter.stop();
    QVERIFY(result.has_value());
    QVERIFY(!result->ok());
    QCOMPARE(result->diagnostic.code, QStringLiteral("protocol"));
    QVERIFY2(result->diagnostic.serverText.contains(QStringLiteral("UIDL exceeds")), qPrintable(result->diagnostic.toText()));
    QVERIFY(rig.stored().isEmpty());
    QVERIFY(!server.received().contains("RETR"));
    kurier::test::verifyCutInTime(meter);
    if (QTest::currentTestFailed())
        return;
    meter.report("endless UIDL", server.connection()->flooded);
}

// Without UIDL the fetch reads each header with "TOP n 0"; one that never ends is a listing too
// (the fetch keeps only 256 KB of it, and time is no limit for a fast flood).
void TestHostilePop3::endlessTopIsCut()
{
    QTemporaryDir dir;
    FetchRig rig(dir.path());
    ScriptedServer server;
    serveTls(server, true);
    Maildrop drop;
    drop.capa = "+OK\r\nTOP\r\nUSER\r\nSASL PLAIN\r\n.\r\n";
    drop.messages = {{"unused", "Subject: a\r\n\r\n"}};
    drop.override = [](Connection &c, const QByteArray &line) {
        if (line == "UIDL") {
            c.send("-ERR unknown command\r\n");
            return true;
        }
        if (line != "TOP 1 0")
            return false;
        c.flood("+OK\r\n", QByteArray("X-Filler: endless header\r\n").repeated(1000), 512LL * 1024 * 1024);
        return true;
    };
    drop.install(server);
    auto o = options(server.port(), store::Security::Tls);
    o.maxListingBytes = 2 * 1024 * 1024;
    Client client(policy(), o);
    QElapsedTimer clock;
    clock.start();
    const auto result = rig.run(client.session);
    QVERIFY(result.has_value());
    QCOMPARE(result->diagnostic.code, QStringLiteral("protocol"));
    QVERIFY2(result->diagnostic.serverText.contains(QStringLiteral("TOP exceeds 2097152 bytes")), qPrintable(result->diagnostic.toText()));
    QVERIFY(rig.stored().isEmpty());
    QVERIFY(!server.received().contains("RETR"));
    QVERIFY(clock.elapsed() < 5000);
    qInfo("endless TOP: cut after %lld ms, server pushed %lld bytes", clock.elapsed(), server.connection()->flooded);
}

// "+ " after "+ " after "+ ": the client would answer each one into a send buffer the server
// never reads.
void TestHostilePop3::endlessAuthContinuationsAreCut()
{
    ScriptedServer server;
    serveTls(server, true);
    Maildrop drop;
    drop.override = [](Connection &c, const QByteArray &line) {
        if (!line.startsWith("AUTH"))
            return false;
        c.flood({}, QByteArray("+ \r\n").repeated(1000), 512LL * 1024 * 1024);
        return true;
    };
    drop.install(server);
    Client client(policy(), options(server.port(), store::Security::Tls));
    QElapsedTimer clock;
    clock.start();
    client.session.open();
    const auto d = client.failure();
    QCOMPARE(d.code, QStringLiteral("protocol"));
    QVERIFY2(d.serverText.contains(QStringLiteral("more than 8 AUTH continuations")), qPrintable(d.toText()));
    QCOMPARE(client.ready.count(), 0);
    QVERIFY(clock.elapsed() < 5000);
    QVERIFY2(server.connection()->received.count("*\r\n") <= 8, server.connection()->received.constData());
}

// LIST promises 200 bytes, RETR never stops: the fetch stops at the maximum message size, and
// the partial message never reaches new/ (nor stays in tmp/).
void TestHostilePop3::messageLargerThanLimitDuringRetr()
{
    QTemporaryDir dir;
    FetchRig rig(dir.path());
    ScriptedServer server;
    serveTls(server, true);
    Maildrop drop;
    drop.messages = {{"small-1", "Subject: fine\r\n\r\nhello\r\n"}, {"huge-2", QByteArray(200, 'x')}};
    drop.override = [](Connection &c, const QByteArray &line) {
        if (line != "RETR 2")
            return false;
        c.flood("+OK\r\nSubject: huge\r\n\r\n", QByteArray("0123456789abcdef").repeated(4095) + "\r\n", 512LL * 1024 * 1024);
        return true;
    };
    drop.install(server);
    Client client(policy(), options(server.port(), store::Security::Tls));
    Pop3Fetch::Options fo;
    fo.maxMessageSize = 4 * 1024 * 1024;
    fo.leaveOnServer = store::LeaveOnServer::DeleteAfterDownload;
    AttackMeter meter;
    const auto result = rig.run(client.session, fo);
    meter.stop();
    QVERIFY(result.has_value());
    QCOMPARE(result->diagnostic.code, QStringLiteral("too-large"));
    QCOMPARE(rig.stored(), QList<QByteArray>{QByteArray("Subject: fine\n\nhello\n")}); // the good one is kept
    QCOMPARE(rig.leftInTmp(), 0);
    QVERIFY(drop.deleted.isEmpty()); // no DELE without QUIT after a failure, none sent anyway
    QVERIFY(!server.received().contains("DELE"));
    kurier::test::verifyCutInTime(meter);
    if (QTest::currentTestFailed())
        return;
    meter.report("oversized RETR", server.connection()->flooded);
}

// One byte every 100 ms: every byte would reset an idle timer, the reply deadline ends it.
void TestHostilePop3::tricklingGreetingTimesOut()
{
    ScriptedServer server;
    serveTls(server, true);
    server.onConnect = [](Connection &c) { c.trickle("+OK " + QByteArray(500, 'z') + "\r\n", 100); };
    auto o = options(server.port(), store::Security::Tls);
    o.replyTimeoutMs = 1000;
    Client client(policy(), o);
    AttackMeter meter;
    client.session.open();
    const auto d = client.failure();
    meter.stop();
    QCOMPARE(d.code, QStringLiteral("timeout"));
    QVERIFY2(d.summary.contains(QStringLiteral("too slowly")), qPrintable(d.toText()));
    kurier::test::verifyTimedOutAtDeadline(meter);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(server.connection()->trickled > 3);
    qInfo("trickled greeting: cut after %lld ms (%lld bytes trickled)", meter.took(), server.connection()->trickled);
}

// The same in the middle of a message, complete lines included: lines do not earn a new timeout.
void TestHostilePop3::tricklingMessageTimesOut()
{
    QTemporaryDir dir;
    FetchRig rig(dir.path());
    ScriptedServer server;
    serveTls(server, true);
    Maildrop drop;
    drop.messages = {{"slow-1", QByteArray("Subject: slow\r\n\r\n") + QByteArray("a\r\n").repeated(1000)}};
    drop.override = [](Connection &c, const QByteArray &line) {
        if (line != "RETR 1")
            return false;
        c.send("+OK\r\nSubject: slow\r\n\r\n");
        c.trickle(QByteArray("a\r\n").repeated(1000) + ".\r\n", 20);
        return true;
    };
    drop.install(server);
    auto o = options(server.port(), store::Security::Tls);
    o.replyTimeoutMs = 1000;
    Client client(policy(), o);
    QElapsedTimer clock;
    clock.start();
    const auto result = rig.run(client.session);
    QVERIFY(result.has_value());
    QCOMPARE(result->diagnostic.code, QStringLiteral("timeout"));
    QVERIFY(rig.stored().isEmpty());
    QCOMPARE(rig.leftInTmp(), 0);
    QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    qInfo("trickled RETR: cut after %lld ms", clock.elapsed());
}

void TestHostilePop3::silentServerTimesOut()
{
    ScriptedServer server; // accepts, never greets
    auto o = options(server.port(), store::Security::None);
    o.acceptUnencrypted = true;
    o.replyTimeoutMs = 500;
    Client client(policy(), o);
    AttackMeter meter;
    client.session.open();
    kurier::test::verifySilentServerTimedOut(client.failure(), meter, server);
    if (QTest::currentTestFailed())
        return;
}

// ---------------------------------------------------------------------------------------------
// Lies

// LIST names one message more than UIDL, or UIDL gives two messages the same unique-id: the
// fetch stops before any RETR or DELE.
void TestHostilePop3::listingLies_data()
{
    QTest::addColumn<QByteArrayList>("uidls");
    QTest::addColumn<QByteArrayList>("contents");
    QTest::addColumn<QByteArray>("listReply"); // empty: the honest one
    QTest::addColumn<QString>("expected");
    QTest::newRow("LIST and UIDL disagree") << QByteArrayList{"a", "b"}
                                            << QByteArrayList{"Subject: a\r\n\r\n", "Subject: b\r\n\r\n"} << QByteArray("+OK\r\n1 14\r\n2 14\r\n3 14\r\n.\r\n")
                                            << QStringLiteral("LIST lists message 3, UIDL does not");
    QTest::newRow("duplicate UIDL") << QByteArrayList{"same", "same"}
                                    << QByteArrayList{"Subject: one\r\n\r\n", "Subject: two\r\n\r\n"} << QByteArray()
                                    << QStringLiteral("messages 1 and 2 the same unique-id");
}

void TestHostilePop3::listingLies()
{
    QFETCH(QByteArrayList, uidls);
    QFETCH(QByteArrayList, contents);
    QFETCH(QByteArray, listReply);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    FetchRig rig(dir.path());
    ScriptedServer server;
    serveTls(server, true);
    Maildrop drop;
    for (qsizetype i = 0; i < uidls.size(); ++i)
        drop.messages.append({uidls[i], contents[i]});
    if (!listReply.isEmpty()) {
        drop.override = kurier::test::answering("LIST", listReply);
    }
    drop.install(server);
    Client client(policy(), options(server.port(), store::Security::Tls));
    Pop3Fetch::Options fo;
    fo.leaveOnServer = store::LeaveOnServer::DeleteAfterDownload;
    const auto result = rig.run(client.session, fo);
    QVERIFY(result.has_value());
    QCOMPARE(result->diagnostic.code, QStringLiteral("protocol"));
    QVERIFY2(result->diagnostic.serverText.contains(expected), qPrintable(result->diagnostic.toText()));
    QVERIFY(!server.received().contains("RETR"));
    QVERIFY(!server.received().contains("DELE"));
    QVERIFY(rig.stored().isEmpty());
}

// Message 2 is not delivered ("-ERR no such message": deleted by another client since UIDL, or
// unreadable on the server). One such message must not block every fetch for good: the others
// are stored and deleted as configured, message 2 is neither recorded nor deleted, and the
// next fetch gets it once the server delivers it — nothing lost, nothing stored twice.
void TestHostilePop3::retrOfVanishedMessage()
{
    QTemporaryDir dir;
    FetchRig rig(dir.path());
    Pop3Fetch::Options fo;
    fo.leaveOnServer = store::LeaveOnServer::DeleteAfterDownload;
    const QByteArray first = "Subject: first\r\n\r\nbody\r\n";
    const QByteArray flaky = "Subject: flaky\r\n\r\n";
    const QByteArray third = "Subject: third\r\n\r\n";
    {
        ScriptedServer server;
        serveTls(server, true);
        Maildrop drop;
        drop.messages = {{"first", first}, {"flaky", flaky}, {"third", third}};
        drop.override = kurier::test::answering("RETR 2", "-ERR no such message\r\n");
        drop.install(server);
        Client client(policy(), options(server.port(), store::Security::Tls));
        Pop3Fetch fetch(&client.session, &rig.maildir, &rig.state, nullptr, fo);
        QSignalSpy notes(&fetch, &Pop3Fetch::note);
        std::optional<Pop3Fetch::Result> result;
        connect(&fetch, &Pop3Fetch::finished, &fetch, [&](const Pop3Fetch::Result &r) { result = r; });
        connect(&client.session, &Pop3Session::ready, &fetch, &Pop3Fetch::start);
        client.session.open();
        QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 10000));
        QVERIFY2(result->ok(), qPrintable(result->diagnostic.toText()));
        QCOMPARE(result->fetched, 2);
        QCOMPARE(result->skippedUnavailable, 1);
        QCOMPARE(notes.count(), 1);
        const QString note = notes.first().first().toString();
        QVERIFY2(note.contains(QStringLiteral("message 2")) && note.contains(QStringLiteral("no such message")), qPrintable(note));
        QCOMPARE(drop.deleted, (QList<QByteArray>{"first", "third"})); // never the one not stored
    }
    QCOMPARE(rig.stored(), (QList<QByteArray>{"Subject: first\n\nbody\n", "Subject: third\n\n"}));
    QVERIFY(!rig.state.isFetched("flaky"));
    QCOMPARE(rig.leftInTmp(), 0);

    // Next time the server delivers it.
    ScriptedServer server;
    serveTls(server, true);
    Maildrop drop;
    drop.messages = {{"flaky", flaky}};
    drop.install(server);
    Client client(policy(), options(server.port(), store::Security::Tls));
    const auto result = rig.run(client.session, fo);
    QVERIFY(result.has_value());
    QVERIFY2(result->ok(), qPrintable(result->diagnostic.toText()));
    QCOMPARE(result->fetched, 1);
    QCOMPARE(drop.deleted, QList<QByteArray>{"flaky"});
    QCOMPARE(rig.stored(), (QList<QByteArray>{"Subject: first\n\nbody\n", "Subject: flaky\n\n", "Subject: third\n\n"}));
}

QTEST_GUILESS_MAIN(TestHostilePop3)
#include "tst_hostile_pop3.moc"
