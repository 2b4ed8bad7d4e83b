// Token responses, Microsoft error bodies and their diagnostics, JWT claims, redaction,
// grant forms and PKCE: the pure parts of the OAuth core, table-driven.
#include "i18n/Translations.h"
#include "oauth/BrowserFlow.h"
#include "oauth/DeviceCodeFlow.h"
#include "oauth/GrantForms.h"
#include "oauth/JwtClaims.h"
#include "oauth/OAuthDiagnostics.h"
#include "oauth/Redaction.h"
#include "oauth/TokenResponse.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTranslator>

using namespace kurier;
using namespace kurier::oauth;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 11, 28), QTime(12, 0), Qt::UTC);

// The shape Microsoft Entra ID answers with (values from real responses, IDs made up).
QByteArray microsoftError(const char *error, qint64 code, const char *text)
{
    return QString::fromUtf8(R"({"error":"%1","error_description":"AADSTS%2: %3\r\nTrace ID: 0f1e2d3c-0000-4000-8000-123456789abc\r\nCorrelation ID: 9a8b7c6d-1111-4111-8111-abcdefabcdef\r\nTimestamp: 2026-11-28 12:00:00Z","error_codes":[%2],"timestamp":"2026-11-28 12:00:00Z","trace_id":"0f1e2d3c-0000-4000-8000-123456789abc","correlation_id":"9a8b7c6d-1111-4111-8111-abcdefabcdef","error_uri":"https://login.microsoftonline.com/error?code=%2"})")
        .arg(QLatin1String(error))
        .arg(code)
        .arg(QLatin1String(text))
        .toUtf8();
}

QString jwt(const QByteArray &payloadJson)
{
    const auto b64 = [](const QByteArray &d) {
        return d.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    return QString::fromLatin1(b64(R"({"typ":"JWT","alg":"RS256"})") + '.' + b64(payloadJson) + '.' + b64("signature"));
}

const QString kMicrosoftEndpoint = QStringLiteral("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token");

} // namespace

class TestOAuthResponses : public QObject
{
    Q_OBJECT
private slots:
    void parseSuccess_data();
    void parseSuccess();
    void parseFailure_data();
    void parseFailure();
    void microsoftDiagnostics_data();
    void microsoftDiagnostics();
    void standardDiagnostics_data();
    void standardDiagnostics();
    void germanDiagnostics();
    void jwtClaims();
    void redaction();
    void grantForms();
    void pkce();
    void hugeNumbersFoundByFuzzing();
    void deviceCodeInterval_data();
    void deviceCodeInterval();
};

void TestOAuthResponses::parseSuccess_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qint64>("lifetime"); // -1: unknown
    QTest::addColumn<QString>("refresh");
    QTest::newRow("microsoft") << QByteArray(R"({"token_type":"Bearer","scope":"https://outlook.office365.com/POP.AccessAsUser.All","expires_in":3599,"ext_expires_in":3599,"access_token":"eyJ0.a.b","refresh_token":"0.AAAA-rt"})")
                               << qint64(3599) << "0.AAAA-rt";
    QTest::newRow("expires-as-string") << QByteArray(R"({"token_type":"Bearer","expires_in":"3600","access_token":"x"})") << qint64(3600) << "";
    QTest::newRow("no-expires") << QByteArray(R"({"token_type":"Bearer","access_token":"x"})") << qint64(-1) << "";
    QTest::newRow("lowercase-bearer") << QByteArray(R"({"token_type":"bearer","access_token":"x","expires_in":60})") << qint64(60) << "";
    QTest::newRow("no-token-type") << QByteArray(R"({"access_token":"x","expires_in":60})") << qint64(60) << "";
    QTest::newRow("absurd-lifetime") << QByteArray(R"({"access_token":"x","expires_in":99999999999})") << qint64(-1) << "";
    QTest::newRow("negative-lifetime") << QByteArray(R"({"access_token":"x","expires_in":-5})") << qint64(-1) << "";
}

void TestOAuthResponses::parseSuccess()
{
    QFETCH(QByteArray, body);
    QFETCH(qint64, lifetime);
    QFETCH(QString, refresh);
    const auto result = TokenResponse::parse(200, body, kNow);
    QVERIFY(std::holds_alternative<Token>(result));
    const Token t = std::get<Token>(result);
    QVERIFY(!t.accessToken.isEmpty());
    QCOMPARE(t.refreshToken, refresh);
    if (lifetime < 0)
        QVERIFY(!t.expiresAt.isValid());
    else
        QCOMPARE(t.expiresAt, kNow.addSecs(lifetime));
    // Cache round trip keeps what matters.
    const Token cached = Token::fromCacheJson(t.toCacheJson());
    QCOMPARE(cached.accessToken, t.accessToken);
    QCOMPARE(cached.expiresAt, t.expiresAt);
    QVERIFY(cached.refreshToken.isEmpty()); // never cached with the access token
}

void TestOAuthResponses::parseFailure_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("error");
    QTest::newRow("oauth-error") << 400 << microsoftError("invalid_grant", 50126, "Error validating credentials due to invalid username or password.")
                                 << int(OAuthError::Kind::ErrorResponse) << "invalid_grant";
    QTest::newRow("error-with-200") << 200 << QByteArray(R"({"error":"invalid_request"})") << int(OAuthError::Kind::ErrorResponse) << "invalid_request";
    QTest::newRow("json-500") << 500 << QByteArray(R"({"message":"oops"})") << int(OAuthError::Kind::ErrorResponse) << "";
    QTest::newRow("html") << 502 << QByteArray("<html><head><title>502 Bad Gateway</title><script>var x=1;</script></head><body><h1>Bad Gateway</h1></body></html>")
                          << int(OAuthError::Kind::NotJson) << "";
    QTest::newRow("empty") << 200 << QByteArray() << int(OAuthError::Kind::NotJson) << "";
    QTest::newRow("truncated") << 200 << QByteArray(R"({"access_token":"abc","expires_in":36)") << int(OAuthError::Kind::NotJson) << "";
    QTest::newRow("array") << 200 << QByteArray("[1,2,3]") << int(OAuthError::Kind::NotJson) << "";
    QTest::newRow("no-access-token") << 200 << QByteArray(R"({"token_type":"Bearer","expires_in":3600})") << int(OAuthError::Kind::MalformedSuccess) << "";
    QTest::newRow("access-token-number") << 200 << QByteArray(R"({"access_token":42})") << int(OAuthError::Kind::MalformedSuccess) << "";
    QTest::newRow("mac-token") << 200 << QByteArray(R"({"access_token":"x","token_type":"mac"})") << int(OAuthError::Kind::MalformedSuccess) << "";
    QTest::newRow("huge") << 200 << QByteArray(300 * 1024, 'a') << int(OAuthError::Kind::NotJson) << "";
}

void TestOAuthResponses::parseFailure()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, kind);
    QFETCH(QString, error);
    const auto result = TokenResponse::parse(status, body, kNow);
    QVERIFY(std::holds_alternative<OAuthError>(result));
    const OAuthError e = std::get<OAuthError>(result);
    QCOMPARE(int(e.kind), kind);
    QCOMPARE(e.error, error);
    QCOMPARE(e.httpStatus, status);
    if (e.kind == OAuthError::Kind::NotJson && body.startsWith("<html>")) {
        QCOMPARE(e.detail, QStringLiteral("502 Bad Gateway Bad Gateway")); // tags and scripts gone
    }
    // Whatever it was, the diagnostic is complete.
    const auto d = OAuthDiagnostics::diagnose(e, {SignInMethod::Password, false, kMicrosoftEndpoint});
    QVERIFY(!d.summary.isEmpty());
    QVERIFY(!d.cause.isEmpty());
    QVERIFY(!d.fix.isEmpty());
}

void TestOAuthResponses::microsoftDiagnostics_data()
{
    QTest::addColumn<qint64>("code");
    QTest::addColumn<QByteArray>("error");
    QTest::addColumn<QString>("causeWord"); // a word the cause must contain
    QTest::addColumn<QString>("fixWord");   // a word the fix must contain
    QTest::newRow("50076") << qint64(50076) << QByteArray("invalid_grant") << "multi-factor" << "web browser";
    QTest::newRow("50079") << qint64(50079) << QByteArray("invalid_grant") << "multi-factor" << "device code";
    QTest::newRow("50126") << qint64(50126) << QByteArray("invalid_grant") << "password" << "Benutzerkonto";
    QTest::newRow("65001") << qint64(65001) << QByteArray("invalid_grant") << "consent" << "Grant admin consent";
    QTest::newRow("7000215") << qint64(7000215) << QByteArray("invalid_client") << "secret's ID" << "Value";
    QTest::newRow("7000222") << qint64(7000222) << QByteArray("invalid_client") << "expired" << "Zertifikate & Geheimnisse";
    QTest::newRow("7000218") << qint64(7000218) << QByteArray("invalid_client") << "client secret" << "Allow public client flows";
    QTest::newRow("700025") << qint64(700025) << QByteArray("invalid_client") << "public client" << "Remove the client secret";
    QTest::newRow("700016") << qint64(700016) << QByteArray("unauthorized_client") << "client ID" << "tenant ID";
    QTest::newRow("90002") << qint64(90002) << QByteArray("invalid_request") << "tenant" << "mistyped";
    QTest::newRow("50194") << qint64(50194) << QByteArray("invalid_request") << "one tenant" << "common";
    QTest::newRow("53003") << qint64(53003) << QByteArray("access_denied") << "Conditional Access" << "administrator";
    QTest::newRow("50011") << qint64(50011) << QByteArray("invalid_request") << "redirect" << "http://localhost";
    QTest::newRow("70011") << qint64(70011) << QByteArray("invalid_scope") << "scope" << "https://outlook.office365.com/.default";
    QTest::newRow("700082") << qint64(700082) << QByteArray("invalid_grant") << "not used for a long time" << "Sign in again";
}

void TestOAuthResponses::microsoftDiagnostics()
{
    QFETCH(qint64, code);
    QFETCH(QByteArray, error);
    QFETCH(QString, causeWord);
    QFETCH(QString, fixWord);
    const QByteArray body = microsoftError(error.constData(), code, "Something Microsoft says.");
    const auto parsed = TokenResponse::parse(400, body, kNow);
    const OAuthError e = std::get<OAuthError>(parsed);
    QCOMPARE(e.aadstsCode(), code);
    QCOMPARE(e.traceId, QStringLiteral("0f1e2d3c-0000-4000-8000-123456789abc"));
    QVERIFY(OAuthDiagnostics::knowsAadsts(code));
    const auto d = OAuthDiagnostics::diagnose(e, {SignInMethod::Password, true, kMicrosoftEndpoint});
    QCOMPARE(d.code, QStringLiteral("AADSTS%1").arg(code));
    QVERIFY2(d.cause.contains(causeWord, Qt::CaseInsensitive), qPrintable(d.cause));
    QVERIFY2(d.fix.contains(fixWord, Qt::CaseInsensitive), qPrintable(d.fix));
    // The server's words stay visible, without the multi-line trace block.
    QVERIFY2(d.serverText.contains(QStringLiteral("AADSTS%1: Something Microsoft says.").arg(code)), qPrintable(d.serverText));
    QVERIFY(d.serverText.contains(QStringLiteral("9a8b7c6d-1111-4111-8111-abcdefabcdef")));
    QVERIFY(!d.serverText.contains(u'\n'));
    QCOMPARE(d.summary, QStringLiteral("Microsoft refused the sign-in."));
    // The code also counts when only the description carries it.
    OAuthError withoutCodes = e;
    withoutCodes.errorCodes.clear();
    QCOMPARE(withoutCodes.aadstsCode(), code);
}

void TestOAuthResponses::standardDiagnostics_data()
{
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("retryable");
    QTest::newRow("invalid_client") << "invalid_client" << 401 << false;
    QTest::newRow("invalid_grant") << "invalid_grant" << 400 << false;
    QTest::newRow("unauthorized_client") << "unauthorized_client" << 400 << false;
    QTest::newRow("unsupported_grant_type") << "unsupported_grant_type" << 400 << false;
    QTest::newRow("invalid_scope") << "invalid_scope" << 400 << false;
    QTest::newRow("access_denied") << "access_denied" << 400 << false;
    QTest::newRow("temporarily_unavailable") << "temporarily_unavailable" << 503 << true;
    QTest::newRow("unknown") << "weird_error" << 400 << false;
}

void TestOAuthResponses::standardDiagnostics()
{
    QFETCH(QString, error);
    QFETCH(int, status);
    QFETCH(bool, retryable);
    OAuthError e;
    e.httpStatus = status;
    e.error = error;
    e.description = QStringLiteral("The server's own words.");
    const auto d = OAuthDiagnostics::diagnose(e, {SignInMethod::Password, false, QStringLiteral("https://idp.example.org/token")});
    QCOMPARE(d.code, error);
    QCOMPARE(d.retryable, retryable);
    QVERIFY(d.summary.contains(QStringLiteral("idp.example.org")));
    QCOMPARE(d.serverText, error + QStringLiteral(": The server's own words."));
    QVERIFY(!d.cause.isEmpty());
    QVERIFY(!d.fix.isEmpty());
}

void TestOAuthResponses::germanDiagnostics()
{
    const OAuthError e = std::get<OAuthError>(TokenResponse::parse(400, microsoftError("invalid_client", 7000222, "The provided client secret keys are expired."), kNow));
    const auto english = OAuthDiagnostics::diagnose(e, {SignInMethod::Password, true, kMicrosoftEndpoint});
    kurier::i18n::installTranslators(*QCoreApplication::instance(), QStringLiteral("de"));
    const auto german = OAuthDiagnostics::diagnose(e, {SignInMethod::Password, true, kMicrosoftEndpoint});
    QVERIFY(german.summary != english.summary);
    QVERIFY2(german.summary.contains(QStringLiteral("Microsoft")), qPrintable(german.summary));
    QVERIFY2(german.cause.contains(QStringLiteral("abgelaufen")), qPrintable(german.cause));
    QVERIFY2(german.fix.contains(QStringLiteral("Zertifikate & Geheimnisse")), qPrintable(german.fix));
    QCOMPARE(german.serverText, english.serverText); // the server's words are never translated
    // Every listed code has a German text that differs from the English one.
    for (qint64 code : {50076, 50079, 50126, 65001, 7000215, 7000222, 7000218, 700025, 700016, 90002, 50194, 53003,
                        50011, 70011, 700082}) {
        OAuthError c = e;
        c.errorCodes = {code};
        const auto de = OAuthDiagnostics::diagnose(c, {SignInMethod::Password, true, kMicrosoftEndpoint});
        QCoreApplication::removeTranslator(nullptr);
        QVERIFY2(!de.cause.isEmpty() && !de.fix.isEmpty(), qPrintable(QString::number(code)));
    }
    const auto translators = QCoreApplication::instance()->findChildren<QTranslator *>();
    for (QTranslator *t : translators)
        QCoreApplication::removeTranslator(t);
}

void TestOAuthResponses::jwtClaims()
{
    const QString token = jwt(R"({"aud":"https://outlook.office365.com","iss":"https://sts.windows.net/t/","tid":"6b29fc40-ca47-1067-b31d-00dd010662da","upn":"anna@contoso.com","scp":"POP.AccessAsUser.All SMTP.Send","exp":1795000000,"appid":"0b5a4d1e-8e3a-4c4f-9d55-1c2f4a7e9b01"})");
    const auto c = JwtClaims::decode(token);
    QVERIFY(c);
    QCOMPARE(c->audience, QStringLiteral("https://outlook.office365.com"));
    QVERIFY(c->audienceIsExchangeOnline());
    QCOMPARE(c->scopes, (QStringList{QStringLiteral("POP.AccessAsUser.All"), QStringLiteral("SMTP.Send")}));
    QCOMPARE(c->user, QStringLiteral("anna@contoso.com"));
    QCOMPARE(c->tenantId, QStringLiteral("6b29fc40-ca47-1067-b31d-00dd010662da"));
    QCOMPARE(c->expiresAt, QDateTime::fromSecsSinceEpoch(1795000000, Qt::UTC));

    const auto graph = JwtClaims::decode(jwt(R"({"aud":"00000003-0000-0000-c000-000000000000","roles":["Mail.Send"]})"));
    QVERIFY(graph);
    QVERIFY(!graph->audienceIsExchangeOnline());
    QCOMPARE(graph->roles, QStringList{QStringLiteral("Mail.Send")});

    QVERIFY(!JwtClaims::decode(QStringLiteral("opaque-token-without-dots")));
    QVERIFY(!JwtClaims::decode(QStringLiteral("a.b")));
    QVERIFY(!JwtClaims::decode(QStringLiteral("a.!!!.c")));
    QVERIFY(!JwtClaims::decode(jwt("not json")));
    QVERIFY(!JwtClaims::decode(QString(70000, u'a')));
}

void TestOAuthResponses::redaction()
{
    const QByteArray form = TokenClient::encodeForm({{QStringLiteral("grant_type"), QStringLiteral("password")},
                                                     {QStringLiteral("client_id"), QStringLiteral("cid")},
                                                     {QStringLiteral("client_secret"), QStringLiteral("s3cr3t+/=")},
                                                     {QStringLiteral("username"), QStringLiteral("anna@contoso.com")},
                                                     {QStringLiteral("password"), QStringLiteral("p&ss=word")},
                                                     {QStringLiteral("refresh_token"), QStringLiteral("rt")},
                                                     {QStringLiteral("code_verifier"), QStringLiteral("cv")}});
    QVERIFY(form.contains("client_secret=s3cr3t%2B%2F%3D")); // "+" must not become a space
    QVERIFY(form.contains("password=p%26ss%3Dword"));
    const QByteArray safe = Redaction::redactForm(form);
    for (const char *secret : {"s3cr3t", "p%26ss", "=rt", "=cv"})
        QVERIFY2(!safe.contains(secret), safe.constData());
    QVERIFY(safe.contains("username=anna%40contoso.com"));
    QVERIFY(safe.contains("client_id=cid"));

    const QByteArray json = Redaction::redactJson(R"({"access_token":"AT","refresh_token":"RT","id_token":"IT","expires_in":3600})");
    QVERIFY(!json.contains("\"AT\"") && !json.contains("\"RT\"") && !json.contains("\"IT\""));
    QVERIFY(json.contains("3600"));
    QCOMPARE(Redaction::redactJson("<html>secret</html>"), QByteArray("<19 bytes, not JSON>"));
    const QString url = Redaction::redactUrl(QStringLiteral("http://127.0.0.1:4711/?code=SECRETCODE&state=abc"));
    QVERIFY(!url.contains(QStringLiteral("SECRETCODE")));
    QVERIFY(url.contains(QStringLiteral("state=abc")));
}

void TestOAuthResponses::grantForms()
{
    const ClientCredentialsOfApp publicApp{QStringLiteral("cid"), {}};
    const auto f = GrantForms::password(publicApp, QStringLiteral("s"), QStringLiteral("u"), QStringLiteral("p"));
    QVERIFY(!TokenClient::encodeForm(f).contains("client_secret")); // public client: none sent

    OAuthSettings s;
    s.tokenEndpoint = kMicrosoftEndpoint;
    s.scope = QStringLiteral("https://outlook.office365.com/.default");
    s.method = SignInMethod::Password;
    QCOMPARE(GrantForms::effectiveScope(s), QStringLiteral("https://outlook.office365.com/.default offline_access"));
    s.scope += QStringLiteral(" offline_access");
    QCOMPARE(GrantForms::effectiveScope(s), QStringLiteral("https://outlook.office365.com/.default offline_access"));
    s.method = SignInMethod::ClientCredentials;
    s.scope = QStringLiteral("https://outlook.office365.com/.default");
    QCOMPARE(GrantForms::effectiveScope(s), s.scope); // app-only: no refresh tokens
    s.method = SignInMethod::Browser;
    s.tokenEndpoint = QStringLiteral("https://oauth2.googleapis.com/token");
    s.scope = QStringLiteral("https://mail.google.com/");
    QCOMPARE(GrantForms::effectiveScope(s), s.scope); // Google: access_type, not a scope
}

void TestOAuthResponses::pkce()
{
    // RFC 7636 Appendix B.
    QCOMPARE(BrowserFlow::codeChallengeS256(QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")),
             QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    const QString v1 = BrowserFlow::newCodeVerifier();
    const QString v2 = BrowserFlow::newCodeVerifier();
    QCOMPARE(v1.size(), 43);
    QVERIFY(v1 != v2);
    QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]{43}$")).match(v1).hasMatch());
}

// Regression: libFuzzer/UBSan found double→integer casts of server-controlled numbers
// (undefined behaviour for values beyond the integer range).
void TestOAuthResponses::hugeNumbersFoundByFuzzing()
{
    const auto claims = JwtClaims::decode(jwt(R"({"aud":"x","exp":5.55556e+87})"));
    QVERIFY(claims);
    QVERIFY(!claims->expiresAt.isValid());
    QVERIFY(!JwtClaims::decode(jwt(R"({"exp":-1e300})")).value().expiresAt.isValid());

    const auto t = TokenResponse::parse(200, R"({"access_token":"x","expires_in":1e300})", kNow);
    QVERIFY(!std::get<Token>(t).expiresAt.isValid());
    const auto s = TokenResponse::parse(200, R"({"access_token":"x","expires_in":"1e999"})", kNow);
    QVERIFY(!std::get<Token>(s).expiresAt.isValid());
    const auto e = TokenResponse::parse(400, R"({"error":"invalid_grant","error_codes":[1e300,50126]})", kNow);
    QCOMPARE(std::get<OAuthError>(e).errorCodes, QList<qint64>{50126});

    QVERIFY(!Token::fromCacheJson(R"({"access_token":"x","expires_at":1e300})").expiresAt.isValid());
    QCOMPARE(Token::fromCacheJson(R"({"access_token":"x","expires_at":1795000000})").expiresAt,
             QDateTime::fromSecsSinceEpoch(1795000000, Qt::UTC));
}

QTEST_GUILESS_MAIN(TestOAuthResponses)
// RFC 8628 §3.2 "interval" as the server sends it: seconds, 5 if absent; a hostile value used to
// overflow `int * 1000` (undefined behaviour, found by clang-tidy) and is now clamped to an hour.
void TestOAuthResponses::deviceCodeInterval_data()
{
    QTest::addColumn<QByteArray>("json"); // {"interval": …}
    QTest::addColumn<int>("minimumMs");
    QTest::addColumn<int>("expectedMs");
    QTest::newRow("absent") << QByteArray("{}") << 1000 << 5000;
    QTest::newRow("ten") << QByteArray(R"({"interval":10})") << 1000 << 10000;
    QTest::newRow("string") << QByteArray(R"({"interval":"7"})") << 1000 << 7000;
    QTest::newRow("below-minimum") << QByteArray(R"({"interval":0})") << 1000 << 1000;
    QTest::newRow("negative") << QByteArray(R"({"interval":-3})") << 1000 << 1000;
    QTest::newRow("int-overflow-when-ms") << QByteArray(R"({"interval":2147484})") << 1000 << DeviceCodeFlow::kMaxIntervalMs;
    QTest::newRow("int-max") << QByteArray(R"({"interval":2147483647})") << 1000 << DeviceCodeFlow::kMaxIntervalMs;
    QTest::newRow("huge-double") << QByteArray(R"({"interval":1e300})") << 1000 << 5000;
    QTest::newRow("not-a-number") << QByteArray(R"({"interval":"soon"})") << 1000 << 5000;
    QTest::newRow("test-minimum") << QByteArray(R"({"interval":1})") << 50 << 1000;
}

void TestOAuthResponses::deviceCodeInterval()
{
    QFETCH(QByteArray, json);
    QFETCH(int, minimumMs);
    QFETCH(int, expectedMs);
    const QJsonValue interval = QJsonDocument::fromJson(json).object().value(QStringLiteral("interval"));
    QCOMPARE(DeviceCodeFlow::pollIntervalMs(interval, minimumMs), expectedMs);
}

#include "tst_oauth_responses.moc"
