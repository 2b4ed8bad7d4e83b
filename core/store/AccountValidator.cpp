#include "store/AccountValidator.h"

#include "oauth/Endpoints.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHostAddress>
#include <QLocale>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QUrl>

#include <algorithm>

namespace kurier::store {

namespace {


using Severity = ValidationIssue::Severity;

void addError(QList<ValidationIssue> &issues, AccountField field, const QString &message)
{
    issues.append({field, Severity::Error, message, {}, {}});
}

void addWarning(QList<ValidationIssue> &issues, AccountField field, const QString &message,
                const QString &fixLabel = {}, std::function<void(Account &)> fix = {})
{
    issues.append({field, Severity::Warning, message, fixLabel, std::move(fix)});
}

void checkHost(QList<ValidationIssue> &issues, AccountField field, const QString &host, const QString &what)
{
    if (host.trimmed().isEmpty())
        addError(issues, field, QCoreApplication::translate("AccountValidator", "Enter the %1 server's host name.").arg(what));
    else if (!AccountValidator::isValidHostName(host.trimmed()))
        addError(issues, field, QCoreApplication::translate("AccountValidator", "\"%1\" is not a valid host name.").arg(host.trimmed()));
}

void checkPort(QList<ValidationIssue> &issues, AccountField field, int port)
{
    // 0 means "the default for the security mode".
    if (port != 0 && !AccountValidator::isValidPort(port))
        addError(issues, field, QCoreApplication::translate("AccountValidator", "The port must be a number from 1 to 65535."));
}

void checkPop3PortMatchesSecurity(QList<ValidationIssue> &issues, const Pop3Settings &pop3)
{
    const int port = pop3.effectivePort();
    if (port == 995 && pop3.security == Security::StartTls) {
        // The source guide says "995 with STARTTLS": 995 is implicit TLS (RFC 8314 §3.3).
        addWarning(issues, AccountField::Pop3Security,
                   QCoreApplication::translate("AccountValidator", "Port 995 uses SSL/TLS from the start, not STARTTLS."), QCoreApplication::translate("AccountValidator", "Use SSL/TLS"),
                   [](Account &a) { a.pop3.security = Security::Tls; });
    } else if (port == 110 && pop3.security == Security::Tls) {
        addWarning(issues, AccountField::Pop3Security,
                   QCoreApplication::translate("AccountValidator", "Port 110 is for unencrypted or STARTTLS connections, not SSL/TLS."), QCoreApplication::translate("AccountValidator", "Use port 995"),
                   [](Account &a) { a.pop3.port = 995; });
    }
}

void checkSmtpPortMatchesSecurity(QList<ValidationIssue> &issues, const SmtpSettings &smtp)
{
    const int port = smtp.effectivePort();
    if (port == 465 && smtp.security == Security::StartTls) {
        addWarning(issues, AccountField::SmtpSecurity,
                   QCoreApplication::translate("AccountValidator", "Port 465 uses SSL/TLS from the start, not STARTTLS."), QCoreApplication::translate("AccountValidator", "Use SSL/TLS"),
                   [](Account &a) { a.smtp.security = Security::Tls; });
    } else if ((port == 587 || port == 25) && smtp.security == Security::Tls) {
        addWarning(issues, AccountField::SmtpSecurity,
                   QCoreApplication::translate("AccountValidator", "Port %1 starts unencrypted and switches with STARTTLS; SSL/TLS will not connect.").arg(port),
                   QCoreApplication::translate("AccountValidator", "Use STARTTLS"), [](Account &a) { a.smtp.security = Security::StartTls; });
    }
}

void checkOAuth(QList<ValidationIssue> &issues, const Account &account, const SecretUpdate &secrets)
{
    const oauth::OAuthSettings &o = account.oauth;
    const QString endpoint = o.tokenEndpoint.trimmed();
    const QUrl url(endpoint, QUrl::StrictMode);
    if (endpoint.isEmpty()) {
        addError(issues, AccountField::OAuthTokenEndpoint, QCoreApplication::translate("AccountValidator", "Enter the token endpoint URL."));
    } else if (endpoint.contains(u'{') || endpoint.contains(u'}')) {
        addError(issues, AccountField::OAuthTokenEndpoint,
                 QCoreApplication::translate("AccountValidator", "Replace the placeholder in braces with your tenant ID (Microsoft Entra ID → Overview)."));
    } else if (!url.isValid() || url.isRelative() || url.host().isEmpty()
               || (url.scheme() != u"https" && url.scheme() != u"http")) {
        addError(issues, AccountField::OAuthTokenEndpoint, QCoreApplication::translate("AccountValidator", "The endpoint must be an absolute https:// URL."));
    } else if (url.scheme() == u"http" && !AccountValidator::isLoopbackHost(url.host())) {
        addError(issues, AccountField::OAuthTokenEndpoint,
                 QCoreApplication::translate("AccountValidator", "The endpoint must use https:// (http:// is only allowed for this computer)."));
    } else if (!url.userInfo().isEmpty()) {
        addError(issues, AccountField::OAuthTokenEndpoint, QCoreApplication::translate("AccountValidator", "The endpoint URL must not contain a user name or password."));
    }
    const bool microsoft = oauth::isMicrosoftTokenEndpoint(endpoint);

    const QString clientId = o.clientId.trimmed();
    if (clientId.isEmpty()) {
        addError(issues, AccountField::OAuthClientId, QCoreApplication::translate("AccountValidator", "Enter the client ID of the registered application."));
    } else if (AccountValidator::isValidEmail(clientId)) {
        addWarning(issues, AccountField::OAuthClientId,
                   QCoreApplication::translate("AccountValidator", "This looks like a mail address. The client ID is the application's ID from its registration."));
    } else if (microsoft && !AccountValidator::looksLikeGuid(clientId)) {
        addWarning(issues, AccountField::OAuthClientId,
                   QCoreApplication::translate("AccountValidator", "A Microsoft client ID is a GUID such as 6b29fc40-ca47-1067-b31d-00dd010662da "
                      "(App registrations → Overview → Application (client) ID)."));
    }

    const auto secret = secrets.value(SecretName::OAuthClientSecret);
    if (secret && AccountValidator::looksLikeGuid(secret->trimmed())) {
        addWarning(issues, AccountField::OAuthClientSecret,
                   QCoreApplication::translate("AccountValidator", "This looks like the secret's ID, not its value. Copy the \"Value\" column under "
                      "Certificates & secrets (otherwise Microsoft answers AADSTS7000215)."));
    }
    // Entra ID secrets expire (at most after 24 months); warn in time and after the fact.
    if (o.clientSecretValidUntil.isValid()) {
        const qint64 days = QDate::currentDate().daysTo(o.clientSecretValidUntil);
        if (days < 0)
            addWarning(issues, AccountField::OAuthClientSecret,
                       QCoreApplication::translate("AccountValidator", "The client secret expired on %1. Create a new one under "
                          "Certificates & secrets (\"Zertifikate & Geheimnisse\") and enter it here.")
                           .arg(QLocale().toString(o.clientSecretValidUntil, QLocale::ShortFormat)));
        else if (days <= 14)
            addWarning(issues, AccountField::OAuthClientSecret,
                       QCoreApplication::translate("AccountValidator", "The client secret expires on %1. Create a new one before then.")
                           .arg(QLocale().toString(o.clientSecretValidUntil, QLocale::ShortFormat)));
    }
    if (oauth::signInMethodNeedsClientSecret(o.method) && !account.askForSecrets
        && !secrets.willHave(account, SecretName::OAuthClientSecret)) {
        addError(issues, AccountField::OAuthClientSecret, QCoreApplication::translate("AccountValidator", "App-only access needs the client secret."));
    }

    const QString scope = o.scope.trimmed();
    if (scope.isEmpty()) {
        if (microsoft)
            addError(issues, AccountField::OAuthScope,
                     QCoreApplication::translate("AccountValidator", "Enter the scope, for Microsoft 365: https://outlook.office365.com/.default"));
    } else if (microsoft && scope.contains(u"graph.microsoft.com")) {
        addWarning(issues, AccountField::OAuthScope,
                   QCoreApplication::translate("AccountValidator", "Tokens for Microsoft Graph are refused by POP3 and SMTP. Use https://outlook.office365.com/.default"),
                   QCoreApplication::translate("AccountValidator", "Use the Exchange scope"),
                   [](Account &a) { a.oauth.scope = QStringLiteral("https://outlook.office365.com/.default"); });
    }
    if (o.method == oauth::SignInMethod::ClientCredentials && microsoft && !scope.isEmpty()
        && !scope.endsWith(u"/.default")) {
        addWarning(issues, AccountField::OAuthScope,
                   QCoreApplication::translate("AccountValidator", "App-only access needs a scope ending in /.default, e.g. https://outlook.office365.com/.default"));
    }

    if (o.method == oauth::SignInMethod::Browser || o.method == oauth::SignInMethod::DeviceCode) {
        const QString derived = o.method == oauth::SignInMethod::Browser
            ? oauth::derivedAuthorizationEndpoint(endpoint)
            : oauth::derivedDeviceCodeEndpoint(endpoint);
        const QString given = o.authorizationEndpoint.trimmed();
        if (given.isEmpty() && derived.isEmpty() && !endpoint.isEmpty()) {
            addError(issues, AccountField::OAuthAuthorizationEndpoint,
                     QCoreApplication::translate("AccountValidator", "This provider's sign-in address cannot be derived from the token endpoint; enter it."));
        } else if (!given.isEmpty()) {
            const QUrl a(given, QUrl::StrictMode);
            if (!a.isValid() || a.host().isEmpty()
                || !(a.scheme() == u"https" || (a.scheme() == u"http" && AccountValidator::isLoopbackHost(a.host()))))
                addError(issues, AccountField::OAuthAuthorizationEndpoint,
                         QCoreApplication::translate("AccountValidator", "The endpoint must be an absolute https:// URL."));
        }
    }
}

void checkUnencrypted(QList<ValidationIssue> &issues, AccountField field, Security security, bool accepted)
{
    if (security == Security::None && !accepted)
        addError(issues, field,
                 QCoreApplication::translate("AccountValidator", "Without encryption your password and mail travel readable by anyone on the network. "
                    "Confirm that you really want an unencrypted connection."));
}

} // namespace

bool AccountValidator::isValidPrefix(const QString &prefix)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_-]{1,10}$"));
    return re.match(prefix).hasMatch();
}

bool AccountValidator::isValidEmail(const QString &address)
{
    // RFC 5322 §3.4.1 addr-spec with a dot-atom local part (RFC 6531 allows UTF-8 in it); no
    // quoted local parts or domain literals: nobody configures an account with those.
    const qsizetype at = address.lastIndexOf(u'@');
    if (at <= 0 || at == address.size() - 1 || address.size() > 254)
        return false;
    const QString local = address.left(at);
    const QString domain = address.mid(at + 1);
    if (local.size() > 64 || local.startsWith(u'.') || local.endsWith(u'.') || local.contains(QStringLiteral("..")))
        return false;
    static const QString atextSpecials = QStringLiteral("!#$%&'*+-/=?^_`{|}~.");
    for (const QChar c : local) {
        if (c.unicode() < 0x80) {
            if (!(c.isLetterOrNumber() || atextSpecials.contains(c)))
                return false;
        } else if (!c.isLetterOrNumber() && !c.isMark()) {
            return false;
        }
    }
    return isValidHostName(domain) && QHostAddress(domain).isNull();
}

bool AccountValidator::isValidHostName(const QString &host)
{
    if (host.isEmpty() || host.size() > 253)
        return false;
    QString h = host;
    if (h.startsWith(u'[') && h.endsWith(u']'))
        h = h.mid(1, h.size() - 2);
    // QHostAddress accepts inet_aton shorthand ("10.0.0" = 10.0.0.0); in a server field that is a typo.
    static const QRegularExpression numeric(QStringLiteral("^[0-9.]+$"));
    if (numeric.match(h).hasMatch() && h.count(u'.') != 3)
        return false;
    QHostAddress address;
    if (address.setAddress(h))
        return true;
    // Internationalised names are checked in their ASCII (punycode) form.
    const QByteArray ace = QUrl::toAce(h);
    if (ace.isEmpty() || ace.size() > 253)
        return false;
    QByteArray name = ace;
    if (name.endsWith('.'))
        name.chop(1);
    const QList<QByteArray> labels = name.split('.');
    for (const QByteArray &label : labels) {
        if (label.isEmpty() || label.size() > 63 || label.startsWith('-') || label.endsWith('-'))
            return false;
        for (char c : label) {
            const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
            if (!ok)
                return false;
        }
    }
    return !numeric.match(QString::fromLatin1(name)).hasMatch();
}

bool AccountValidator::isValidPort(int port)
{
    return port >= 1 && port <= 65535;
}

bool AccountValidator::isLoopbackHost(const QString &host)
{
    QString h = host;
    if (h.startsWith(u'[') && h.endsWith(u']'))
        h = h.mid(1, h.size() - 2);
    if (h.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(h);
    return !address.isNull() && address.isLoopback();
}

bool AccountValidator::looksLikeGuid(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^\\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\}?$"));
    return re.match(text).hasMatch();
}

bool AccountValidator::isMicrosoftEndpoint(const QString &url)
{
    return oauth::isMicrosoftTokenEndpoint(url);
}

bool AccountValidator::hasErrors(const QList<ValidationIssue> &issues)
{
    return std::any_of(issues.begin(), issues.end(), [](const ValidationIssue &i) { return i.isError(); });
}

QList<ValidationIssue> AccountValidator::validate(const Account &account, const SecretUpdate &secrets,
                                                  const QList<Account> &otherAccounts)
{
    QList<ValidationIssue> issues;

    if (account.prefix.isEmpty()) {
        addError(issues, AccountField::Prefix, QCoreApplication::translate("AccountValidator", "Enter a prefix (1 to 10 letters, digits, - or _)."));
    } else if (!isValidPrefix(account.prefix)) {
        addError(issues, AccountField::Prefix, QCoreApplication::translate("AccountValidator", "The prefix may only have 1 to 10 letters, digits, - or _."));
    } else {
        for (const Account &other : otherAccounts) {
            if (other.id != account.id && other.prefix.compare(account.prefix, Qt::CaseInsensitive) == 0) {
                addError(issues, AccountField::Prefix,
                         QCoreApplication::translate("AccountValidator", "The prefix \"%1\" is already used by %2.").arg(account.prefix, other.email));
                break;
            }
        }
    }

    if (account.email.trimmed().isEmpty())
        addError(issues, AccountField::Email, QCoreApplication::translate("AccountValidator", "Enter the mail address."));
    else if (!isValidEmail(account.email.trimmed()))
        addError(issues, AccountField::Email, QCoreApplication::translate("AccountValidator", "\"%1\" is not a valid mail address.").arg(account.email.trimmed()));

    if (account.senderName.contains(u'\r') || account.senderName.contains(u'\n'))
        addError(issues, AccountField::SenderName, QCoreApplication::translate("AccountValidator", "The name must not contain line breaks."));

    // A signature is a few lines; a pasted document or binary junk is a mistake worth naming.
    if (account.signature.size() > maxSignatureLength) {
        addError(issues, AccountField::Signature,
                 QCoreApplication::translate("AccountValidator", "The signature has %1 characters; at most %2 are allowed.")
                     .arg(QLocale().toString(account.signature.size()), QLocale().toString(maxSignatureLength)));
    } else if (std::any_of(account.signature.cbegin(), account.signature.cend(),
                           [](QChar c) { return c.category() == QChar::Other_Control && c != u'\n' && c != u'\t'; })) {
        addError(issues, AccountField::Signature,
                 QCoreApplication::translate("AccountValidator", "The signature contains control characters; only text, tabs and line breaks are allowed."));
    }

    // POP3
    checkHost(issues, AccountField::Pop3Host, account.pop3.host, QStringLiteral("POP3"));
    checkPort(issues, AccountField::Pop3Port, account.pop3.port);
    if (account.pop3.user.contains(u'\r') || account.pop3.user.contains(u'\n'))
        addError(issues, AccountField::Pop3User, QCoreApplication::translate("AccountValidator", "The user name must not contain line breaks."));
    checkUnencrypted(issues, AccountField::Pop3Security, account.pop3.security, account.pop3.acceptUnencrypted);
    checkPop3PortMatchesSecurity(issues, account.pop3);
    if (account.pop3.leaveOnServer == LeaveOnServer::DeleteAfterDays
        && (account.pop3.deleteAfterDays < 1 || account.pop3.deleteAfterDays > 3650))
        addError(issues, AccountField::Pop3Host, QCoreApplication::translate("AccountValidator", "The number of days must be from 1 to 3650."));

    const bool needsPop3Password = !account.oauth.enabled || oauth::signInMethodNeedsUserPassword(account.oauth.method);
    if (needsPop3Password && !account.askForSecrets && !secrets.willHave(account, SecretName::Pop3Password))
        addError(issues, AccountField::Pop3Password, QCoreApplication::translate("AccountValidator", "Enter the password."));

    if (account.oauth.enabled)
        checkOAuth(issues, account, secrets);

    // SMTP
    checkHost(issues, AccountField::SmtpHost, account.smtp.host, QStringLiteral("SMTP"));
    checkPort(issues, AccountField::SmtpPort, account.smtp.port);
    checkUnencrypted(issues, AccountField::SmtpSecurity, account.smtp.security, account.smtp.acceptUnencrypted);
    checkSmtpPortMatchesSecurity(issues, account.smtp);
    if (account.smtp.auth == SmtpAuth::Password) {
        if (account.smtp.user.contains(u'\r') || account.smtp.user.contains(u'\n'))
            addError(issues, AccountField::SmtpUser, QCoreApplication::translate("AccountValidator", "The user name must not contain line breaks."));
        if (!account.askForSecrets && !secrets.willHave(account, SecretName::SmtpPassword))
            addError(issues, AccountField::SmtpPassword, QCoreApplication::translate("AccountValidator", "Enter the SMTP password."));
    }
    if (account.smtp.heloName.contains(u' ') || account.smtp.heloName.contains(u'\r')
        || account.smtp.heloName.contains(u'\n'))
        addError(issues, AccountField::SmtpHost, QCoreApplication::translate("AccountValidator", "The EHLO name must be a host name or address literal."));

    if (!account.extraCaFile.isEmpty()) {
        const QFileInfo info(account.extraCaFile);
        if (!info.isFile() || !info.isReadable())
            addError(issues, AccountField::ExtraCaFile, QCoreApplication::translate("AccountValidator", "The CA certificate file \"%1\" cannot be read.").arg(account.extraCaFile));
        else if (QSslCertificate::fromPath(account.extraCaFile, QSsl::Pem).isEmpty())
            addError(issues, AccountField::ExtraCaFile,
                     QCoreApplication::translate("AccountValidator", "\"%1\" contains no PEM certificate.").arg(account.extraCaFile));
    }
    return issues;
}

} // namespace kurier::store
