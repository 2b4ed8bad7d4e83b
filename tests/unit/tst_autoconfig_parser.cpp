// discovery::AutoconfigParser: real provider files (the facts of the ISPDB's office365.com and
// googlemail.com entries and a provider's own POP3 file) become a MailConfig; what a hostile
// or broken document tries (a DTD with entity expansion, external entities, a huge or deeply
// nested document, servers with bad ports, OAuth endpoints over http) is refused or left out
// with a clear reason.
#include "discovery/AutoconfigParser.h"

#include <QTest>

using namespace kurier;
using discovery::AutoconfigParser;
using discovery::ServerConfig;
using Auth = ServerConfig::Authentication;

namespace {

// The ISPDB entry for office365.com as Thunderbird ships it (trimmed of documentation).
const QByteArray Office365 = R"(<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="office365.com">
    <domain>office365.com</domain>
    <domain>outlook.office365.com</domain>
    <displayName>Microsoft 365</displayName>
    <displayShortName>Microsoft</displayShortName>
    <incomingServer type="exchange">
      <hostname>outlook.office365.com</hostname>
      <port>443</port>
      <username>%EMAILADDRESS%</username>
      <socketType>SSL</socketType>
      <authentication>OAuth2</authentication>
      <owaURL>https://outlook.office365.com/owa/</owaURL>
      <ewsURL>https://outlook.office365.com/ews/exchange.asmx</ewsURL>
    </incomingServer>
    <incomingServer type="imap">
      <hostname>outlook.office365.com</hostname>
      <port>993</port>
      <socketType>SSL</socketType>
      <authentication>OAuth2</authentication>
      <authentication>password-cleartext</authentication>
      <username>%EMAILADDRESS%</username>
    </incomingServer>
    <incomingServer type="pop3">
      <hostname>outlook.office365.com</hostname>
      <port>995</port>
      <socketType>SSL</socketType>
      <authentication>OAuth2</authentication>
      <authentication>password-cleartext</authentication>
      <username>%EMAILADDRESS%</username>
      <pop3>
        <leaveMessagesOnServer>true</leaveMessagesOnServer>
        <daysToLeaveMessagesOnServer>14</daysToLeaveMessagesOnServer>
      </pop3>
    </incomingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.office365.com</hostname>
      <port>587</port>
      <socketType>STARTTLS</socketType>
      <authentication>OAuth2</authentication>
      <authentication>password-cleartext</authentication>
      <username>%EMAILADDRESS%</username>
    </outgoingServer>
    <documentation url="https://support.microsoft.com/en-us/office/pop-imap-and-smtp-settings-8361e398-8af4-4e97-b147-6c6c4ac95353">
      <descr lang="en">Settings for Outlook.com and Microsoft 365</descr>
    </documentation>
  </emailProvider>
  <oAuth2>
    <issuer>login.microsoftonline.com</issuer>
    <scope>https://outlook.office.com/IMAP.AccessAsUser.All https://outlook.office.com/POP.AccessAsUser.All https://outlook.office.com/SMTP.Send offline_access</scope>
    <authURL>https://login.microsoftonline.com/common/oauth2/v2.0/authorize</authURL>
    <tokenURL>https://login.microsoftonline.com/common/oauth2/v2.0/token</tokenURL>
  </oAuth2>
</clientConfig>
)";

// googlemail.com: implicit TLS throughout, OAuth2 first, the old "plain" name for cleartext.
const QByteArray Gmail = R"(<?xml version="1.0"?>
<clientConfig version="1.1">
  <emailProvider id="googlemail.com">
    <domain>gmail.com</domain>
    <domain>googlemail.com</domain>
    <domain>google.com</domain>
    <displayName>Google Mail</displayName>
    <incomingServer type="pop3">
      <hostname>pop.gmail.com</hostname>
      <port>995</port>
      <socketType>SSL</socketType>
      <username>%EMAILADDRESS%</username>
      <authentication>OAuth2</authentication>
      <authentication>plain</authentication>
      <pop3><leaveMessagesOnServer>true</leaveMessagesOnServer></pop3>
    </incomingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.gmail.com</hostname>
      <port>465</port>
      <socketType>SSL</socketType>
      <username>%EMAILADDRESS%</username>
      <authentication>OAuth2</authentication>
      <authentication>plain</authentication>
    </outgoingServer>
  </emailProvider>
  <oAuth2>
    <issuer>accounts.google.com</issuer>
    <scope>https://mail.google.com/</scope>
    <authURL>https://accounts.google.com/o/oauth2/auth</authURL>
    <tokenURL>https://www.googleapis.com/oauth2/v3/token</tokenURL>
  </oAuth2>
</clientConfig>
)";

QByteArray withServers(const QByteArray &servers)
{
    return "<clientConfig version=\"1.1\"><emailProvider id=\"example.org\"><domain>example.org</domain>" + servers
        + "</emailProvider></clientConfig>";
}

const QByteArray GoodPop = "<incomingServer type=\"pop3\"><hostname>pop.example.org</hostname><port>995</port>"
                           "<socketType>SSL</socketType><authentication>password-cleartext</authentication>"
                           "<username>%EMAILLOCALPART%</username></incomingServer>";

} // namespace

class TestAutoconfigParser : public QObject
{
    Q_OBJECT
private slots:
    void office365();
    void gmail();
    void usernamePlaceholders_data();
    void usernamePlaceholders();
    void refused_data();
    void refused();
    void serversLeftOut_data();
    void serversLeftOut();
    void oauthOverHttpIgnored();
    void unknownElementsSkipped();
};

void TestAutoconfigParser::office365()
{
    const AutoconfigParser::Result r = AutoconfigParser::parse(Office365);
    QVERIFY2(r.ok(), qPrintable(r.error));
    const discovery::MailConfig &c = *r.config;
    QCOMPARE(c.providerId, QStringLiteral("office365.com"));
    QCOMPARE(c.domains, (QStringList{QStringLiteral("office365.com"), QStringLiteral("outlook.office365.com")}));
    QCOMPARE(c.displayName, QStringLiteral("Microsoft 365"));
    QCOMPARE(c.incoming.size(), 2); // the Exchange server is not for Kurier
    const auto pop = c.firstIncoming(ServerConfig::Protocol::Pop3);
    QVERIFY(pop);
    QCOMPARE(pop->hostname, QStringLiteral("outlook.office365.com"));
    QCOMPARE(pop->port, quint16(995));
    QCOMPARE(pop->security, store::Security::Tls);
    QCOMPARE(pop->authentication, (QList<Auth>{Auth::OAuth2, Auth::PasswordCleartext}));
    QCOMPARE(pop->leaveMessagesOnServer, std::optional<bool>(true));
    QCOMPARE(pop->daysToLeaveMessagesOnServer, std::optional<int>(14));
    QCOMPARE(pop->username(QStringLiteral("anna@contoso.com")), QStringLiteral("anna@contoso.com"));
    const auto smtp = c.firstOutgoing();
    QVERIFY(smtp);
    QCOMPARE(smtp->hostname, QStringLiteral("smtp.office365.com"));
    QCOMPARE(smtp->port, quint16(587));
    QCOMPARE(smtp->security, store::Security::StartTls);
    QVERIFY(smtp->supports(Auth::OAuth2));
    QCOMPARE(c.oauth.issuer, QStringLiteral("login.microsoftonline.com"));
    QCOMPARE(c.oauth.scopes.size(), 4);
    QVERIFY(c.oauth.scopes.contains(QStringLiteral("https://outlook.office.com/POP.AccessAsUser.All")));
    QCOMPARE(c.oauth.tokenUrl, QUrl(QStringLiteral("https://login.microsoftonline.com/common/oauth2/v2.0/token")));
}

void TestAutoconfigParser::gmail()
{
    const AutoconfigParser::Result r = AutoconfigParser::parse(Gmail);
    QVERIFY2(r.ok(), qPrintable(r.error));
    const auto pop = r.config->firstIncoming(ServerConfig::Protocol::Pop3);
    QVERIFY(pop);
    QCOMPARE(pop->authentication, (QList<Auth>{Auth::OAuth2, Auth::PasswordCleartext}));
    QCOMPARE(pop->daysToLeaveMessagesOnServer, std::nullopt);
    QCOMPARE(r.config->firstOutgoing()->security, store::Security::Tls);
    QCOMPARE(r.config->oauth.scopes, QStringList{QStringLiteral("https://mail.google.com/")});
    QVERIFY(r.config->domains.contains(QStringLiteral("gmail.com")));
}

void TestAutoconfigParser::usernamePlaceholders_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("expected");
    QTest::newRow("address") << QStringLiteral("%EMAILADDRESS%") << QStringLiteral("a.b@example.org") << QStringLiteral("a.b@example.org");
    QTest::newRow("local part") << QStringLiteral("%EMAILLOCALPART%") << QStringLiteral("a.b@example.org") << QStringLiteral("a.b");
    QTest::newRow("domain in a longer name") << QStringLiteral("mail-%EMAILLOCALPART%.%EMAILDOMAIN%")
                                              << QStringLiteral("jo@example.org") << QStringLiteral("mail-jo.example.org");
    QTest::newRow("last @ splits") << QStringLiteral("%EMAILLOCALPART%") << QStringLiteral("\"a@b\"@example.org")
                                   << QStringLiteral("\"a@b\"");
    QTest::newRow("fixed name") << QStringLiteral("postmaster") << QStringLiteral("jo@example.org") << QStringLiteral("postmaster");
}

void TestAutoconfigParser::usernamePlaceholders()
{
    QFETCH(QString, pattern);
    QFETCH(QString, address);
    QFETCH(QString, expected);
    ServerConfig s;
    s.usernameTemplate = pattern;
    QCOMPARE(s.username(address), expected);
}

void TestAutoconfigParser::refused_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("reason"); // part of the error
    QTest::newRow("billion laughs") << QByteArray(R"(<?xml version="1.0"?>
<!DOCTYPE clientConfig [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<clientConfig><emailProvider id="x"><displayName>&c;</displayName></emailProvider></clientConfig>)")
                                     << QStringLiteral("DTD");
    QTest::newRow("external entity") << QByteArray(R"(<?xml version="1.0"?>
<!DOCTYPE clientConfig [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<clientConfig><emailProvider id="x"><displayName>&secret;</displayName></emailProvider></clientConfig>)")
                                      << QStringLiteral("DTD");
    QTest::newRow("undeclared entity") << withServers("<displayName>&secret;</displayName>" + GoodPop) << QStringLiteral("Line 1");
    QTest::newRow("too large") << withServers(GoodPop + "<displayName>" + QByteArray(300 * 1024, 'x') + "</displayName>")
                               << QStringLiteral("larger than 256 KB");
    QByteArray deep = "<clientConfig><emailProvider id=\"x\">";
    for (int i = 0; i < 40; ++i)
        deep += "<a>";
    QTest::newRow("too deep") << deep << QStringLiteral("too deep");
    QByteArray many;
    for (int i = 0; i < 40; ++i)
        many += GoodPop;
    QTest::newRow("too many servers") << withServers(many) << QStringLiteral("too many servers");
    QTest::newRow("other document") << QByteArray("<html><body>Not found</body></html>") << QStringLiteral("<html>");
    QTest::newRow("empty") << QByteArray(" \r\n") << QStringLiteral("empty");
    QTest::newRow("not XML") << QByteArray("{\"imap\": \"imap.example.org\"}") << QStringLiteral("Line 1");
    QTest::newRow("cut off") << Office365.left(Office365.size() / 2) << QStringLiteral("Line");
    QTest::newRow("no usable server") << withServers("<incomingServer type=\"exchange\"><hostname>x.example.org</hostname>"
                                                     "<port>443</port><socketType>SSL</socketType></incomingServer>")
                                      << QStringLiteral("no server");
}

void TestAutoconfigParser::refused()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, reason);
    const AutoconfigParser::Result r = AutoconfigParser::parse(document);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(reason), qPrintable(r.error));
}

void TestAutoconfigParser::serversLeftOut_data()
{
    QTest::addColumn<QByteArray>("server");
    auto pop = [](const QByteArray &host, const QByteArray &port, const QByteArray &socket) -> QByteArray {
        return "<incomingServer type=\"pop3\"><hostname>" + host + "</hostname><port>" + port + "</port><socketType>" + socket
            + "</socketType></incomingServer>";
    };
    QTest::newRow("port 0") << pop("pop.example.org", "0", "SSL");
    QTest::newRow("port too large") << pop("pop.example.org", "99999", "SSL");
    QTest::newRow("port not a number") << pop("pop.example.org", "995x", "SSL");
    QTest::newRow("unknown socket type") << pop("pop.example.org", "995", "maybe");
    QTest::newRow("no socket type") << QByteArray("<incomingServer type=\"pop3\"><hostname>pop.example.org</hostname><port>995</port></incomingServer>");
    QTest::newRow("no host") << pop("", "995", "SSL");
    QTest::newRow("host with a slash") << pop("pop.example.org/evil", "995", "SSL");
    QTest::newRow("host with a space") << pop("pop example.org", "995", "SSL");
    QTest::newRow("smtp as incoming") << QByteArray("<incomingServer type=\"smtp\"><hostname>s.example.org</hostname><port>465</port>"
                                                    "<socketType>SSL</socketType></incomingServer>");
}

void TestAutoconfigParser::serversLeftOut()
{
    // The bad server is dropped; the good one beside it still counts.
    QFETCH(QByteArray, server);
    const AutoconfigParser::Result r = AutoconfigParser::parse(withServers(server + GoodPop));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.config->incoming.size(), 1);
    QCOMPARE(r.config->incoming.first().hostname, QStringLiteral("pop.example.org"));
    QCOMPARE(r.config->incoming.first().username(QStringLiteral("jo@example.org")), QStringLiteral("jo"));
}

void TestAutoconfigParser::oauthOverHttpIgnored()
{
    const QByteArray doc = "<clientConfig><emailProvider id=\"x\">" + GoodPop
        + "</emailProvider><oAuth2><issuer>auth.example.org</issuer><authURL>http://auth.example.org/authorize</authURL>"
          "<tokenURL>https://auth.example.org/token</tokenURL><clientID>kurier-desktop</clientID></oAuth2></clientConfig>";
    const AutoconfigParser::Result r = AutoconfigParser::parse(doc);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY(!r.config->oauth.authorizationUrl.isValid());
    QCOMPARE(r.config->oauth.tokenUrl, QUrl(QStringLiteral("https://auth.example.org/token")));
    QCOMPARE(r.config->oauth.clientId, QStringLiteral("kurier-desktop"));
}

void TestAutoconfigParser::unknownElementsSkipped()
{
    // Later versions of the format add elements (webMail, enable, instructions…).
    const QByteArray doc = withServers("<webMail><loginPage url=\"https://mail.example.org/\"/></webMail>"
                                       "<enable visiturl=\"https://example.org/pop\"><instruction>Turn POP on</instruction></enable>"
                                       + GoodPop + "<future><nested><deeper>x</deeper></nested></future>");
    const AutoconfigParser::Result r = AutoconfigParser::parse(doc);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.config->incoming.size(), 1);
}

QTEST_GUILESS_MAIN(TestAutoconfigParser)
#include "tst_autoconfig_parser.moc"
