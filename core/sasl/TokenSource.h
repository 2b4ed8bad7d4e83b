#pragma once

#include "diagnostics/Diagnostic.h"

#include <QString>
#include <functional>

namespace kurier::sasl {

// Where a session gets the OAuth 2.0 access token for XOAUTH2 or OAUTHBEARER (RFC 7628), the
// same for POP3, SMTP and the connection test: asked with forceNew after the server refused
// the previous token (RFC 6750 §3.1), it answers once, with a token or with why there is none.
// Usually oauth::TokenProvider::tokenSource(); tests give their own.
using TokenCallback = std::function<void(const QString &accessToken, const diagnostics::Diagnostic &failure)>;
using TokenSource = std::function<void(bool forceNew, TokenCallback done)>;

} // namespace kurier::sasl
