#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace kurier::discovery {

struct ParsedOAuthServerMetadata;

// What an OAuth server says about itself (RFC 8414 authorization server metadata, and OpenID
// Connect Discovery 1.0 which uses the same names): its endpoints, including the device
// authorization endpoint (RFC 8628 §4) that is not Microsoft-shaped everywhere, and what it
// supports. With it an account needs only the issuer, and all four sign-in methods find their
// URLs on any standards-following server.
struct OAuthServerMetadata {
    Q_DECLARE_TR_FUNCTIONS(OAuthServerMetadata)
public:
    QUrl issuer;
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl deviceAuthorizationEndpoint;
    QStringList grantTypes;             // empty: the RFC 8414 default, authorization_code and implicit
    QStringList codeChallengeMethods;   // PKCE (RFC 7636): "S256"

    [[nodiscard]] bool supportsGrant(const QString &grant) const;
    // PKCE with S256, which the browser method uses (RFC 7636 §4.2; plain is never used).
    [[nodiscard]] bool supportsS256() const { return codeChallengeMethods.contains(QLatin1String("S256")); }

    // Where the metadata of an issuer is (RFC 8414 §3.1: "/.well-known/oauth-authorization-server"
    // inserted before the issuer's path; OpenID Connect Discovery §4: "/.well-known/openid-
    // configuration" appended to it), in the order to try.
    [[nodiscard]] static QList<QUrl> metadataUrls(const QUrl &issuer);
    // Any https URL of the server or the bare host ("login.example.org") as an issuer URL.
    [[nodiscard]] static QUrl issuerFrom(const QString &text);

    using Parsed = ParsedOAuthServerMetadata;
    // The JSON document, checked as RFC 8414 §3.3 asks: its issuer must be the one asked for
    // (else it could be another server's metadata, a mix-up attack), every endpoint https.
    [[nodiscard]] static Parsed parse(const QByteArray &json, const QUrl &expectedIssuer);
};

struct ParsedOAuthServerMetadata {
    std::optional<OAuthServerMetadata> metadata;
    QString error;
};

} // namespace kurier::discovery
