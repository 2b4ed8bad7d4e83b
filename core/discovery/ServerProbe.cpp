#include "discovery/ServerProbe.h"

#include "diagnostics/Diagnostic.h"
#include "net/SslTransport.h"
#include "pop3/Pop3Session.h"
#include "smtp/SmtpSession.h"

namespace kurier::discovery {

namespace {

bool isOAuthMechanism(const QByteArray &m)
{
    return m == "XOAUTH2" || m == "OAUTHBEARER";
}

bool isPasswordMechanism(const QByteArray &m)
{
    return m == "PLAIN" || m == "LOGIN";
}

} // namespace

QString ServerProbe::Result::where() const
{
    return QStringLiteral("%1:%2 %3")
        .arg(candidate.host)
        .arg(candidate.port)
        .arg(candidate.security == store::Security::Tls ? QStringLiteral("TLS") : QStringLiteral("STARTTLS"));
}

QString ServerProbe::Result::offers() const
{
    if (candidate.protocol == ServerConfig::Protocol::Smtp)
        return mechanisms.isEmpty() ? QCoreApplication::translate("ServerProbe", "no AUTH")
                                    : QStringLiteral("AUTH ") + QString::fromLatin1(mechanisms.join(' '));
    if (!capabilitiesKnown)
        return QCoreApplication::translate("ServerProbe", "no CAPA (USER/PASS)");
    QStringList parts;
    if (!mechanisms.isEmpty())
        parts << QStringLiteral("SASL ") + QString::fromLatin1(mechanisms.join(' '));
    if (userPass)
        parts << QStringLiteral("USER");
    return parts.isEmpty() ? QCoreApplication::translate("ServerProbe", "no sign-in") : parts.join(QStringLiteral(", "));
}

QList<ServerConfig::Authentication> ServerProbe::Result::authentication() const
{
    using Auth = ServerConfig::Authentication;
    bool oauth = false;
    bool password = false;
    for (const QByteArray &m : mechanisms) {
        oauth = oauth || isOAuthMechanism(m);
        password = password || isPasswordMechanism(m);
    }
    // RFC 1939 USER/PASS, or a server that does not answer CAPA: only USER/PASS can be tried.
    if (candidate.protocol == ServerConfig::Protocol::Pop3)
        password = password || userPass || !capabilitiesKnown;
    QList<Auth> out;
    if (password)
        out << Auth::PasswordCleartext; // cleartext inside TLS, as config-v1.1 names it
    if (oauth)
        out << Auth::OAuth2;
    if (out.isEmpty() && !mechanisms.isEmpty())
        out << Auth::Other; // e.g. only NTLM or GSSAPI: not mistaken for a password server
    if (candidate.protocol == ServerConfig::Protocol::Smtp && out.isEmpty())
        out << Auth::None; // no AUTH at all: a relay for its own network
    return out;
}

ServerProbe::ServerProbe(Candidate candidate, net::TlsPolicy policy, int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_policy(std::move(policy))
    , m_timeoutMs(timeoutMs)
{
    m_result.candidate = std::move(candidate);
    m_policy.connectTimeoutMs = m_timeoutMs;
    m_policy.idleTimeoutMs = m_timeoutMs;
    m_policy.pinnedSha256.clear(); // a probe trusts only what verifies: no pins, no exceptions
}

ServerProbe::~ServerProbe()
{
    abort();
}

void ServerProbe::start()
{
    const Candidate &c = m_result.candidate;
    Q_ASSERT(c.security != store::Security::None);
    m_transport = std::make_unique<net::SslTransport>(m_policy);
    if (c.protocol == ServerConfig::Protocol::Smtp) {
        smtp::SmtpSession::Options o;
        o.host = c.host;
        o.port = c.port;
        o.security = c.security;
        o.capabilitiesOnly = true;
        o.replyTimeoutMs = m_timeoutMs;
        m_smtp = std::make_unique<smtp::SmtpSession>(m_transport.get(), o);
        connect(m_smtp.get(), &smtp::SmtpSession::finished, this, &ServerProbe::conclude);
        m_smtp->open();
        return;
    }
    pop3::Pop3Session::Options o;
    o.host = c.host;
    o.port = c.port;
    o.security = c.security;
    o.capabilitiesOnly = true;
    o.replyTimeoutMs = m_timeoutMs;
    o.microsoft = false;
    m_pop3 = std::make_unique<pop3::Pop3Session>(m_transport.get(), o);
    connect(m_pop3.get(), &pop3::Pop3Session::finished, this, &ServerProbe::conclude);
    m_pop3->open();
}

void ServerProbe::abort(Outcome as, const QString &detail)
{
    if (m_result.outcome == Outcome::Pending) {
        m_result.outcome = as;
        m_result.detail = detail;
    }
    if (m_smtp) {
        m_smtp->disconnect(this);
        m_smtp->abort();
    }
    if (m_pop3) {
        m_pop3->disconnect(this);
        m_pop3->abort();
    }
}

void ServerProbe::conclude(const diagnostics::Diagnostic &error)
{
    if (m_result.outcome != Outcome::Pending)
        return;
    Result &r = m_result;
    if (m_pop3) {
        const pop3::Pop3Capabilities &caps = m_pop3->capabilities();
        r.mechanisms = caps.saslMechanisms;
        r.userPass = caps.user;
        r.capabilitiesKnown = caps.known;
    } else if (m_smtp) {
        r.mechanisms = m_smtp->capabilities().authMechanisms();
        r.capabilitiesKnown = true;
    }
    if (error.isEmpty()) {
        r.outcome = Outcome::Offered;
    } else {
        r.mechanisms.clear(); // nothing learnt before a failure counts (it may be pre-TLS)
        r.userPass = false;
        r.detail = error.summary;
        switch (m_transport->error()) {
        case net::Transport::Error::HostNotFound: r.outcome = Outcome::NoSuchHost; break;
        case net::Transport::Error::ConnectionRefused:
        case net::Transport::Error::Timeout:
        case net::Transport::Error::Network: r.outcome = Outcome::Unreachable; break;
        case net::Transport::Error::TlsCertificate:
            r.outcome = Outcome::CertificateRefused;
            r.detail = m_transport->certificateProblem().errors.join(QStringLiteral("; "));
            break;
        case net::Transport::Error::TlsHandshake: r.outcome = Outcome::TlsFailed; break;
        case net::Transport::Error::RemoteClosed:
        case net::Transport::Error::None:
            r.outcome = error.code == QLatin1String("stls-missing") || error.code == QLatin1String("starttls-missing")
                            ? Outcome::NoStartTls
                            : Outcome::Refused;
            break;
        }
    }
    emit finished();
}

} // namespace kurier::discovery
