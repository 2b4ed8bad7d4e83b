#include "net/TransportDiagnostic.h"

#include <QMetaEnum>

namespace kurier::net {

using diagnostics::Diagnostic;

namespace {

// The explanation, with the transport's own words after it when it has any.
QString withDetail(const QString &explanation, const QString &detail)
{
    return detail.isEmpty() ? explanation : explanation + QStringLiteral(" (") + detail + u')';
}

} // namespace

Diagnostic TransportDiagnostic::of(const Transport &transport, const Endpoint &e, bool connecting)
{
    Diagnostic d;
    d.stage = Diagnostic::Stage::Network;
    d.code = QString::fromLatin1(QMetaEnum::fromType<Transport::Error>().valueToKey(int(transport.error())));
    d.retryable = true;
    const QString where = QStringLiteral("%1:%2").arg(e.host).arg(e.port);
    const QString detail = transport.errorText();
    switch (transport.error()) {
    case Transport::Error::HostNotFound:
        d.summary = tr("The %1 server %2 was not found.").arg(e.protocol, e.host);
        d.cause = withDetail(tr("The host name is misspelt, or there is no network or name service."), detail);
        d.fix = tr("Check the %1 server name in the account and the network connection.").arg(e.protocol);
        break;
    case Transport::Error::ConnectionRefused:
        d.summary = tr("%1 refused the connection.").arg(where);
        d.cause = withDetail(tr("Nothing accepts connections on this port: a wrong port, or the service is down."), detail);
        d.fix = tr("Check the %1 port and the connection security (SSL/TLS is usually port %2, STARTTLS port %3); "
                   "a firewall may also block it.")
                    .arg(e.protocol)
                    .arg(e.tlsPort)
                    .arg(e.startTlsPort);
        break;
    case Transport::Error::Timeout:
        d.summary = tr("The connection to %1 timed out.").arg(where);
        d.cause = tr("The server did not answer in time: a firewall, a wrong port or an overloaded server.");
        d.fix = tr("Check the port and the network; try again later.");
        break;
    case Transport::Error::TlsCertificate: {
        d.stage = Diagnostic::Stage::Tls;
        d.retryable = false;
        const CertificateProblem p = transport.certificateProblem();
        d.summary = tr("The certificate of the %1 server %2 was not accepted.").arg(e.protocol, e.host);
        const QString errors = p.errors.isEmpty() ? detail : p.errors.join(QStringLiteral("; "));
        d.cause = p.sha256.isEmpty()
            ? errors
            : tr("%1\nCertificate: %2, issued by %3, valid %4 to %5, SHA-256 %6")
                  .arg(errors, p.subject, p.issuer, p.validFrom.toString(Qt::ISODate), p.validUntil.toString(Qt::ISODate),
                       QString::fromLatin1(p.sha256));
        d.fix = tr("Check the server name. If your provider uses its own certificate authority, add its CA file to the "
                   "account. Trust this exact certificate for the account only if you can confirm its fingerprint "
                   "with the provider.");
        d.certificate = p;
        break;
    }
    case Transport::Error::TlsHandshake:
        d.stage = Diagnostic::Stage::Tls;
        d.retryable = false;
        d.summary = tr("No secure connection to %1 could be negotiated.").arg(where);
        d.cause = withDetail(tr("The server speaks no TLS on this port, or only versions older than TLS 1.2."), detail);
        d.fix = tr("Check the connection security (SSL/TLS is usually port %1, STARTTLS port %2) and ask the provider "
                   "about TLS 1.2.")
                    .arg(e.tlsPort)
                    .arg(e.startTlsPort);
        break;
    case Transport::Error::RemoteClosed:
        d.summary = tr("The %1 server %2 closed the connection.").arg(e.protocol, e.host);
        d.cause = withDetail(tr("The server or the network ended the connection unexpectedly."), detail);
        d.fix = tr("Try again later.");
        break;
    case Transport::Error::None:
    case Transport::Error::Network:
        d.summary = connecting ? tr("Could not connect to the %1 server %2.").arg(e.protocol, e.host)
                               : tr("The connection to the %1 server %2 was lost.").arg(e.protocol, e.host);
        d.cause = detail.isEmpty() ? tr("A network error.") : detail;
        d.fix = tr("Check the network connection and try again.");
        break;
    }
    return d;
}

} // namespace kurier::net
