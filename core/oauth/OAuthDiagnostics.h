#pragma once

#include "diagnostics/Diagnostic.h"
#include "oauth/OAuthError.h"
#include "oauth/SignInMethod.h"

namespace kurier::oauth {

// Turns what the identity provider said into cause and fix, in the user's language.
// Microsoft's AADSTS numbers first (they are precise), then RFC 6749 error codes.
class OAuthDiagnostics
{
public:
    struct Context {
        SignInMethod method = SignInMethod::Password;
        bool clientSecretGiven = false;
        QString tokenEndpoint;
    };

    [[nodiscard]] static diagnostics::Diagnostic diagnose(const OAuthError &error, const Context &context);
    // Whether Kurier knows this AADSTS number (for tests and the table in the README).
    [[nodiscard]] static bool knowsAadsts(qint64 code);
};

} // namespace kurier::oauth
