#pragma once

#include "store/Security.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace kurier::discovery {

// One server of a mail configuration as a discovery source describes it: the Mozilla
// config-v1.1 <incomingServer>/<outgoingServer>, a DNS SRV record (RFC 6186) or a probe.
struct ServerConfig {
    enum class Protocol { Pop3, Imap, Smtp };
    // The config format's <authentication> values (those Kurier can act on; the rest are kept
    // as Other so that a server offering only NTLM is not mistaken for a password server).
    enum class Authentication { PasswordCleartext, PasswordEncrypted, OAuth2, None, ClientCertificate, Other };

    Protocol protocol = Protocol::Pop3;
    QString hostname;
    quint16 port = 0;
    store::Security security = store::Security::Tls;
    // %EMAILADDRESS%, %EMAILLOCALPART%, %EMAILDOMAIN% as the source wrote them; username() fills them.
    QString usernameTemplate;
    QList<Authentication> authentication; // in the source's order of preference
    // <pop3>: Thunderbird's "leave messages on the server" and for how many days.
    std::optional<bool> leaveMessagesOnServer;
    std::optional<int> daysToLeaveMessagesOnServer;

    [[nodiscard]] bool supports(Authentication a) const { return authentication.contains(a); }
    // The user name for this address with the placeholders filled in.
    [[nodiscard]] QString username(const QString &emailAddress) const;
};

// <oAuth2> of the config (Thunderbird's extension; clientID from the draft v1.2 of the format).
struct OAuthConfig {
    QString issuer; // a host name ("login.microsoftonline.com") or an issuer URL
    QStringList scopes;
    QUrl authorizationUrl;
    QUrl tokenUrl;
    QString clientId;

    [[nodiscard]] bool isEmpty() const { return issuer.isEmpty() && !authorizationUrl.isValid() && !tokenUrl.isValid(); }
};

// What one source found for a domain: the provider, its servers and its OAuth server.
struct MailConfig {
    QString providerId;          // <emailProvider id="…">
    QStringList domains;         // <domain> entries: the domains the provider serves
    QString displayName;
    QString displayShortName;
    QList<ServerConfig> incoming; // in the source's order of preference
    QList<ServerConfig> outgoing;
    OAuthConfig oauth;

    // The first incoming server of this protocol, if any.
    [[nodiscard]] std::optional<ServerConfig> firstIncoming(ServerConfig::Protocol protocol) const;
    [[nodiscard]] std::optional<ServerConfig> firstOutgoing() const;
    // Whether two sources name the same POP3 and SMTP server (host, port, security): when they
    // do not, the new-account flow lets the user choose.
    [[nodiscard]] bool sameServersAs(const MailConfig &other) const;
};

} // namespace kurier::discovery
