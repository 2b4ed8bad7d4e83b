#pragma once
// Fixture pieces the tests against the servers of tests/servers share: test users at the test
// OAuth server, an OAuth account for the servers, waiting for a delivery. Header-only.
//
//   QNetworkAccessManager network;
//   const QString user = kurier::test::newOAuthUser(network, QStringLiteral("rt"), password);
//   store::Account a = kurier::test::oauthTestAccount(QStringLiteral("RT"), user);
//   … send to user …
//   const QList<QByteArray> mails = kurier::test::waitForMail(user, 1, 15000);

#include "oauth/SignInMethod.h"
#include "store/Account.h"
#include "support/TestServers.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTest>
#include <QUuid>

namespace kurier::test {

// The servers of this test run, and the value of one key of their env file.
inline const TestServers &servers()
{
    return TestServers::instance();
}
inline QString env(const char *key)
{
    return TestServers::instance().value(key);
}

// A password no other test user has.
inline QString newTestPassword()
{
    return QStringLiteral("pw-") + QUuid::createUuid().toString(QUuid::Id128);
}

// POSTs `body` as JSON to `path` of the test OAuth server (/test/users, /test/revoke …) and
// returns its JSON answer. No answer within 10 s ends the test run: nothing after it means much.
inline QJsonObject postToOAuthServer(QNetworkAccessManager &network, const QString &path, const QJsonObject &body)
{
    const TestServers &servers = TestServers::instance();
    QNetworkRequest request(QUrl(servers.value("OAUTH_BASE") + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setSslConfiguration(servers.sslConfiguration());
    QNetworkReply *reply = network.post(request, QJsonDocument(body).toJson());
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
        qFatal("test endpoint did not answer");
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll()).object();
}

// A GET the way a browser's first step looks to Kurier: the test CA trusted, redirects not
// followed (the sign-in tests read the Location themselves). The reply is deleted later.
inline QNetworkReply *getWithoutRedirect(QNetworkAccessManager &network, const QUrl &url)
{
    QNetworkRequest request(url);
    request.setSslConfiguration(TestServers::instance().sslConfiguration());
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = network.get(request);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
        qFatal("no answer from %s", qPrintable(url.host()));
    reply->deleteLater();
    return reply;
}

// The test OAuth server's counts for one user (/test/stats?user=): token.<grant> requests by
// grant, `authorize` (browser sign-ins approved), introspection.
inline QJsonObject oauthStatsFor(QNetworkAccessManager &network, const QString &user)
{
    const TestServers &servers = TestServers::instance();
    QNetworkRequest request(QUrl(servers.value("OAUTH_BASE") + QStringLiteral("/test/stats?user=")
                                 + QString::fromLatin1(QUrl::toPercentEncoding(user))));
    request.setSslConfiguration(servers.sslConfiguration());
    QNetworkReply *reply = network.get(request);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
        qFatal("stats did not answer");
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll()).object();
}

// A new user (an address no other test uses, tagged `tag`) with `password` at the test OAuth
// server; `extra` adds fields to the request (e.g. mfaRequired).
inline QString newOAuthUser(QNetworkAccessManager &network, const QString &tag, const QString &password,
                            const QJsonObject &extra = {})
{
    const QString user = TestServers::instance().uniqueAddress(tag);
    QJsonObject body = extra;
    body.insert(QStringLiteral("user"), user);
    body.insert(QStringLiteral("password"), password);
    if (!postToOAuthServer(network, QStringLiteral("/test/users"), body).value(QStringLiteral("ok")).toBool())
        qFatal("cannot create a test user");
    return user;
}

// An OAuth account (password sign-in) for `user` on the test servers: POP3 over TLS, SMTP
// submission with STARTTLS, tokens from the test OAuth server, the run's test CA trusted.
inline store::Account oauthTestAccount(const QString &prefix, const QString &user)
{
    const TestServers &servers = TestServers::instance();
    store::Account a;
    a.prefix = prefix;
    a.email = user;
    a.pop3.host = servers.host();
    a.pop3.port = servers.port("POP3_TLS_PORT");
    a.pop3.security = store::Security::Tls;
    a.smtp.host = servers.host();
    a.smtp.port = servers.port("SMTP_SUBMISSION_PORT");
    a.smtp.security = store::Security::StartTls;
    a.oauth.enabled = true;
    a.oauth.tokenEndpoint = servers.value("OAUTH_TOKEN_URL");
    a.oauth.clientId = servers.value("OAUTH_PUBLIC_CLIENT_ID");
    a.oauth.scope = servers.value("OAUTH_SCOPE_SMTP");
    a.oauth.method = oauth::SignInMethod::Password;
    a.extraCaFile = servers.value("KURIER_TEST_CA");
    return a;
}

// The messages in `address`'s Maildir on the test servers (new/ and cur/, by file name), once
// there are at least `count` of them or `timeoutMs` passed (then with a warning).
inline QList<QByteArray> waitForMail(const QString &address, int count, int timeoutMs)
{
    const QString root =
        TestServers::instance().value("MAILDIR_ROOT") + u'/' + address.toLower() + QStringLiteral("/Maildir");
    QList<QByteArray> mails;
    const bool complete = QTest::qWaitFor([&] {
        mails.clear();
        for (const char *sub : {"new", "cur"}) {
            QDir dir(root + u'/' + QLatin1String(sub));
            const QStringList names = dir.entryList(QDir::Files, QDir::Name);
            for (const QString &name : names) {
                QFile f(dir.filePath(name));
                if (f.open(QIODevice::ReadOnly))
                    mails.append(f.readAll());
            }
        }
        return mails.size() >= count;
    }, timeoutMs);
    if (!complete)
        qWarning("only %d of %d messages arrived for %s", int(mails.size()), count, qPrintable(address));
    return mails;
}

} // namespace kurier::test
