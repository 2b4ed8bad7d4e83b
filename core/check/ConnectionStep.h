#pragma once

#include "diagnostics/Diagnostic.h"
#include "net/TlsPolicy.h"

#include <QMetaType>
#include <QObject>
#include <QString>

namespace kurier::check {

// One line of the connection test ("Verbindung testen"): which check, how it went, what it
// found, and — when it failed — the diagnostic with cause and fix. A value type: the UI only
// renders it, kurierctl prints it.
struct ConnectionStep {
    Q_GADGET
public:
    // In the order the test shows them. The token rows sit between the POP3 capabilities and the
    // POP3 sign-in because that is when the first token is needed.
    enum class Id {
        Pop3Lookup,
        SmtpLookup,
        Pop3Connect,
        Pop3Tls,
        Pop3Capabilities,
        Token,
        TokenClaims,
        Pop3Auth,
        SmtpConnect,
        SmtpTls,
        SmtpCapabilities,
        SmtpAuth,
    };
    Q_ENUM(Id)

    enum class Status {
        Pending,
        Running,
        Passed,
        Warning, // worked, but something deserves a look (unencrypted by choice, opaque token …)
        Failed,
        Skipped, // could not run after an earlier failure, or not needed for this account
    };
    Q_ENUM(Status)

    Id id = Id::Pop3Lookup;
    Status status = Status::Pending;
    QString title;  // "Name resolution of the POP3 server pop.example.com"
    QString detail; // what the step found ("127.0.0.1", "TLSv1.3, certificate verified", …)
    diagnostics::Diagnostic diagnostic; // for Failed (and some Warnings): cause and fix
    // For a certificate that did not verify: what the user needs to decide whether to trust it.
    net::CertificateProblem certificate;
    QString host; // the server the step talked to (for the certificate decision)

    [[nodiscard]] bool isFinished() const { return status != Status::Pending && status != Status::Running; }
    [[nodiscard]] bool isFailure() const { return status == Status::Failed; }
    // Multi-line text for kurierctl and logs: "✔ title — detail", then cause and fix on failure.
    [[nodiscard]] QString toText() const;
};

} // namespace kurier::check

Q_DECLARE_METATYPE(kurier::check::ConnectionStep)
