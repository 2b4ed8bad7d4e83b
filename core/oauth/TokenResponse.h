#pragma once

#include "oauth/OAuthError.h"
#include "oauth/Token.h"

#include <QByteArray>
#include <QDateTime>
#include <variant>

namespace kurier::oauth {

// Parses a token endpoint's answer (RFC 6749 §5.1 success, §5.2 error). Pure: bytes in, value
// out. Tolerates what real servers do: expires_in as a string (Azure AD v1), no expires_in,
// extra fields; refuses what is unusable with a precise reason.
class TokenResponse
{
public:
    static constexpr qsizetype kMaxBodySize = 256 * 1024;

    using Result = std::variant<Token, OAuthError>;
    [[nodiscard]] static Result parse(int httpStatus, const QByteArray &body, const QDateTime &now);

    // A short, tag-free excerpt of a non-JSON body (an HTML error page), for the diagnostic.
    [[nodiscard]] static QString excerpt(const QByteArray &body, int maxChars = 200);
};

} // namespace kurier::oauth
