#pragma once

#include "diagnostics/Diagnostic.h"
#include "net/Transport.h"

#include <QCoreApplication>
#include <QString>

namespace kurier::net {

// What a failed Transport means for the user, whatever protocol runs over it: the name was not
// found, the port refused, the certificate did not verify, no TLS could be negotiated, the
// connection was lost. Pop3Diagnostics and SmtpDiagnostics start from here and add only what
// their protocol knows; the next protocol (IMAP) does the same.
class TransportDiagnostic
{
    Q_DECLARE_TR_FUNCTIONS(TransportDiagnostic)
public:
    struct Endpoint {
        QString protocol; // "POP3", "SMTP": named in the texts
        QString host;
        quint16 port = 0;
        // The usual ports, suggested when the connection or the handshake fails
        // (RFC 8314 §3.3 and §7.3 for the implicit TLS ports, RFC 6409 for 587).
        quint16 tlsPort = 0;
        quint16 startTlsPort = 0;
    };

    // `connecting`: the failure came before the connection was up (else it was lost).
    [[nodiscard]] static diagnostics::Diagnostic of(const Transport &transport, const Endpoint &endpoint, bool connecting);
};

} // namespace kurier::net
