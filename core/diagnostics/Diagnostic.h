#pragma once

#include "net/TlsPolicy.h"

#include <QString>
#include <QStringList>

namespace kurier::diagnostics {

// What went wrong, told from both sides: what the server said (verbatim) and what Kurier
// concludes, plus what the user can do. Shared by OAuth, POP3, SMTP and the connection test.
struct Diagnostic {
    enum class Stage { Network, Tls, TokenRequest, Authentication, Protocol, Configuration, Keychain };

    Stage stage = Stage::Network;
    QString summary;     // one line: what failed ("Sign-in refused by Microsoft")
    QString serverText;  // what the server said, verbatim (may be empty)
    QString cause;       // the likely cause, in words
    QString fix;         // what to do about it
    QString code;        // machine-readable: "AADSTS50126", "invalid_grant", "5.7.139", …
    bool retryable = false; // a temporary failure: trying again later may work
    // Set when the failure was a certificate that did not verify: what the UI shows so the user
    // can decide whether to trust (pin) exactly that certificate for the account.
    net::CertificateProblem certificate;

    [[nodiscard]] bool isEmpty() const { return summary.isEmpty(); }
    // Multi-line text for logs, kurierctl and the "Details" view. Contains no secrets.
    [[nodiscard]] QString toText() const;
};

} // namespace kurier::diagnostics
