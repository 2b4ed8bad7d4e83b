#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace kurier::oauth {

// An access token as the token endpoint issued it (RFC 6749 §5.1).
struct Token {
    QString accessToken;
    QString tokenType = QStringLiteral("Bearer");
    QDateTime expiresAt;  // UTC; invalid = unknown lifetime
    QString refreshToken; // empty when none was issued
    QString scope;        // granted scope, when the server said

    [[nodiscard]] bool isEmpty() const { return accessToken.isEmpty(); }
    // Valid for at least `margin` seconds more. Tokens of unknown lifetime are used once and
    // then refreshed on the first authentication failure.
    [[nodiscard]] bool isFreshAt(const QDateTime &now, int marginSeconds = 120) const
    {
        return !accessToken.isEmpty() && (!expiresAt.isValid() || now.addSecs(marginSeconds) < expiresAt);
    }

    // For the keychain cache: access token + expiry + type (no refresh token; that one has its
    // own entry).
    [[nodiscard]] QByteArray toCacheJson() const;
    [[nodiscard]] static Token fromCacheJson(const QByteArray &json);

    friend bool operator==(const Token &, const Token &) = default;
};

} // namespace kurier::oauth
