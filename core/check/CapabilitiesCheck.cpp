#include "check/CapabilitiesCheck.h"

#include "pop3/Pop3Diagnostics.h"
#include "sasl/Mechanism.h"
#include "smtp/Submission.h"

#include <QCoreApplication>

namespace kurier::check::CapabilitiesCheck {

using diagnostics::Diagnostic;

ConnectionStep pop3(const pop3::Pop3Capabilities &caps, const store::Account &account)
{
    ConnectionStep step;
    step.status = ConnectionStep::Status::Passed;
    step.detail = caps.known ? QString::fromLatin1(caps.toString())
                             : QCoreApplication::translate("CapabilitiesCheck", "The server does not answer CAPA (an RFC 1939-only server); USER/PASS is tried.");
    const bool oauth = account.oauth.enabled;
    const bool usable = oauth ? sasl::chooseMechanism(caps.saslMechanisms, true).has_value()
                              : sasl::chooseMechanism(caps.saslMechanisms, false).has_value() || caps.user || !caps.known;
    if (!usable) {
        step.status = ConnectionStep::Status::Failed;
        step.diagnostic = pop3::Pop3Diagnostics::noMechanism(account.pop3.host, oauth, caps.saslMechanisms.join(' '));
        if (step.diagnostic.serverText.isEmpty())
            step.diagnostic.serverText = QString::fromLatin1(caps.toString());
    }
    return step;
}

QString describe(const smtp::SmtpCapabilities &caps)
{
    QStringList parts;
    if (caps.has(smtp::SmtpCapabilities::StartTls))
        parts << QStringLiteral("STARTTLS");
    if (caps.has(smtp::SmtpCapabilities::Auth))
        parts << QStringLiteral("AUTH ") + QString::fromLatin1(caps.authMechanisms().join(' '));
    if (caps.has(smtp::SmtpCapabilities::Size))
        parts << (caps.sizeLimit() > 0 ? QStringLiteral("SIZE %1").arg(caps.sizeLimit()) : QStringLiteral("SIZE"));
    if (caps.has(smtp::SmtpCapabilities::Pipelining))
        parts << QStringLiteral("PIPELINING");
    if (caps.has(smtp::SmtpCapabilities::EightBitMime))
        parts << QStringLiteral("8BITMIME");
    if (caps.has(smtp::SmtpCapabilities::SmtpUtf8))
        parts << QStringLiteral("SMTPUTF8");
    if (caps.has(smtp::SmtpCapabilities::Chunking))
        parts << QStringLiteral("CHUNKING");
    if (caps.has(smtp::SmtpCapabilities::EnhancedStatusCodes))
        parts << QStringLiteral("ENHANCEDSTATUSCODES");
    return parts.join(QStringLiteral(" · "));
}

ConnectionStep smtp(const smtp::SmtpCapabilities &caps, const store::Account &account)
{
    ConnectionStep step;
    step.status = ConnectionStep::Status::Passed;
    step.detail = describe(caps);
    if (account.smtp.auth == store::SmtpAuth::None)
        return step;
    const bool oauth = smtp::Submission::usesOAuth(account);
    if (sasl::chooseMechanism(caps.authMechanisms(), oauth))
        return step;
    step.status = ConnectionStep::Status::Failed;
    Diagnostic &d = step.diagnostic;
    d.stage = Diagnostic::Stage::Authentication;
    d.code = QStringLiteral("no-mechanism");
    d.serverText = step.detail;
    const QString host = account.smtp.host;
    if (!caps.has(smtp::SmtpCapabilities::Auth)) {
        d.summary = QCoreApplication::translate("CapabilitiesCheck", "The SMTP server offers no sign-in");
        d.cause = QCoreApplication::translate("CapabilitiesCheck", "%1 did not announce AUTH on this connection; some servers offer it only on another port or "
                     "after encryption.")
                      .arg(host);
        d.fix = QCoreApplication::translate("CapabilitiesCheck", "Check the SMTP port and the connection security, or switch SMTP authentication off if the server "
                   "does not need it.");
    } else if (oauth) {
        d.summary = QCoreApplication::translate("CapabilitiesCheck", "The SMTP server does not offer OAuth 2.0 sign-in (XOAUTH2 or OAUTHBEARER)");
        d.cause = QCoreApplication::translate("CapabilitiesCheck", "%1 offers: %2. At Microsoft 365 this usually means SMTP AUTH is switched off for the tenant "
                     "or the mailbox.")
                      .arg(host, QString::fromLatin1(caps.authMechanisms().join(' ')));
        d.fix = QCoreApplication::translate("CapabilitiesCheck", "Ask the administrator to allow authenticated SMTP (Exchange admin center → the mailbox → "
                   "Mail apps → Authenticated SMTP), or use a password for SMTP.");
    } else {
        d.summary = QCoreApplication::translate("CapabilitiesCheck", "The SMTP server accepts no password sign-in Kurier knows");
        d.cause = QCoreApplication::translate("CapabilitiesCheck", "%1 offers: %2.").arg(host, QString::fromLatin1(caps.authMechanisms().join(' ')));
        d.fix = QCoreApplication::translate("CapabilitiesCheck", "Switch OAuth 2.0 on if the provider supports it.");
    }
    return step;
}

} // namespace kurier::check::CapabilitiesCheck
