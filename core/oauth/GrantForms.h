#pragma once

#include "oauth/OAuthSettings.h"
#include "oauth/TokenClient.h"

#include <QString>

namespace kurier::oauth {

// The form bodies of the token requests, one function per grant (pure, for tests).
struct ClientCredentialsOfApp {
    QString clientId;
    QString clientSecret; // empty: public client, not sent
};

class GrantForms
{
public:
    // RFC 6749 §4.3.2
    [[nodiscard]] static TokenClient::Form password(const ClientCredentialsOfApp &client, const QString &scope,
                                                    const QString &user, const QString &password);
    // RFC 6749 §4.4.2
    [[nodiscard]] static TokenClient::Form clientCredentials(const ClientCredentialsOfApp &client, const QString &scope);
    // RFC 6749 §6. The scope is sent again: Microsoft otherwise issues a token for its default.
    [[nodiscard]] static TokenClient::Form refresh(const ClientCredentialsOfApp &client, const QString &scope,
                                                   const QString &refreshToken);
    // RFC 6749 §4.1.3 with RFC 7636 §4.5 code_verifier
    [[nodiscard]] static TokenClient::Form authorizationCode(const ClientCredentialsOfApp &client, const QString &code,
                                                             const QString &redirectUri, const QString &codeVerifier);
    // RFC 8628 §3.1 and §3.4
    [[nodiscard]] static TokenClient::Form deviceAuthorization(const ClientCredentialsOfApp &client, const QString &scope);
    [[nodiscard]] static TokenClient::Form deviceToken(const ClientCredentialsOfApp &client, const QString &deviceCode);

    // The scope as sent: for the user methods at Microsoft, offline_access is added so that a
    // refresh token is issued (without it the user would have to sign in every hour).
    [[nodiscard]] static QString effectiveScope(const OAuthSettings &settings);
};

} // namespace kurier::oauth
