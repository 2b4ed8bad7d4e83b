// TLS attacks over a real loopback socket (issue 8, "Certificates" and "Downgrade"): a POP3
// session on SslTransport against a ScriptedServer presenting bad certificates or offering only
// TLS 1.0/1.1. Every one must end in a TLS diagnostic before a single protocol byte (let alone a
// credential) goes out; a pin accepts exactly one certificate. Certificates come from openssl at
// test time (tests/support/TestCertificates.h). tst_ssl_transport covers the transport basics
// (unknown CA details, pinning, host name, timeouts); this covers the attack matrix end to end.
#include "net/SslTransport.h"
#include "pop3/Pop3Session.h"
#include "support/ScriptedServer.h"
#include "support/TestCertificates.h"

#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTest>

using namespace kurier;
using kurier::net::SslTransport;
using kurier::net::TlsPolicy;
using kurier::pop3::Pop3Session;
using kurier::test::ScriptedServer;
using kurier::test::TestCertificates;
using Error = kurier::net::Transport::Error;

namespace {

const QString Password = QStringLiteral("tls-secret-Pa55");

// A POP3 server that would happily take a password: greeting, CAPA, USER, PASS.
void speakPop3(ScriptedServer &server)
{
    server.onConnect = [](ScriptedServer::Connection &c) { c.send("+OK hostile POP3 ready\r\n"); };
    server.onLine = [](ScriptedServer::Connection &c, const QByteArray &line) {
        if (line == "CAPA")
            c.send("+OK\r\nUSER\r\nUIDL\r\n.\r\n");
        else
            c.send("+OK\r\n");
    };
}

// `openssl s_server` for what Qt will not serve at all: Qt's server side refuses to load an RSA
// 1024 certificate at Debian's security level 2, so a separate process with SECLEVEL=0 plays
// the weak server. It prints what the client sends on stdout.
class OpenSslServer
{
public:
    bool start(const QString &dir, const QString &name)
    {
        m_process.setWorkingDirectory(dir);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral("openssl"),
                        {QStringLiteral("s_server"), QStringLiteral("-accept"), QStringLiteral("127.0.0.1:0"), QStringLiteral("-cert"),
                         name + QStringLiteral(".pem"), QStringLiteral("-key"), name + QStringLiteral(".key"), QStringLiteral("-cipher"),
                         QStringLiteral("DEFAULT@SECLEVEL=0"), QStringLiteral("-naccept"), QStringLiteral("1")});
        const QRegularExpression accept(QStringLiteral("ACCEPT 127\\.0\\.0\\.1:(\\d+)"));
        return QTest::qWaitFor([&] {
            m_output += m_process.readAll();
            const auto m = accept.match(QString::fromLatin1(m_output));
            if (m.hasMatch())
                m_port = quint16(m.captured(1).toUInt());
            return m_port != 0 || m_process.state() == QProcess::NotRunning;
        }, 10000) && m_port != 0;
    }
    ~OpenSslServer()
    {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QByteArray output()
    {
        m_output += m_process.readAll();
        return m_output;
    }

private:
    QProcess m_process;
    QByteArray m_output;
    quint16 m_port = 0;
};

struct Client {
    explicit Client(quint16 port, TlsPolicy policy)
        : transport(std::move(policy))
        , session(&transport, options(port))
        , ready(&session, &Pop3Session::ready)
        , finished(&session, &Pop3Session::finished)
    {
        session.setPassword(Password);
    }
    static Pop3Session::Options options(quint16 port)
    {
        Pop3Session::Options o;
        o.host = QStringLiteral("127.0.0.1");
        o.port = port;
        o.user = QStringLiteral("anna");
        o.security = store::Security::Tls;
        o.microsoft = false;
        o.replyTimeoutMs = 5000;
        return o;
    }
    diagnostics::Diagnostic failure()
    {
        if (finished.isEmpty() && !finished.wait(10000))
            return {};
        return finished.first().first().value<diagnostics::Diagnostic>();
    }
    SslTransport transport;
    Pop3Session session;
    QSignalSpy ready;
    QSignalSpy finished;
};

} // namespace

class TestTlsCertificates : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void validCertificateAccepted();
    void badCertificateRefused_data();
    void badCertificateRefused();
    void pinAcceptsExactlyThatCertificate();
    void pinDoesNotFitTwinWithSameSubject();
    void pinDoesNotMakeWeakKeySafe();
    void weakKeyRefusedWhereOpenSslAllowsIt();
    void oldTlsVersionRefused_data();
    void oldTlsVersionRefused();

private:
    TlsPolicy trustingTestCa() const
    {
        TlsPolicy p;
        p.extraCaCertificates = m_certs.ca();
        p.connectTimeoutMs = 5000;
        return p;
    }
    void present(ScriptedServer &server, const QString &name) const
    {
        server.implicitTls = true;
        server.certificate = m_certs.certificate(name);
        server.key = m_certs.key(name);
        QVERIFY(!server.certificate.isNull());
        QVERIFY(!server.key.isNull());
    }

    TestCertificates m_certs;
};

void TestTlsCertificates::initTestCase()
{
    qRegisterMetaType<diagnostics::Diagnostic>();
    QVERIFY2(m_certs.create(), qPrintable(m_certs.error()));
}

// The control: with the same server and CA, a good certificate gets all the way to the login.
void TestTlsCertificates::validCertificateAccepted()
{
    ScriptedServer server;
    speakPop3(server);
    present(server, QStringLiteral("server"));
    Client client(server.port(), trustingTestCa());
    client.session.open();
    QVERIFY(client.ready.wait(10000));
    QVERIFY(client.transport.isEncrypted());
    QVERIFY(server.received().contains(QByteArray("PASS " + Password.toUtf8())));
}

void TestTlsCertificates::badCertificateRefused_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("expectedError"); // part of the QSslError text the user sees
    QTest::newRow("expired") << QStringLiteral("expired") << QStringLiteral("has expired");
    QTest::newRow("not yet valid") << QStringLiteral("future") << QStringLiteral("not yet valid");
    QTest::newRow("wrong host name") << QStringLiteral("wronghost") << QStringLiteral("host name did not match");
    QTest::newRow("self-signed") << QStringLiteral("selfsigned") << QStringLiteral("self-signed");
    QTest::newRow("unknown CA") << QStringLiteral("rogue") << QStringLiteral("issuer certificate");
    // Debian's OpenSSL runs at security level 2: RSA below 2048 bits is refused while verifying.
    QTest::newRow("weak key RSA 1024") << QStringLiteral("weak") << QStringLiteral("RSA key has only 1024 bits");
}

void TestTlsCertificates::badCertificateRefused()
{
    QFETCH(QString, certificate);
    QFETCH(QString, expectedError);
    ScriptedServer server;
    speakPop3(server);
    present(server, certificate);
    OpenSslServer weakServer;
    const bool weak = certificate == u"weak";
    if (weak)
        QVERIFY2(weakServer.start(m_certs.path(), certificate), weakServer.output().constData());
    Client client(weak ? weakServer.port() : server.port(), trustingTestCa());
    QElapsedTimer clock;
    clock.start();
    client.session.open();
    const diagnostics::Diagnostic d = client.failure();
    QVERIFY2(!d.isEmpty(), "the session did not fail");
    QCOMPARE(client.ready.count(), 0);
    QVERIFY2(client.transport.error() == Error::TlsCertificate,
             qPrintable(client.transport.errorText() + u" / server: " + server.serverTlsErrors.join(u"; ")));
    QCOMPARE(d.stage, diagnostics::Diagnostic::Stage::Tls);
    const net::CertificateProblem problem = client.transport.certificateProblem();
    QVERIFY2(problem.errors.join(u"; ").contains(expectedError, Qt::CaseInsensitive), qPrintable(problem.errors.join(u"; ")));
    QCOMPARE(problem.sha256, SslTransport::fingerprint(m_certs.certificate(certificate)));
    // The diagnostic names the problem and the fingerprint the user would have to confirm.
    QVERIFY2(d.cause.contains(expectedError, Qt::CaseInsensitive), qPrintable(d.toText()));
    QVERIFY2(d.cause.contains(QString::fromLatin1(problem.sha256)), qPrintable(d.toText()));
    // Not one protocol byte went out: the server never saw a line, let alone the password.
    if (weak) {
        QVERIFY(!weakServer.output().contains("CAPA"));
        QVERIFY(!weakServer.output().contains(Password.toUtf8()));
        return;
    }
    QVERIFY(server.connection());
    QVERIFY(!server.connection()->isEncrypted());
    QVERIFY(server.connection()->pending.isEmpty());
    QVERIFY(!server.received().contains("CAPA"));
    QVERIFY(!server.received().contains(Password.toUtf8()));
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    qInfo("%s refused in %lld ms: %s", qPrintable(certificate), clock.elapsed(), qPrintable(problem.errors.join(u"; ")));
}

// A certificate the user accepted (SHA-256 pin): no CA trusts it, the pin alone lets it in.
void TestTlsCertificates::pinAcceptsExactlyThatCertificate()
{
    ScriptedServer server;
    speakPop3(server);
    present(server, QStringLiteral("selfsigned"));
    TlsPolicy policy;
    policy.pinnedSha256 = {SslTransport::fingerprint(m_certs.certificate(QStringLiteral("selfsigned")))};
    Client client(server.port(), policy);
    client.session.open();
    QVERIFY(client.ready.wait(10000));
    QVERIFY(client.transport.isEncrypted());
}

// "twin" has the subject and issuer of "server" but another key: a pin of "server" (without the
// CA) must not let it in — the pin is the exact certificate, not a name.
void TestTlsCertificates::pinDoesNotFitTwinWithSameSubject()
{
    const QSslCertificate original = m_certs.certificate(QStringLiteral("server"));
    const QSslCertificate twin = m_certs.certificate(QStringLiteral("twin"));
    QCOMPARE(twin.subjectDisplayName(), original.subjectDisplayName());
    QCOMPARE(twin.issuerDisplayName(), original.issuerDisplayName());
    TlsPolicy policy;
    policy.pinnedSha256 = {SslTransport::fingerprint(original)};

    {
        ScriptedServer server;
        speakPop3(server);
        present(server, QStringLiteral("server"));
        Client client(server.port(), policy);
        client.session.open();
        QVERIFY(client.ready.wait(10000)); // the pinned one itself is accepted …
    }
    ScriptedServer server;
    speakPop3(server);
    present(server, QStringLiteral("twin"));
    Client client(server.port(), policy);
    client.session.open();
    const diagnostics::Diagnostic d = client.failure();
    QCOMPARE(client.transport.error(), Error::TlsCertificate); // … its twin is not
    QCOMPARE(client.transport.certificateProblem().sha256, SslTransport::fingerprint(twin));
    QCOMPARE(d.stage, diagnostics::Diagnostic::Stage::Tls);
    QVERIFY(!server.received().contains(Password.toUtf8()));
}

// A pin is for a certificate the user cannot verify otherwise, not for a key anyone can break.
void TestTlsCertificates::pinDoesNotMakeWeakKeySafe()
{
    OpenSslServer weakServer;
    QVERIFY2(weakServer.start(m_certs.path(), QStringLiteral("weak")), weakServer.output().constData());
    TlsPolicy policy;
    policy.pinnedSha256 = {SslTransport::fingerprint(m_certs.certificate(QStringLiteral("weak")))};
    Client client(weakServer.port(), policy);
    client.session.open();
    const diagnostics::Diagnostic d = client.failure();
    QCOMPARE(client.ready.count(), 0);
    QCOMPARE(client.transport.error(), Error::TlsCertificate);
    QVERIFY2(d.cause.contains(QStringLiteral("RSA key has only 1024 bits")), qPrintable(d.toText()));
    QVERIFY(!weakServer.output().contains(Password.toUtf8()));
}

// A system whose OpenSSL configuration was lowered to security level 0 verifies the RSA 1024
// certificate without complaint (SslTransport starts from the default configuration, which
// carries such settings); Kurier checks the key itself after the handshake.
void TestTlsCertificates::weakKeyRefusedWhereOpenSslAllowsIt()
{
    OpenSslServer weakServer;
    QVERIFY2(weakServer.start(m_certs.path(), QStringLiteral("weak")), weakServer.output().constData());
    const QSslConfiguration original = QSslConfiguration::defaultConfiguration();
    QSslConfiguration permissive = original;
    permissive.setBackendConfigurationOption("CipherString", QStringLiteral("DEFAULT@SECLEVEL=0"));
    QSslConfiguration::setDefaultConfiguration(permissive);
    const auto restore = qScopeGuard([&] { QSslConfiguration::setDefaultConfiguration(original); });
    Client client(weakServer.port(), trustingTestCa());
    client.session.open();
    const diagnostics::Diagnostic d = client.failure();
    QCOMPARE(client.ready.count(), 0);
    QCOMPARE(client.transport.error(), Error::TlsCertificate);
    QCOMPARE(client.transport.certificateProblem().errors, QStringList{QStringLiteral("The certificate's RSA key has only 1024 bits; at least 2048 are required.")});
    QCOMPARE(d.stage, diagnostics::Diagnostic::Stage::Tls);
    QVERIFY(!weakServer.output().contains("CAPA"));
    QVERIFY(!weakServer.output().contains(Password.toUtf8()));
}

void TestTlsCertificates::oldTlsVersionRefused_data()
{
    QTest::addColumn<QString>("maxProtocol");
    // permissive: the client's system configuration at security level 0 (where OpenSSL 3 would
    // speak TLS 1.0/1.1 again): Kurier's own minimum must still hold.
    QTest::addColumn<bool>("permissive");
    QTest::newRow("TLS 1.0") << QStringLiteral("TLSv1") << false;
    QTest::newRow("TLS 1.1") << QStringLiteral("TLSv1.1") << false;
    QTest::newRow("TLS 1.0, permissive system") << QStringLiteral("TLSv1") << true;
    QTest::newRow("TLS 1.1, permissive system") << QStringLiteral("TLSv1.1") << true;
}

// A server (or someone in the middle) that offers only TLS 1.0/1.1: Kurier insists on 1.2+.
void TestTlsCertificates::oldTlsVersionRefused()
{
    QFETCH(QString, maxProtocol);
    QFETCH(bool, permissive);
    const QSslConfiguration original = QSslConfiguration::defaultConfiguration();
    if (permissive) {
        QSslConfiguration lowered = original;
        lowered.setBackendConfigurationOption("CipherString", QStringLiteral("DEFAULT@SECLEVEL=0"));
        QSslConfiguration::setDefaultConfiguration(lowered);
    }
    const auto restore = qScopeGuard([&] { QSslConfiguration::setDefaultConfiguration(original); });
    ScriptedServer server;
    speakPop3(server);
    present(server, QStringLiteral("server"));
    server.backendOptions.insert("MinProtocol", maxProtocol);
    server.backendOptions.insert("MaxProtocol", maxProtocol);
    server.backendOptions.insert("CipherString", QStringLiteral("DEFAULT@SECLEVEL=0"));
    Client client(server.port(), trustingTestCa());
    QElapsedTimer clock;
    clock.start();
    client.session.open();
    const diagnostics::Diagnostic d = client.failure();
    QVERIFY2(!d.isEmpty(), "the session did not fail");
    QCOMPARE(client.ready.count(), 0);
    QCOMPARE(client.transport.error(), Error::TlsHandshake);
    QCOMPARE(d.stage, diagnostics::Diagnostic::Stage::Tls);
    // OpenSSL says why ("unsupported protocol" / "no protocols available" / "version").
    const QString text = client.transport.errorText();
    QVERIFY2(text.contains(QStringLiteral("protocol"), Qt::CaseInsensitive) || text.contains(QStringLiteral("version"), Qt::CaseInsensitive),
             qPrintable(text));
    QVERIFY(!client.transport.isEncrypted());
    QVERIFY(!server.received().contains("CAPA"));
    QVERIFY(!server.received().contains(Password.toUtf8()));
    QVERIFY(clock.elapsed() < 5000);
    qInfo("%s refused in %lld ms: %s", qPrintable(maxProtocol), clock.elapsed(), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestTlsCertificates)
#include "tst_tls_certificates.moc"
