// OAuth server discovery (RFC 8414, OpenID Connect Discovery): the metadata URLs of an issuer
// and the checks of the document (its issuer must be the one asked for, every endpoint https)
// as table rows, then the real lookup against the test OAuth server: the issuer alone gives
// the authorization, token and device endpoints and what the server supports.
#include "discovery/OAuthMetadataLookup.h"
#include "support/TestServers.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace kurier;
using discovery::OAuthServerMetadata;

class TestOAuthMetadata : public QObject
{
    Q_OBJECT
private slots:
    void metadataUrls_data();
    void metadataUrls();
    void parse_data();
    void parse();
    void issuerAloneGivesTheEndpoints();
    void wrongIssuerFindsNothing();

private:
    // Runs the lookup for an issuer under the test OAuth server's base URL, with the test CA.
    static bool lookUp(discovery::OAuthMetadataLookup &lookup, const QString &issuerPath)
    {
        const auto &servers = test::TestServers::instance();
        lookup.setExtraCaCertificates(servers.caCertificates());
        QSignalSpy finished(&lookup, &discovery::OAuthMetadataLookup::finished);
        lookup.start(QUrl(servers.value("OAUTH_BASE") + issuerPath));
        return finished.wait(15000);
    }
};

void TestOAuthMetadata::metadataUrls_data()
{
    QTest::addColumn<QString>("issuer");
    QTest::addColumn<QStringList>("urls");
    QTest::newRow("host only") << QStringLiteral("https://auth.example.org")
                               << QStringList{QStringLiteral("https://auth.example.org/.well-known/oauth-authorization-server"),
                                              QStringLiteral("https://auth.example.org/.well-known/openid-configuration")};
    QTest::newRow("with a path (Entra ID)")
        << QStringLiteral("https://login.microsoftonline.com/contoso/v2.0/")
        << QStringList{QStringLiteral("https://login.microsoftonline.com/.well-known/oauth-authorization-server/contoso/v2.0"),
                       QStringLiteral("https://login.microsoftonline.com/contoso/v2.0/.well-known/openid-configuration"),
                       QStringLiteral("https://login.microsoftonline.com/.well-known/openid-configuration/contoso/v2.0")};
    QTest::newRow("plain http: none") << QStringLiteral("http://auth.example.org") << QStringList{};
}

void TestOAuthMetadata::metadataUrls()
{
    QFETCH(QString, issuer);
    QFETCH(QStringList, urls);
    QStringList got;
    for (const QUrl &u : OAuthServerMetadata::metadataUrls(QUrl(issuer)))
        got << u.toString();
    QCOMPARE(got, urls);
    QCOMPARE(OAuthServerMetadata::issuerFrom(QStringLiteral("auth.example.org")), QUrl(QStringLiteral("https://auth.example.org")));
    QVERIFY(!OAuthServerMetadata::issuerFrom(QStringLiteral("http://auth.example.org")).isValid());
}

void TestOAuthMetadata::parse_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error"); // empty: accepted
    const QByteArray ok = R"({"issuer":"https://auth.example.org","authorization_endpoint":"https://auth.example.org/auth",
        "token_endpoint":"https://auth.example.org/token","device_authorization_endpoint":"https://auth.example.org/device/auth",
        "grant_types_supported":["authorization_code","refresh_token","urn:ietf:params:oauth:grant-type:device_code"],
        "code_challenge_methods_supported":["S256"]})";
    QTest::newRow("standard (oidc-provider's names)") << ok << QString();
    QTest::newRow("issuer with a final slash") << QByteArray(ok).replace("\"https://auth.example.org\"", "\"https://auth.example.org/\"")
                                                << QString();
    QTest::newRow("another issuer (mix-up)") << QByteArray(ok).replace("\"https://auth.example.org\"", "\"https://evil.example.net\"")
                                              << QStringLiteral("not for");
    QTest::newRow("http token endpoint") << QByteArray(ok).replace("\"https://auth.example.org/token\"", "\"http://auth.example.org/token\"")
                                          << QStringLiteral("not an https URL");
    QTest::newRow("no token endpoint") << QByteArray(R"({"issuer":"https://auth.example.org"})") << QStringLiteral("no token endpoint");
    QTest::newRow("not JSON") << QByteArray("<html>") << QStringLiteral("not a JSON object");
    QTest::newRow("huge") << QByteArray(300 * 1024, ' ') << QStringLiteral("larger than 256 KB");
}

void TestOAuthMetadata::parse()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    const auto r = OAuthServerMetadata::parse(json, QUrl(QStringLiteral("https://auth.example.org")));
    if (!error.isEmpty()) {
        QVERIFY(!r.metadata);
        QVERIFY2(r.error.contains(error), qPrintable(r.error));
        return;
    }
    QVERIFY2(r.metadata, qPrintable(r.error));
    QCOMPARE(r.metadata->deviceAuthorizationEndpoint, QUrl(QStringLiteral("https://auth.example.org/device/auth")));
    QVERIFY(r.metadata->supportsGrant(QStringLiteral("urn:ietf:params:oauth:grant-type:device_code")));
    QVERIFY(!r.metadata->supportsGrant(QStringLiteral("password")));
    QVERIFY(r.metadata->supportsS256());
}

void TestOAuthMetadata::issuerAloneGivesTheEndpoints()
{
    const auto &servers = test::TestServers::instance();
    KURIER_REQUIRE_TEST_SERVERS(servers);
    QNetworkAccessManager network;
    discovery::OAuthMetadataLookup lookup(&network);
    QVERIFY(lookUp(lookup, u'/' + servers.value("OAUTH_TENANT") + QStringLiteral("/v2.0")));
    QVERIFY2(lookup.result(), qPrintable(lookup.errors().join(u'\n')));
    const OAuthServerMetadata &m = *lookup.result();
    QCOMPARE(m.tokenEndpoint, QUrl(servers.value("OAUTH_TOKEN_URL")));
    QCOMPARE(m.authorizationEndpoint, QUrl(servers.value("OAUTH_AUTHORIZE_URL")));
    QCOMPARE(m.deviceAuthorizationEndpoint, QUrl(servers.value("OAUTH_DEVICECODE_URL")));
    QVERIFY(m.supportsS256());
    QVERIFY(m.supportsGrant(QStringLiteral("refresh_token")));
    // The RFC 8414 place is not served; the OpenID Connect one is, and is what it says.
    QCOMPARE(lookup.errors().size(), 1);
    QVERIFY(lookup.source().path().endsWith(u"/v2.0/.well-known/openid-configuration"));
}

void TestOAuthMetadata::wrongIssuerFindsNothing()
{
    // Asked under the tenant's domain name, the server answers with the GUID issuer: that is not
    // the issuer asked for, so it is refused (RFC 8414 §3.3), not silently taken.
    const auto &servers = test::TestServers::instance();
    KURIER_REQUIRE_TEST_SERVERS(servers);
    QNetworkAccessManager network;
    discovery::OAuthMetadataLookup lookup(&network);
    QVERIFY(lookUp(lookup, u'/' + servers.value("OAUTH_TENANT_DOMAIN") + QStringLiteral("/v2.0")));
    QVERIFY(!lookup.result());
    QVERIFY2(lookup.errors().join(u'\n').contains(u"not for"), qPrintable(lookup.errors().join(u'\n')));
}

QTEST_GUILESS_MAIN(TestOAuthMetadata)
#include "tst_oauth_metadata.moc"
