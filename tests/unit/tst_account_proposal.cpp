// discovery::AccountProposal: a discovered configuration becomes the "Neues Benutzerkonto" form
// filled in — server, port (0 where it is the default), security, user name, how long mail
// stays on the server, OAuth 2.0 where the provider signs in that way — with what the user must
// still give; every proposal with its missing values filled passes the dialog's validator.
#include "discovery/AccountProposal.h"
#include "discovery/AutoconfigParser.h"
#include "store/AccountValidator.h"
#include "store/SecretUpdate.h"

#include <QTest>

using namespace kurier;
using discovery::AccountProposal;
using Missing = AccountProposal::Missing;

Q_DECLARE_METATYPE(QList<AccountProposal::Missing>)

namespace {

QByteArray provider(const QByteArray &popAuth, const QByteArray &popUser, const QByteArray &smtpAuth, const QByteArray &smtpUser,
                    const QByteArray &extra = {})
{
    return "<clientConfig version=\"1.1\"><emailProvider id=\"x\"><domain>example.org</domain>"
           "<incomingServer type=\"pop3\"><hostname>pop.example.org</hostname><port>995</port><socketType>SSL</socketType>"
        + popAuth + "<username>" + popUser + "</username>" + extra
        + "</incomingServer><outgoingServer type=\"smtp\"><hostname>smtp.example.org</hostname><port>465</port>"
          "<socketType>SSL</socketType>"
        + smtpAuth + (smtpUser.isEmpty() ? QByteArray() : "<username>" + smtpUser + "</username>")
        + "</outgoingServer></emailProvider>"
          "<oAuth2><issuer>auth.example.org</issuer><scope>pop smtp offline_access</scope>"
          "<authURL>https://auth.example.org/authorize</authURL><tokenURL>https://auth.example.org/token</tokenURL></oAuth2>"
          "</clientConfig>";
}

const QByteArray Password = "<authentication>password-cleartext</authentication>";
const QByteArray OAuthFirst = "<authentication>OAuth2</authentication><authentication>password-cleartext</authentication>";
const QByteArray OAuthOnly = "<authentication>OAuth2</authentication>";

} // namespace

class TestAccountProposal : public QObject
{
    Q_OBJECT
private slots:
    void proposals_data();
    void proposals();
    void notes();
    void suggestedPrefix_data();
    void suggestedPrefix();
    void sameServers();
};

void TestAccountProposal::proposals_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<bool>("oauth");
    QTest::addColumn<QString>("pop3User");  // the form's field: empty means the address
    QTest::addColumn<int>("smtpAuth");      // store::SmtpAuth
    QTest::addColumn<QString>("smtpUser");
    QTest::addColumn<int>("leave");         // store::LeaveOnServer
    QTest::addColumn<QList<Missing>>("missing");
    const int same = int(store::SmtpAuth::SameAsPop3);
    const int own = int(store::SmtpAuth::Password);
    const int keep = int(store::LeaveOnServer::Keep);
    QTest::newRow("password, the address as user")
        << provider(Password, "%EMAILADDRESS%", Password, "%EMAILADDRESS%") << false << QString() << same << QString() << keep
        << QList<Missing>{Missing::Password};
    QTest::newRow("local part as user, SMTP the same")
        << provider(Password, "%EMAILLOCALPART%", Password, "%EMAILLOCALPART%") << false << QStringLiteral("jo") << same << QString()
        << keep << QList<Missing>{Missing::Password};
    QTest::newRow("SMTP with its own user name")
        << provider(Password, "%EMAILADDRESS%", Password, "smtp-%EMAILLOCALPART%") << false << QString() << own
        << QStringLiteral("smtp-jo") << keep << QList<Missing>{Missing::Password};
    QTest::newRow("SMTP without a user name: the POP3 one")
        << provider(Password, "%EMAILADDRESS%", Password, QByteArray()) << false << QString() << same << QString() << keep
        << QList<Missing>{Missing::Password};
    QTest::newRow("SMTP without authentication")
        << provider(Password, "%EMAILADDRESS%", "<authentication>none</authentication>", QByteArray()) << false << QString()
        << int(store::SmtpAuth::None) << QString() << keep << QList<Missing>{Missing::Password};
    QTest::newRow("OAuth first (Microsoft 365, Gmail): OAuth, the client ID to give")
        << provider(OAuthFirst, "%EMAILADDRESS%", OAuthFirst, "%EMAILADDRESS%") << true << QString() << same << QString() << keep
        << QList<Missing>{Missing::OAuthClientId};
    QTest::newRow("OAuth only")
        << provider(OAuthOnly, "%EMAILADDRESS%", OAuthOnly, "%EMAILADDRESS%") << true << QString() << same << QString() << keep
        << QList<Missing>{Missing::OAuthClientId};
    QTest::newRow("password first, OAuth offered too: password")
        << provider("<authentication>password-cleartext</authentication><authentication>OAuth2</authentication>", "%EMAILADDRESS%",
                    Password, "%EMAILADDRESS%")
        << false << QString() << same << QString() << keep << QList<Missing>{Missing::Password};
    QTest::newRow("14 days on the server")
        << provider(Password, "%EMAILADDRESS%", Password, "%EMAILADDRESS%",
                    "<pop3><leaveMessagesOnServer>true</leaveMessagesOnServer><daysToLeaveMessagesOnServer>14</daysToLeaveMessagesOnServer></pop3>")
        << false << QString() << same << QString() << int(store::LeaveOnServer::DeleteAfterDays) << QList<Missing>{Missing::Password};
    QTest::newRow("deleted after download")
        << provider(Password, "%EMAILADDRESS%", Password, "%EMAILADDRESS%", "<pop3><leaveMessagesOnServer>false</leaveMessagesOnServer></pop3>")
        << false << QString() << same << QString() << int(store::LeaveOnServer::DeleteAfterDownload) << QList<Missing>{Missing::Password};
}

void TestAccountProposal::proposals()
{
    QFETCH(QByteArray, config);
    QFETCH(bool, oauth);
    QFETCH(QString, pop3User);
    QFETCH(int, smtpAuth);
    QFETCH(QString, smtpUser);
    QFETCH(int, leave);
    QFETCH(QList<Missing>, missing);
    const auto parsed = discovery::AutoconfigParser::parse(config);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    discovery::DiscoveredConfig found;
    found.config = *parsed.config;
    found.source = discovery::DiscoveredConfig::Source::Provider;
    const AccountProposal p = AccountProposal::from(found, QStringLiteral(" jo@example.org "), QStringLiteral("Jo Beispiel"));
    const store::Account &a = p.account;
    QCOMPARE(a.email, QStringLiteral("jo@example.org"));
    QCOMPARE(a.senderName, QStringLiteral("Jo Beispiel"));
    QCOMPARE(a.pop3.host, QStringLiteral("pop.example.org"));
    QCOMPARE(a.pop3.port, 0); // 995 is SSL/TLS's default
    QCOMPARE(a.pop3.security, store::Security::Tls);
    QCOMPARE(a.pop3.user, pop3User);
    QCOMPARE(a.smtp.host, QStringLiteral("smtp.example.org"));
    QCOMPARE(a.smtp.port, 0); // 465 likewise
    QCOMPARE(int(a.smtp.auth), smtpAuth);
    QCOMPARE(a.smtp.user, smtpUser);
    QCOMPARE(int(a.pop3.leaveOnServer), leave);
    QCOMPARE(a.oauth.enabled, oauth);
    if (oauth) {
        QCOMPARE(a.oauth.tokenEndpoint, QStringLiteral("https://auth.example.org/token"));
        QCOMPARE(a.oauth.authorizationEndpoint, QStringLiteral("https://auth.example.org/authorize"));
        QCOMPARE(a.oauth.scope, QStringLiteral("pop smtp offline_access"));
        QCOMPARE(a.oauth.method, oauth::SignInMethod::Browser);
    }
    QCOMPARE(p.missing, missing);
    QVERIFY(p.notes.isEmpty());

    // What is missing given, the form's rules accept it.
    store::Account complete = a;
    complete.id = store::newAccountId();
    complete.prefix = QStringLiteral("JO");
    store::SecretUpdate secrets;
    if (missing.contains(Missing::Password))
        secrets.set(store::SecretName::Pop3Password, QStringLiteral("secret"));
    if (missing.contains(Missing::OAuthClientId))
        complete.oauth.clientId = QStringLiteral("kurier-test-client");
    if (a.smtp.auth == store::SmtpAuth::Password)
        secrets.set(store::SecretName::SmtpPassword, QStringLiteral("secret"));
    const auto issues = store::AccountValidator::validate(complete, secrets, {});
    QString errors;
    for (const auto &i : issues) {
        if (i.isError())
            errors += i.message + u'\n';
    }
    QVERIFY2(errors.isEmpty(), qPrintable(errors));
}

void TestAccountProposal::notes()
{
    const auto parsed = discovery::AutoconfigParser::parse(provider(Password, "%EMAILADDRESS%", Password, "%EMAILADDRESS%"));
    QVERIFY(parsed.ok());
    discovery::DiscoveredConfig found;
    found.config = *parsed.config;
    found.source = discovery::DiscoveredConfig::Source::Srv;
    found.origin = QStringLiteral("_pop3s._tcp.example.net");
    found.verified = false;
    found.pointsElsewhere = true;
    const AccountProposal p = AccountProposal::from(found, QStringLiteral("jo@example.net"), QString());
    QCOMPARE(p.notes.size(), 2);
    QVERIFY2(p.notes.at(0).contains(u"_pop3s._tcp.example.net"), qPrintable(p.notes.at(0)));
    QVERIFY2(p.notes.at(1).contains(u"outside example.net"), qPrintable(p.notes.at(1)));
    // No servers at all: both are asked for.
    discovery::DiscoveredConfig empty;
    QCOMPARE(AccountProposal::from(empty, QStringLiteral("jo@example.net"), QString()).missing,
             (QList<Missing>{Missing::Pop3Server, Missing::SmtpServer}));
}

void TestAccountProposal::suggestedPrefix_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QStringList>("taken");
    QTest::addColumn<QString>("expected");
    QTest::newRow("seed example") << "info@contoso.com" << QStringList{} << "INFO";
    QTest::newRow("dots dropped") << "anna.berg@example.org" << QStringList{} << "ANNABERG";
    QTest::newRow("at most 10") << "buchhaltung-nord@example.org" << QStringList{} << "BUCHHALTUN";
    QTest::newRow("taken, any case") << "info@example.org" << QStringList{QStringLiteral("info")} << "INFO2";
    QTest::newRow("taken twice") << "info@example.org" << QStringList{QStringLiteral("INFO"), QStringLiteral("INFO2")} << "INFO3";
    QTest::newRow("number fits in 10") << "buchhaltung@example.org" << QStringList{QStringLiteral("BUCHHALTUN")} << "BUCHHALTU2";
    QTest::newRow("umlauts only") << QString::fromUtf8("äö@müller.de") << QStringList{} << "MLLER";
    QTest::newRow("nothing usable") << QString::fromUtf8("ä@ö.de") << QStringList{} << "MAIL";
}

void TestAccountProposal::suggestedPrefix()
{
    QFETCH(QString, address);
    QFETCH(QStringList, taken);
    QFETCH(QString, expected);
    QList<store::Account> existing;
    for (const QString &p : taken) {
        store::Account a;
        a.id = p;
        a.prefix = p;
        existing << a;
    }
    const QString prefix = AccountProposal::suggestPrefix(address, existing);
    QCOMPARE(prefix, expected);
    QVERIFY(store::AccountValidator::isValidPrefix(prefix));
}

void TestAccountProposal::sameServers()
{
    const auto parse = [](const QByteArray &xml) { return *discovery::AutoconfigParser::parse(xml).config; };
    const discovery::MailConfig a = parse(provider(Password, "%EMAILADDRESS%", Password, {}));
    discovery::MailConfig b = a;
    QVERIFY(a.sameServersAs(b));
    b.incoming.first().hostname = QStringLiteral("POP.EXAMPLE.ORG"); // host names are case-blind
    QVERIFY(a.sameServersAs(b));
    b.outgoing.first().port = 587;
    QVERIFY(!a.sameServersAs(b));
    b = a;
    b.incoming.first().security = store::Security::StartTls;
    QVERIFY(!a.sameServersAs(b));
    b = a;
    b.outgoing.clear();
    QVERIFY(!a.sameServersAs(b));
}

QTEST_GUILESS_MAIN(TestAccountProposal)
#include "tst_account_proposal.moc"
