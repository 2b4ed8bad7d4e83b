#include "smtp/SmtpDiagnostics.h"

#include "net/Transport.h"
#include "net/TransportDiagnostic.h"

#include <QCoreApplication>
#include <QVariant>

namespace kurier::smtp {

namespace {

// A known server answer. A row matches when the code matches (0: any), the enhanced code starts
// with `enhanced` (empty: any) and the text contains every one of `needles` (case-insensitive).
struct KnownProblem {
    int code;
    const char *enhanced;
    QList<const char *> needles;
    const char *summary;
    const char *cause;
    const char *fix;
};

const QList<KnownProblem> &knownProblems()
{
    // QT_TRANSLATE_NOOP so lupdate sees the texts; translated when used.
    static const QList<KnownProblem> table{
        {535, "5.7.139", {"SmtpClientAuthentication"},
         QT_TRANSLATE_NOOP("SmtpDiagnostics", "SMTP AUTH is switched off for your organisation or mailbox"),
         QT_TRANSLATE_NOOP("SmtpDiagnostics",
                           "Microsoft 365 refuses authenticated SMTP (SMTP AUTH) for this tenant or mailbox. "
                           "Security Defaults also switch it off."),
         QT_TRANSLATE_NOOP("SmtpDiagnostics",
                           "An administrator opens the Exchange admin center → Settings → Mail flow and unticks "
                           "\"Turn off SMTP AUTH protocol for your organization\", or runs "
                           "Set-CASMailbox -Identity <address> -SmtpClientAuthenticationDisabled $false. "
                           "With Security Defaults on, SMTP AUTH stays off until they are replaced by "
                           "Conditional Access policies.")},
        {535, "5.7.139", {},
         QT_TRANSLATE_NOOP("SmtpDiagnostics", "Microsoft 365 refused the sign-in"),
         QT_TRANSLATE_NOOP("SmtpDiagnostics",
                           "The account is blocked from signing in, or SMTP AUTH is not allowed for it "
                           "(Security Defaults, Conditional Access or a disabled mailbox protocol)."),
         QT_TRANSLATE_NOOP("SmtpDiagnostics",
                           "Ask an administrator to check the user's sign-in status in Microsoft Entra ID and "
                           "that \"Authenticated SMTP\" is enabled for the mailbox (Exchange admin center → "
                           "Recipients → Mailboxes → Mail apps).")},
        {535, "5.7.3", {},
         QT_TRANSLATE_NOOP("SmtpDiagnostics", "The server did not accept the sign-in"),
         QT_TRANSLATE_NOOP("SmtpDiagnostics",
                           "With OAuth 2.0, Microsoft 365 answers this when the token is for another audience "
                           "or scope (not https://outlook.office365.com/.default or SMTP.Send), or belongs to "
                           "another user than the SMTP user name. With a password: user name or password are "
                           "wrong, or basic authentication is switched off."),
         QT_TRANSLATE_NOOP("SmtpDiagnostics",
                           "Check that the scope is https://outlook.office365.com/.default (or SMTP.Send), that "
                           "the app registration has the SMTP.Send permission with admin consent, and that the "
                           "SMTP user name is the address the token was issued to (kurierctl token shows it).")},
        {430, "4.2.0", {"STOREDRV"},
         QT_TRANSLATE_NOOP("SmtpDiagnostics", "The mailbox could not be opened for sending"),
         QT_TRANSLATE_NOOP("SmtpDiagnostics",
                           "Microsoft 365 accepted the application's token but the application has no permission "
                           "on this mailbox (app-only access needs a service principal with mailbox "
                           "permission), or the mailbox is not available right now."),
         QT_TRANSLATE_NOOP("SmtpDiagnostics",
                           "An administrator registers the application's service principal in Exchange Online "
                           "(New-ServicePrincipal) and grants it FullAccess on the mailbox "
                           "(Add-MailboxPermission), then tries again.")},
        {554, "5.2.0", {"SendAsDenied"},
         QT_TRANSLATE_NOOP("SmtpDiagnostics", "You may not send as this address"),
         QT_TRANSLATE_NOOP("SmtpDiagnostics",
                           "The From address is not the signed-in mailbox, and the user has no \"Send As\" "
                           "permission for it."),
         QT_TRANSLATE_NOOP("SmtpDiagnostics",
                           "Send from your own address, or ask an administrator to grant you Send As on the other "
                           "mailbox (Exchange admin center → Recipients → Mailboxes → Delegation).")},
        {530, "5.7.0", {"STARTTLS"},
         QT_TRANSLATE_NOOP("SmtpDiagnostics", "The server requires an encrypted connection"),
         QT_TRANSLATE_NOOP("SmtpDiagnostics", "The server accepts commands only after STARTTLS."),
         QT_TRANSLATE_NOOP("SmtpDiagnostics", "Set the SMTP connection security to STARTTLS or SSL/TLS.")},
        {0, "5.7.8", {},
         QT_TRANSLATE_NOOP("SmtpDiagnostics", "The server did not accept the sign-in"),
         QT_TRANSLATE_NOOP("SmtpDiagnostics",
                           "User name, password or token were not accepted (RFC 4954: authentication "
                           "credentials invalid)."),
         QT_TRANSLATE_NOOP("SmtpDiagnostics",
                           "Check the SMTP user name and password; with OAuth 2.0, sign in again "
                           "(kurierctl token --force).")},
        {0, "5.7.1", {},
         QT_TRANSLATE_NOOP("SmtpDiagnostics", "The server refused to relay or to accept this sender"),
         QT_TRANSLATE_NOOP("SmtpDiagnostics",
                           "The server's policy does not allow this message: usually the sender address is not "
                           "yours, or the server wants you to sign in first."),
         QT_TRANSLATE_NOOP("SmtpDiagnostics",
                           "Send from the account's own address and make sure SMTP authentication is switched on "
                           "for the account.")},
        {0, "5.1.1", {},
         QT_TRANSLATE_NOOP("SmtpDiagnostics", "Unknown recipient"),
         QT_TRANSLATE_NOOP("SmtpDiagnostics", "The recipient's mailbox does not exist (RFC 3463 X.1.1)."),
         QT_TRANSLATE_NOOP("SmtpDiagnostics", "Check the address for typing errors.")},
    };
    return table;
}

const KnownProblem *findKnown(const SmtpReply &reply)
{
    const QString text = reply.text();
    for (const KnownProblem &k : knownProblems()) {
        if (k.code != 0 && k.code != reply.code)
            continue;
        const QString enhanced = QString::fromLatin1(k.enhanced);
        if (!enhanced.isEmpty()) {
            // "5.7.13" must not match "5.7.139": compare whole codes, or the text's first word
            // for servers that put the code there without announcing ENHANCEDSTATUSCODES.
            if (reply.enhancedCode != enhanced && !text.startsWith(enhanced + u' '))
                continue;
        }
        bool all = true;
        for (const char *needle : k.needles)
            all = all && text.contains(QLatin1String(needle), Qt::CaseInsensitive);
        if (all)
            return &k;
    }
    return nullptr;
}

// For the table's texts (marked with QT_TRANSLATE_NOOP above).
QString translated(const char *text)
{
    return QCoreApplication::translate("SmtpDiagnostics", text);
}

} // namespace

bool SmtpDiagnostics::isKnownProblem(const SmtpReply &reply)
{
    return findKnown(reply) != nullptr;
}

diagnostics::Diagnostic SmtpDiagnostics::diagnose(const SmtpReply &reply, Step step)
{
    using diagnostics::Diagnostic;
    Diagnostic d;
    d.serverText = reply.toDisplayString();
    d.code = reply.enhancedCode.isEmpty() ? QString::number(reply.code) : reply.enhancedCode;
    // RFC 5321 §4.2.1: 4yz is transient — the same command may work later.
    d.retryable = reply.isTransientFailure();
    d.stage = step == Step::Authentication ? Diagnostic::Stage::Authentication
        : step == Step::StartTls           ? Diagnostic::Stage::Tls
                                           : Diagnostic::Stage::Protocol;

    if (const KnownProblem *k = findKnown(reply)) {
        d.summary = translated(k->summary);
        d.cause = translated(k->cause);
        d.fix = translated(k->fix);
        return d;
    }

    switch (step) {
    case Step::Greeting:
        d.summary = QCoreApplication::translate("SmtpDiagnostics", "The SMTP server refused the connection");
        break;
    case Step::Hello:
        d.summary = QCoreApplication::translate("SmtpDiagnostics", "The SMTP server refused the greeting (EHLO)");
        d.fix = QCoreApplication::translate("SmtpDiagnostics", "Set an explicit host name for EHLO in the account's SMTP settings.");
        break;
    case Step::StartTls:
        d.summary = QCoreApplication::translate("SmtpDiagnostics", "The SMTP server refused to start TLS");
        d.cause = QCoreApplication::translate("SmtpDiagnostics", "The message was not sent, because it would have gone unencrypted.");
        d.fix = QCoreApplication::translate("SmtpDiagnostics", "Try again later, or ask the server's administrator; use SSL/TLS (port 465) if the server offers it.");
        break;
    case Step::Authentication:
        d.summary = QCoreApplication::translate("SmtpDiagnostics", "The SMTP server did not accept the sign-in");
        d.fix = reply.isTransientFailure() ? QCoreApplication::translate("SmtpDiagnostics", "Try again later.")
                                           : QCoreApplication::translate("SmtpDiagnostics", "Check the SMTP user name and password, or the OAuth 2.0 settings.");
        break;
    case Step::MailFrom:
        d.summary = QCoreApplication::translate("SmtpDiagnostics", "The SMTP server refused the sender address");
        d.fix = QCoreApplication::translate("SmtpDiagnostics", "Send from the account's own address.");
        break;
    case Step::Recipient:
        d.summary = QCoreApplication::translate("SmtpDiagnostics", "The SMTP server refused the recipient");
        d.fix = QCoreApplication::translate("SmtpDiagnostics", "Check the recipient's address.");
        break;
    case Step::Data:
    case Step::EndOfData:
        d.summary = QCoreApplication::translate("SmtpDiagnostics", "The SMTP server refused the message");
        break;
    }
    if (reply.isTransientFailure() && step != Step::Authentication)
        d.fix = QCoreApplication::translate("SmtpDiagnostics", "Kurier tries again later.");
    if (d.cause.isEmpty())
        d.cause = reply.isTransientFailure() ? QCoreApplication::translate("SmtpDiagnostics", "A temporary problem on the server (4xx): sending again later may work.")
                                             : QCoreApplication::translate("SmtpDiagnostics", "A permanent refusal (5xx): sending the same again will fail again.");
    if (d.fix.isEmpty())
        d.fix = reply.isTransientFailure() ? QCoreApplication::translate("SmtpDiagnostics", "Kurier tries again later.") : QCoreApplication::translate("SmtpDiagnostics", "Read the server's answer above.");
    return d;
}

using diagnostics::Diagnostic;

// --- failures of the session itself (no reply to explain) -------------------------------

Diagnostic SmtpDiagnostics::timeout(const QString &host)
{
    Diagnostic d;
    d.stage = Diagnostic::Stage::Network;
    d.summary = tr("The SMTP server stopped answering");
    d.cause = tr("No reply from %1 within the time limit.").arg(host);
    d.fix = tr("Kurier tries again later. If it keeps happening, check the network and the server.");
    d.code = QStringLiteral("timeout");
    d.retryable = true;
    return d;
}

Diagnostic SmtpDiagnostics::unencryptedNotAccepted()
{
    Diagnostic d;
    d.stage = Diagnostic::Stage::Configuration;
    d.summary = tr("Unencrypted SMTP was not accepted for this account");
    d.cause = tr("The account is set to connect without encryption, but that was never confirmed.");
    d.fix = tr("Choose STARTTLS or SSL/TLS, or confirm the unencrypted connection in the account settings.");
    d.code = QStringLiteral("unencrypted-not-accepted");
    return d;
}

Diagnostic SmtpDiagnostics::cancelled()
{
    Diagnostic d;
    d.stage = Diagnostic::Stage::Network;
    d.summary = tr("Sending was cancelled");
    d.code = QStringLiteral("cancelled");
    d.retryable = true;
    return d;
}

Diagnostic SmtpDiagnostics::startTlsMissing(const QString &host)
{
    Diagnostic d;
    d.stage = Diagnostic::Stage::Tls;
    d.summary = tr("The SMTP server does not offer STARTTLS");
    d.cause = tr("The account requires an encrypted connection, and %1 did not offer to encrypt it "
                 "(or something between you and the server removed the offer).")
                  .arg(host);
    d.fix = tr("Check the SMTP server and port (STARTTLS is usually port 587, SSL/TLS port 465). "
               "Nothing was sent unencrypted.");
    d.code = QStringLiteral("starttls-missing");
    return d;
}

Diagnostic SmtpDiagnostics::noMechanism(const QString &host, bool oauth, bool authOffered, const QString &offered)
{
    Diagnostic d;
    d.stage = Diagnostic::Stage::Authentication;
    d.code = QStringLiteral("no-mechanism");
    if (!authOffered) {
        d.summary = tr("The SMTP server offers no sign-in");
        d.cause = tr("%1 did not announce AUTH on this connection; some servers offer it only on another "
                     "port or after encryption.")
                      .arg(host);
        d.fix = tr("Check the SMTP port and the connection security, or switch SMTP authentication off "
                   "if the server does not need it.");
    } else {
        d.summary = oauth ? tr("The SMTP server does not accept OAuth 2.0 sign-in")
                          : tr("The SMTP server accepts no password sign-in Kurier knows");
        d.cause = tr("The server offers: %1.").arg(offered);
        d.fix = oauth ? tr("Switch OAuth 2.0 off for this account, or use a server that supports XOAUTH2 or OAUTHBEARER.")
                      : tr("Switch OAuth 2.0 on if the provider supports it.");
    }
    return d;
}

Diagnostic SmtpDiagnostics::transportFailed(const net::Transport &transport, const QString &host, quint16 port, bool connecting)
{
    if (transport.error() == net::Transport::Error::RemoteClosed)
        return closed(transport.errorText());
    // RFC 8314 §3.3: 465 for submission over TLS; RFC 6409: 587 with STARTTLS.
    Diagnostic d = net::TransportDiagnostic::of(transport, {QStringLiteral("SMTP"), host, port, 465, 587}, connecting);
    // The Outbox keeps what did not go out and tries again by itself.
    if (d.retryable)
        d.fix += u' ' + tr("Kurier tries again later.");
    return d;
}

Diagnostic SmtpDiagnostics::closed(const QString &errorText)
{
    Diagnostic d;
    d.stage = Diagnostic::Stage::Network;
    d.summary = tr("The SMTP server closed the connection");
    d.cause = errorText;
    d.fix = tr("Kurier tries again later.");
    d.code = QStringLiteral("RemoteClosed");
    d.retryable = true;
    return d;
}

Diagnostic SmtpDiagnostics::protocol(const QString &what)
{
    Diagnostic d;
    d.stage = Diagnostic::Stage::Protocol;
    d.summary = tr("The SMTP server sent something Kurier does not understand");
    d.serverText = what;
    d.fix = tr("Check that the port belongs to an SMTP server. Kurier tries again later.");
    d.code = QStringLiteral("protocol");
    d.retryable = true;
    return d;
}

} // namespace kurier::smtp
