#include "discovery/AccountProposal.h"

#include <algorithm>

namespace kurier::discovery {

using Auth = ServerConfig::Authentication;

AccountProposal AccountProposal::from(const DiscoveredConfig &found, const QString &emailAddress, const QString &senderName)
{
    AccountProposal p;
    store::Account &a = p.account;
    a.email = emailAddress.trimmed();
    a.senderName = senderName.trimmed();
    const MailConfig &c = found.config;

    const auto pop = c.firstIncoming(ServerConfig::Protocol::Pop3);
    const auto smtp = c.firstOutgoing();
    // OAuth 2.0 when the provider lists it first for POP3 (Microsoft 365, Gmail) or offers
    // nothing else Kurier can use, and the configuration names its token endpoint.
    const bool oauth = pop && !c.oauth.isEmpty() && c.oauth.tokenUrl.isValid() && pop->supports(Auth::OAuth2)
        && (pop->authentication.first() == Auth::OAuth2 || (!pop->supports(Auth::PasswordCleartext) && !pop->supports(Auth::PasswordEncrypted)));

    if (pop) {
        a.pop3.host = pop->hostname;
        a.pop3.security = pop->security;
        a.pop3.port = pop->port == store::defaultPop3Port(pop->security) ? 0 : pop->port;
        const QString user = pop->username(a.email);
        a.pop3.user = user == a.email ? QString() : user;
        if (pop->leaveMessagesOnServer == false)
            a.pop3.leaveOnServer = store::LeaveOnServer::DeleteAfterDownload;
        else if (pop->daysToLeaveMessagesOnServer && *pop->daysToLeaveMessagesOnServer > 0) {
            a.pop3.leaveOnServer = store::LeaveOnServer::DeleteAfterDays;
            a.pop3.deleteAfterDays = *pop->daysToLeaveMessagesOnServer;
        }
    } else {
        p.missing << Missing::Pop3Server;
    }

    if (smtp) {
        a.smtp.host = smtp->hostname;
        a.smtp.security = smtp->security;
        a.smtp.port = smtp->port == store::defaultSmtpPort(smtp->security) ? 0 : smtp->port;
        const QString user = smtp->usernameTemplate.isEmpty() ? a.pop3User() : smtp->username(a.email);
        if (smtp->authentication.size() == 1 && smtp->supports(Auth::None))
            a.smtp.auth = store::SmtpAuth::None;
        else if (user != a.pop3User() && !oauth) {
            a.smtp.auth = store::SmtpAuth::Password;
            a.smtp.user = user;
        } else {
            a.smtp.auth = store::SmtpAuth::SameAsPop3;
        }
    } else {
        p.missing << Missing::SmtpServer;
    }

    if (oauth) {
        a.oauth.enabled = true;
        a.oauth.method = oauth::SignInMethod::Browser;
        a.oauth.tokenEndpoint = c.oauth.tokenUrl.toString();
        a.oauth.authorizationEndpoint = c.oauth.authorizationUrl.isValid() ? c.oauth.authorizationUrl.toString() : QString();
        a.oauth.scope = c.oauth.scopes.join(u' ');
        a.oauth.clientId = c.oauth.clientId;
        if (a.oauth.clientId.isEmpty())
            p.missing << Missing::OAuthClientId; // registered by the provider or the organisation
    } else if (pop) {
        p.missing.prepend(Missing::Password);
        // A probed server that signs in only with OAuth: the password will not do, and nothing
        // found names the OAuth server.
        if (pop->supports(Auth::OAuth2) && !pop->supports(Auth::PasswordCleartext) && !pop->supports(Auth::PasswordEncrypted))
            p.notes << tr("%1 signs in only with OAuth 2.0, and no source named its OAuth server: enter it "
                          "(endpoint URL, client ID) from the provider's documentation.")
                           .arg(pop->hostname);
    }

    if (!found.verified)
        p.notes << tr("These settings were read without TLS or DNSSEC (%1); check them with your provider.").arg(found.origin);
    if (found.pointsElsewhere)
        p.notes << tr("The servers are outside %1; confirm that this provider hosts your mail.").arg(a.email.section(u'@', -1));
    return p;
}

QString AccountProposal::suggestPrefix(const QString &emailAddress, const QList<store::Account> &existing)
{
    const qsizetype at = emailAddress.lastIndexOf(u'@');
    QString base;
    for (const QChar c : emailAddress.left(at < 0 ? emailAddress.size() : at).toUpper()) {
        if ((c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-' || c == u'_')
            base += c;
    }
    if (base.isEmpty()) // "ä@…", "@…": the domain's first label, else a word
        for (const QChar c : emailAddress.mid(at + 1).section(u'.', 0, 0).toUpper()) {
            if ((c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-')
                base += c;
        }
    if (base.isEmpty())
        base = QStringLiteral("MAIL");
    base.truncate(10);
    const auto taken = [&existing](const QString &prefix) {
        return std::any_of(existing.begin(), existing.end(),
                           [&prefix](const store::Account &a) { return a.prefix.compare(prefix, Qt::CaseInsensitive) == 0; });
    };
    QString prefix = base;
    for (int n = 2; taken(prefix) && n < 1000; ++n) {
        const QString suffix = QString::number(n);
        prefix = base.left(10 - suffix.size()) + suffix;
    }
    return prefix;
}

} // namespace kurier::discovery
