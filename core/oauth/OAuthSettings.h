#pragma once

#include "oauth/SignInMethod.h"

#include <QDate>
#include <QString>
#include <QUrl>

namespace kurier::oauth {

// The non-secret OAuth 2.0 settings of one account. They serve POP3 and SMTP alike.
// The client secret is a secret and lives in the SecretStore, not here.
struct OAuthSettings {
    bool enabled = false;
    QString tokenEndpoint;         // "OAuth 2.0 Endpunkt-URL"
    QString clientId;              // "OAuth 2.0 Client-ID"
    QString scope;                 // "OAuth 2.0 Scope", sent as given
    SignInMethod method = SignInMethod::Password;
    // Only needed for the browser / device methods when it cannot be derived from the token
    // endpoint (Microsoft and Google can be derived).
    QString authorizationEndpoint;
    // Client secrets expire (Entra ID: at most 24 months). Optional, only for the warning.
    QDate clientSecretValidUntil;

    friend bool operator==(const OAuthSettings &, const OAuthSettings &) = default;
};

} // namespace kurier::oauth
