// The account rules the dialog and kurierctl share: every field, good and bad input.
#include "oauth/ProviderPreset.h"
#include "store/AccountValidator.h"

#include <QTemporaryDir>
#include <QTest>

using namespace kurier;
using store::Account;
using store::AccountField;
using store::AccountValidator;
using store::SecretName;
using store::SecretUpdate;
using store::Security;
using store::ValidationIssue;

Q_DECLARE_METATYPE(std::function<void(Account &, SecretUpdate &)>)
Q_DECLARE_METATYPE(store::AccountField)

namespace {

using Mutation = std::function<void(Account &, SecretUpdate &)>;

Account validPasswordAccount()
{
    Account a;
    a.id = QStringLiteral("id-1");
    a.prefix = QStringLiteral("Mail");
    a.email = QStringLiteral("anna@example.com");
    a.pop3.host = QStringLiteral("pop.example.com");
    a.pop3.security = Security::Tls;
    a.smtp.host = QStringLiteral("smtp.example.com");
    a.smtp.security = Security::StartTls;
    return a;
}

SecretUpdate withPassword()
{
    SecretUpdate s;
    s.set(SecretName::Pop3Password, QStringLiteral("hunter2"));
    return s;
}

const QString kTenant = QStringLiteral("6b29fc40-ca47-1067-b31d-00dd010662da");
const QString kClientId = QStringLiteral("0b5a4d1e-8e3a-4c4f-9d55-1c2f4a7e9b01");

Account validOAuthAccount()
{
    Account a = validPasswordAccount();
    a.email = QStringLiteral("anna@contoso.com");
    oauth::applyMicrosoft365(a, kTenant);
    a.oauth.clientId = kClientId;
    return a;
}

QList<ValidationIssue> issuesFor(const QList<ValidationIssue> &all, AccountField field, ValidationIssue::Severity severity)
{
    QList<ValidationIssue> result;
    for (const ValidationIssue &i : all) {
        if (i.field == field && i.severity == severity)
            result.append(i);
    }
    return result;
}

} // namespace

class TestAccountValidator : public QObject
{
    Q_OBJECT
private slots:
    void prefix_data();
    void prefix();
    void email_data();
    void email();
    void hostName_data();
    void hostName();
    void guid_data();
    void guid();

    void validAccountsPass();
    void errors_data();
    void errors();
    void warnings_data();
    void warnings();
    void oneClickFixes();
    void prefixUniqueIgnoresSelf();
    void storedPasswordCounts();
    void caFile();
};

void TestAccountValidator::prefix_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<bool>("valid");
    QTest::newRow("letters") << "Mail" << true;
    QTest::newRow("one") << "A" << true;
    QTest::newRow("ten") << "abcdefghij" << true;
    QTest::newRow("digits-dash-underscore") << "m_1-2" << true;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("eleven") << "abcdefghijk" << false;
    QTest::newRow("space") << "a b" << false;
    QTest::newRow("umlaut") << "Büro" << false;
    QTest::newRow("dot") << "a.b" << false;
    QTest::newRow("slash") << "a/b" << false;
}

void TestAccountValidator::prefix()
{
    QFETCH(QString, prefix);
    QFETCH(bool, valid);
    QCOMPARE(AccountValidator::isValidPrefix(prefix), valid);
}

void TestAccountValidator::email_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << "anna@example.com" << true;
    QTest::newRow("plus") << "anna+list@example.com" << true;
    QTest::newRow("dots") << "anna.maria.schmidt@mail.example.co.uk" << true;
    QTest::newRow("idn-domain") << "anna@bücher.de" << true;
    QTest::newRow("utf8-local") << "jürgen@example.de" << true;
    QTest::newRow("single-label") << "root@localhost" << true;
    QTest::newRow("no-at") << "anna.example.com" << false;
    QTest::newRow("no-local") << "@example.com" << false;
    QTest::newRow("no-domain") << "anna@" << false;
    QTest::newRow("space") << "anna schmidt@example.com" << false;
    QTest::newRow("double-dot") << "anna..s@example.com" << false;
    QTest::newRow("leading-dot") << ".anna@example.com" << false;
    QTest::newRow("bad-domain") << "anna@exa_mple.com" << false;
    QTest::newRow("domain-dash") << "anna@-example.com" << false;
    QTest::newRow("ip-domain") << "anna@127.0.0.1" << false;
    QTest::newRow("newline") << "anna@example.com\nBcc: x@y.z" << false;
    QTest::newRow("two-ats") << "a@b@example.com" << false;
}

void TestAccountValidator::email()
{
    QFETCH(QString, address);
    QFETCH(bool, valid);
    QCOMPARE(AccountValidator::isValidEmail(address), valid);
}

void TestAccountValidator::hostName_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("valid");
    QTest::newRow("fqdn") << "outlook.office365.com" << true;
    QTest::newRow("single") << "mailserver" << true;
    QTest::newRow("trailing-dot") << "pop.example.com." << true;
    QTest::newRow("ipv4") << "127.0.0.2" << true;
    QTest::newRow("ipv6") << "::1" << true;
    QTest::newRow("ipv6-brackets") << "[2001:db8::1]" << true;
    QTest::newRow("idn") << "mail.bücher.de" << true;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("space") << "pop example.com" << false;
    QTest::newRow("underscore") << "pop_3.example.com" << false;
    QTest::newRow("leading-dash") << "-pop.example.com" << false;
    QTest::newRow("empty-label") << "pop..example.com" << false;
    QTest::newRow("url") << "https://pop.example.com" << false;
    QTest::newRow("with-port") << "pop.example.com:995" << false;
    QTest::newRow("label-64") << QString(64, u'a') + QStringLiteral(".com") << false;
    QTest::newRow("broken-ipv4") << "10.0.0" << false;
}

void TestAccountValidator::hostName()
{
    QFETCH(QString, host);
    QFETCH(bool, valid);
    QCOMPARE(AccountValidator::isValidHostName(host), valid);
}

void TestAccountValidator::guid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("guid");
    QTest::newRow("guid") << "6b29fc40-ca47-1067-b31d-00dd010662da" << true;
    QTest::newRow("upper") << "6B29FC40-CA47-1067-B31D-00DD010662DA" << true;
    QTest::newRow("braces") << "{6b29fc40-ca47-1067-b31d-00dd010662da}" << true;
    QTest::newRow("secret-value") << "Xq8Q~abcdEFGHijklMNOPqrstuVWXyz0123456789" << false;
    QTest::newRow("short") << "6b29fc40-ca47-1067-b31d" << false;
}

void TestAccountValidator::guid()
{
    QFETCH(QString, text);
    QFETCH(bool, guid);
    QCOMPARE(AccountValidator::looksLikeGuid(text), guid);
}

void TestAccountValidator::validAccountsPass()
{
    const auto password = AccountValidator::validate(validPasswordAccount(), withPassword(), {});
    QVERIFY2(password.isEmpty(), qPrintable(password.value(0).message));

    Account longValid = validOAuthAccount();
    longValid.oauth.clientSecretValidUntil = QDate::currentDate().addDays(60); // no warning yet
    const auto oauthIssues = AccountValidator::validate(longValid, withPassword(), {});
    QVERIFY2(oauthIssues.isEmpty(), qPrintable(oauthIssues.value(0).message));

    Account browser = validOAuthAccount();
    browser.oauth.method = oauth::SignInMethod::Browser;
    const auto browserIssues = AccountValidator::validate(browser, {}, {}); // no password needed
    QVERIFY2(browserIssues.isEmpty(), qPrintable(browserIssues.value(0).message));

    Account gmail = validPasswordAccount();
    oauth::applyGmail(gmail);
    gmail.oauth.clientId = QStringLiteral("123-abc.apps.googleusercontent.com");
    QVERIFY(!AccountValidator::hasErrors(AccountValidator::validate(gmail, {}, {})));

    Account loopback = validOAuthAccount();
    loopback.oauth.tokenEndpoint = QStringLiteral("http://127.0.0.1:8080/tenant/oauth2/v2.0/token");
    QVERIFY(!AccountValidator::hasErrors(AccountValidator::validate(loopback, withPassword(), {})));

    // A signature: lines, tabs, any script, up to the limit.
    Account signed_ = validPasswordAccount();
    signed_.signature = QStringLiteral("Erika Mustermann\n\tVertrieb · Tel. +49 421 123456\nЭрика 🙂\n") + QString(9900, u'-');
    const auto signatureIssues = AccountValidator::validate(signed_, withPassword(), {});
    QVERIFY2(signatureIssues.isEmpty(), qPrintable(signatureIssues.value(0).message));
}

void TestAccountValidator::errors_data()
{
    QTest::addColumn<bool>("oauth");
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<AccountField>("field");

    auto row = [](const char *name, bool oauth, Mutation m, AccountField f) {
        QTest::newRow(name) << oauth << m << f;
    };
    row("prefix-empty", false, [](Account &a, SecretUpdate &) { a.prefix.clear(); }, AccountField::Prefix);
    row("prefix-long", false, [](Account &a, SecretUpdate &) { a.prefix = QStringLiteral("waytoolongprefix"); }, AccountField::Prefix);
    row("prefix-chars", false, [](Account &a, SecretUpdate &) { a.prefix = QStringLiteral("a b"); }, AccountField::Prefix);
    row("email-empty", false, [](Account &a, SecretUpdate &) { a.email.clear(); }, AccountField::Email);
    row("email-bad", false, [](Account &a, SecretUpdate &) { a.email = QStringLiteral("anna"); }, AccountField::Email);
    row("name-newline", false, [](Account &a, SecretUpdate &) { a.senderName = QStringLiteral("A\r\nBcc: x"); }, AccountField::SenderName);
    row("signature-long", false, [](Account &a, SecretUpdate &) { a.signature = QString(10001, u'x'); }, AccountField::Signature);
    row("signature-control", false, [](Account &a, SecretUpdate &) { a.signature = QStringLiteral("Anna\x1b[31m"); }, AccountField::Signature);
    row("signature-cr", false, [](Account &a, SecretUpdate &) { a.signature = QStringLiteral("Anna\r\nVertrieb"); }, AccountField::Signature);
    row("pop3-host-empty", false, [](Account &a, SecretUpdate &) { a.pop3.host.clear(); }, AccountField::Pop3Host);
    row("pop3-host-bad", false, [](Account &a, SecretUpdate &) { a.pop3.host = QStringLiteral("pop example"); }, AccountField::Pop3Host);
    row("pop3-port-big", false, [](Account &a, SecretUpdate &) { a.pop3.port = 70000; }, AccountField::Pop3Port);
    row("pop3-port-negative", false, [](Account &a, SecretUpdate &) { a.pop3.port = -1; }, AccountField::Pop3Port);
    row("pop3-user-newline", false, [](Account &a, SecretUpdate &) { a.pop3.user = QStringLiteral("a\nb"); }, AccountField::Pop3User);
    row("pop3-password-missing", false, [](Account &, SecretUpdate &s) { s = {}; }, AccountField::Pop3Password);
    row("pop3-password-cleared", false, [](Account &a, SecretUpdate &s) {
        a.storedSecrets.insert(SecretName::Pop3Password);
        s.remove(SecretName::Pop3Password);
    }, AccountField::Pop3Password);
    row("pop3-none-not-accepted", false, [](Account &a, SecretUpdate &) { a.pop3.security = Security::None; }, AccountField::Pop3Security);
    row("smtp-host-empty", false, [](Account &a, SecretUpdate &) { a.smtp.host.clear(); }, AccountField::SmtpHost);
    row("smtp-port-zero-string", false, [](Account &a, SecretUpdate &) { a.smtp.port = 65536; }, AccountField::SmtpPort);
    row("smtp-none-not-accepted", false, [](Account &a, SecretUpdate &) { a.smtp.security = Security::None; }, AccountField::SmtpSecurity);
    row("smtp-own-password-missing", false, [](Account &a, SecretUpdate &) { a.smtp.auth = store::SmtpAuth::Password; }, AccountField::SmtpPassword);
    row("ca-missing", false, [](Account &a, SecretUpdate &) { a.extraCaFile = QStringLiteral("/nonexistent/ca.pem"); }, AccountField::ExtraCaFile);

    row("endpoint-empty", true, [](Account &a, SecretUpdate &) { a.oauth.tokenEndpoint.clear(); }, AccountField::OAuthTokenEndpoint);
    row("endpoint-http", true, [](Account &a, SecretUpdate &) {
        a.oauth.tokenEndpoint = QStringLiteral("http://login.example.com/token");
    }, AccountField::OAuthTokenEndpoint);
    row("endpoint-relative", true, [](Account &a, SecretUpdate &) { a.oauth.tokenEndpoint = QStringLiteral("/oauth2/token"); }, AccountField::OAuthTokenEndpoint);
    row("endpoint-ftp", true, [](Account &a, SecretUpdate &) { a.oauth.tokenEndpoint = QStringLiteral("ftp://example.com/token"); }, AccountField::OAuthTokenEndpoint);
    row("endpoint-placeholder", true, [](Account &a, SecretUpdate &) {
        a.oauth.tokenEndpoint = QStringLiteral("https://login.microsoftonline.com/{Mandanten-ID}/oauth2/v2.0/token");
    }, AccountField::OAuthTokenEndpoint);
    row("endpoint-userinfo", true, [](Account &a, SecretUpdate &) {
        a.oauth.tokenEndpoint = QStringLiteral("https://user:pw@login.example.com/token");
    }, AccountField::OAuthTokenEndpoint);
    row("client-id-empty", true, [](Account &a, SecretUpdate &) { a.oauth.clientId.clear(); }, AccountField::OAuthClientId);
    row("scope-empty-microsoft", true, [](Account &a, SecretUpdate &) { a.oauth.scope.clear(); }, AccountField::OAuthScope);
    row("oauth-password-method-needs-password", true, [](Account &, SecretUpdate &s) { s = {}; }, AccountField::Pop3Password);
    row("client-credentials-needs-secret", true, [](Account &a, SecretUpdate &) {
        a.oauth.method = oauth::SignInMethod::ClientCredentials;
    }, AccountField::OAuthClientSecret);
    row("browser-needs-authorize-endpoint", true, [](Account &a, SecretUpdate &) {
        a.oauth.method = oauth::SignInMethod::Browser;
        a.oauth.tokenEndpoint = QStringLiteral("https://idp.example.com/token");
    }, AccountField::OAuthAuthorizationEndpoint);
}

void TestAccountValidator::errors()
{
    QFETCH(bool, oauth);
    QFETCH(Mutation, mutate);
    QFETCH(AccountField, field);
    Account account = oauth ? validOAuthAccount() : validPasswordAccount();
    SecretUpdate secrets = withPassword();
    mutate(account, secrets);
    const auto issues = AccountValidator::validate(account, secrets, {});
    QVERIFY(AccountValidator::hasErrors(issues));
    const auto atField = issuesFor(issues, field, ValidationIssue::Severity::Error);
    QVERIFY2(!atField.isEmpty(), "no error at the expected field");
    QVERIFY(!atField.first().message.isEmpty());
}

void TestAccountValidator::warnings_data()
{
    QTest::addColumn<bool>("oauth");
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<AccountField>("field");
    auto row = [](const char *name, bool oauth, Mutation m, AccountField f) { QTest::newRow(name) << oauth << m << f; };
    row("pop3-995-starttls", false, [](Account &a, SecretUpdate &) {
        a.pop3.port = 995;
        a.pop3.security = Security::StartTls;
    }, AccountField::Pop3Security);
    row("pop3-110-tls", false, [](Account &a, SecretUpdate &) { a.pop3.port = 110; }, AccountField::Pop3Security);
    row("smtp-465-starttls", false, [](Account &a, SecretUpdate &) { a.smtp.port = 465; }, AccountField::SmtpSecurity);
    row("smtp-587-tls", false, [](Account &a, SecretUpdate &) {
        a.smtp.port = 587;
        a.smtp.security = Security::Tls;
    }, AccountField::SmtpSecurity);
    row("client-id-is-mail", true, [](Account &a, SecretUpdate &) { a.oauth.clientId = QStringLiteral("anna@contoso.com"); }, AccountField::OAuthClientId);
    row("client-id-not-guid-microsoft", true, [](Account &a, SecretUpdate &) { a.oauth.clientId = QStringLiteral("bm_mail"); }, AccountField::OAuthClientId);
    row("secret-is-guid", true, [](Account &, SecretUpdate &s) {
        s.set(SecretName::OAuthClientSecret, QStringLiteral("7d9b1c2e-1111-4a4a-9b9b-123456789abc"));
    }, AccountField::OAuthClientSecret);
    row("secret-expired", true, [](Account &a, SecretUpdate &) { a.oauth.clientSecretValidUntil = QDate::currentDate().addDays(-3); }, AccountField::OAuthClientSecret);
    row("secret-expires-soon", true, [](Account &a, SecretUpdate &) { a.oauth.clientSecretValidUntil = QDate::currentDate().addDays(10); }, AccountField::OAuthClientSecret);
    row("graph-scope", true, [](Account &a, SecretUpdate &) { a.oauth.scope = QStringLiteral("https://graph.microsoft.com/.default"); }, AccountField::OAuthScope);
}

void TestAccountValidator::warnings()
{
    QFETCH(bool, oauth);
    QFETCH(Mutation, mutate);
    QFETCH(AccountField, field);
    Account account = oauth ? validOAuthAccount() : validPasswordAccount();
    SecretUpdate secrets = withPassword();
    mutate(account, secrets);
    const auto issues = AccountValidator::validate(account, secrets, {});
    QVERIFY2(!AccountValidator::hasErrors(issues), "a warning must not stop saving");
    QCOMPARE(issuesFor(issues, field, ValidationIssue::Severity::Warning).size(), 1);
}

void TestAccountValidator::oneClickFixes()
{
    Account a = validPasswordAccount();
    a.pop3.port = 995;
    a.pop3.security = Security::StartTls;
    a.smtp.port = 587;
    a.smtp.security = Security::Tls;
    auto issues = AccountValidator::validate(a, withPassword(), {});
    QCOMPARE(issues.size(), 2);
    for (const ValidationIssue &i : issues) {
        QVERIFY(i.fix);
        QVERIFY(!i.fixLabel.isEmpty());
        i.fix(a);
    }
    QCOMPARE(a.pop3.security, Security::Tls);
    QCOMPARE(a.smtp.security, Security::StartTls);
    QVERIFY(AccountValidator::validate(a, withPassword(), {}).isEmpty());
}

void TestAccountValidator::prefixUniqueIgnoresSelf()
{
    Account a = validPasswordAccount();
    Account other = validPasswordAccount();
    other.id = QStringLiteral("id-2");
    other.prefix = QStringLiteral("MAIL"); // case-insensitive clash
    QVERIFY(!issuesFor(AccountValidator::validate(a, withPassword(), {other}), AccountField::Prefix,
                       ValidationIssue::Severity::Error).isEmpty());
    // Editing an account does not clash with itself.
    QVERIFY(AccountValidator::validate(a, withPassword(), {a}).isEmpty());
}

void TestAccountValidator::storedPasswordCounts()
{
    Account a = validPasswordAccount();
    a.storedSecrets.insert(SecretName::Pop3Password);
    QVERIFY(AccountValidator::validate(a, {}, {}).isEmpty()); // leave the stored password as it is
    Account ask = validPasswordAccount();
    ask.askForSecrets = true;
    QVERIFY(AccountValidator::validate(ask, {}, {}).isEmpty());
}

void TestAccountValidator::caFile()
{
    QTemporaryDir dir;
    const QString notPem = dir.filePath(QStringLiteral("ca.txt"));
    QFile f(notPem);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("this is no certificate\n");
    f.close();
    Account a = validPasswordAccount();
    a.extraCaFile = notPem;
    QVERIFY(!issuesFor(AccountValidator::validate(a, withPassword(), {}), AccountField::ExtraCaFile,
                       ValidationIssue::Severity::Error).isEmpty());
}

QTEST_GUILESS_MAIN(TestAccountValidator)
#include "tst_account_validator.moc"
