#pragma once

#include <QString>

namespace kurier::oauth {

// Where the other endpoints of an identity provider are, given its token endpoint. Microsoft's
// v2.0 endpoints share one path prefix (…/{tenant}/oauth2/v2.0/{token,authorize,devicecode});
// Google's are fixed. Returns an empty string when it cannot be derived.
[[nodiscard]] QString derivedAuthorizationEndpoint(const QString &tokenEndpoint);
[[nodiscard]] QString derivedDeviceCodeEndpoint(const QString &tokenEndpoint);

[[nodiscard]] bool isMicrosoftHost(const QString &host);
[[nodiscard]] bool isMicrosoftTokenEndpoint(const QString &tokenEndpoint);

} // namespace kurier::oauth
