#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <optional>

namespace kurier::sasl {

// The client messages of each mechanism, unencoded (callers base64 them for the wire).
// PLAIN, RFC 4616 §2: [authzid] NUL authcid NUL passwd
[[nodiscard]] QByteArray plainMessage(const QString &user, const QString &password);
// XOAUTH2 (Google's and Microsoft's documentation): "user=" u ^A "auth=Bearer " t ^A ^A
[[nodiscard]] QByteArray xoauth2Message(const QString &user, const QString &accessToken);
// OAUTHBEARER, RFC 7628 §3.1: gs2-header "n,a=user," ^A host ^A port ^A auth ^A ^A
[[nodiscard]] QByteArray oauthBearerMessage(const QString &user, const QString &accessToken, const QString &host,
                                            quint16 port);

// The server's error challenge for XOAUTH2/OAUTHBEARER (RFC 7628 §3.2.2): base64 JSON with
// "status" ("invalid_token", or HTTP-like "400"/"401"), "schemes", "scope".
struct OAuthFailure {
    QString status;
    QString scope;
    QString schemes;
    // 400/401/invalid_token: the token expired or is not accepted; a fresh one may help.
    [[nodiscard]] bool tokenRejected() const;
};
[[nodiscard]] std::optional<OAuthFailure> parseOAuthFailure(const QByteArray &base64Challenge);

// For transcripts: the AUTH line or SASL response with its credential replaced.
[[nodiscard]] QByteArray redactAuthCommand(const QByteArray &line);

} // namespace kurier::sasl
