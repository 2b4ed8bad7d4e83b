#pragma once

#include "store/Account.h"

#include <QString>

namespace kurier::oauth {

// Presets for the providers whose settings users cannot guess. They set only the server and
// OAuth fields; prefix, address and secrets stay as the user typed them.
enum class ProviderPreset { Microsoft365, Gmail };

[[nodiscard]] QString providerPresetToKey(ProviderPreset preset);
[[nodiscard]] bool providerPresetFromKey(const QString &key, ProviderPreset *preset);

// A Microsoft tenant is a directory GUID or a verified domain ("contoso.onmicrosoft.com").
// "common"/"organizations" are accepted too, for multi-tenant apps.
[[nodiscard]] bool isValidMicrosoftTenant(const QString &tenant);
[[nodiscard]] QString microsoftTokenEndpoint(const QString &tenant);

// Microsoft 365: POP3 outlook.office365.com:995 SSL/TLS (the guide's "995 with STARTTLS" is
// wrong), SMTP smtp.office365.com:587 STARTTLS, user name = address.
void applyMicrosoft365(store::Account &account, const QString &tenant);
// Gmail: browser sign-in, pop.gmail.com:995 SSL/TLS, smtp.gmail.com:587 STARTTLS.
void applyGmail(store::Account &account);

} // namespace kurier::oauth
