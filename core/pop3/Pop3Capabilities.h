#pragma once

#include <QByteArray>
#include <QList>

namespace kurier::pop3 {

// What a server said in its CAPA reply (RFC 2449 §5, RFC 2595 §4, RFC 5034 §5), as flags.
// Thrown away after STLS: the capabilities before TLS may have been forged (RFC 2595 §4).
struct Pop3Capabilities {
    bool known = false;      // CAPA answered +OK
    bool top = false;
    bool uidl = false;
    bool user = false;       // USER/PASS allowed
    bool pipelining = false; // RFC 2449 §6.6
    bool stls = false;
    bool respCodes = false;
    bool authRespCode = false;
    QList<QByteArray> saslMechanisms; // upper case
    QByteArray implementation;
    int loginDelaySeconds = -1;
    int expireDays = -1; // -1: not announced; 0: the server deletes messages once retrieved (NEVER = -1)

    // Parses the body lines of the CAPA reply (LF-separated, as Pop3Parser yields them).
    [[nodiscard]] static Pop3Capabilities parse(const QByteArray &body);
    // "TOP UIDL PIPELINING SASL(PLAIN XOAUTH2) …" for logs and `kurierctl check`.
    [[nodiscard]] QByteArray toString() const;
};

} // namespace kurier::pop3
