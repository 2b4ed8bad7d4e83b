#pragma once

#include <QString>

namespace kurier::oauth {

// How Kurier obtains the first token for an account.
enum class SignInMethod {
    Password,          // RFC 6749 §4.3 resource-owner password credentials: the form's user + password
    Browser,           // RFC 6749 §4.1 authorization code + PKCE (RFC 7636), loopback redirect (RFC 8252)
    DeviceCode,        // RFC 8628 device authorization grant
    ClientCredentials, // RFC 6749 §4.4, app-only access to a mailbox
};

[[nodiscard]] QString signInMethodToKey(SignInMethod method);
[[nodiscard]] bool signInMethodFromKey(const QString &key, SignInMethod *method);
[[nodiscard]] QString signInMethodDisplayName(SignInMethod method);

// Whether the method exchanges the user's mail password (so the dialog must ask for one).
[[nodiscard]] bool signInMethodNeedsUserPassword(SignInMethod method);
// Whether the method cannot work without a client secret.
[[nodiscard]] bool signInMethodNeedsClientSecret(SignInMethod method);

} // namespace kurier::oauth
