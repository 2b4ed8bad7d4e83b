#pragma once

#include "net/TlsPolicy.h"
#include "net/Transport.h"

#include <QList>
#include <QSslError>
#include <QTimer>

class QSslSocket;

namespace kurier::net {

// The one Transport on a real socket (QSslSocket): plain, STARTTLS upgrade, or implicit TLS.
// Used by the POP3 and SMTP sessions alike; see Transport.h for the contract.
//
// Security (never configurable away):
// - TLS 1.2 or later; the peer certificate is verified against the system CAs plus
//   TlsPolicy::extraCaCertificates, and the host name is checked (RFC 6125).
// - A certificate that fails verification is accepted only if its SHA-256 (of the DER) is one
//   of TlsPolicy::pinnedSha256 — and then only the exact errors reported for it are ignored.
//   Otherwise failed() with Error::TlsCertificate and certificateProblem() for the UI.
// - startTls() discards plaintext that arrived but was not read (RFC 2595 §3.1, RFC 3207 §4).
// - Timeouts: TlsPolicy::connectTimeoutMs for TCP connect plus handshake, idleTimeoutMs for a
//   connection on which nothing moved in either direction. Signals only, no waitFor*.
class SslTransport : public Transport
{
    Q_OBJECT
public:
    explicit SslTransport(TlsPolicy policy = {}, QObject *parent = nullptr);
    ~SslTransport() override;

    void setPolicy(const TlsPolicy &policy) { m_policy = policy; }
    [[nodiscard]] const TlsPolicy &policy() const { return m_policy; }

    void connectToHost(const QString &host, quint16 port, bool implicitTls) override;
    void startTls() override;
    void write(const QByteArray &bytes) override;
    [[nodiscard]] QByteArray readAll() override;
    void close() override;
    void abort() override;

    [[nodiscard]] bool isEncrypted() const override;
    [[nodiscard]] Error error() const override { return m_error; }
    [[nodiscard]] QString errorText() const override { return m_errorText; }
    [[nodiscard]] CertificateProblem certificateProblem() const override { return m_problem; }
    [[nodiscard]] QString tlsDescription() const override;

    // The SHA-256 of a certificate's DER, hex lower case: what TlsPolicy::pinnedSha256 holds.
    [[nodiscard]] static QByteArray fingerprint(const QSslCertificate &certificate);
    // Why the certificate's key is too weak to trust (below OpenSSL security level 2), or empty.
    [[nodiscard]] static QString weakKeyProblem(const QSslCertificate &certificate);
    // Loads a PEM file of CA certificates (Account::extraCaFile); empty list and *error if unusable.
    [[nodiscard]] static QList<QSslCertificate> loadCaFile(const QString &path, QString *error = nullptr);

private:
    enum class Phase { Idle, Connecting, Handshaking, Open, Closed };

    void onConnected();
    void onEncrypted();
    // Fills m_problem with the certificate's details (no errors yet).
    void describeProblem(const QSslCertificate &peer);
    void onSslErrors(const QList<QSslError> &errors);
    void onSocketError();
    void onReadyRead();
    void onDisconnected();
    void fail(Error error, const QString &text);
    void touch();

    TlsPolicy m_policy;
    QSslSocket *m_socket;
    QTimer m_connectTimer;
    QTimer m_idleTimer;
    Phase m_phase = Phase::Idle;
    bool m_implicitTls = false;
    bool m_failed = false;
    bool m_closedByUs = false;
    Error m_error = Error::None;
    QString m_errorText;
    CertificateProblem m_problem;
    QString m_host;
};

} // namespace kurier::net
