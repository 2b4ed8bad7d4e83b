// SslTransport against a small TLS server in the test process, with certificates made by the
// openssl tool for this run: verification, host names, pins, STARTTLS injection, timeouts.
#include "net/SslTransport.h"

#include <QProcess>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using kurier::net::SslTransport;
using kurier::net::TlsPolicy;
using Error = kurier::net::Transport::Error;

namespace {

// What the test server does with a connection.
enum class Mode {
    ImplicitTlsEcho, // TLS at once, then "echo: <line>" for every line
    StartTlsEcho,    // "+OK hi"; on STLS "+OK go" + injected plaintext, then TLS echo
    Silent,          // accepts and says nothing
    CloseAfterGreeting,
};

class TestServer : public QTcpServer
{
public:
    Mode mode = Mode::ImplicitTlsEcho;
    QSslCertificate certificate;
    QSslKey key;
    QList<QSslSocket *> sockets;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *s = new QSslSocket(this);
        sockets << s;
        s->setSocketDescriptor(descriptor);
        s->setLocalCertificate(certificate);
        s->setPrivateKey(key);
        s->setPeerVerifyMode(QSslSocket::VerifyNone); // the server side asks for no client certificate
        auto echoLines = [s] {
            while (s->canReadLine())
                s->write("echo: " + s->readLine());
        };
        switch (mode) {
        case Mode::ImplicitTlsEcho:
            connect(s, &QSslSocket::readyRead, s, echoLines);
            s->startServerEncryption();
            break;
        case Mode::StartTlsEcho:
            s->write("+OK hi\r\n");
            connect(s, &QSslSocket::readyRead, s, [s, echoLines] {
                if (s->isEncrypted()) {
                    echoLines();
                    return;
                }
                if (s->canReadLine() && s->readLine() == "STLS\r\n") {
                    s->write("+OK go\r\n-ERR INJECTED\r\n");
                    s->flush();
                    s->startServerEncryption();
                }
            });
            break;
        case Mode::Silent:
            break;
        case Mode::CloseAfterGreeting:
            s->write("+OK bye\r\n");
            s->disconnectFromHost();
            break;
        }
    }
};

} // namespace

class TestSslTransport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void implicitTlsVerified();
    void startTlsDiscardsInjectedPlaintext();
    void unknownCaRefusedWithDetails();
    void pinnedCertificateAccepted();
    void otherPinStillRefused();
    void hostNameChecked();
    void connectionRefused();
    void handshakeTimeout();
    void idleTimeout();
    void remoteCloseIsNotAFailure();
    void loadCaFile();

private:
    bool openssl(const QString &commandLine);
    void makeServerCertificate(const QString &name, const QString &san);
    QSslCertificate cert(const QString &name) const;
    QSslKey key(const QString &name) const;
    TlsPolicy trusting() const;
    QByteArray readUntil(SslTransport &t, const QByteArray &needle);

    QTemporaryDir m_dir;
    TestServer *m_server = nullptr;
};

bool TestSslTransport::openssl(const QString &commandLine)
{
    const QStringList args = commandLine.split(u' ');
    QProcess p;
    p.setWorkingDirectory(m_dir.path());
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForFinished(30000) || p.exitCode() != 0) {
        qWarning() << "openssl" << args << "failed:" << p.readAll();
        return false;
    }
    return true;
}

void TestSslTransport::makeServerCertificate(const QString &name, const QString &san)
{
    QVERIFY(openssl(u"req -newkey rsa:2048 -nodes -keyout %1.key -subj /CN=%1 -out %1.csr"_s.arg(name)));
    QFile ext(m_dir.filePath(name + u".ext"_s));
    QVERIFY(ext.open(QIODevice::WriteOnly));
    ext.write("subjectAltName=" + san.toUtf8() + "\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
    ext.close();
    QVERIFY(openssl(u"x509 -req -in %1.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 -sha256 -extfile %1.ext -out %1.pem"_s.arg(name)));
}

QSslCertificate TestSslTransport::cert(const QString &name) const
{
    return QSslCertificate::fromPath(m_dir.filePath(name + u".pem"_s)).value(0);
}

QSslKey TestSslTransport::key(const QString &name) const
{
    QFile f(m_dir.filePath(name + u".key"_s));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QSslKey(f.readAll(), QSsl::Rsa);
}

TlsPolicy TestSslTransport::trusting() const
{
    TlsPolicy policy;
    policy.extraCaCertificates = {cert(QStringLiteral("ca"))};
    policy.connectTimeoutMs = 10000;
    return policy;
}

QByteArray TestSslTransport::readUntil(SslTransport &t, const QByteArray &needle)
{
    QByteArray got;
    (void)QTest::qWaitFor([&] {
        got += t.readAll();
        return got.contains(needle) || t.error() != Error::None;
    }, 10000);
    return got;
}

void TestSslTransport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(openssl(u"req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -subj /CN=Kurier-Test-CA "
                    "-addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign"_s));
    makeServerCertificate(QStringLiteral("server"), QStringLiteral("IP:127.0.0.1,DNS:localhost"));
    makeServerCertificate(QStringLiteral("other"), QStringLiteral("DNS:other.example"));
    QVERIFY(!cert(QStringLiteral("server")).isNull());
    QVERIFY(!key(QStringLiteral("server")).isNull());
}

void TestSslTransport::init()
{
    m_server = new TestServer;
    m_server->certificate = cert(QStringLiteral("server"));
    m_server->key = key(QStringLiteral("server"));
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
}

void TestSslTransport::cleanup()
{
    delete m_server;
    m_server = nullptr;
}

void TestSslTransport::implicitTlsVerified()
{
    SslTransport t(trusting());
    QSignalSpy connected(&t, &SslTransport::connected);
    QSignalSpy failed(&t, &SslTransport::failed);
    t.connectToHost(QStringLiteral("127.0.0.1"), m_server->serverPort(), true);
    QVERIFY(connected.wait(10000));
    QCOMPARE(failed.count(), 0);
    QVERIFY(t.isEncrypted());
    QVERIFY2(t.tlsDescription().startsWith(u"TLSv1."), qPrintable(t.tlsDescription()));
    t.write("hello\r\n");
    QCOMPARE(readUntil(t, "\r\n"), QByteArray("echo: hello\r\n"));
}

void TestSslTransport::startTlsDiscardsInjectedPlaintext()
{
    m_server->mode = Mode::StartTlsEcho;
    SslTransport t(trusting());
    QSignalSpy connected(&t, &SslTransport::connected);
    QSignalSpy encrypted(&t, &SslTransport::encrypted);
    QSignalSpy data(&t, &SslTransport::dataReceived);
    t.connectToHost(QStringLiteral("localhost"), m_server->serverPort(), false);
    QVERIFY(connected.wait(10000));
    QVERIFY(!t.isEncrypted());
    QCOMPARE(readUntil(t, "\r\n"), QByteArray("+OK hi\r\n"));
    data.clear();
    t.write("STLS\r\n");
    // Wait for the "+OK go" and the injected line, but read nothing: startTls() must drop both.
    QVERIFY(QTest::qWaitFor([&] { return data.count() > 0; }, 10000));
    QTest::qWait(50); // let the second line arrive too, if the server's writes were split
    t.startTls();
    QVERIFY(encrypted.wait(10000));
    QVERIFY(t.isEncrypted());
    t.write("after\r\n");
    QCOMPARE(readUntil(t, "\r\n"), QByteArray("echo: after\r\n"));
}

void TestSslTransport::unknownCaRefusedWithDetails()
{
    TlsPolicy policy;
    policy.connectTimeoutMs = 10000;
    SslTransport t(policy);
    QSignalSpy connected(&t, &SslTransport::connected);
    QSignalSpy failed(&t, &SslTransport::failed);
    t.connectToHost(QStringLiteral("127.0.0.1"), m_server->serverPort(), true);
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(connected.count(), 0);
    QCOMPARE(t.error(), Error::TlsCertificate);
    const auto problem = t.certificateProblem();
    QVERIFY(!problem.isEmpty());
    QCOMPARE(problem.sha256, SslTransport::fingerprint(cert(QStringLiteral("server"))));
    QCOMPARE(problem.sha256.size(), 64);
    QCOMPARE(problem.subject, QStringLiteral("server"));
    QCOMPARE(problem.issuer, QStringLiteral("Kurier-Test-CA"));
    QVERIFY(problem.validFrom.isValid() && problem.validUntil > problem.validFrom);
    QVERIFY(!t.isEncrypted());
}

void TestSslTransport::pinnedCertificateAccepted()
{
    TlsPolicy policy;
    policy.pinnedSha256 = {SslTransport::fingerprint(cert(QStringLiteral("server")))};
    SslTransport t(policy);
    QSignalSpy connected(&t, &SslTransport::connected);
    t.connectToHost(QStringLiteral("127.0.0.1"), m_server->serverPort(), true);
    QVERIFY(connected.wait(10000));
    t.write("pinned\r\n");
    QCOMPARE(readUntil(t, "\r\n"), QByteArray("echo: pinned\r\n"));
}

void TestSslTransport::otherPinStillRefused()
{
    TlsPolicy policy;
    policy.pinnedSha256 = {SslTransport::fingerprint(cert(QStringLiteral("other")))};
    SslTransport t(policy);
    QSignalSpy failed(&t, &SslTransport::failed);
    t.connectToHost(QStringLiteral("127.0.0.1"), m_server->serverPort(), true);
    QVERIFY(failed.wait(10000));
    QCOMPARE(t.error(), Error::TlsCertificate);
}

void TestSslTransport::hostNameChecked()
{
    m_server->certificate = cert(QStringLiteral("other"));
    m_server->key = key(QStringLiteral("other"));
    SslTransport t(trusting());
    QSignalSpy failed(&t, &SslTransport::failed);
    t.connectToHost(QStringLiteral("127.0.0.1"), m_server->serverPort(), true);
    QVERIFY(failed.wait(10000));
    QCOMPARE(t.error(), Error::TlsCertificate);
    QVERIFY2(t.certificateProblem().errors.join(u' ').contains(u"host name", Qt::CaseInsensitive),
             qPrintable(t.certificateProblem().errors.join(u"; ")));
}

void TestSslTransport::connectionRefused()
{
    const quint16 port = m_server->serverPort();
    m_server->close();
    SslTransport t(trusting());
    QSignalSpy failed(&t, &SslTransport::failed);
    t.connectToHost(QStringLiteral("127.0.0.1"), port, true);
    QVERIFY(failed.wait(10000));
    QCOMPARE(t.error(), Error::ConnectionRefused);
    QVERIFY(!t.errorText().isEmpty());
}

void TestSslTransport::handshakeTimeout()
{
    m_server->mode = Mode::Silent;
    TlsPolicy policy = trusting();
    policy.connectTimeoutMs = 300;
    SslTransport t(policy);
    QSignalSpy failed(&t, &SslTransport::failed);
    t.connectToHost(QStringLiteral("127.0.0.1"), m_server->serverPort(), true);
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(t.error(), Error::Timeout);
}

void TestSslTransport::idleTimeout()
{
    m_server->mode = Mode::Silent;
    TlsPolicy policy = trusting();
    policy.idleTimeoutMs = 300;
    SslTransport t(policy);
    QSignalSpy connected(&t, &SslTransport::connected);
    QSignalSpy failed(&t, &SslTransport::failed);
    t.connectToHost(QStringLiteral("127.0.0.1"), m_server->serverPort(), false);
    QVERIFY(connected.wait(5000));
    QVERIFY(failed.wait(5000));
    QCOMPARE(t.error(), Error::Timeout);
}

void TestSslTransport::remoteCloseIsNotAFailure()
{
    m_server->mode = Mode::CloseAfterGreeting;
    SslTransport t(trusting());
    QSignalSpy failed(&t, &SslTransport::failed);
    QSignalSpy disconnected(&t, &SslTransport::disconnected);
    t.connectToHost(QStringLiteral("127.0.0.1"), m_server->serverPort(), false);
    QVERIFY(disconnected.wait(5000));
    QCOMPARE(t.readAll(), QByteArray("+OK bye\r\n"));
    QCOMPARE(failed.count(), 0);
    QCOMPARE(t.error(), Error::RemoteClosed);
}

void TestSslTransport::loadCaFile()
{
    QString error;
    QCOMPARE(SslTransport::loadCaFile(m_dir.filePath(QStringLiteral("ca.pem")), &error).size(), 1);
    QVERIFY(error.isEmpty());
    QVERIFY(SslTransport::loadCaFile(m_dir.filePath(QStringLiteral("missing.pem")), &error).isEmpty());
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(SslTransport::loadCaFile(m_dir.filePath(QStringLiteral("server.ext")), &error).isEmpty());
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestSslTransport)
#include "tst_ssl_transport.moc"
