// TokenProvider against the real OAuth 2.0 server of tests/servers (HTTPS with the test CA),
// with the real keychain (private GNOME Keyring): all four sign-in methods, caching across
// processes, refresh token rotation, Microsoft errors, and no secret in any log line.
#include "oauth/JwtClaims.h"
#include "oauth/TokenProvider.h"
#include "secrets/KeychainSecretStore.h"
#include "support/Sync.h"
#include "support/TestAccounts.h"
#include "support/TestServers.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>

using namespace kurier;
using oauth::SignInMethod;
using oauth::TokenProvider;
using store::SecretName;

namespace {

QMutex logMutex;
QStringList logLines;
QtMessageHandler previousHandler = nullptr;

void captureLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&logMutex);
        logLines.append(message);
    }
    previousHandler(type, context, message);
}

} // namespace

class TestTokenProvider : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void passwordGrantPublicClientAndCache();
    void passwordGrantConfidentialClient();
    void concurrentCallersShareOneRequest();
    void refreshRotatesInKeychain();
    void deadRefreshTokenSignsInAgain();
    void clientCredentials();
    void deviceCode();
    void browser();
    void microsoftErrors_data();
    void microsoftErrors();
    void badServers_data();
    void badServers();
    void unknownCaIsRefused();
    void cleanupTestCase();

private:
    const test::TestServers &servers() const { return test::TestServers::instance(); }
    QString env(const char *key) const { return servers().value(key); }
    QString newUser(const QString &password, bool mfa = false);
    QJsonObject post(const QString &path, const QJsonObject &body);
    QJsonObject statsFor(const QString &user);
    int requests(const QString &user, const char *grant);
    store::Account account(const QString &user, SignInMethod method, bool confidential = false);
    TokenProvider::Result get(TokenProvider &provider, bool force = false);
    QString readSecret(const store::Account &a, SecretName name);
    void writeSecret(const store::Account &a, SecretName name, const QString &value);

    secrets::KeychainSecretStore m_keychain;
    QNetworkAccessManager m_network;
    QStringList m_secretsUsed;
};

void TestTokenProvider::initTestCase()
{
    QVERIFY2(servers().isValid(), qPrintable(servers().errorString()));
    QVERIFY(qEnvironmentVariableIsSet("KURIER_IN_PRIVATE_BUS"));
    previousHandler = qInstallMessageHandler(captureLog);
    QLoggingCategory::setFilterRules(QStringLiteral("kurier.*.debug=true"));
}

QString TestTokenProvider::newUser(const QString &password, bool mfa)
{
    const QString user = test::newOAuthUser(m_network, QStringLiteral("u"), password, {{QStringLiteral("mfaRequired"), mfa}});
    m_secretsUsed << password;
    return user;
}

QJsonObject TestTokenProvider::post(const QString &path, const QJsonObject &body)
{
    return test::postToOAuthServer(m_network, path, body);
}

QJsonObject TestTokenProvider::statsFor(const QString &user)
{
    return test::oauthStatsFor(m_network, user);
}

int TestTokenProvider::requests(const QString &user, const char *grant)
{
    return statsFor(user).value(QLatin1String(grant)).toObject().value(QStringLiteral("requests")).toInt();
}

store::Account TestTokenProvider::account(const QString &user, SignInMethod method, bool confidential)
{
    store::Account a;
    a.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    a.prefix = QStringLiteral("T");
    a.email = user;
    a.extraCaFile = env("KURIER_TEST_CA");
    a.oauth.enabled = true;
    a.oauth.tokenEndpoint = env("OAUTH_TOKEN_URL");
    a.oauth.clientId = confidential ? env("OAUTH_CONFIDENTIAL_CLIENT_ID") : env("OAUTH_PUBLIC_CLIENT_ID");
    a.oauth.scope = env("OAUTH_SCOPE_POP") + u' ' + env("OAUTH_SCOPE_SMTP");
    a.oauth.method = method;
    if (confidential)
        a.storedSecrets.insert(SecretName::OAuthClientSecret);
    return a;
}

TokenProvider::Result TestTokenProvider::get(TokenProvider &provider, bool force)
{
    std::optional<TokenProvider::Result> result;
    provider.requestToken([&](const TokenProvider::Result &r) { result = r; }, force);
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
        qFatal("no token result within 30 s");
    if (result->ok())
        m_secretsUsed << result->token.accessToken;
    return *result;
}

QString TestTokenProvider::readSecret(const store::Account &a, SecretName name)
{
    return test::waitFor([&](auto cb) { m_keychain.read(secrets::SecretStore::keyFor(a.id, name), cb); }).value;
}

void TestTokenProvider::writeSecret(const store::Account &a, SecretName name, const QString &value)
{
    const auto r = test::waitFor([&](auto cb) { m_keychain.write(secrets::SecretStore::keyFor(a.id, name), value, cb); });
    QVERIFY2(r.ok(), qPrintable(r.message));
    m_secretsUsed << value;
}

void TestTokenProvider::passwordGrantPublicClientAndCache()
{
    const QString user = newUser(QStringLiteral("pw-public-1!"));
    const store::Account a = account(user, SignInMethod::Password);
    writeSecret(a, SecretName::Pop3Password, QStringLiteral("pw-public-1!"));

    TokenProvider provider(a, &m_keychain);
    const auto first = get(provider);
    QVERIFY2(first.ok(), qPrintable(first.diagnostic.toText()));
    QVERIFY(first.token.expiresAt > QDateTime::currentDateTimeUtc().addSecs(600));
    const auto claims = oauth::JwtClaims::decode(first.token.accessToken);
    QVERIFY(claims);
    QCOMPARE(claims->user, user);
    QVERIFY(first.token.accessToken.size() > 1000); // a realistic JWT
    QCOMPARE(requests(user, "password"), 1);

    // Inside the lifetime: no request, neither from this provider nor from another "process".
    QCOMPARE(get(provider).token.accessToken, first.token.accessToken);
    TokenProvider otherProcess(a, &m_keychain);
    QCOMPARE(get(otherProcess).token.accessToken, first.token.accessToken);
    QCOMPARE(requests(user, "password"), 1);
    // offline_access was added for the Microsoft-shaped endpoint: a refresh token is stored.
    QVERIFY(readSecret(a, SecretName::OAuthRefreshToken).contains(QStringLiteral("refresh_token")));

    // A changed setting (another scope) invalidates the cache.
    store::Account changed = a;
    changed.oauth.scope = env("OAUTH_SCOPE_POP");
    TokenProvider afterEdit(changed, &m_keychain);
    QVERIFY(get(afterEdit).ok());
    QCOMPARE(requests(user, "password"), 2);
}

void TestTokenProvider::passwordGrantConfidentialClient()
{
    const QString user = newUser(QStringLiteral("pw-conf-2!"));
    const store::Account a = account(user, SignInMethod::Password, true);
    writeSecret(a, SecretName::Pop3Password, QStringLiteral("pw-conf-2!"));
    writeSecret(a, SecretName::OAuthClientSecret, env("OAUTH_CONFIDENTIAL_CLIENT_SECRET"));
    TokenProvider provider(a, &m_keychain);
    const auto r = get(provider);
    QVERIFY2(r.ok(), qPrintable(r.diagnostic.toText()));
    QCOMPARE(oauth::JwtClaims::decode(r.token.accessToken)->appId, env("OAUTH_CONFIDENTIAL_CLIENT_ID"));
}

void TestTokenProvider::concurrentCallersShareOneRequest()
{
    const QString user = newUser(QStringLiteral("pw-shared-3!"));
    const store::Account a = account(user, SignInMethod::Password);
    writeSecret(a, SecretName::Pop3Password, QStringLiteral("pw-shared-3!"));
    TokenProvider provider(a, &m_keychain);
    QList<TokenProvider::Result> results;
    for (int i = 0; i < 5; ++i)
        provider.requestToken([&](const TokenProvider::Result &r) { results.append(r); });
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 5, 30000);
    for (const auto &r : results)
        QCOMPARE(r.token.accessToken, results.first().token.accessToken);
    QCOMPARE(requests(user, "password"), 1);
}

void TestTokenProvider::refreshRotatesInKeychain()
{
    const QString user = newUser(QStringLiteral("pw-rotate-4!"));
    const store::Account a = account(user, SignInMethod::Password);
    writeSecret(a, SecretName::Pop3Password, QStringLiteral("pw-rotate-4!"));
    TokenProvider provider(a, &m_keychain);
    const auto first = get(provider);
    QVERIFY(first.ok());
    const QString refresh1 = QJsonDocument::fromJson(readSecret(a, SecretName::OAuthRefreshToken).toUtf8())
                                 .object().value(QStringLiteral("refresh_token")).toString();
    QVERIFY(!refresh1.isEmpty());
    m_secretsUsed << refresh1;

    // A server refused the token: force a new one. It must come from the refresh token.
    const auto second = get(provider, true);
    QVERIFY2(second.ok(), qPrintable(second.diagnostic.toText()));
    QVERIFY(second.token.accessToken != first.token.accessToken);
    QCOMPARE(requests(user, "refresh_token"), 1);
    QCOMPARE(requests(user, "password"), 1);
    const QString refresh2 = QJsonDocument::fromJson(readSecret(a, SecretName::OAuthRefreshToken).toUtf8())
                                 .object().value(QStringLiteral("refresh_token")).toString();
    m_secretsUsed << refresh2;
    QVERIFY(!refresh2.isEmpty());
    QVERIFY(refresh2 != refresh1); // the rotated one replaced the old one
    // …and the keychain's access token is the new one (another process would use it).
    QVERIFY(readSecret(a, SecretName::OAuthAccessToken).contains(second.token.accessToken));

    // The old refresh token is dead at the server: the classic bug would be to keep it.
    QNetworkRequest request{QUrl(env("OAUTH_TOKEN_URL"))};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setSslConfiguration(servers().sslConfiguration());
    QNetworkReply *reply = m_network.post(request, "grant_type=refresh_token&client_id=" + env("OAUTH_PUBLIC_CLIENT_ID").toUtf8()
                                                       + "&refresh_token=" + QUrl::toPercentEncoding(refresh1));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
    QVERIFY(reply->readAll().contains("invalid_grant"));
    reply->deleteLater();
}

void TestTokenProvider::deadRefreshTokenSignsInAgain()
{
    const QString user = newUser(QStringLiteral("pw-dead-5!"));
    const store::Account a = account(user, SignInMethod::Password);
    writeSecret(a, SecretName::Pop3Password, QStringLiteral("pw-dead-5!"));
    TokenProvider provider(a, &m_keychain);
    QVERIFY(get(provider).ok());
    QVERIFY(post(QStringLiteral("/test/revoke"), {{QStringLiteral("user"), user}}).value(QStringLiteral("ok")).toBool());
    const auto r = get(provider, true);
    QVERIFY2(r.ok(), qPrintable(r.diagnostic.toText()));
    QCOMPARE(requests(user, "refresh_token"), 1);
    QCOMPARE(requests(user, "password"), 2); // signed in again with the password
}

void TestTokenProvider::clientCredentials()
{
    const QString user = newUser(QStringLiteral("unused-6"));
    store::Account a = account(user, SignInMethod::ClientCredentials, true);
    a.oauth.scope = env("OAUTH_SCOPE_APP");
    writeSecret(a, SecretName::OAuthClientSecret, env("OAUTH_CONFIDENTIAL_CLIENT_SECRET"));
    TokenProvider provider(a, &m_keychain);
    const auto r = get(provider);
    QVERIFY2(r.ok(), qPrintable(r.diagnostic.toText()));
    const auto claims = oauth::JwtClaims::decode(r.token.accessToken);
    QVERIFY(claims);
    QVERIFY(!claims->roles.isEmpty()); // app-only tokens carry roles, not scopes
    QVERIFY(readSecret(a, SecretName::OAuthRefreshToken).isEmpty());

    // Wrong secret: Microsoft's AADSTS7000215 with cause and fix.
    store::Account wrong = account(user, SignInMethod::ClientCredentials, true);
    wrong.oauth.scope = env("OAUTH_SCOPE_APP");
    writeSecret(wrong, SecretName::OAuthClientSecret, QStringLiteral("not-the-secret"));
    TokenProvider bad(wrong, &m_keychain);
    const auto failed = get(bad);
    QVERIFY(!failed.ok());
    QCOMPARE(failed.diagnostic.code, QStringLiteral("AADSTS7000215"));
}

void TestTokenProvider::deviceCode()
{
    const QString user = newUser(QStringLiteral("unused-7"));
    const store::Account a = account(user, SignInMethod::DeviceCode);
    TokenProvider provider(a, &m_keychain);
    provider.setDevicePollMinimumMs(200);
    QSignalSpy prompts(&provider, &TokenProvider::deviceCodeSignInRequired);
    std::optional<TokenProvider::Result> result;
    provider.requestToken([&](const TokenProvider::Result &r) { result = r; });
    QTRY_COMPARE_WITH_TIMEOUT(prompts.size(), 1, 10000);
    const auto prompt = prompts.first().first().value<oauth::DeviceCodePrompt>();
    QVERIFY(!prompt.userCode.isEmpty());
    QVERIFY(prompt.verificationUri.isValid());
    QTest::qWait(600); // a few polls answered authorization_pending
    QVERIFY(!result);
    QVERIFY(post(QStringLiteral("/test/device/approve"), {{QStringLiteral("user_code"), prompt.userCode},
                                                         {QStringLiteral("user"), user}})
                .value(QStringLiteral("ok")).toBool());
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15000);
    QVERIFY2(result->ok(), qPrintable(result->diagnostic.toText()));
    m_secretsUsed << result->token.accessToken;
    QCOMPARE(oauth::JwtClaims::decode(result->token.accessToken)->user, user);
    QVERIFY(!readSecret(a, SecretName::OAuthRefreshToken).isEmpty());
}

void TestTokenProvider::browser()
{
    const QString user = newUser(QStringLiteral("unused-8"));
    const store::Account a = account(user, SignInMethod::Browser);
    TokenProvider provider(a, &m_keychain);
    QSignalSpy opened(&provider, &TokenProvider::browserSignInRequired);
    std::optional<TokenProvider::Result> result;
    provider.requestToken([&](const TokenProvider::Result &r) { result = r; });
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 10000);
    const QUrl url = opened.first().first().toUrl();
    const QUrlQuery query(url);
    QCOMPARE(query.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
    QCOMPARE(query.queryItemValue(QStringLiteral("login_hint"), QUrl::FullyDecoded), user);
    const QUrl redirect(query.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
    QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1")); // loopback only, RFC 8252 §7.3

    // Play the browser: the authorize endpoint (auto-approving) redirects to our listener.
    QNetworkRequest authorize(url);
    authorize.setSslConfiguration(servers().sslConfiguration());
    authorize.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = m_network.get(authorize);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
    const QUrl location = reply->header(QNetworkRequest::LocationHeader).toUrl();
    reply->deleteLater();
    QVERIFY2(location.isValid(), reply->readAll().constData());
    QCOMPARE(location.port(), redirect.port());
    QNetworkReply *callback = m_network.get(QNetworkRequest(location));
    QTRY_VERIFY_WITH_TIMEOUT(callback->isFinished(), 10000);
    QVERIFY(callback->readAll().contains("Kurier"));
    callback->deleteLater();

    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15000);
    QVERIFY2(result->ok(), qPrintable(result->diagnostic.toText()));
    m_secretsUsed << result->token.accessToken;
    QCOMPARE(requests(user, "authorization_code"), 1);
}

void TestTokenProvider::microsoftErrors_data()
{
    QTest::addColumn<QString>("mutation");
    QTest::addColumn<QString>("code");
    QTest::newRow("wrong-password") << "password" << "AADSTS50126";
    QTest::newRow("unknown-client") << "client" << "AADSTS700016";
    QTest::newRow("wrong-tenant") << "tenant" << "AADSTS90002";
    QTest::newRow("mfa-required") << "mfa" << "AADSTS50076";
    QTest::newRow("secret-expired") << "inject-7000222" << "AADSTS7000222";
    QTest::newRow("no-consent") << "inject-65001" << "AADSTS65001";
}

void TestTokenProvider::microsoftErrors()
{
    QFETCH(QString, mutation);
    QFETCH(QString, code);
    const QString user = newUser(QStringLiteral("right-pw-9"), mutation == u"mfa");
    store::Account a = account(user, SignInMethod::Password);
    writeSecret(a, SecretName::Pop3Password, mutation == u"password" ? QStringLiteral("wrong-pw") : QStringLiteral("right-pw-9"));
    if (mutation == u"client")
        a.oauth.clientId = QStringLiteral("11111111-2222-3333-4444-555555555555");
    if (mutation == u"tenant")
        a.oauth.tokenEndpoint = env("OAUTH_BASE") + QStringLiteral("/00000000-dead-beef-0000-000000000000/oauth2/v2.0/token");
    if (mutation.startsWith(u"inject-"))
        post(QStringLiteral("/test/fail"), {{QStringLiteral("code"), mutation.mid(7).toInt()}, {QStringLiteral("user"), user}});
    TokenProvider provider(a, &m_keychain);
    const auto r = get(provider);
    QVERIFY(!r.ok());
    QCOMPARE(r.diagnostic.code, code);
    QVERIFY(r.diagnostic.serverText.contains(code));
    QVERIFY(!r.diagnostic.cause.isEmpty());
    QVERIFY(!r.diagnostic.fix.isEmpty());
}

void TestTokenProvider::badServers_data()
{
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<QString>("code");
    QTest::newRow("html") << "misbehave-html" << "not-json";
    QTest::newRow("badjson") << "misbehave-badjson" << "not-json";
    QTest::newRow("empty") << "misbehave-empty" << "not-json";
    QTest::newRow("500") << "misbehave-500" << "not-json";
    QTest::newRow("hang") << "misbehave-hang" << "network";
    QTest::newRow("close") << "misbehave-close" << "network";
    QTest::newRow("no-such-port") << "" << "network";
}

void TestTokenProvider::badServers()
{
    QFETCH(QString, tenant);
    QFETCH(QString, code);
    const QString user = newUser(QStringLiteral("pw-bad-10"));
    store::Account a = account(user, SignInMethod::Password);
    a.oauth.tokenEndpoint = tenant.isEmpty() ? QStringLiteral("https://127.0.0.2:1/t/oauth2/v2.0/token")
                                             : env("OAUTH_BASE") + u'/' + tenant + QStringLiteral("/oauth2/v2.0/token");
    writeSecret(a, SecretName::Pop3Password, QStringLiteral("pw-bad-10"));
    TokenProvider provider(a, &m_keychain);
    provider.setRequestTimeout(1500);
    QElapsedTimer timer;
    timer.start();
    const auto r = get(provider);
    QVERIFY(!r.ok());
    QVERIFY2(r.diagnostic.code == code, qPrintable(r.diagnostic.toText()));
    QVERIFY(!r.diagnostic.fix.isEmpty());
    QVERIFY(timer.elapsed() < 10000);
}

void TestTokenProvider::unknownCaIsRefused()
{
    const QString user = newUser(QStringLiteral("pw-ca-11"));
    store::Account a = account(user, SignInMethod::Password);
    a.extraCaFile.clear(); // the test CA is not trusted by the system
    writeSecret(a, SecretName::Pop3Password, QStringLiteral("pw-ca-11"));
    TokenProvider provider(a, &m_keychain);
    const auto r = get(provider);
    QVERIFY(!r.ok());
    QCOMPARE(r.diagnostic.code, QStringLiteral("tls"));
    QCOMPARE(requests(user, "password"), 0); // the password never left
}

void TestTokenProvider::cleanupTestCase()
{
    qInstallMessageHandler(previousHandler);
    QMutexLocker lock(&logMutex);
    QVERIFY(logLines.size() > 10); // debug logging was really on
    for (const QString &line : std::as_const(logLines)) {
        for (const QString &secret : std::as_const(m_secretsUsed)) {
            if (secret.size() >= 8)
                QVERIFY2(!line.contains(secret), qPrintable(QStringLiteral("secret in log: ") + line.left(200)));
        }
        QVERIFY2(!line.contains(env("OAUTH_CONFIDENTIAL_CLIENT_SECRET")), qPrintable(line.left(200)));
    }
}

QTEST_GUILESS_MAIN(TestTokenProvider)
#include "tst_token_provider.moc"
