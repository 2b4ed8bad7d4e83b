#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

namespace kurier::net {

// What a connection trusts. Verification is always on: besides the system store, an account can
// add its own CA file, or pin one exact certificate (SHA-256 of the DER) the user accepted after
// seeing it — never "ignore errors".
struct TlsPolicy {
    QList<QSslCertificate> extraCaCertificates;
    QList<QByteArray> pinnedSha256; // hex, lower case
    int connectTimeoutMs = 30000;
    // Nothing moved in either direction for this long. Every byte restarts it, so a server that
    // trickles a byte at a time is not caught here: the sessions hold each reply to a deadline
    // (Pop3Session::Options::replyTimeoutMs / minBytesPerSecond, SmtpSession::Options::replyTimeoutMs).
    int idleTimeoutMs = 120000;
};

// A failed certificate check, with what the user needs to decide.
struct CertificateProblem {
    QString host; // the server name it was presented for
    QString subject;
    QString issuer;
    QDateTime validFrom;
    QDateTime validUntil;
    QByteArray sha256; // hex, lower case: what a pin stores
    QStringList errors; // QSslError texts
    [[nodiscard]] bool isEmpty() const { return errors.isEmpty(); }
};

} // namespace kurier::net
