#pragma once

#include "discovery/MailConfig.h"
#include "net/TlsPolicy.h"
#include "store/Security.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace kurier::net {
class SslTransport;
}
namespace kurier::pop3 {
class Pop3Session;
}
namespace kurier::smtp {
class SmtpSession;
}
namespace kurier::diagnostics {
struct Diagnostic;
}

namespace kurier::discovery {

// Asks one server what it offers, the way a sign-in would begin and no further: POP3 greeting,
// CAPA, STLS and CAPA again (RFC 2449, RFC 2595), or SMTP EHLO, STARTTLS and EHLO again
// (RFC 3207), then QUIT — through the real sessions (capabilitiesOnly) over SslTransport, so the
// certificate is verified exactly as for the account later. Nothing secret is sent: no user
// name, no password, no token.
class ServerProbe : public QObject
{
    Q_OBJECT
public:
    struct Candidate {
        ServerConfig::Protocol protocol = ServerConfig::Protocol::Pop3; // Pop3 or Smtp
        QString host;
        quint16 port = 0;
        store::Security security = store::Security::Tls; // Tls or StartTls; never plain text
    };
    enum class Outcome {
        Pending,
        Offered,            // it answered as a mail server of that protocol over verified TLS
        NoSuchHost,         // the name does not resolve
        Unreachable,        // refused, timed out, network error
        CertificateRefused, // TLS up, but its certificate does not verify for the name
        TlsFailed,          // handshake failed (e.g. below TLS 1.2)
        NoStartTls,         // the plain port does not offer STLS/STARTTLS
        Refused,            // it answered, but not as a usable server (greeting refused, garbage)
    };
    Q_ENUM(Outcome)

    struct Result {
        Candidate candidate;
        Outcome outcome = Outcome::Pending;
        QList<QByteArray> mechanisms; // SASL (POP3) or AUTH (SMTP), as announced after TLS
        bool userPass = false;        // POP3 USER/PASS allowed
        bool capabilitiesKnown = false; // POP3 answered CAPA (an RFC 1939-only server does not)
        QString detail;               // why not (the diagnostic's summary, the certificate errors)

        // "mail.example.org:995 TLS" / "mail.example.org:587 STARTTLS"
        [[nodiscard]] QString where() const;
        // "SASL PLAIN XOAUTH2, USER" / "AUTH PLAIN LOGIN XOAUTH2": what it offers for sign-in.
        [[nodiscard]] QString offers() const;
        // The config-v1.1 authentication values this server accepts, OAuth first when it
        // offers only OAuth, else the password first (no OAuth server is known from probing).
        [[nodiscard]] QList<ServerConfig::Authentication> authentication() const;
    };

    ServerProbe(Candidate candidate, net::TlsPolicy policy, int timeoutMs, QObject *parent = nullptr);
    ~ServerProbe() override;

    void start();
    // Stops without finished(); result() stays Pending unless told otherwise.
    void abort(Outcome as = Outcome::Pending, const QString &detail = {});
    [[nodiscard]] const Result &result() const { return m_result; }

signals:
    void finished();

private:
    void conclude(const diagnostics::Diagnostic &error);

    Result m_result;
    net::TlsPolicy m_policy;
    int m_timeoutMs;
    std::unique_ptr<net::SslTransport> m_transport;
    std::unique_ptr<pop3::Pop3Session> m_pop3;
    std::unique_ptr<smtp::SmtpSession> m_smtp;
};

} // namespace kurier::discovery
