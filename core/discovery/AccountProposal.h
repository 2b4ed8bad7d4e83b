#pragma once

#include "discovery/DiscoveredConfig.h"
#include "store/Account.h"

#include <QCoreApplication>
#include <QStringList>

namespace kurier::discovery {

// What a discovered configuration means for a new account: the "Neues Benutzerkonto" form
// filled in (POP3 and SMTP server, port, security, user name, how long mail stays on the
// server, OAuth 2.0 when the provider signs in that way) and what the user must still give.
// Pure: the new-account flow shows it, `kurierctl account add --discover` saves it.
class AccountProposal
{
    Q_DECLARE_TR_FUNCTIONS(AccountProposal)
public:
    enum class Missing { Password, OAuthClientId, Pop3Server, SmtpServer };

    store::Account account;
    QList<Missing> missing; // in the order the form asks
    QStringList notes;      // what the user should know (unverified source, servers elsewhere)

    [[nodiscard]] static AccountProposal from(const DiscoveredConfig &found, const QString &emailAddress,
                                              const QString &senderName);
    // A prefix for a new account that AccountValidator accepts: the address's local part in
    // capitals ("info@contoso.com" → "INFO", the seed's own example), only letters, digits, -
    // and _, at most 10 characters, made unique against `existing` with a number.
    [[nodiscard]] static QString suggestPrefix(const QString &emailAddress, const QList<store::Account> &existing);
};

} // namespace kurier::discovery
