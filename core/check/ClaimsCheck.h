#pragma once

#include "check/ConnectionStep.h"
#include "store/Account.h"

#include <QDateTime>
#include <QString>

namespace kurier::check {

// What the access token says about itself (audience, scopes, tenant, expiry) against what the
// account needs: "the token is for Microsoft Graph, not Exchange", "scope lacks
// POP.AccessAsUser.All". Pure: token text in, verdict out; the claims are decoded, never trusted
// for anything but this explanation (only the mail server can verify the token).
namespace ClaimsCheck {

// A ConnectionStep with status, detail and (on failure) the diagnostic filled in; the caller
// sets id and title. Opaque tokens (Google's) are Skipped: only the server can judge them.
[[nodiscard]] ConnectionStep check(const QString &accessToken, const store::Account &account, const QDateTime &now);

// The tenant named in a Microsoft token endpoint (…/{tenant}/oauth2/v2.0/token), or empty for
// "common", "organizations", "consumers" and non-Microsoft shapes.
[[nodiscard]] QString tenantOfTokenEndpoint(const QString &tokenEndpoint);

} // namespace ClaimsCheck

} // namespace kurier::check
