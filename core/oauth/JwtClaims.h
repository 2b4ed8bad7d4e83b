#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>

namespace kurier::oauth {

// The claims of an access token that help explain a failure ("the token is for Microsoft Graph,
// not Exchange"). Decoded, NOT verified: only the resource server can verify, and we never
// trust these for anything but messages. The token itself is never printed.
struct JwtClaims {
    QString audience;   // aud
    QStringList scopes; // scp (delegated, space-separated)
    QStringList roles;  // roles (app-only)
    QString tenantId;   // tid
    QString user;       // upn, unique_name, preferred_username or email
    QString appId;      // appid / azp
    QDateTime expiresAt;

    // nullopt when the token is opaque (not a JWT) or its payload is not JSON.
    [[nodiscard]] static std::optional<JwtClaims> decode(const QString &token);
    // Exchange Online (outlook.office365.com / outlook.office.com / its GUID) is the audience
    // POP3 and SMTP accept.
    [[nodiscard]] bool audienceIsExchangeOnline() const;
};

} // namespace kurier::oauth
