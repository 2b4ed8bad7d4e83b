// Smoke test of the disposable mail system in tests/servers: every grant of the OAuth 2.0
// server, POP3 (Dovecot) and SMTP submission (Postfix) logins, delivery from SMTP to POP3, and
// the refusal of plain-text AUTH before TLS. Uses only Qt's networking with TLS verification
// against the run's test CA; it tests the servers, not Kurier's code.

#include "support/TestServers.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using kurier::test::TestServers;

namespace {

constexpr int kTimeoutMs = 15000;

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    QByteArray location;
    QByteArray contentType;
};

QString randomToken(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (auto &c : raw)
        c = char(QRandomGenerator::global()->bounded(256));
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QJsonObject jwtPayload(const QString &jwt)
{
    const QStringList parts = jwt.split(u'.');
    if (parts.size() != 3)
        return {};
    return QJsonDocument::fromJson(QByteArray::fromBase64(parts[1].toLatin1(), QByteArray::Base64UrlEncoding))
        .object();
}

// RFC 7628-era XOAUTH2 initial response (Google/Microsoft): user=…^Aauth=Bearer …^A^A
QByteArray xoauth2(const QString &user, const QString &token)
{
    return QByteArray("user=" + user.toUtf8() + "\x01" "auth=Bearer " + token.toUtf8() + "\x01\x01").toBase64();
}

QByteArray saslPlain(const QString &user, const QString &password)
{
    return QByteArray(QByteArray(1, '\0') + user.toUtf8() + QByteArray(1, '\0') + password.toUtf8()).toBase64();
}

// A line-based client (POP3 / SMTP) over QSslSocket. Blocking waits are fine in this test.
class LineClient
{
public:
    explicit LineClient(const QSslConfiguration &config) { m_socket.setSslConfiguration(config); }

    bool connectPlain(const QString &host, quint16 port)
    {
        m_socket.connectToHost(host, port);
        return m_socket.waitForConnected(kTimeoutMs);
    }

    bool connectTls(const QString &host, quint16 port)
    {
        m_socket.connectToHostEncrypted(host, port);
        return m_socket.waitForEncrypted(kTimeoutMs);
    }

    // STLS / STARTTLS accepted: the handshake, verifying the certificate against the test CA.
    bool startTls()
    {
        m_socket.startClientEncryption();
        return m_socket.waitForEncrypted(kTimeoutMs);
    }

    [[nodiscard]] QString tlsErrors() const
    {
        QStringList out;
        for (const auto &e : m_socket.sslHandshakeErrors())
            out << e.errorString();
        return out.join(u"; "_s) + u" / "_s + m_socket.errorString();
    }

    QByteArray readLine()
    {
        while (!m_socket.canReadLine()) {
            if (!m_socket.waitForReadyRead(kTimeoutMs))
                return QByteArray();
        }
        return m_socket.readLine().trimmed();
    }

    void send(const QByteArray &line)
    {
        m_socket.write(line + "\r\n");
        m_socket.flush();
    }

    QByteArray command(const QByteArray &line)
    {
        send(line);
        return readLine();
    }

    // The lines of a POP3 multi-line answer after its first line (RFC 1939 §3).
    QList<QByteArray> readMultiline()
    {
        QList<QByteArray> lines;
        for (;;) {
            const QByteArray line = readLine();
            if (line == "." || (line.isEmpty() && m_socket.state() != QAbstractSocket::ConnectedState))
                return lines;
            lines << (line.startsWith("..") ? line.mid(1) : line);
        }
    }

    // An SMTP reply, all lines joined by '\n' (RFC 5321 §4.2.1).
    QByteArray smtpReply()
    {
        QByteArray all;
        for (;;) {
            const QByteArray line = readLine();
            if (line.isEmpty())
                return all;
            all += (all.isEmpty() ? "" : "\n") + line;
            if (line.size() < 4 || line.at(3) != '-')
                return all;
        }
    }

    QByteArray smtp(const QByteArray &line)
    {
        send(line);
        return smtpReply();
    }

private:
    QSslSocket m_socket;
};

} // namespace

class TestServersSmoke : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void passwordGrant();
    void passwordGrantErrors();
    void clientCredentialsGrant();
    void refreshTokenRotates();
    void authorizationCodeWithPkce();
    void deviceCode();
    void testEndpoints();

    void pop3XOAuth2AfterStls();
    void pop3XOAuth2ImplicitTls();
    void pop3PlainPasswordUser();
    void pop3RefusesPlainTextAuthBeforeTls();
    void pop3RejectsInvalidToken();

    void smtpXOAuth2AfterStarttls();
    void smtpPlainOnImplicitTls();
    void smtpRefusesAuthBeforeTls();
    void sentMessageArrivesInPop3Mailbox();
    void deliverHelperSeedsMailbox();

private:
    HttpResult http(const QByteArray &verb, const QUrl &url, const QByteArray &body = QByteArray(),
                    const QByteArray &contentType = "application/x-www-form-urlencoded");
    HttpResult token(const QUrlQuery &form);
    HttpResult testApi(const QString &path, const QJsonObject &body);
    QString passwordToken(const QString &scope);
    QString mintedToken(const QString &user);
    // Logs in over POP3 with implicit TLS and returns the mailbox's subjects (via TOP n 0).
    QStringList pop3Subjects(const QString &user, const QString &accessToken);

    const TestServers &m_servers = TestServers::instance();
    QNetworkAccessManager m_nam;
    QSslConfiguration m_ssl;
    QString m_popScope;
    QString m_smtpScope;
};

void TestServersSmoke::initTestCase()
{
    KURIER_REQUIRE_TEST_SERVERS(m_servers);
    QVERIFY2(!m_servers.caCertificates().isEmpty(), "test CA not readable");
    m_ssl = m_servers.sslConfiguration();
    m_popScope = m_servers.value("OAUTH_SCOPE_POP");
    m_smtpScope = m_servers.value("OAUTH_SCOPE_SMTP");
    QCOMPARE(m_servers.host(), u"127.0.0.2"_s);
}

HttpResult TestServersSmoke::http(const QByteArray &verb, const QUrl &url, const QByteArray &body,
                                  const QByteArray &contentType)
{
    QNetworkRequest request(url);
    request.setSslConfiguration(m_ssl);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(kTimeoutMs);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    std::unique_ptr<QNetworkReply> reply(m_nam.sendCustomRequest(request, verb, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(kTimeoutMs + 1000);
    HttpResult r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.json = QJsonDocument::fromJson(r.body).object();
    r.error = reply->error();
    r.errorString = reply->errorString();
    r.location = reply->rawHeader("Location");
    r.contentType = reply->rawHeader("Content-Type");
    return r;
}

HttpResult TestServersSmoke::token(const QUrlQuery &form)
{
    return http("POST", QUrl(m_servers.value("OAUTH_TOKEN_URL")),
                form.query(QUrl::FullyEncoded).toUtf8());
}

HttpResult TestServersSmoke::testApi(const QString &path, const QJsonObject &body)
{
    return http("POST", m_servers.oauthUrl(path), QJsonDocument(body).toJson(QJsonDocument::Compact),
                "application/json");
}

QString TestServersSmoke::passwordToken(const QString &scope)
{
    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"password"_s);
    form.addQueryItem(u"client_id"_s, m_servers.value("OAUTH_PUBLIC_CLIENT_ID"));
    form.addQueryItem(u"username"_s, m_servers.value("OAUTH_USER"));
    form.addQueryItem(u"password"_s, m_servers.value("OAUTH_USER_PASSWORD"));
    form.addQueryItem(u"scope"_s, scope);
    return token(form).json.value(u"access_token").toString();
}

QString TestServersSmoke::mintedToken(const QString &user)
{
    return testApi(u"/test/mint"_s, {{u"user"_s, user}}).json.value(u"access_token").toString();
}

QStringList TestServersSmoke::pop3Subjects(const QString &user, const QString &accessToken)
{
    LineClient pop(m_ssl);
    if (!pop.connectTls(m_servers.host(), m_servers.port("POP3_TLS_PORT")))
        return {u"<no TLS connection: "_s + pop.tlsErrors() + u">"_s};
    pop.readLine();
    const QByteArray auth = pop.command("AUTH XOAUTH2 " + xoauth2(user, accessToken));
    if (!auth.startsWith("+OK"))
        return {u"<login failed: "_s + QString::fromUtf8(auth) + u">"_s};
    const QList<QByteArray> stat = pop.command("STAT").split(' ');
    const int count = stat.value(1).toInt();
    QStringList subjects;
    for (int i = 1; i <= count; ++i) {
        if (!pop.command("TOP " + QByteArray::number(i) + " 0").startsWith("+OK"))
            break;
        for (const QByteArray &line : pop.readMultiline()) {
            if (line.startsWith("Subject: "))
                subjects << QString::fromUtf8(line.mid(9));
        }
    }
    pop.command("QUIT");
    return subjects;
}

// --- OAuth 2.0 ------------------------------------------------------------------------------

void TestServersSmoke::passwordGrant()
{
    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"password"_s);
    form.addQueryItem(u"client_id"_s, m_servers.value("OAUTH_PUBLIC_CLIENT_ID"));
    form.addQueryItem(u"username"_s, m_servers.value("OAUTH_USER"));
    form.addQueryItem(u"password"_s, m_servers.value("OAUTH_USER_PASSWORD"));
    form.addQueryItem(u"scope"_s, m_popScope + u' ' + m_smtpScope + u" offline_access"_s);
    const HttpResult r = token(form);
    QVERIFY2(r.status == 200, r.body.constData());
    QCOMPARE(r.json.value(u"token_type").toString(), u"Bearer"_s);
    QVERIFY(r.json.value(u"expires_in").toInt() > 3000);
    QVERIFY(!r.json.value(u"refresh_token").toString().isEmpty());

    // A JWT of realistic size with Microsoft's claims.
    const QString accessToken = r.json.value(u"access_token").toString();
    QVERIFY2(accessToken.size() >= 1500 && accessToken.size() <= 2600, qPrintable(QString::number(accessToken.size())));
    const QJsonObject claims = jwtPayload(accessToken);
    QCOMPARE(claims.value(u"aud").toString(), u"https://outlook.office.com"_s);
    QCOMPARE(claims.value(u"scp").toString(), u"POP.AccessAsUser.All SMTP.Send"_s);
    QCOMPARE(claims.value(u"tid").toString(), m_servers.value("OAUTH_TENANT"));
    QCOMPARE(claims.value(u"upn").toString(), m_servers.value("OAUTH_USER"));
    QVERIFY(claims.value(u"exp").toInteger() > QDateTime::currentSecsSinceEpoch());

    // Without offline_access, no refresh token (as at Microsoft).
    form.removeAllQueryItems(u"scope"_s);
    form.addQueryItem(u"scope"_s, m_popScope);
    const HttpResult noOffline = token(form);
    QCOMPARE(noOffline.status, 200);
    QVERIFY(!noOffline.json.contains(u"refresh_token"));
}

void TestServersSmoke::passwordGrantErrors()
{
    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"password"_s);
    form.addQueryItem(u"client_id"_s, m_servers.value("OAUTH_PUBLIC_CLIENT_ID"));
    form.addQueryItem(u"username"_s, m_servers.value("OAUTH_USER"));
    form.addQueryItem(u"password"_s, u"wrong"_s);
    form.addQueryItem(u"scope"_s, m_popScope);
    const HttpResult wrong = token(form);
    QCOMPARE(wrong.status, 400);
    QCOMPARE(wrong.json.value(u"error").toString(), u"invalid_grant"_s);
    QCOMPARE(wrong.json.value(u"error_codes").toArray().first().toInt(), 50126);
    QVERIFY(wrong.json.value(u"error_description").toString().startsWith(u"AADSTS50126: "_s));
    for (const char *key : {"trace_id", "correlation_id", "timestamp"})
        QVERIFY2(!wrong.json.value(QLatin1String(key)).toString().isEmpty(), key);

    form.removeAllQueryItems(u"client_id"_s);
    form.addQueryItem(u"client_id"_s, u"00000000-0000-0000-0000-000000000000"_s);
    const HttpResult unknownClient = token(form);
    QCOMPARE(unknownClient.json.value(u"error_codes").toArray().first().toInt(), 700016);
}

void TestServersSmoke::clientCredentialsGrant()
{
    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"client_credentials"_s);
    form.addQueryItem(u"client_id"_s, m_servers.value("OAUTH_CONFIDENTIAL_CLIENT_ID"));
    form.addQueryItem(u"client_secret"_s, m_servers.value("OAUTH_CONFIDENTIAL_CLIENT_SECRET"));
    form.addQueryItem(u"scope"_s, m_servers.value("OAUTH_SCOPE_APP"));
    const HttpResult r = token(form);
    QVERIFY2(r.status == 200, r.body.constData());
    QVERIFY(!r.json.value(u"access_token").toString().isEmpty());
    QVERIFY(!r.json.contains(u"refresh_token"));

    form.removeAllQueryItems(u"client_secret"_s);
    form.addQueryItem(u"client_secret"_s, u"not-the-secret"_s);
    const HttpResult badSecret = token(form);
    QCOMPARE(badSecret.status, 401);
    QCOMPARE(badSecret.json.value(u"error").toString(), u"invalid_client"_s);
    QCOMPARE(badSecret.json.value(u"error_codes").toArray().first().toInt(), 7000215);
}

void TestServersSmoke::refreshTokenRotates()
{
    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"password"_s);
    form.addQueryItem(u"client_id"_s, m_servers.value("OAUTH_PUBLIC_CLIENT_ID"));
    form.addQueryItem(u"username"_s, m_servers.value("OAUTH_USER"));
    form.addQueryItem(u"password"_s, m_servers.value("OAUTH_USER_PASSWORD"));
    form.addQueryItem(u"scope"_s, m_popScope + u" offline_access"_s);
    const QString first = token(form).json.value(u"refresh_token").toString();
    QVERIFY(!first.isEmpty());

    auto refresh = [&](const QString &refreshToken) {
        QUrlQuery f;
        f.addQueryItem(u"grant_type"_s, u"refresh_token"_s);
        f.addQueryItem(u"client_id"_s, m_servers.value("OAUTH_PUBLIC_CLIENT_ID"));
        f.addQueryItem(u"refresh_token"_s, refreshToken);
        f.addQueryItem(u"scope"_s, m_popScope + u" offline_access"_s);
        return token(f);
    };
    const HttpResult second = refresh(first);
    QVERIFY2(second.status == 200, second.body.constData());
    const QString secondToken = second.json.value(u"refresh_token").toString();
    QVERIFY(!secondToken.isEmpty());
    QVERIFY(secondToken != first);

    const HttpResult reused = refresh(first);
    QCOMPARE(reused.status, 400);
    QCOMPARE(reused.json.value(u"error").toString(), u"invalid_grant"_s);
    QCOMPARE(reused.json.value(u"error_codes").toArray().first().toInt(), 70008);

    QCOMPARE(refresh(secondToken).status, 200);
}

void TestServersSmoke::authorizationCodeWithPkce()
{
    const QString verifier = randomToken(48);
    const QString challenge = QString::fromLatin1(
        QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const QString redirectUri = u"http://localhost:53682/"_s; // RFC 8252 §7.3: any loopback port
    const QString state = randomToken(12);

    QUrl authorize(m_servers.value("OAUTH_AUTHORIZE_URL"));
    QUrlQuery query;
    query.addQueryItem(u"client_id"_s, m_servers.value("OAUTH_PUBLIC_CLIENT_ID"));
    query.addQueryItem(u"response_type"_s, u"code"_s);
    query.addQueryItem(u"redirect_uri"_s, redirectUri);
    query.addQueryItem(u"scope"_s, m_popScope + u" offline_access"_s);
    query.addQueryItem(u"state"_s, state);
    query.addQueryItem(u"code_challenge"_s, challenge);
    query.addQueryItem(u"code_challenge_method"_s, u"S256"_s);
    query.addQueryItem(u"login_hint"_s, m_servers.value("OAUTH_USER"));
    authorize.setQuery(query);
    const HttpResult redirect = http("GET", authorize);
    QCOMPARE(redirect.status, 302);
    const QUrl location(QString::fromUtf8(redirect.location));
    QCOMPARE(location.port(), 53682);
    const QUrlQuery answer(location);
    QCOMPARE(answer.queryItemValue(u"state"_s), state);
    const QString code = answer.queryItemValue(u"code"_s, QUrl::FullyDecoded);
    QVERIFY2(!code.isEmpty(), redirect.location.constData());

    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"authorization_code"_s);
    form.addQueryItem(u"client_id"_s, m_servers.value("OAUTH_PUBLIC_CLIENT_ID"));
    form.addQueryItem(u"code"_s, code);
    form.addQueryItem(u"redirect_uri"_s, redirectUri);
    form.addQueryItem(u"code_verifier"_s, verifier);
    const HttpResult r = token(form);
    QVERIFY2(r.status == 200, r.body.constData());
    QCOMPARE(jwtPayload(r.json.value(u"access_token").toString()).value(u"upn").toString(),
             m_servers.value("OAUTH_USER"));
    QVERIFY(!r.json.value(u"refresh_token").toString().isEmpty());

    // A code is redeemed once.
    const HttpResult again = token(form);
    QCOMPARE(again.json.value(u"error").toString(), u"invalid_grant"_s);
}

void TestServersSmoke::deviceCode()
{
    QUrlQuery request;
    request.addQueryItem(u"client_id"_s, m_servers.value("OAUTH_PUBLIC_CLIENT_ID"));
    request.addQueryItem(u"scope"_s, m_popScope + u" offline_access"_s);
    const HttpResult device = http("POST", QUrl(m_servers.value("OAUTH_DEVICECODE_URL")),
                                   request.query(QUrl::FullyEncoded).toUtf8());
    QVERIFY2(device.status == 200, device.body.constData());
    const QString deviceCode = device.json.value(u"device_code").toString();
    const QString userCode = device.json.value(u"user_code").toString();
    QVERIFY(!deviceCode.isEmpty() && !userCode.isEmpty());
    QVERIFY(!device.json.value(u"verification_uri").toString().isEmpty());
    QVERIFY(device.json.value(u"interval").toInt() >= 1);

    QUrlQuery poll;
    poll.addQueryItem(u"grant_type"_s, u"urn:ietf:params:oauth:grant-type:device_code"_s);
    poll.addQueryItem(u"client_id"_s, m_servers.value("OAUTH_PUBLIC_CLIENT_ID"));
    poll.addQueryItem(u"device_code"_s, deviceCode);
    const HttpResult pending = token(poll);
    QCOMPARE(pending.status, 400);
    QCOMPARE(pending.json.value(u"error").toString(), u"authorization_pending"_s);
    QCOMPARE(pending.json.value(u"error_codes").toArray().first().toInt(), 70016);

    QCOMPARE(testApi(u"/test/device/approve"_s, {{u"user_code"_s, userCode}}).status, 200);
    const HttpResult approved = token(poll);
    QVERIFY2(approved.status == 200, approved.body.constData());
    QVERIFY(!approved.json.value(u"access_token").toString().isEmpty());
    QVERIFY(!approved.json.value(u"refresh_token").toString().isEmpty());
}

void TestServersSmoke::testEndpoints()
{
    const HttpResult stats = http("GET", m_servers.oauthUrl(u"/test/stats"_s));
    QCOMPARE(stats.status, 200);
    QVERIFY(stats.json.value(u"token").toObject().value(u"password").toObject().value(u"ok").toInt() > 0);

    const HttpResult minted = testApi(u"/test/mint"_s, {{u"user"_s, m_servers.value("OAUTH_USER")},
                                                       {u"lifetime"_s, 60}});
    QCOMPARE(minted.status, 200);
    QVERIFY(minted.json.value(u"expires_in").toInt() <= 60);

    // A misbehaving tenant for error tests: an HTML page where JSON is expected.
    QString misbehaving = m_servers.value("OAUTH_TOKEN_URL");
    misbehaving.replace(m_servers.value("OAUTH_TENANT"), u"misbehave-html"_s);
    const HttpResult html = http("POST", QUrl(misbehaving), "grant_type=password");
    QCOMPARE(html.status, 200);
    QVERIFY(html.contentType.startsWith("text/html"));
}

// --- POP3 (Dovecot) ---------------------------------------------------------------------------

void TestServersSmoke::pop3XOAuth2AfterStls()
{
    const QString accessToken = passwordToken(m_popScope);
    QVERIFY(!accessToken.isEmpty());
    LineClient pop(m_ssl);
    QVERIFY(pop.connectPlain(m_servers.host(), m_servers.port("POP3_STARTTLS_PORT")));
    QVERIFY(pop.readLine().startsWith("+OK"));
    QVERIFY(pop.command("CAPA").startsWith("+OK"));
    QVERIFY(pop.readMultiline().contains("STLS"));
    QVERIFY(pop.command("STLS").startsWith("+OK"));
    QVERIFY2(pop.startTls(), qPrintable(pop.tlsErrors()));
    QVERIFY(pop.command("CAPA").startsWith("+OK"));
    const QList<QByteArray> capabilities = pop.readMultiline();
    QVERIFY(capabilities.contains("SASL PLAIN LOGIN XOAUTH2 OAUTHBEARER"));
    QVERIFY(capabilities.contains("PIPELINING"));
    QVERIFY(capabilities.contains("UIDL"));
    const QByteArray auth = pop.command("AUTH XOAUTH2 " + xoauth2(m_servers.value("OAUTH_USER"), accessToken));
    QVERIFY2(auth.startsWith("+OK"), auth.constData());
    QVERIFY(pop.command("STAT").startsWith("+OK"));
    QVERIFY(pop.command("QUIT").startsWith("+OK"));
}

void TestServersSmoke::pop3XOAuth2ImplicitTls()
{
    const QString accessToken = passwordToken(m_popScope);
    LineClient pop(m_ssl);
    QVERIFY2(pop.connectTls(m_servers.host(), m_servers.port("POP3_TLS_PORT")), qPrintable(pop.tlsErrors()));
    QVERIFY(pop.readLine().startsWith("+OK"));
    const QByteArray auth = pop.command("AUTH XOAUTH2 " + xoauth2(m_servers.value("OAUTH_USER"), accessToken));
    QVERIFY2(auth.startsWith("+OK"), auth.constData());
    QVERIFY(pop.command("UIDL").startsWith("+OK"));
    pop.readMultiline();
    QVERIFY(pop.command("QUIT").startsWith("+OK"));
}

void TestServersSmoke::pop3PlainPasswordUser()
{
    LineClient pop(m_ssl);
    QVERIFY(pop.connectPlain(m_servers.host(), m_servers.port("POP3_STARTTLS_PORT")));
    QVERIFY(pop.readLine().startsWith("+OK"));
    QVERIFY(pop.command("STLS").startsWith("+OK"));
    QVERIFY2(pop.startTls(), qPrintable(pop.tlsErrors()));
    const QByteArray auth = pop.command(
        "AUTH PLAIN " + saslPlain(m_servers.value("PASSWORD_USER"), m_servers.value("PASSWORD_USER_PASSWORD")));
    QVERIFY2(auth.startsWith("+OK"), auth.constData());
    QVERIFY(pop.command("QUIT").startsWith("+OK"));
}

void TestServersSmoke::pop3RefusesPlainTextAuthBeforeTls()
{
    LineClient pop(m_ssl);
    QVERIFY(pop.connectPlain(m_servers.host(), m_servers.port("POP3_STARTTLS_PORT")));
    QVERIFY(pop.readLine().startsWith("+OK"));
    QVERIFY(pop.command("CAPA").startsWith("+OK"));
    const QList<QByteArray> capabilities = pop.readMultiline();
    QVERIFY(!capabilities.contains("USER"));
    QVERIFY(capabilities.contains("SASL")); // advertised without any mechanism
    const QByteArray plain = pop.command(
        "AUTH PLAIN " + saslPlain(m_servers.value("PASSWORD_USER"), m_servers.value("PASSWORD_USER_PASSWORD")));
    QCOMPARE(plain, "-ERR [AUTH] Authentication not allowed until SSL/TLS is enabled.");
    const QByteArray user = pop.command("USER " + m_servers.value("PASSWORD_USER").toUtf8());
    QCOMPARE(user, "-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.");
}

void TestServersSmoke::pop3RejectsInvalidToken()
{
    LineClient pop(m_ssl);
    QVERIFY(pop.connectTls(m_servers.host(), m_servers.port("POP3_TLS_PORT")));
    QVERIFY(pop.readLine().startsWith("+OK"));
    // Dovecot answers a failed XOAUTH2 with a JSON challenge; the client answers with an empty line.
    const QByteArray challenge = pop.command("AUTH XOAUTH2 " + xoauth2(m_servers.value("OAUTH_USER"), u"invalid"_s));
    QVERIFY2(challenge.startsWith("+ "), challenge.constData());
    const QJsonObject json = QJsonDocument::fromJson(QByteArray::fromBase64(challenge.mid(2))).object();
    QCOMPARE(json.value(u"status").toString(), u"401"_s);
    QCOMPARE(pop.command(""), "-ERR [AUTH] Authentication failed.");
}

// --- SMTP submission (Postfix) ----------------------------------------------------------------

void TestServersSmoke::smtpXOAuth2AfterStarttls()
{
    const QString accessToken = passwordToken(m_smtpScope);
    LineClient smtp(m_ssl);
    QVERIFY(smtp.connectPlain(m_servers.host(), m_servers.port("SMTP_SUBMISSION_PORT")));
    QVERIFY(smtp.smtpReply().startsWith("220"));
    const QByteArray ehlo = smtp.smtp("EHLO client.kurier.test");
    QVERIFY(ehlo.contains("STARTTLS"));
    QVERIFY(!ehlo.contains("AUTH"));
    QVERIFY(smtp.smtp("STARTTLS").startsWith("220"));
    QVERIFY2(smtp.startTls(), qPrintable(smtp.tlsErrors()));
    const QByteArray ehloTls = smtp.smtp("EHLO client.kurier.test");
    QVERIFY2(ehloTls.contains("AUTH PLAIN LOGIN XOAUTH2 OAUTHBEARER"), ehloTls.constData());
    const QByteArray auth = smtp.smtp("AUTH XOAUTH2 " + xoauth2(m_servers.value("OAUTH_USER"), accessToken));
    QVERIFY2(auth.startsWith("235"), auth.constData());
    QVERIFY(smtp.smtp("QUIT").startsWith("221"));
}

void TestServersSmoke::smtpPlainOnImplicitTls()
{
    LineClient smtp(m_ssl);
    QVERIFY2(smtp.connectTls(m_servers.host(), m_servers.port("SMTP_SUBMISSIONS_PORT")), qPrintable(smtp.tlsErrors()));
    QVERIFY(smtp.smtpReply().startsWith("220"));
    QVERIFY(smtp.smtp("EHLO client.kurier.test").contains("AUTH PLAIN LOGIN XOAUTH2 OAUTHBEARER"));
    const QByteArray auth = smtp.smtp(
        "AUTH PLAIN " + saslPlain(m_servers.value("PASSWORD_USER"), m_servers.value("PASSWORD_USER_PASSWORD")));
    QVERIFY2(auth.startsWith("235"), auth.constData());
    QVERIFY(smtp.smtp("QUIT").startsWith("221"));
}

void TestServersSmoke::smtpRefusesAuthBeforeTls()
{
    LineClient smtp(m_ssl);
    QVERIFY(smtp.connectPlain(m_servers.host(), m_servers.port("SMTP_SUBMISSION_PORT")));
    QVERIFY(smtp.smtpReply().startsWith("220"));
    QVERIFY(smtp.smtp("EHLO client.kurier.test").startsWith("250"));
    const QByteArray auth = smtp.smtp(
        "AUTH PLAIN " + saslPlain(m_servers.value("PASSWORD_USER"), m_servers.value("PASSWORD_USER_PASSWORD")));
    QCOMPARE(auth, "530 5.7.0 Must issue a STARTTLS command first");
    QCOMPARE(smtp.smtp("MAIL FROM:<x@kurier.test>"), "530 5.7.0 Must issue a STARTTLS command first");
}

void TestServersSmoke::sentMessageArrivesInPop3Mailbox()
{
    const QString sender = m_servers.value("OAUTH_USER");
    // A mailbox of its own: /test/mint creates the OAuth user, Dovecot the Maildir.
    const QString recipient = u"smoke-"_s + randomToken(6).toLower().remove(u'-').remove(u'_') + u'@'
        + m_servers.value("KURIER_TEST_MAIL_DOMAIN");
    const QString subject = u"Smoke test "_s + randomToken(9);

    LineClient smtp(m_ssl);
    QVERIFY(smtp.connectTls(m_servers.host(), m_servers.port("SMTP_SUBMISSIONS_PORT")));
    QVERIFY(smtp.smtpReply().startsWith("220"));
    QVERIFY(smtp.smtp("EHLO client.kurier.test").startsWith("250"));
    QVERIFY(smtp.smtp("AUTH XOAUTH2 " + xoauth2(sender, passwordToken(m_smtpScope))).startsWith("235"));
    QVERIFY(smtp.smtp("MAIL FROM:<" + sender.toUtf8() + ">").startsWith("250"));
    QVERIFY(smtp.smtp("RCPT TO:<" + recipient.toUtf8() + ">").startsWith("250"));
    QVERIFY(smtp.smtp("DATA").startsWith("354"));
    smtp.send("From: <" + sender.toUtf8() + ">\r\nTo: <" + recipient.toUtf8() + ">\r\nSubject: "
              + subject.toUtf8() + "\r\n\r\nHello from the smoke test.\r\n.");
    const QByteArray queued = smtp.smtpReply();
    QVERIFY2(queued.startsWith("250"), queued.constData());
    smtp.smtp("QUIT");

    // Postfix hands it to Dovecot by LMTP asynchronously.
    const QString accessToken = mintedToken(recipient);
    QVERIFY(!accessToken.isEmpty());
    QStringList subjects;
    QTRY_VERIFY_WITH_TIMEOUT((subjects = pop3Subjects(recipient, accessToken)).contains(subject), 10000);
}

void TestServersSmoke::deliverHelperSeedsMailbox()
{
    const QString user = u"seed-"_s + randomToken(6).toLower().remove(u'-').remove(u'_') + u'@'
        + m_servers.value("KURIER_TEST_MAIL_DOMAIN");
    const QString lmtp = m_servers.deliver(user, {"Subject: first\n\nOne.\n", "Subject: second\n\n.Two\n"});
    QVERIFY2(lmtp.isEmpty(), qPrintable(lmtp));
    const QString maildir = m_servers.generate(user, 200, 1000, TestServers::Delivery::Maildir, u"bulk"_s);
    QVERIFY2(maildir.isEmpty(), qPrintable(maildir));
    const QStringList subjects = pop3Subjects(user, mintedToken(user));
    QCOMPARE(subjects.size(), 202);
    QCOMPARE(subjects.first(), u"first"_s);
    QCOMPARE(subjects.at(1), u"second"_s);
    QCOMPARE(subjects.at(2), u"bulk 1"_s);
    QCOMPARE(subjects.last(), u"bulk 200"_s);
}

QTEST_GUILESS_MAIN(TestServersSmoke)
#include "tst_servers_smoke.moc"
