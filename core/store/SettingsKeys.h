#pragma once

#include <QString>

// Every key Kurier writes to its INI file, in one place. Secrets never appear here: they go
// through secrets::SecretStore.
namespace kurier::store::keys {

inline const QString formatVersion = QStringLiteral("General/formatVersion");
inline const QString accountGroupPrefix = QStringLiteral("Account-");

// Inside an account group.
inline const QString prefix = QStringLiteral("prefix");
inline const QString email = QStringLiteral("email");
inline const QString senderName = QStringLiteral("senderName");
inline const QString signature = QStringLiteral("signature");
inline const QString isDefault = QStringLiteral("default");
inline const QString extraCaFile = QStringLiteral("extraCaFile");
inline const QString trustedCertificates = QStringLiteral("trustedCertificates"); // SHA-256 fingerprints
inline const QString askForSecrets = QStringLiteral("askForSecrets");
inline const QString storedSecrets = QStringLiteral("storedSecrets"); // names only, never values

inline const QString pop3Host = QStringLiteral("pop3/host");
inline const QString pop3Port = QStringLiteral("pop3/port");
inline const QString pop3User = QStringLiteral("pop3/user");
inline const QString pop3Security = QStringLiteral("pop3/security");
inline const QString pop3AcceptUnencrypted = QStringLiteral("pop3/acceptUnencrypted");
inline const QString pop3LeaveOnServer = QStringLiteral("pop3/leaveOnServer");
inline const QString pop3DeleteAfterDays = QStringLiteral("pop3/deleteAfterDays");
inline const QString pop3DeleteWhenDeletedLocally = QStringLiteral("pop3/deleteWhenDeletedLocally");
inline const QString pop3FetchIntervalMinutes = QStringLiteral("pop3/fetchIntervalMinutes");

inline const QString oauthEnabled = QStringLiteral("oauth/enabled");
inline const QString oauthTokenEndpoint = QStringLiteral("oauth/tokenEndpoint");
inline const QString oauthClientId = QStringLiteral("oauth/clientId");
inline const QString oauthScope = QStringLiteral("oauth/scope");
inline const QString oauthMethod = QStringLiteral("oauth/method");
inline const QString oauthAuthorizationEndpoint = QStringLiteral("oauth/authorizationEndpoint");
inline const QString oauthClientSecretValidUntil = QStringLiteral("oauth/clientSecretValidUntil");

inline const QString smtpHost = QStringLiteral("smtp/host");
inline const QString smtpPort = QStringLiteral("smtp/port");
inline const QString smtpSecurity = QStringLiteral("smtp/security");
inline const QString smtpAcceptUnencrypted = QStringLiteral("smtp/acceptUnencrypted");
inline const QString smtpAuth = QStringLiteral("smtp/auth");
inline const QString smtpUser = QStringLiteral("smtp/user");
inline const QString smtpHeloName = QStringLiteral("smtp/heloName");

} // namespace kurier::store::keys
