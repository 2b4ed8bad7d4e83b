#include "check/ClaimsCheck.h"

#include "oauth/Endpoints.h"
#include "oauth/JwtClaims.h"
#include "oauth/SignInMethod.h"
#include "smtp/Submission.h"

#include <QCoreApplication>
#include <QLocale>
#include <QUrl>
#include <QUuid>

namespace kurier::check::ClaimsCheck {

using diagnostics::Diagnostic;

namespace {

// Exchange Online in the scope, the token endpoint or the audience: then POP3 and SMTP need
// Exchange's permissions, and Microsoft's names for them can be checked.
bool isExchangeContext(const store::Account &account, const oauth::JwtClaims &claims)
{
    const QString scope = account.oauth.scope.toLower();
    return claims.audienceIsExchangeOnline() || scope.contains(u"outlook.office") || scope.contains(u"office365.com")
        || oauth::isMicrosoftTokenEndpoint(account.oauth.tokenEndpoint);
}

bool containsPermission(const QStringList &granted, const QString &name)
{
    for (const QString &g : granted) {
        // Microsoft writes scp without the resource; other issuers may keep the URL form.
        if (g.compare(name, Qt::CaseInsensitive) == 0 || g.endsWith(u'/' + name, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace

QString tenantOfTokenEndpoint(const QString &tokenEndpoint)
{
    const QStringList parts = QUrl(tokenEndpoint).path().split(u'/', Qt::SkipEmptyParts);
    if (parts.size() < 2 || parts.at(1) != u"oauth2")
        return {};
    QString tenant = parts.first().toLower(); // not const: returned by move
    if (tenant == u"common" || tenant == u"organizations" || tenant == u"consumers")
        return {};
    return tenant;
}

ConnectionStep check(const QString &accessToken, const store::Account &account, const QDateTime &now)
{
    ConnectionStep step;
    const auto claims = oauth::JwtClaims::decode(accessToken);
    if (!claims) {
        step.status = ConnectionStep::Status::Skipped;
        step.detail = QCoreApplication::translate("ClaimsCheck", "The token is opaque (not a JWT, as Google issues them): only the mail server can check it.");
        return step;
    }

    const bool appOnly = account.oauth.method == oauth::SignInMethod::ClientCredentials || !claims->roles.isEmpty();
    const QStringList granted = appOnly ? claims->roles : claims->scopes;
    QStringList parts;
    if (!claims->audience.isEmpty())
        parts << QCoreApplication::translate("ClaimsCheck", "audience %1").arg(claims->audience);
    if (!granted.isEmpty())
        parts << (appOnly ? QCoreApplication::translate("ClaimsCheck", "roles %1") : QCoreApplication::translate("ClaimsCheck", "scopes %1")).arg(granted.join(u' '));
    if (!claims->tenantId.isEmpty())
        parts << QCoreApplication::translate("ClaimsCheck", "tenant %1").arg(claims->tenantId);
    if (!claims->user.isEmpty())
        parts << QCoreApplication::translate("ClaimsCheck", "user %1").arg(claims->user);
    if (claims->expiresAt.isValid()) {
        const qint64 minutes = now.secsTo(claims->expiresAt) / 60;
        parts << QCoreApplication::translate("ClaimsCheck", "expires %1 (in %n min)", nullptr, int(minutes))
                     .arg(QLocale().toString(claims->expiresAt.toLocalTime(), QLocale::ShortFormat));
    }
    step.detail = parts.join(QStringLiteral(" · "));
    step.status = ConnectionStep::Status::Passed;

    auto fail = [&step](const QString &summary, const QString &cause, const QString &fix, const QString &code) {
        step.status = ConnectionStep::Status::Failed;
        step.diagnostic.stage = Diagnostic::Stage::TokenRequest;
        step.diagnostic.summary = summary;
        step.diagnostic.cause = cause;
        step.diagnostic.fix = fix;
        step.diagnostic.code = code;
        return step;
    };

    if (claims->expiresAt.isValid() && claims->expiresAt <= now) {
        return fail(QCoreApplication::translate("ClaimsCheck", "The token has already expired"),
                    QCoreApplication::translate("ClaimsCheck", "It expired at %1. Either the identity provider issued an old token or this computer's clock is wrong.")
                        .arg(QLocale().toString(claims->expiresAt.toLocalTime(), QLocale::ShortFormat)),
                    QCoreApplication::translate("ClaimsCheck", "Check the date, time and time zone of this computer, then test again."),
                    QStringLiteral("token-expired"));
    }

    if (!isExchangeContext(account, *claims))
        return step; // another provider's JWT: nothing Kurier knows how to judge beyond expiry

    if (!claims->audienceIsExchangeOnline()) {
        return fail(QCoreApplication::translate("ClaimsCheck", "The token is for %1, not for Exchange Online").arg(claims->audience),
                    QCoreApplication::translate("ClaimsCheck", "POP3 and SMTP at Microsoft 365 accept only tokens for Exchange Online "
                       "(https://outlook.office.com). A token for Microsoft Graph (graph.microsoft.com) "
                       "is refused even when its permissions have the same names."),
                    QCoreApplication::translate("ClaimsCheck", "Set the OAuth 2.0 scope to \"https://outlook.office.com/POP.AccessAsUser.All "
                       "https://outlook.office.com/SMTP.Send offline_access\" (app-only: "
                       "\"https://outlook.office365.com/.default\")."),
                    QStringLiteral("audience"));
    }

    const bool smtpOAuth = smtp::Submission::usesOAuth(account);
    const QString popPermission = appOnly ? QStringLiteral("POP.AccessAsApp") : QStringLiteral("POP.AccessAsUser.All");
    const QString smtpPermission = appOnly ? QStringLiteral("SMTP.SendAsApp") : QStringLiteral("SMTP.Send");
    QStringList missing;
    if (!containsPermission(granted, popPermission))
        missing << popPermission;
    if (smtpOAuth && !containsPermission(granted, smtpPermission))
        missing << smtpPermission;
    if (!missing.isEmpty()) {
        const QString list = missing.join(QStringLiteral(", "));
        const QString fix = appOnly
            ? QCoreApplication::translate("ClaimsCheck", "In Microsoft Entra ID → App registrations → your app → API permissions, add the application "
                 "permission(s) %1 of \"Office 365 Exchange Online\" and grant admin consent; then register the "
                 "app's service principal in Exchange Online (New-ServicePrincipal) and give it access to the "
                 "mailbox (Add-MailboxPermission).")
                  .arg(list)
            : QCoreApplication::translate("ClaimsCheck", "In Microsoft Entra ID → App registrations → your app → API permissions, add the delegated "
                 "permission(s) %1 of \"Office 365 Exchange Online\" and grant admin consent; request them in "
                 "the scope (https://outlook.office.com/%2).")
                  .arg(list, missing.first());
        return fail(appOnly ? QCoreApplication::translate("ClaimsCheck", "The token's roles lack %1").arg(list) : QCoreApplication::translate("ClaimsCheck", "The token's scope lacks %1").arg(list),
                    QCoreApplication::translate("ClaimsCheck", "The token grants: %1. Exchange Online refuses POP3 or SMTP without %2.")
                        .arg(granted.isEmpty() ? QCoreApplication::translate("ClaimsCheck", "nothing") : granted.join(u' '), list),
                    fix, QStringLiteral("scope-missing"));
    }

    const QString expectedTenant = tenantOfTokenEndpoint(account.oauth.tokenEndpoint);
    if (!expectedTenant.isEmpty() && !QUuid::fromString(expectedTenant).isNull() && !claims->tenantId.isEmpty()
        && claims->tenantId.compare(expectedTenant, Qt::CaseInsensitive) != 0) {
        return fail(QCoreApplication::translate("ClaimsCheck", "The token was issued by another tenant (%1)").arg(claims->tenantId),
                    QCoreApplication::translate("ClaimsCheck", "The token endpoint names tenant %1, but the token comes from %2.").arg(expectedTenant, claims->tenantId),
                    QCoreApplication::translate("ClaimsCheck", "Use the token endpoint of your organisation's tenant "
                       "(https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token)."),
                    QStringLiteral("tenant"));
    }
    return step;
}

} // namespace kurier::check::ClaimsCheck
