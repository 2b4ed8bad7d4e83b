#pragma once

#include "oauth/OAuthSettings.h"
#include "store/Security.h"

#include <QMetaType>
#include <QSet>
#include <QString>

namespace kurier::store {

// Names of the secrets an account can have in the SecretStore (key "<account id>/<name>").
enum class SecretName {
    Pop3Password,
    SmtpPassword,
    OAuthClientSecret,
    OAuthRefreshToken,
    OAuthAccessToken, // cached with its expiry so a second process makes no token request
};
[[nodiscard]] QString secretNameToKey(SecretName name);
[[nodiscard]] bool secretNameFromKey(const QString &key, SecretName *name);

// What happens to messages on the POP3 server after they have been stored locally.
enum class LeaveOnServer {
    Keep,
    DeleteAfterDays,
    DeleteAfterDownload,
};
[[nodiscard]] QString leaveOnServerToKey(LeaveOnServer policy);
[[nodiscard]] bool leaveOnServerFromKey(const QString &key, LeaveOnServer *policy);

enum class SmtpAuth {
    SameAsPop3, // the POP3 user + password, or the same OAuth token
    Password,   // own user name + password
    None,
};
[[nodiscard]] QString smtpAuthToKey(SmtpAuth auth);
[[nodiscard]] bool smtpAuthFromKey(const QString &key, SmtpAuth *auth);

struct Pop3Settings {
    QString host;
    int port = 0; // 0: the default for the security mode (defaultPop3Port)
    QString user; // empty: the account's address
    Security security = Security::Tls;
    bool acceptUnencrypted = false; // explicit consent for Security::None
    LeaveOnServer leaveOnServer = LeaveOnServer::Keep;
    int deleteAfterDays = 14;
    // A message deleted in Kurier (moved to the Papierkorb) is deleted on the server at the next
    // fetch (store::DeletionRequests), whatever the policy above says.
    bool deleteWhenDeletedLocally = false;
    // Abrufen every N minutes while the window is open; 0: only when asked.
    int fetchIntervalMinutes = 0;

    [[nodiscard]] int effectivePort() const { return port > 0 ? port : defaultPop3Port(security); }
    friend bool operator==(const Pop3Settings &, const Pop3Settings &) = default;
};

struct SmtpSettings {
    QString host;
    int port = 0; // 0: the default for the security mode (defaultSmtpPort)
    Security security = Security::StartTls;
    bool acceptUnencrypted = false;
    SmtpAuth auth = SmtpAuth::SameAsPop3;
    QString user; // only for SmtpAuth::Password
    QString heloName; // empty: the local host name

    [[nodiscard]] int effectivePort() const { return port > 0 ? port : defaultSmtpPort(security); }
    friend bool operator==(const SmtpSettings &, const SmtpSettings &) = default;
};

// One mail account: the "Neues Benutzerkonto" form as a value type. No secrets in here.
struct Account {
    QString id;          // stable, generated; secrets are keyed by it so a prefix can change
    QString prefix;      // "Präfix": 1–10 of [A-Za-z0-9_-], unique
    QString email;       // "eMail-Adresse"
    QString senderName;
    // Plain text put under new messages, replies and forwards, after the "-- " line (RFC 3676
    // §4.3), so that readers can tell it from the message and leave it out of quotes.
    QString signature;
    bool isDefault = false; // "Standard"
    Pop3Settings pop3;
    oauth::OAuthSettings oauth;
    SmtpSettings smtp;
    QString extraCaFile; // PEM with additional trusted CAs (company CA, tests)
    // Server certificates the user chose to trust for this account after seeing them (SHA-256 of
    // the DER, lower-case hex). Only exactly these are accepted despite failed verification —
    // never "ignore errors".
    QList<QByteArray> trustedCertificates;
    // When no keychain is available the user may choose to be asked for passwords each time.
    bool askForSecrets = false;
    // Which secrets are stored in the keychain (a marker, not the secret: lets the dialog say
    // "stored" and validation accept an empty password field).
    QSet<SecretName> storedSecrets;

    [[nodiscard]] QString pop3User() const { return pop3.user.isEmpty() ? email : pop3.user; }
    [[nodiscard]] QString smtpUser() const
    {
        return smtp.auth == SmtpAuth::Password && !smtp.user.isEmpty() ? smtp.user : pop3User();
    }
    [[nodiscard]] bool hasSecret(SecretName name) const { return storedSecrets.contains(name); }

    friend bool operator==(const Account &, const Account &) = default;
};

[[nodiscard]] QString newAccountId();

} // namespace kurier::store

Q_DECLARE_METATYPE(kurier::store::Account)
