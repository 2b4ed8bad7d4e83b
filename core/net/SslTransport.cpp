#include "net/SslTransport.h"

#include "net/NetLog.h"
#include "diagnostics/SecondsText.h"
#include "net/SslErrorText.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>

namespace kurier::net {

namespace {

QString protocolName(QSsl::SslProtocol protocol)
{
    switch (protocol) {
    case QSsl::TlsV1_2:
        return QStringLiteral("TLSv1.2");
    case QSsl::TlsV1_3:
        return QStringLiteral("TLSv1.3");
    default:
        return QStringLiteral("TLS");
    }
}

} // namespace

SslTransport::SslTransport(TlsPolicy policy, QObject *parent)
    : Transport(parent)
    , m_policy(std::move(policy))
    , m_socket(new QSslSocket(this))
{
    m_connectTimer.setSingleShot(true);
    m_idleTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        fail(Error::Timeout, m_phase == Phase::Handshaking
                                 ? tr("The TLS handshake with %1 did not finish within %2 s.").arg(m_host, diagnostics::secondsText(m_policy.connectTimeoutMs))
                                 : tr("No connection to %1 within %2 s.").arg(m_host, diagnostics::secondsText(m_policy.connectTimeoutMs)));
    });
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        fail(Error::Timeout, tr("The connection to %1 was idle for %2 s.").arg(m_host, diagnostics::secondsText(m_policy.idleTimeoutMs)));
    });
    connect(m_socket, &QSslSocket::connected, this, &SslTransport::onConnected);
    connect(m_socket, &QSslSocket::encrypted, this, &SslTransport::onEncrypted);
    connect(m_socket, &QSslSocket::sslErrors, this, &SslTransport::onSslErrors);
    connect(m_socket, &QSslSocket::errorOccurred, this, &SslTransport::onSocketError);
    connect(m_socket, &QSslSocket::readyRead, this, &SslTransport::onReadyRead);
    connect(m_socket, &QSslSocket::disconnected, this, &SslTransport::onDisconnected);
    connect(m_socket, &QSslSocket::bytesWritten, this, [this] { touch(); });
}

SslTransport::~SslTransport()
{
    // No signals from a dying object.
    m_socket->disconnect(this);
    m_socket->abort();
}

void SslTransport::connectToHost(const QString &host, quint16 port, bool implicitTls)
{
    m_host = host;
    m_implicitTls = implicitTls;
    m_failed = false;
    m_error = Error::None;
    m_errorText.clear();
    m_problem = {};
    m_closedByUs = false;
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->abort();

    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!m_policy.extraCaCertificates.isEmpty())
        config.addCaCertificates(m_policy.extraCaCertificates);
    m_socket->setSslConfiguration(config);
    // Bounded: a session that stops reading (back-pressure) makes TCP hold the server back
    // instead of this buffer growing.
    m_socket->setReadBufferSize(4 * 1024 * 1024);

    m_phase = Phase::Connecting;
    m_connectTimer.start(m_policy.connectTimeoutMs);
    qCDebug(lcNet) << "connecting to" << host << port << (implicitTls ? "with implicit TLS" : "plain");
    if (implicitTls)
        m_socket->connectToHostEncrypted(host, port); // peer verify name = host
    else
        m_socket->connectToHost(host, port);
}

void SslTransport::startTls()
{
    if (m_failed || m_phase != Phase::Open || m_socket->isEncrypted())
        return;
    // Plaintext the server sent after its "go ahead" was not protected and could be injected by
    // anyone on the path: drop it (RFC 2595 §3.1, RFC 3207 §4). Whatever the kernel still holds
    // will be parsed as TLS records and fail the handshake, which is fail-closed as well.
    const QByteArray dropped = m_socket->readAll();
    if (!dropped.isEmpty())
        qCWarning(lcNet) << "discarded" << dropped.size() << "bytes of plaintext received before the TLS upgrade";
    m_phase = Phase::Handshaking;
    m_idleTimer.stop();
    m_connectTimer.start(m_policy.connectTimeoutMs);
    m_socket->startClientEncryption(); // verifies against the name given to connectToHost()
}

void SslTransport::write(const QByteArray &bytes)
{
    if (m_failed || m_phase != Phase::Open)
        return;
    m_socket->write(bytes);
    touch();
}

QByteArray SslTransport::readAll()
{
    if (m_phase == Phase::Handshaking)
        return {};
    return m_socket->readAll();
}

void SslTransport::close()
{
    m_connectTimer.stop();
    m_idleTimer.stop();
    if (m_phase == Phase::Idle || m_phase == Phase::Closed)
        return;
    m_closedByUs = true;
    m_socket->disconnectFromHost();
}

void SslTransport::abort()
{
    m_connectTimer.stop();
    m_idleTimer.stop();
    m_closedByUs = true;
    m_phase = Phase::Closed;
    m_socket->abort();
}

bool SslTransport::isEncrypted() const
{
    return m_socket->isEncrypted();
}

QString SslTransport::tlsDescription() const
{
    if (!m_socket->isEncrypted())
        return {};
    const QSslCipher cipher = m_socket->sessionCipher();
    return QStringLiteral("%1, %2 (%3 bits)")
        .arg(protocolName(m_socket->sessionProtocol()), cipher.name())
        .arg(cipher.usedBits());
}

QByteArray SslTransport::fingerprint(const QSslCertificate &certificate)
{
    return certificate.digest(QCryptographicHash::Sha256).toHex();
}

QList<QSslCertificate> SslTransport::loadCaFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read the CA file %1: %2").arg(path, file.errorString());
        return {};
    }
    QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem); // returned by move
    if (certificates.isEmpty() && error)
        *error = tr("The CA file %1 contains no PEM certificate.").arg(path);
    return certificates;
}

void SslTransport::onConnected()
{
    // Commands are written in batches already; Nagle would only hold a batch back until the
    // previous one is acknowledged (a delayed ACK: up to 40 ms per round).
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (m_implicitTls) {
        m_phase = Phase::Handshaking; // connected() is emitted after the verified handshake
        return;
    }
    m_connectTimer.stop();
    m_phase = Phase::Open;
    touch();
    qCDebug(lcNet) << "connected (plain) to" << m_host;
    emit connected();
}

void SslTransport::describeProblem(const QSslCertificate &peer)
{
    m_problem = {};
    m_problem.host = m_host;
    m_problem.subject = peer.subjectDisplayName();
    m_problem.issuer = peer.issuerDisplayName();
    m_problem.validFrom = peer.effectiveDate();
    m_problem.validUntil = peer.expiryDate();
    m_problem.sha256 = peer.isNull() ? QByteArray() : fingerprint(peer);
}

void SslTransport::onEncrypted()
{
    m_connectTimer.stop();
    // Security level 2 is ours, not only the system's: OpenSSL refuses weak keys while verifying
    // at Debian's default level, but a lowered system configuration (an admin's openssl.cnf)
    // must not let one through, trusted CA or not.
    const QSslCertificate peer = m_socket->peerCertificate();
    if (const QString weakKey = peer.isNull() ? QString() : weakKeyProblem(peer); !weakKey.isEmpty()) {
        describeProblem(peer);
        m_problem.errors << weakKey;
        qCInfo(lcNet) << "certificate of" << m_host << "refused after the handshake:" << weakKey;
        fail(Error::TlsCertificate, tr("The certificate of %1 was not accepted: %2").arg(m_host, weakKey));
        return;
    }
    m_phase = Phase::Open;
    touch();
    qCDebug(lcNet) << "TLS established with" << m_host << ":" << tlsDescription();
    if (m_implicitTls)
        emit connected();
    else
        emit encrypted();
    // Application data that came with the last handshake flight.
    if (m_socket->bytesAvailable() > 0)
        emit dataReceived();
}

QString SslTransport::weakKeyProblem(const QSslCertificate &certificate)
{
    // OpenSSL security level 2 (Debian's default, and ours): at least 112 bits of security,
    // i.e. RSA, DSA and DH keys of 2048 bits, EC keys of 224 bits.
    const QSslKey key = certificate.publicKey();
    if (key.isNull())
        return {};
    const bool finiteField = key.algorithm() == QSsl::Rsa || key.algorithm() == QSsl::Dsa || key.algorithm() == QSsl::Dh;
    const int minimum = finiteField ? 2048 : key.algorithm() == QSsl::Ec ? 224 : 0;
    if (key.length() <= 0 || key.length() >= minimum)
        return {};
    const QString algorithm = key.algorithm() == QSsl::Rsa ? QStringLiteral("RSA")
        : key.algorithm() == QSsl::Dsa                    ? QStringLiteral("DSA")
        : key.algorithm() == QSsl::Dh                     ? QStringLiteral("DH")
                                                          : QStringLiteral("EC");
    return tr("The certificate's %1 key has only %2 bits; at least %3 are required.").arg(algorithm).arg(key.length()).arg(minimum);
}

void SslTransport::onSslErrors(const QList<QSslError> &errors)
{
    const QSslCertificate peer = m_socket->peerCertificate();
    const QByteArray sha = peer.isNull() ? QByteArray() : fingerprint(peer);
    // Qt reports OpenSSL's "key too small" as an unspecified error; say what it is. A pin does
    // not make a breakable key safe, so it does not cover this one.
    const QString weakKey = peer.isNull() ? QString() : weakKeyProblem(peer);
    if (!sha.isEmpty() && weakKey.isEmpty() && m_policy.pinnedSha256.contains(sha)) {
        // The user accepted exactly this certificate for this account: ignore exactly these
        // errors and nothing else.
        qCInfo(lcNet) << "certificate of" << m_host << "is pinned (" << sha << "); accepting it despite" << errors.size()
                      << "verification errors";
        m_socket->ignoreSslErrors(errors);
        return;
    }
    describeProblem(peer);
    if (!weakKey.isEmpty())
        m_problem.errors << weakKey;
    for (const QSslError &e : errors) {
        if (weakKey.isEmpty() || e.error() != QSslError::UnspecifiedError)
            m_problem.errors << sslErrorText(e);
    }
    if (m_problem.errors.isEmpty())
        m_problem.errors << tr("The certificate could not be verified.");
    qCInfo(lcNet) << "certificate of" << m_host << "refused:" << m_problem.errors << "sha256" << sha;
    // Not ignoring them makes QSslSocket abort the handshake; onSocketError reports it.
}

void SslTransport::onSocketError()
{
    if (m_failed)
        return;
    const QAbstractSocket::SocketError e = m_socket->error();
    const QString text = m_socket->errorString();
    if (m_closedByUs)
        return;
    if (e == QAbstractSocket::RemoteHostClosedError && m_phase == Phase::Open) {
        // An orderly close by the server is not a transport failure; the session decides
        // whether it came at a bad moment.
        m_error = Error::RemoteClosed;
        m_errorText = tr("%1 closed the connection.").arg(m_host);
        return;
    }
    if (!m_problem.isEmpty()) {
        fail(Error::TlsCertificate, tr("The certificate of %1 was not accepted: %2").arg(m_host, m_problem.errors.join(u"; ")));
        return;
    }
    switch (e) {
    case QAbstractSocket::HostNotFoundError:
        fail(Error::HostNotFound, text);
        break;
    case QAbstractSocket::ConnectionRefusedError:
        fail(Error::ConnectionRefused, text);
        break;
    case QAbstractSocket::SocketTimeoutError:
        fail(Error::Timeout, text);
        break;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        fail(Error::TlsHandshake, text);
        break;
    case QAbstractSocket::RemoteHostClosedError:
        fail(m_phase == Phase::Handshaking ? Error::TlsHandshake : Error::RemoteClosed, text);
        break;
    default:
        fail(Error::Network, text);
        break;
    }
}

void SslTransport::onReadyRead()
{
    if (m_phase != Phase::Open)
        return;
    touch();
    emit dataReceived();
}

void SslTransport::onDisconnected()
{
    m_connectTimer.stop();
    m_idleTimer.stop();
    const Phase was = m_phase;
    m_phase = Phase::Closed;
    if (!m_failed && (was == Phase::Connecting || was == Phase::Handshaking)) {
        fail(was == Phase::Handshaking ? Error::TlsHandshake : Error::RemoteClosed,
             tr("%1 closed the connection during the TLS handshake.").arg(m_host));
        return;
    }
    if (!m_failed && !m_closedByUs && m_error == Error::None) {
        m_error = Error::RemoteClosed;
        m_errorText = tr("%1 closed the connection.").arg(m_host);
    }
    emit disconnected();
}

void SslTransport::fail(Error error, const QString &text)
{
    if (m_failed)
        return;
    m_failed = true;
    m_error = error;
    m_errorText = text;
    m_connectTimer.stop();
    m_idleTimer.stop();
    qCInfo(lcNet) << "connection to" << m_host << "failed:" << error << text;
    const bool hadSocket = m_phase != Phase::Idle && m_phase != Phase::Closed;
    m_phase = Phase::Closed;
    emit failed();
    if (hadSocket) {
        // After failed() only disconnected() may follow (Transport contract).
        m_socket->abort();
    }
}

void SslTransport::touch()
{
    if (m_phase == Phase::Open && m_policy.idleTimeoutMs > 0)
        m_idleTimer.start(m_policy.idleTimeoutMs);
}

} // namespace kurier::net
