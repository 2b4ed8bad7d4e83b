#pragma once

namespace kurier::store {

// Every input of the account form, so that a validation message can be shown next to its field
// (dialog) or named by its option (kurierctl).
enum class AccountField {
    Prefix,
    Email,
    SenderName,
    Signature,
    Pop3Host,
    Pop3Port,
    Pop3User,
    Pop3Password,
    Pop3Security,
    OAuthTokenEndpoint,
    OAuthClientId,
    OAuthClientSecret,
    OAuthScope,
    OAuthMethod,
    OAuthAuthorizationEndpoint,
    SmtpHost,
    SmtpPort,
    SmtpSecurity,
    SmtpUser,
    SmtpPassword,
    ExtraCaFile, // the last (AccountDialog checks that its field order has them all)
};

} // namespace kurier::store
