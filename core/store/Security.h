#pragma once

#include <QMetaType>
#include <QString>

namespace kurier::store {

// How a connection is protected. Names follow the account dialog's "Sichere Verbindung".
enum class Security {
    Tls,      // implicit TLS from the first byte (POP3 995, RFC 8314 submissions 465)
    StartTls, // plain greeting, then STLS (RFC 2595) / STARTTLS (RFC 3207); never falls back
    None,     // no encryption; credentials only after the user explicitly accepted it
};

[[nodiscard]] QString securityToKey(Security security);
[[nodiscard]] bool securityFromKey(const QString &key, Security *security);
// Text shown to users (translated): "SSL/TLS", "STARTTLS", "None"/"Keine".
[[nodiscard]] QString securityDisplayName(Security security);

[[nodiscard]] int defaultPop3Port(Security security);
[[nodiscard]] int defaultSmtpPort(Security security);

} // namespace kurier::store

Q_DECLARE_METATYPE(kurier::store::Security)
