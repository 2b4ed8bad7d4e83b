#pragma once

#include "net/TlsPolicy.h"
#include "pop3/Pop3Session.h"
#include "store/Account.h"

#include <QString>

namespace kurier::pop3 {

// From an account's settings to what a POP3 connection needs; shared by `kurierctl fetch`,
// `kurierctl check` and the GUI's "Abrufen".
namespace Pop3AccountSetup {

[[nodiscard]] Pop3Session::Options sessionOptions(const store::Account &account);

} // namespace Pop3AccountSetup

} // namespace kurier::pop3
