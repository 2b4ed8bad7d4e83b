#include "oauth/ProviderPreset.h"

#include "store/AccountValidator.h"

namespace kurier::oauth {

QString providerPresetToKey(ProviderPreset preset)
{
    return preset == ProviderPreset::Gmail ? QStringLiteral("gmail") : QStringLiteral("microsoft365");
}

bool providerPresetFromKey(const QString &key, ProviderPreset *preset)
{
    const QString k = key.trimmed().toLower();
    if (k == u"microsoft365" || k == u"m365" || k == u"outlook")
        *preset = ProviderPreset::Microsoft365;
    else if (k == u"gmail" || k == u"google")
        *preset = ProviderPreset::Gmail;
    else
        return false;
    return true;
}

bool isValidMicrosoftTenant(const QString &tenant)
{
    const QString t = tenant.trimmed();
    if (t.isEmpty())
        return false;
    if (store::AccountValidator::looksLikeGuid(t))
        return true;
    if (t == u"common" || t == u"organizations" || t == u"consumers")
        return true;
    return t.contains(u'.') && store::AccountValidator::isValidHostName(t);
}

QString microsoftTokenEndpoint(const QString &tenant)
{
    return QStringLiteral("https://login.microsoftonline.com/%1/oauth2/v2.0/token").arg(tenant.trimmed());
}

void applyMicrosoft365(store::Account &account, const QString &tenant)
{
    account.pop3.host = QStringLiteral("outlook.office365.com");
    account.pop3.security = store::Security::Tls;
    account.pop3.port = 995;
    account.pop3.user.clear(); // user name = mail address
    account.oauth.enabled = true;
    account.oauth.tokenEndpoint = microsoftTokenEndpoint(tenant);
    account.oauth.scope = QStringLiteral("https://outlook.office365.com/.default");
    account.oauth.authorizationEndpoint.clear();
    account.smtp.host = QStringLiteral("smtp.office365.com");
    account.smtp.security = store::Security::StartTls;
    account.smtp.port = 587;
    account.smtp.auth = store::SmtpAuth::SameAsPop3;
}

void applyGmail(store::Account &account)
{
    account.pop3.host = QStringLiteral("pop.gmail.com");
    account.pop3.security = store::Security::Tls;
    account.pop3.port = 995;
    account.pop3.user.clear();
    account.oauth.enabled = true;
    account.oauth.tokenEndpoint = QStringLiteral("https://oauth2.googleapis.com/token");
    account.oauth.scope = QStringLiteral("https://mail.google.com/");
    account.oauth.method = SignInMethod::Browser;
    account.oauth.authorizationEndpoint.clear();
    account.smtp.host = QStringLiteral("smtp.gmail.com");
    account.smtp.security = store::Security::StartTls;
    account.smtp.port = 587;
    account.smtp.auth = store::SmtpAuth::SameAsPop3;
}

} // namespace kurier::oauth
