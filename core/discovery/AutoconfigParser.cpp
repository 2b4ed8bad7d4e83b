#include "discovery/AutoconfigParser.h"

#include <QXmlStreamReader>

namespace kurier::discovery {

namespace {

using Authentication = ServerConfig::Authentication;
using Protocol = ServerConfig::Protocol;

// <socketType>: "SSL" is implicit TLS (RFC 8314), "STARTTLS" the upgrade, "plain" none.
std::optional<store::Security> securityOf(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == u"ssl" || t == u"tls")
        return store::Security::Tls;
    if (t == u"starttls")
        return store::Security::StartTls;
    if (t == u"plain")
        return store::Security::None;
    return std::nullopt;
}

// <authentication>, with the older names the format once used ("plain", "secure").
Authentication authenticationOf(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == u"password-cleartext" || t == u"plain")
        return Authentication::PasswordCleartext;
    if (t == u"password-encrypted" || t == u"secure")
        return Authentication::PasswordEncrypted;
    if (t == u"oauth2")
        return Authentication::OAuth2;
    if (t == u"none")
        return Authentication::None;
    if (t == u"tls-client-cert")
        return Authentication::ClientCertificate;
    return Authentication::Other; // NTLM, GSSAPI, client-IP-address, smtp-after-pop
}

std::optional<Protocol> protocolOf(const QString &type, bool incoming)
{
    const QString t = type.trimmed().toLower();
    if (incoming && t == u"pop3")
        return Protocol::Pop3;
    if (incoming && t == u"imap")
        return Protocol::Imap;
    if (!incoming && t == u"smtp")
        return Protocol::Smtp;
    return std::nullopt; // exchange, ews, jmap…: not for Kurier
}

class Reader
{
public:
    explicit Reader(const QByteArray &document)
        : m_xml(document)
    {
    }

    AutoconfigParser::Result run()
    {
        AutoconfigParser::Result result;
        MailConfig config;
        bool sawRoot = false;
        while (!m_xml.atEnd() && m_error.isEmpty()) {
            const QXmlStreamReader::TokenType token = m_xml.readNext();
            if (token == QXmlStreamReader::DTD) {
                fail(AutoconfigParser::tr("the document declares a DTD, which autoconfig files never need"));
                break;
            }
            if (token == QXmlStreamReader::EntityReference) {
                fail(AutoconfigParser::tr("the document uses an entity"));
                break;
            }
            if (token != QXmlStreamReader::StartElement)
                continue;
            if (m_xml.name() != u"clientConfig") {
                fail(AutoconfigParser::tr("the document is not a mail configuration (<%1>)").arg(m_xml.name().toString().left(40)));
                break;
            }
            sawRoot = true;
            readClientConfig(config);
        }
        if (m_error.isEmpty() && m_xml.hasError())
            fail(m_xml.errorString());
        if (m_error.isEmpty() && !sawRoot)
            fail(AutoconfigParser::tr("the document is empty"));
        if (m_error.isEmpty() && config.incoming.isEmpty() && config.outgoing.isEmpty())
            fail(AutoconfigParser::tr("the configuration names no server Kurier can use"));
        if (!m_error.isEmpty()) {
            result.error = m_error;
            return result;
        }
        result.config = std::move(config);
        return result;
    }

private:
    void fail(const QString &why)
    {
        if (m_error.isEmpty())
            m_error = AutoconfigParser::tr("Line %1: %2").arg(m_xml.lineNumber()).arg(why);
    }

    // Descends one level; false (and an error) when the document nests too deep.
    bool enter()
    {
        if (++m_depth > AutoconfigParser::maxDepth) {
            fail(AutoconfigParser::tr("the document nests too deep"));
            return false;
        }
        return true;
    }

    // The text of a simple element, which must not contain elements (the reader is on its start).
    QString text()
    {
        const QString t = m_xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
        return t.left(2048); // no value of the format is longer; a longer one is not a host name
    }

    // Skips an element we do not know, keeping the depth limit in force.
    void skip()
    {
        if (!enter())
            return;
        while (m_error.isEmpty() && m_xml.readNextStartElement())
            skip();
        --m_depth;
    }

    void readClientConfig(MailConfig &config)
    {
        if (!enter())
            return;
        while (m_error.isEmpty() && m_xml.readNextStartElement()) {
            if (m_xml.name() == u"emailProvider")
                readProvider(config);
            else if (m_xml.name() == u"oAuth2")
                readOAuth(config.oauth);
            else
                skip();
        }
        --m_depth;
    }

    void readProvider(MailConfig &config)
    {
        if (!enter())
            return;
        config.providerId = m_xml.attributes().value(QLatin1String("id")).toString().left(256);
        while (m_error.isEmpty() && m_xml.readNextStartElement()) {
            const QStringView name = m_xml.name();
            if (name == u"domain") {
                const QString d = text().toLower();
                if (!d.isEmpty() && config.domains.size() < 1000)
                    config.domains << d;
            } else if (name == u"displayName") {
                config.displayName = text();
            } else if (name == u"displayShortName") {
                config.displayShortName = text();
            } else if (name == u"incomingServer" || name == u"outgoingServer") {
                const bool incoming = name == u"incomingServer";
                const auto server = readServer(incoming);
                QList<ServerConfig> &list = incoming ? config.incoming : config.outgoing;
                if (server && config.incoming.size() + config.outgoing.size() >= AutoconfigParser::maxServers)
                    fail(AutoconfigParser::tr("the configuration lists too many servers"));
                else if (server)
                    list << *server;
            } else {
                skip();
            }
        }
        --m_depth;
    }

    std::optional<ServerConfig> readServer(bool incoming)
    {
        if (!enter())
            return std::nullopt;
        const auto protocol = protocolOf(m_xml.attributes().value(QLatin1String("type")).toString(), incoming);
        ServerConfig s;
        bool usable = protocol.has_value();
        bool haveSecurity = false;
        if (protocol)
            s.protocol = *protocol;
        while (m_error.isEmpty() && m_xml.readNextStartElement()) {
            const QStringView name = m_xml.name();
            if (name == u"hostname") {
                s.hostname = text().toLower();
            } else if (name == u"port") {
                bool ok = false;
                const uint port = text().toUInt(&ok);
                if (ok && port > 0 && port < 65536)
                    s.port = quint16(port);
                else
                    usable = false;
            } else if (name == u"socketType") {
                const auto security = securityOf(text());
                haveSecurity = security.has_value();
                if (security)
                    s.security = *security;
                else
                    usable = false;
            } else if (name == u"authentication") {
                const Authentication a = authenticationOf(text());
                if (!s.authentication.contains(a) && s.authentication.size() < 16)
                    s.authentication << a;
            } else if (name == u"username") {
                s.usernameTemplate = text();
            } else if (name == u"pop3") {
                readPop3(s);
            } else {
                skip();
            }
        }
        --m_depth;
        // A host name is letters, digits, dots and hyphens (or a placeholder the provider
        // meant, like %EMAILDOMAIN%); anything else is not a server to connect to.
        static const QString allowed = QStringLiteral("abcdefghijklmnopqrstuvwxyz0123456789.-%");
        if (s.hostname.isEmpty() || s.port == 0 || !haveSecurity)
            usable = false;
        for (const QChar c : std::as_const(s.hostname)) {
            if (!allowed.contains(c))
                usable = false;
        }
        return usable ? std::optional<ServerConfig>(s) : std::nullopt;
    }

    void readPop3(ServerConfig &s)
    {
        if (!enter())
            return;
        while (m_error.isEmpty() && m_xml.readNextStartElement()) {
            if (m_xml.name() == u"leaveMessagesOnServer") {
                const QString t = text().toLower();
                if (t == u"true" || t == u"false")
                    s.leaveMessagesOnServer = t == u"true";
            } else if (m_xml.name() == u"daysToLeaveMessagesOnServer") {
                bool ok = false;
                const int days = text().toInt(&ok);
                if (ok && days >= 0 && days <= 100000)
                    s.daysToLeaveMessagesOnServer = days;
            } else {
                skip();
            }
        }
        --m_depth;
    }

    void readOAuth(OAuthConfig &oauth)
    {
        if (!enter())
            return;
        while (m_error.isEmpty() && m_xml.readNextStartElement()) {
            const QStringView name = m_xml.name();
            if (name == u"issuer") {
                oauth.issuer = text();
            } else if (name == u"scope") {
                oauth.scopes = text().split(u' ', Qt::SkipEmptyParts).mid(0, 32);
            } else if (name == u"authURL" || name == u"tokenURL") {
                // Only https: an OAuth endpoint over plain http would carry the code and the
                // tokens in clear (RFC 6749 §3.1, §3.2).
                const QUrl url(text(), QUrl::StrictMode);
                if (url.isValid() && url.scheme() == u"https" && !url.host().isEmpty())
                    (name == u"authURL" ? oauth.authorizationUrl : oauth.tokenUrl) = url;
            } else if (name == u"clientID") {
                oauth.clientId = text();
            } else {
                skip();
            }
        }
        --m_depth;
    }

    QXmlStreamReader m_xml;
    QString m_error;
    int m_depth = 0;
};

} // namespace

AutoconfigParser::Result AutoconfigParser::parse(const QByteArray &document)
{
    if (document.size() > maxBytes) {
        Result r;
        r.error = tr("The configuration is larger than %1 KB; autoconfig files are a few KB.").arg(maxBytes / 1024);
        return r;
    }
    if (document.trimmed().isEmpty()) {
        Result r;
        r.error = tr("The configuration is empty.");
        return r;
    }
    return Reader(document).run();
}

} // namespace kurier::discovery
