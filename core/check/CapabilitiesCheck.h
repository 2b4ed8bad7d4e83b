#pragma once

#include "check/ConnectionStep.h"
#include "pop3/Pop3Capabilities.h"
#include "smtp/SmtpCapabilities.h"
#include "store/Account.h"

namespace kurier::check {

// Whether what a server announced (POP3 CAPA, SMTP EHLO after TLS) lets this account sign in:
// with OAuth 2.0, XOAUTH2 or OAUTHBEARER must be offered; with a password, PLAIN/LOGIN (or
// POP3's USER). Pure: capabilities in, a ConnectionStep with status, detail and diagnostic out.
namespace CapabilitiesCheck {

[[nodiscard]] ConnectionStep pop3(const pop3::Pop3Capabilities &caps, const store::Account &account);
[[nodiscard]] ConnectionStep smtp(const smtp::SmtpCapabilities &caps, const store::Account &account);
// "STARTTLS · AUTH PLAIN LOGIN XOAUTH2 · SIZE 10240000 · PIPELINING"
[[nodiscard]] QString describe(const smtp::SmtpCapabilities &caps);

} // namespace CapabilitiesCheck

} // namespace kurier::check
