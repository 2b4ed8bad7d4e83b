#include "oauth/GrantForms.h"

#include "oauth/Endpoints.h"

#include <QUrl>

namespace kurier::oauth {

namespace {
void addClient(TokenClient::Form &form, const ClientCredentialsOfApp &client)
{
    // RFC 6749 §2.3.1 allows the secret in the body; Microsoft and Google accept it there.
    form.append({QStringLiteral("client_id"), client.clientId});
    if (!client.clientSecret.isEmpty())
        form.append({QStringLiteral("client_secret"), client.clientSecret});
}
void addScope(TokenClient::Form &form, const QString &scope)
{
    if (!scope.isEmpty())
        form.append({QStringLiteral("scope"), scope});
}
} // namespace

TokenClient::Form GrantForms::password(const ClientCredentialsOfApp &client, const QString &scope, const QString &user,
                                       const QString &password)
{
    TokenClient::Form f{{QStringLiteral("grant_type"), QStringLiteral("password")}};
    addClient(f, client);
    addScope(f, scope);
    f.append({QStringLiteral("username"), user});
    f.append({QStringLiteral("password"), password});
    return f;
}

TokenClient::Form GrantForms::clientCredentials(const ClientCredentialsOfApp &client, const QString &scope)
{
    TokenClient::Form f{{QStringLiteral("grant_type"), QStringLiteral("client_credentials")}};
    addClient(f, client);
    addScope(f, scope);
    return f;
}

TokenClient::Form GrantForms::refresh(const ClientCredentialsOfApp &client, const QString &scope, const QString &refreshToken)
{
    TokenClient::Form f{{QStringLiteral("grant_type"), QStringLiteral("refresh_token")}};
    addClient(f, client);
    addScope(f, scope);
    f.append({QStringLiteral("refresh_token"), refreshToken});
    return f;
}

TokenClient::Form GrantForms::authorizationCode(const ClientCredentialsOfApp &client, const QString &code,
                                                const QString &redirectUri, const QString &codeVerifier)
{
    TokenClient::Form f{{QStringLiteral("grant_type"), QStringLiteral("authorization_code")}};
    addClient(f, client);
    f.append({QStringLiteral("code"), code});
    f.append({QStringLiteral("redirect_uri"), redirectUri});
    f.append({QStringLiteral("code_verifier"), codeVerifier});
    return f;
}

TokenClient::Form GrantForms::deviceAuthorization(const ClientCredentialsOfApp &client, const QString &scope)
{
    TokenClient::Form f{{QStringLiteral("client_id"), client.clientId}};
    addScope(f, scope);
    return f;
}

TokenClient::Form GrantForms::deviceToken(const ClientCredentialsOfApp &client, const QString &deviceCode)
{
    TokenClient::Form f{{QStringLiteral("grant_type"), QStringLiteral("urn:ietf:params:oauth:grant-type:device_code")}};
    addClient(f, client);
    f.append({QStringLiteral("device_code"), deviceCode});
    return f;
}

QString GrantForms::effectiveScope(const OAuthSettings &settings)
{
    QString scope = settings.scope.simplified();
    // Microsoft's v2.0 endpoint shape (also served by the loopback test server) is what decides.
    const bool microsoftShaped = isMicrosoftTokenEndpoint(settings.tokenEndpoint)
        || QUrl(settings.tokenEndpoint).path().endsWith(QStringLiteral("/oauth2/v2.0/token"));
    if (settings.method != SignInMethod::ClientCredentials && microsoftShaped
        && !scope.split(u' ').contains(QStringLiteral("offline_access")))
        scope = scope.isEmpty() ? QStringLiteral("offline_access") : scope + QStringLiteral(" offline_access");
    return scope;
}

} // namespace kurier::oauth
