#pragma once

#include "net/TlsPolicy.h"
#include "store/Account.h"

#include <QString>

namespace kurier::net {

// What an account's connections trust, the same for POP3, SMTP and the checks: the system CAs,
// plus the account's extra CA file, plus the certificates the user pinned for the account.
// False and *error when the CA file is unusable (the connection must not start then).
bool tlsPolicyForAccount(const store::Account &account, TlsPolicy *policy, QString *error);

} // namespace kurier::net
