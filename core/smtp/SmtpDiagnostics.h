#pragma once

#include "diagnostics/Diagnostic.h"
#include "smtp/SmtpReply.h"

#include <QCoreApplication>

namespace kurier::net {
class Transport;
}

namespace kurier::smtp {

// Turns an SMTP failure into cause and fix, in the user's language. Known server messages
// (Microsoft 365's first) come from a table; everything else is explained by its reply class and
// RFC 3463 code.
class SmtpDiagnostics
{
    Q_DECLARE_TR_FUNCTIONS(SmtpDiagnostics)
public:
    // Which command the reply answered; decides the summary and the generic explanation.
    enum class Step { Greeting, Hello, StartTls, Authentication, MailFrom, Recipient, Data, EndOfData };

    [[nodiscard]] static diagnostics::Diagnostic diagnose(const SmtpReply &reply, Step step);
    // Whether the table knows a specific explanation for this reply (tests).
    [[nodiscard]] static bool isKnownProblem(const SmtpReply &reply);

    // Failures of the session itself, with no reply to explain.
    [[nodiscard]] static diagnostics::Diagnostic timeout(const QString &host);
    [[nodiscard]] static diagnostics::Diagnostic unencryptedNotAccepted();
    [[nodiscard]] static diagnostics::Diagnostic cancelled();
    // RFC 3207 §4: STARTTLS required and not offered (never a fallback to plain text).
    [[nodiscard]] static diagnostics::Diagnostic startTlsMissing(const QString &host);
    [[nodiscard]] static diagnostics::Diagnostic noMechanism(const QString &host, bool oauth, bool authOffered,
                                                             const QString &offered);
    // The connection failed (certificate, handshake, name, refused, lost) or was closed.
    [[nodiscard]] static diagnostics::Diagnostic transportFailed(const net::Transport &transport, const QString &host,
                                                                 quint16 port, bool connecting);
    [[nodiscard]] static diagnostics::Diagnostic closed(const QString &errorText);
    [[nodiscard]] static diagnostics::Diagnostic protocol(const QString &what);
};

} // namespace kurier::smtp
