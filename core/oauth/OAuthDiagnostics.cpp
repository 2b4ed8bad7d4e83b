#include "oauth/OAuthDiagnostics.h"

#include "oauth/Endpoints.h"

#include <QCoreApplication>
#include <QUrl>

namespace kurier::oauth {

namespace {

using diagnostics::Diagnostic;

QString t(const char *text)
{
    return QCoreApplication::translate("OAuthDiagnostics", text);
}

struct Known {
    qint64 code;
    const char *cause;
    const char *fix;
};

// Microsoft Entra ID error numbers (AADSTS…) users of desktop mail clients actually hit.
// https://learn.microsoft.com/entra/identity-platform/reference-error-codes
const Known kAadsts[] = {
    {50076, QT_TRANSLATE_NOOP("OAuthDiagnostics", "Your organisation requires multi-factor authentication (MFA, or Security Defaults are on). A sign-in with user name and password cannot do that."),
     QT_TRANSLATE_NOOP("OAuthDiagnostics", "Choose \"Sign in with the web browser\" or \"Sign in with a device code\" as the sign-in method. Do not turn Security Defaults off for this.")},
    {50079, QT_TRANSLATE_NOOP("OAuthDiagnostics", "Your organisation requires you to register for multi-factor authentication, which a sign-in with user name and password cannot do."),
     QT_TRANSLATE_NOOP("OAuthDiagnostics", "Choose \"Sign in with the web browser\" or \"Sign in with a device code\" as the sign-in method. Do not turn Security Defaults off for this.")},
    {50126, QT_TRANSLATE_NOOP("OAuthDiagnostics", "The user name or the password is wrong."),
     QT_TRANSLATE_NOOP("OAuthDiagnostics", "Check \"Benutzerkonto\" (for Microsoft 365 the full mail address) and the password.")},
    {50034, QT_TRANSLATE_NOOP("OAuthDiagnostics", "This user does not exist in the tenant."),
     QT_TRANSLATE_NOOP("OAuthDiagnostics", "Check the user name (the full mail address) and the tenant ID in the endpoint URL.")},
    {50053, QT_TRANSLATE_NOOP("OAuthDiagnostics", "The account is locked after too many failed sign-ins."),
     QT_TRANSLATE_NOOP("OAuthDiagnostics", "Wait a while, then sign in with the correct password, or ask your administrator to unlock it.")},
    {50055, QT_TRANSLATE_NOOP("OAuthDiagnostics", "The password has expired."),
     QT_TRANSLATE_NOOP("OAuthDiagnostics", "Change the password (for example at office.com), then enter the new one here.")},
    {50057, QT_TRANSLATE_NOOP("OAuthDiagnostics", "The user account is disabled."),
     QT_TRANSLATE_NOOP("OAuthDiagnostics", "Ask your administrator to enable the account.")},
    {50173, QT_TRANSLATE_NOOP("OAuthDiagnostics", "The saved sign-in is no longer valid (the password was changed or the sign-in revoked)."),
     QT_TRANSLATE_NOOP("OAuthDiagnostics", "Sign in again.")},
    {65001, QT_TRANSLATE_NOOP("OAuthDiagnostics", "The application has not been granted the permissions it asks for (admin consent is missing)."),
     QT_TRANSLATE_NOOP("OAuthDiagnostics", "In Microsoft Entra ID → App registrations → your app → API permissions, add POP.AccessAsUser.All and SMTP.Send and click \"Grant admin consent\" (\"Administratorzustimmung erteilen\").")},
    {65004, QT_TRANSLATE_NOOP("OAuthDiagnostics", "The user declined to consent to the application's access."),
     QT_TRANSLATE_NOOP("OAuthDiagnostics", "Sign in again and accept, or ask your administrator to grant admin consent.")},
    {7000215, QT_TRANSLATE_NOOP("OAuthDiagnostics", "The client secret is wrong. Often the secret's ID was pasted instead of its value."),
     QT_TRANSLATE_NOOP("OAuthDiagnostics", "In App registrations → Certificates & secrets (\"Zertifikate & Geheimnisse\"), copy the \"Value\" column of the secret (shown only right after creating it; create a new one if needed).")},
    {7000222, QT_TRANSLATE_NOOP("OAuthDiagnostics", "The client secret has expired."),
     QT_TRANSLATE_NOOP("OAuthDiagnostics", "Create a new client secret under App registrations → Certificates & secrets (\"Zertifikate & Geheimnisse\") and enter its value here, with its new expiry date.")},
    {7000218, QT_TRANSLATE_NOOP("OAuthDiagnostics", "The application requires a client secret, but none was sent (it is not registered as a public client)."),
     QT_TRANSLATE_NOOP("OAuthDiagnostics", "Enter the client secret, or in App registrations → Authentication set \"Allow public client flows\" (\"Öffentliche Clientflows zulassen\") to Yes.")},
    {700025, QT_TRANSLATE_NOOP("OAuthDiagnostics", "A client secret was sent, but the application is registered as a public client, which has none."),
     QT_TRANSLATE_NOOP("OAuthDiagnostics", "Remove the client secret from this account.")},
    {700016, QT_TRANSLATE_NOOP("OAuthDiagnostics", "No application with this client ID exists in this tenant."),
     QT_TRANSLATE_NOOP("OAuthDiagnostics", "Check the client ID (App registrations → Overview → \"Application (client) ID\") and the tenant ID in the endpoint URL.")},
    {7000112, QT_TRANSLATE_NOOP("OAuthDiagnostics", "The application is disabled in the tenant."),
     QT_TRANSLATE_NOOP("OAuthDiagnostics", "Ask your administrator to enable the application (Enterprise applications → Properties).")},
    {90002, QT_TRANSLATE_NOOP("OAuthDiagnostics", "The tenant in the endpoint URL does not exist."),
     QT_TRANSLATE_NOOP("OAuthDiagnostics", "Check the tenant ID in the endpoint URL (Microsoft Entra ID → Overview → \"Tenant ID\" / \"Mandanten-ID\"); it is probably mistyped.")},
    {50194, QT_TRANSLATE_NOOP("OAuthDiagnostics", "The application is registered for one tenant only, but the endpoint URL uses /common or /organizations."),
     QT_TRANSLATE_NOOP("OAuthDiagnostics", "Put your tenant ID into the endpoint URL instead of \"common\".")},
    {53003, QT_TRANSLATE_NOOP("OAuthDiagnostics", "A Conditional Access policy of your organisation blocked the sign-in."),
     QT_TRANSLATE_NOOP("OAuthDiagnostics", "Ask your administrator which policy applies (sign-in logs in Entra ID show it) and to allow this application or device.")},
    {50011, QT_TRANSLATE_NOOP("OAuthDiagnostics", "The redirect address Kurier uses is not registered for the application."),
     QT_TRANSLATE_NOOP("OAuthDiagnostics", "In App registrations → Authentication add the platform \"Mobile and desktop applications\" with the redirect URI http://localhost.")},
    {70011, QT_TRANSLATE_NOOP("OAuthDiagnostics", "The scope is invalid (or mixes permissions of different services)."),
     QT_TRANSLATE_NOOP("OAuthDiagnostics", "Use the scope https://outlook.office365.com/.default (plus offline_access), nothing else.")},
    {500011, QT_TRANSLATE_NOOP("OAuthDiagnostics", "The service named in the scope was not found in your tenant."),
     QT_TRANSLATE_NOOP("OAuthDiagnostics", "Check the scope: for Microsoft 365 mail it is https://outlook.office365.com/.default.")},
    {700082, QT_TRANSLATE_NOOP("OAuthDiagnostics", "The saved sign-in expired because it was not used for a long time."),
     QT_TRANSLATE_NOOP("OAuthDiagnostics", "Sign in again.")},
    {70008, QT_TRANSLATE_NOOP("OAuthDiagnostics", "The saved sign-in has expired or was revoked."),
     QT_TRANSLATE_NOOP("OAuthDiagnostics", "Sign in again.")},
    {50020, QT_TRANSLATE_NOOP("OAuthDiagnostics", "The user belongs to a different tenant than the one in the endpoint URL."),
     QT_TRANSLATE_NOOP("OAuthDiagnostics", "Use the tenant ID of the user's own organisation in the endpoint URL.")},
    {50058, QT_TRANSLATE_NOOP("OAuthDiagnostics", "The sign-in needs an interactive session in the browser."),
     QT_TRANSLATE_NOOP("OAuthDiagnostics", "Choose \"Sign in with the web browser\" as the sign-in method.")},
};

const Known *findKnown(qint64 code)
{
    for (const Known &k : kAadsts) {
        if (k.code == code)
            return &k;
    }
    return nullptr;
}

QString serverTextOf(const OAuthError &e)
{
    QString text = e.error;
    if (!e.description.isEmpty()) {
        // Microsoft's description ends with "Trace ID: … Correlation ID: … Timestamp: …" on
        // separate lines; the first line says it all, the IDs are kept separately.
        QString first = e.description.section(u'\n', 0, 0).trimmed();
        const qsizetype trace = first.indexOf(QStringLiteral(" Trace ID:"));
        if (trace > 0) // the same block on one line
            first = first.left(trace).trimmed();
        text = text.isEmpty() ? first : text + QStringLiteral(": ") + first;
    }
    if (!e.traceId.isEmpty() || !e.correlationId.isEmpty())
        text += QStringLiteral(" (trace ID %1, correlation ID %2)").arg(e.traceId, e.correlationId);
    return text;
}

void diagnoseStandard(const OAuthError &e, const OAuthDiagnostics::Context &c, Diagnostic &d)
{
    const QString &err = e.error;
    if (err == u"invalid_client") {
        if (c.clientSecretGiven) {
            d.cause = QCoreApplication::translate("OAuthDiagnostics", "The identity provider does not accept the client ID or client secret.");
            d.fix = QCoreApplication::translate("OAuthDiagnostics", "Check the client ID and the client secret (its value, not its ID); the secret may have expired.");
        } else {
            d.cause = QCoreApplication::translate("OAuthDiagnostics", "The identity provider does not know this client, or requires a client secret.");
            d.fix = QCoreApplication::translate("OAuthDiagnostics", "Check the client ID; if the application is a confidential client, enter its client secret.");
        }
    } else if (err == u"invalid_grant") {
        if (c.method == SignInMethod::Password) {
            d.cause = QCoreApplication::translate("OAuthDiagnostics", "The user name or the password is wrong, or the saved sign-in has expired.");
            d.fix = QCoreApplication::translate("OAuthDiagnostics", "Check the user name and the password.");
        } else {
            d.cause = QCoreApplication::translate("OAuthDiagnostics", "The saved sign-in has expired or was revoked.");
            d.fix = QCoreApplication::translate("OAuthDiagnostics", "Sign in again.");
        }
    } else if (err == u"unauthorized_client") {
        d.cause = QCoreApplication::translate("OAuthDiagnostics", "The application is not allowed to use this sign-in method.");
        d.fix = QCoreApplication::translate("OAuthDiagnostics", "Choose another sign-in method, or allow this one in the application's registration.");
    } else if (err == u"unsupported_grant_type") {
        d.cause = QCoreApplication::translate("OAuthDiagnostics", "The identity provider does not support this sign-in method.");
        d.fix = QCoreApplication::translate("OAuthDiagnostics", "Choose another sign-in method (for example \"Sign in with the web browser\").");
    } else if (err == u"invalid_scope") {
        d.cause = QCoreApplication::translate("OAuthDiagnostics", "The scope is not valid for this identity provider or application.");
        d.fix = QCoreApplication::translate("OAuthDiagnostics", "Check the scope (for Microsoft 365: https://outlook.office365.com/.default).");
    } else if (err == u"access_denied") {
        d.cause = QCoreApplication::translate("OAuthDiagnostics", "The sign-in was declined.");
        d.fix = QCoreApplication::translate("OAuthDiagnostics", "Sign in again and accept the requested access.");
    } else if (err == u"expired_token") {
        d.cause = QCoreApplication::translate("OAuthDiagnostics", "The device code expired before the sign-in was completed.");
        d.fix = QCoreApplication::translate("OAuthDiagnostics", "Start the sign-in again and complete it within the time shown.");
    } else if (err == u"temporarily_unavailable" || err == u"server_error" || e.httpStatus >= 500) {
        d.cause = QCoreApplication::translate("OAuthDiagnostics", "The identity provider has a temporary problem.");
        d.fix = QCoreApplication::translate("OAuthDiagnostics", "Try again in a few minutes.");
        d.retryable = true;
    } else if (err == u"invalid_request") {
        d.cause = QCoreApplication::translate("OAuthDiagnostics", "The identity provider rejected the request as malformed; a setting is probably wrong.");
        d.fix = QCoreApplication::translate("OAuthDiagnostics", "Check the endpoint URL, the client ID and the scope.");
    } else {
        d.cause = QCoreApplication::translate("OAuthDiagnostics", "The identity provider refused to issue a token.");
        d.fix = QCoreApplication::translate("OAuthDiagnostics", "Check the OAuth 2.0 settings of this account; the server's message above says more.");
    }
}

} // namespace

bool OAuthDiagnostics::knowsAadsts(qint64 code)
{
    return findKnown(code) != nullptr;
}

Diagnostic OAuthDiagnostics::diagnose(const OAuthError &e, const Context &c)
{
    Diagnostic d;
    d.stage = Diagnostic::Stage::TokenRequest;
    const QString host = QUrl(c.tokenEndpoint).host();
    switch (e.kind) {
    case OAuthError::Kind::Network:
        d.stage = Diagnostic::Stage::Network;
        d.summary = QCoreApplication::translate("OAuthDiagnostics", "The identity provider %1 cannot be reached.").arg(host);
        d.serverText = e.detail;
        d.cause = QCoreApplication::translate("OAuthDiagnostics", "There is no network connection, the host name is wrong, or a firewall or proxy blocks it.");
        d.fix = QCoreApplication::translate("OAuthDiagnostics", "Check the network connection and the endpoint URL.");
        d.code = QStringLiteral("network");
        d.retryable = true;
        return d;
    case OAuthError::Kind::Tls:
        d.stage = Diagnostic::Stage::Tls;
        d.summary = QCoreApplication::translate("OAuthDiagnostics", "The secure connection to %1 failed.").arg(host);
        d.serverText = e.detail;
        d.cause = QCoreApplication::translate("OAuthDiagnostics", "The server's certificate is not trusted or does not match its name; someone may be intercepting the connection.");
        d.fix = QCoreApplication::translate("OAuthDiagnostics", "Check the endpoint URL. If your organisation uses its own certificate authority, add its certificate to the account.");
        d.code = QStringLiteral("tls");
        d.certificate = e.certificate;
        return d;
    case OAuthError::Kind::NotJson:
        d.summary = QCoreApplication::translate("OAuthDiagnostics", "The identity provider %1 gave an answer that is not a token response (HTTP %2).").arg(host).arg(e.httpStatus);
        d.serverText = e.detail;
        d.cause = e.httpStatus == 404 ? QCoreApplication::translate("OAuthDiagnostics", "The endpoint URL is probably wrong (the server does not know that address).")
                                      : QCoreApplication::translate("OAuthDiagnostics", "The endpoint URL may point to a web page instead of the token endpoint, or a proxy answered.");
        d.fix = QCoreApplication::translate("OAuthDiagnostics", "Check the endpoint URL; for Microsoft 365 it is https://login.microsoftonline.com/<tenant ID>/oauth2/v2.0/token.");
        d.code = QStringLiteral("not-json");
        d.retryable = e.httpStatus >= 500;
        return d;
    case OAuthError::Kind::MalformedSuccess:
        d.summary = QCoreApplication::translate("OAuthDiagnostics", "The identity provider %1 answered without a usable access token.").arg(host);
        d.serverText = e.detail;
        d.cause = QCoreApplication::translate("OAuthDiagnostics", "The server does not behave like an OAuth 2.0 token endpoint.");
        d.fix = QCoreApplication::translate("OAuthDiagnostics", "Check the endpoint URL.");
        d.code = QStringLiteral("malformed");
        return d;
    case OAuthError::Kind::ErrorResponse:
        break;
    }

    d.summary = isMicrosoftTokenEndpoint(c.tokenEndpoint) ? QCoreApplication::translate("OAuthDiagnostics", "Microsoft refused the sign-in.")
                                                           : QCoreApplication::translate("OAuthDiagnostics", "The identity provider %1 refused the sign-in.").arg(host);
    d.serverText = serverTextOf(e);
    const qint64 aadsts = e.aadstsCode();
    if (const Known *k = findKnown(aadsts)) {
        d.cause = t(k->cause);
        d.fix = t(k->fix);
        d.code = QStringLiteral("AADSTS%1").arg(aadsts);
        return d;
    }
    diagnoseStandard(e, c, d);
    d.code = aadsts ? QStringLiteral("AADSTS%1").arg(aadsts) : (e.error.isEmpty() ? QStringLiteral("http-%1").arg(e.httpStatus) : e.error);
    return d;
}

} // namespace kurier::oauth
