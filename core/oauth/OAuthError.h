#pragma once

#include "net/TlsPolicy.h"

#include <QList>
#include <QString>

namespace kurier::oauth {

// A failed token request, as the identity provider (or the network) reported it.
struct OAuthError {
    enum class Kind {
        ErrorResponse,      // RFC 6749 §5.2 JSON error ({"error": …}); Microsoft adds AADSTS codes
        NotJson,            // an HTML error page, a proxy's text, an empty body
        MalformedSuccess,   // HTTP 200 but no usable access_token
        Network,            // connection refused, host not found, timeout, too large
        Tls,                // certificate or handshake failure
    };
    Kind kind = Kind::ErrorResponse;
    int httpStatus = 0;
    QString error;            // "invalid_grant"
    QString description;      // "AADSTS50126: Error validating credentials …" (verbatim)
    QList<qint64> errorCodes; // Microsoft's error_codes (AADSTS numbers)
    QString traceId;
    QString correlationId;
    QString timestamp;
    QString detail;           // for NotJson: an excerpt of the body; Network/Tls: Qt's error text
    net::CertificateProblem certificate; // Tls: the certificate that did not verify, for the user to decide

    // The first AADSTS number, from error_codes or parsed from the description; 0 if none.
    [[nodiscard]] qint64 aadstsCode() const;
};

} // namespace kurier::oauth
