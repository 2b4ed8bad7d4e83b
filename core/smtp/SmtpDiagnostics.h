#pragma once

#include "diagnostics/Diagnostic.h"
#include "smtp/SmtpReply.h"

namespace kurier::smtp {

// Turns an SMTP failure into cause and fix, in the user's language. Known server messages
// (Microsoft 365's first) come from a table; everything else is explained by its reply class and
// RFC 3463 code.
class SmtpDiagnostics
{
public:
    // Which command the reply answered; decides the summary and the generic explanation.
    enum class Step { Greeting, Hello, StartTls, Authentication, MailFrom, Recipient, Data, EndOfData };

    [[nodiscard]] static diagnostics::Diagnostic diagnose(const SmtpReply &reply, Step step);
    // Whether the table knows a specific explanation for this reply (tests).
    [[nodiscard]] static bool isKnownProblem(const SmtpReply &reply);
};

} // namespace kurier::smtp
