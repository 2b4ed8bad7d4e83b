#include "pop3/Pop3Diagnostics.h"

#include "diagnostics/SecondsText.h"
#include "net/TransportDiagnostic.h"

#include <QCoreApplication>
#include <QMetaEnum>

namespace kurier::pop3::Pop3Diagnostics {

namespace {

// Adds what RFC 2449 response codes tell, if anything; returns true if it did.
bool explainResponseCode(Diagnostic &d, const Pop3Reply &reply)
{
    const QByteArray &code = reply.code();
    if (code == "IN-USE") {
        d.cause = QCoreApplication::translate("Pop3Diagnostics", "Another program (or another Kurier) has the mailbox open; POP3 allows only one session at a time.");
        d.fix = QCoreApplication::translate("Pop3Diagnostics", "Close the other mail program or wait until it has finished, then fetch again.");
        d.retryable = true;
        return true;
    }
    if (code == "LOGIN-DELAY") {
        d.cause = QCoreApplication::translate("Pop3Diagnostics", "The server allows only a limited number of logins in a given time.");
        d.fix = QCoreApplication::translate("Pop3Diagnostics", "Wait a few minutes and fetch again; fetch less often.");
        d.retryable = true;
        return true;
    }
    if (code == "SYS/TEMP") {
        d.cause = QCoreApplication::translate("Pop3Diagnostics", "The server has a temporary problem.");
        d.fix = QCoreApplication::translate("Pop3Diagnostics", "Try again later.");
        d.retryable = true;
        return true;
    }
    if (code == "SYS/PERM") {
        d.cause = QCoreApplication::translate("Pop3Diagnostics", "The server has a permanent problem with this mailbox.");
        d.fix = QCoreApplication::translate("Pop3Diagnostics", "Ask the mail server's administrator.");
        return true;
    }
    return false;
}

} // namespace

bool isMicrosoftHost(const QString &host)
{
    const QString h = host.toLower();
    return h.endsWith(u"office365.com") || h.endsWith(u"outlook.com") || h.endsWith(u".office.com");
}

Diagnostic transportFailed(const net::Transport &transport, const QString &host, quint16 port)
{
    // A close in the middle of the conversation says more in POP3's words (what was going on,
    // and that a new fetch duplicates nothing).
    if (transport.error() == net::Transport::Error::RemoteClosed)
        return connectionClosed(host, QCoreApplication::translate("Pop3Diagnostics", "the conversation"));
    // RFC 8314 §3.3: 995 for POP3 over TLS; RFC 1939 / RFC 2595: 110 with STLS.
    return net::TransportDiagnostic::of(transport, {QStringLiteral("POP3"), host, port, 995, 110}, false);
}

Diagnostic connectionClosed(const QString &host, const QString &during)
{
    Diagnostic d;
    d.stage = Diagnostic::Stage::Network;
    d.summary = QCoreApplication::translate("Pop3Diagnostics", "%1 closed the connection during %2.").arg(host, during);
    d.cause = QCoreApplication::translate("Pop3Diagnostics", "The server or the network ended the connection unexpectedly.");
    d.fix = QCoreApplication::translate("Pop3Diagnostics", "Fetch again: messages already stored are not fetched twice.");
    d.retryable = true;
    return d;
}

Diagnostic replyTimeout(const QString &host, int timeoutMs)
{
    Diagnostic d;
    d.stage = Diagnostic::Stage::Network;
    d.summary = QCoreApplication::translate("Pop3Diagnostics", "%1 did not answer within %2 s.").arg(host, diagnostics::secondsText(timeoutMs));
    d.cause = QCoreApplication::translate("Pop3Diagnostics", "The server or the network is stuck.");
    d.fix = QCoreApplication::translate("Pop3Diagnostics", "Fetch again later: messages already stored are not fetched twice.");
    d.code = QStringLiteral("timeout");
    d.retryable = true;
    return d;
}

Diagnostic tooSlow(const QString &host, qint64 bytes, qint64 elapsedMs)
{
    Diagnostic d;
    d.stage = Diagnostic::Stage::Network;
    d.summary = QCoreApplication::translate("Pop3Diagnostics", "%1 is sending far too slowly; the connection was closed.").arg(host);
    d.cause = QCoreApplication::translate("Pop3Diagnostics", "Only %1 bytes of the reply arrived in %2 s.")
                  .arg(QString::number(bytes), diagnostics::secondsText(elapsedMs));
    d.fix = QCoreApplication::translate("Pop3Diagnostics", "Fetch again later: messages already stored are not fetched twice.");
    d.code = QStringLiteral("timeout");
    d.retryable = true;
    return d;
}

Diagnostic protocolViolation(const QString &host, const QString &what)
{
    Diagnostic d;
    d.stage = Diagnostic::Stage::Protocol;
    d.summary = QCoreApplication::translate("Pop3Diagnostics", "%1 broke the POP3 protocol; the connection was closed.").arg(host);
    d.serverText = what;
    d.cause = QCoreApplication::translate("Pop3Diagnostics", "The server sent something a POP3 server must not send (or more than the configured limits allow).");
    d.fix = QCoreApplication::translate("Pop3Diagnostics", "Check that the port belongs to a POP3 server; if it does, report this to the provider.");
    d.code = QStringLiteral("protocol");
    return d;
}

Diagnostic greetingRefused(const QString &host, const Pop3Reply &reply)
{
    Diagnostic d;
    d.stage = Diagnostic::Stage::Protocol;
    d.summary = QCoreApplication::translate("Pop3Diagnostics", "%1 refused the POP3 session.").arg(host);
    d.serverText = QString::fromUtf8(reply.toLine());
    if (!explainResponseCode(d, reply)) {
        d.cause = QCoreApplication::translate("Pop3Diagnostics", "The server is not accepting POP3 sessions right now.");
        d.fix = QCoreApplication::translate("Pop3Diagnostics", "Try again later.");
        d.retryable = true;
    }
    d.code = QString::fromLatin1(reply.code());
    return d;
}

Diagnostic startTlsNotOffered(const QString &host)
{
    Diagnostic d;
    d.stage = Diagnostic::Stage::Tls;
    d.summary = QCoreApplication::translate("Pop3Diagnostics", "%1 does not offer STARTTLS (STLS); Kurier does not continue unencrypted.").arg(host);
    d.cause = QCoreApplication::translate("Pop3Diagnostics", "The server does not support STLS, or someone on the network removed it from the capability list.");
    d.fix = QCoreApplication::translate("Pop3Diagnostics", "Use SSL/TLS on port 995 if the server offers it; otherwise ask the provider to enable STLS.");
    d.code = QStringLiteral("stls-missing");
    return d;
}

Diagnostic startTlsRefused(const QString &host, const Pop3Reply &reply)
{
    Diagnostic d;
    d.stage = Diagnostic::Stage::Tls;
    d.summary = QCoreApplication::translate("Pop3Diagnostics", "%1 refused STARTTLS (STLS); Kurier does not continue unencrypted.").arg(host);
    d.serverText = QString::fromUtf8(reply.toLine());
    d.cause = QCoreApplication::translate("Pop3Diagnostics", "The server announced STLS but refused it.");
    d.fix = QCoreApplication::translate("Pop3Diagnostics", "Try SSL/TLS on port 995, or ask the provider.");
    d.code = QStringLiteral("stls-refused");
    return d;
}

Diagnostic unencryptedNotAccepted(const QString &host)
{
    Diagnostic d;
    d.stage = Diagnostic::Stage::Configuration;
    d.summary = QCoreApplication::translate("Pop3Diagnostics", "The connection to %1 is not encrypted; Kurier did not send the credentials.").arg(host);
    d.cause = QCoreApplication::translate("Pop3Diagnostics", "The account uses no encryption, and sending the password in plain text was not explicitly accepted.");
    d.fix = QCoreApplication::translate("Pop3Diagnostics", "Choose SSL/TLS or STARTTLS for the account, or accept an unencrypted connection for it explicitly.");
    d.code = QStringLiteral("unencrypted");
    return d;
}

Diagnostic noMechanism(const QString &host, bool oauth, const QByteArray &offered)
{
    Diagnostic d;
    d.stage = Diagnostic::Stage::Authentication;
    d.serverText = QString::fromLatin1(offered);
    if (oauth) {
        d.summary = QCoreApplication::translate("Pop3Diagnostics", "%1 offers no OAuth 2.0 sign-in (XOAUTH2 or OAUTHBEARER).").arg(host);
        d.cause = QCoreApplication::translate("Pop3Diagnostics", "The server does not support OAuth 2.0 for POP3.");
        d.fix = QCoreApplication::translate("Pop3Diagnostics", "Switch OAuth 2.0 off for this account and use the password, or check the POP3 server name.");
    } else {
        d.summary = QCoreApplication::translate("Pop3Diagnostics", "%1 offers no password sign-in Kurier can use.").arg(host);
        d.cause = QCoreApplication::translate("Pop3Diagnostics", "The server allows neither SASL PLAIN/LOGIN nor USER/PASS (perhaps only OAuth 2.0).");
        d.fix = QCoreApplication::translate("Pop3Diagnostics", "Switch OAuth 2.0 on for this account if the provider requires it.");
    }
    d.code = QStringLiteral("no-mechanism");
    return d;
}

Diagnostic authenticationFailed(const QString &host, const Pop3Reply &reply, bool oauth, bool microsoft, bool appOnly)
{
    Diagnostic d;
    d.stage = Diagnostic::Stage::Authentication;
    d.summary = QCoreApplication::translate("Pop3Diagnostics", "%1 refused the sign-in.").arg(host);
    d.serverText = QString::fromUtf8(reply.toLine());
    d.code = QString::fromLatin1(reply.code());
    if (explainResponseCode(d, reply))
        return d;
    if (microsoft && reply.text().startsWith("Authentication failure")) {
        // Exchange Online answers every refusal with "-ERR Authentication failure: unknown user
        // name or bad password." – for OAuth that is almost never a bad password.
        d.code = QStringLiteral("ms-pop-auth-failure");
        if (appOnly) {
            d.cause = QCoreApplication::translate("Pop3Diagnostics", "For app-only access Exchange Online refuses the token when the application's service principal "
                         "is not registered in Exchange, or it has no FullAccess permission on this mailbox.");
            d.fix = QCoreApplication::translate("Pop3Diagnostics", "An administrator runs New-ServicePrincipal and Add-MailboxPermission -AccessRights FullAccess "
                       "for the application in Exchange Online PowerShell.");
        } else if (oauth) {
            d.cause = QCoreApplication::translate("Pop3Diagnostics", "POP is disabled for the mailbox, or the user name does not match the account the token "
                         "was issued to.");
            d.fix = QCoreApplication::translate("Pop3Diagnostics", "Enable POP for the mailbox (Exchange admin center → Mailboxes → Email apps, or "
                       "Set-CASMailbox -PopEnabled $true) and make the POP3 user the signed-in address.");
        } else {
            d.cause = QCoreApplication::translate("Pop3Diagnostics", "Exchange Online no longer accepts passwords for POP (basic authentication is switched off).");
            d.fix = QCoreApplication::translate("Pop3Diagnostics", "Switch on OAuth 2.0 for this account (Vorlage → Microsoft 365).");
        }
        return d;
    }
    if (oauth) {
        d.cause = QCoreApplication::translate("Pop3Diagnostics", "The server did not accept the access token, even a freshly issued one: it belongs to another user, "
                     "has the wrong audience or scope, or POP access is not allowed for the mailbox.");
        d.fix = QCoreApplication::translate("Pop3Diagnostics", "Check the user name, the OAuth scope and the mailbox's POP permission; `kurierctl token` shows "
                   "whom the token was issued to.");
    } else {
        d.cause = QCoreApplication::translate("Pop3Diagnostics", "The user name or the password is wrong, or the mailbox does not allow POP3.");
        d.fix = QCoreApplication::translate("Pop3Diagnostics", "Check the user name and enter the password again.");
    }
    return d;
}

Diagnostic commandFailed(const QString &host, const QByteArray &command, const Pop3Reply &reply)
{
    Diagnostic d;
    d.stage = Diagnostic::Stage::Protocol;
    d.summary = QCoreApplication::translate("Pop3Diagnostics", "%1 refused %2.").arg(host, QString::fromLatin1(command));
    d.serverText = QString::fromUtf8(reply.toLine());
    d.code = QString::fromLatin1(reply.code());
    if (!explainResponseCode(d, reply)) {
        d.cause = QCoreApplication::translate("Pop3Diagnostics", "The server could not carry out the command.");
        d.fix = QCoreApplication::translate("Pop3Diagnostics", "Try again later; if it persists, report the server's text to the provider.");
        d.retryable = true;
    }
    return d;
}

Diagnostic messageTooLarge(qint64 size, qint64 limit)
{
    Diagnostic d;
    d.stage = Diagnostic::Stage::Protocol;
    d.summary = QCoreApplication::translate("Pop3Diagnostics", "A message of %1 bytes exceeds the limit of %2 bytes.").arg(size).arg(limit);
    d.cause = QCoreApplication::translate("Pop3Diagnostics", "The server sent more than the maximum message size allows.");
    d.fix = QCoreApplication::translate("Pop3Diagnostics", "Raise the maximum message size, or fetch the message with another program.");
    d.code = QStringLiteral("too-large");
    return d;
}

Diagnostic tokenFailed(const Diagnostic &tokenDiagnostic)
{
    return tokenDiagnostic; // the OAuth core already explains it from both sides
}

} // namespace kurier::pop3::Pop3Diagnostics
