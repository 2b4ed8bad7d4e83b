#pragma once

#include "net/TlsPolicy.h"

#include <QByteArray>
#include <QObject>
#include <QString>

namespace kurier::net {

// A byte stream to a mail server that can be upgraded to TLS. Sessions (POP3, SMTP) own one
// and never touch a socket themselves; tests give them a scripted fake. Only SslTransport
// talks to QSslSocket.
//
// Contract:
// - connectToHost() starts plain (for STARTTLS or an accepted unencrypted connection) or with
//   implicit TLS; connected() is emitted once the connection (and, for implicit TLS, the verified
//   handshake) is up.
// - startTls() upgrades a plain connection; encrypted() follows the verified handshake. Bytes that
//   arrived before the upgrade and were not read are DISCARDED by startTls() (plaintext
//   injection, RFC 3207 §4 / RFC 2595 §3.1).
// - dataReceived() signals new bytes; readAll() takes them. write() queues bytes.
// - failed() is emitted once with what went wrong; no signal follows it except disconnected().
class Transport : public QObject
{
    Q_OBJECT
public:
    enum class Error {
        None,
        HostNotFound,
        ConnectionRefused,
        Timeout,
        RemoteClosed,
        TlsHandshake,   // protocol or version failure (e.g. below TLS 1.2)
        TlsCertificate, // verification failed; certificateProblem() has the details
        Network,
    };
    Q_ENUM(Error)

    using QObject::QObject;
    ~Transport() override = default;

    virtual void connectToHost(const QString &host, quint16 port, bool implicitTls) = 0;
    virtual void startTls() = 0;
    virtual void write(const QByteArray &bytes) = 0;
    [[nodiscard]] virtual QByteArray readAll() = 0;
    virtual void close() = 0;
    // Drops the connection at once (cancel, protocol violation).
    virtual void abort() = 0;

    [[nodiscard]] virtual bool isEncrypted() const = 0;
    [[nodiscard]] virtual Error error() const = 0;
    [[nodiscard]] virtual QString errorText() const = 0;
    [[nodiscard]] virtual CertificateProblem certificateProblem() const = 0;
    // Negotiated protocol and cipher, for "kurierctl check" and the connection test.
    [[nodiscard]] virtual QString tlsDescription() const = 0;

signals:
    void connected();
    void encrypted();
    void dataReceived();
    void failed();
    void disconnected();
};

} // namespace kurier::net
