// check::ConnectionTest step logic against scripted servers (FakeTransport): which step passes,
// which fails with which diagnostic, which are skipped — and that nothing is fetched or sent.
// Plus ClaimsCheck and CapabilitiesCheck as tables.
#include "check/CapabilitiesCheck.h"
#include "check/ClaimsCheck.h"
#include "check/ConnectionTest.h"
#include "secrets/MemorySecretStore.h"
#include "support/FakeTransport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace kurier;
using namespace kurier::check;
using kurier::test::FakeTransport;
using Id = ConnectionStep::Id;
using Status = ConnectionStep::Status;

Q_DECLARE_METATYPE(kurier::check::ConnectionStep::Status)

namespace {

// A FakeTransport that answers every command line through `respond` (the test's server).
class ScriptedTransport : public FakeTransport
{
public:
    using Respond = std::function<QByteArray(const QByteArray &line, ScriptedTransport &t)>;
    ScriptedTransport(QByteArray greeting, Respond respond)
        : m_greeting(std::move(greeting))
        , m_respond(std::move(respond))
    {
    }
    void connectToHost(const QString &host, quint16 port, bool implicitTls) override
    {
        FakeTransport::connectToHost(host, port, implicitTls);
        if (!m_refuse)
            serverSays(m_greeting);
    }
    void write(const QByteArray &bytes) override
    {
        FakeTransport::write(bytes);
        m_pending += bytes;
        qsizetype end;
        while ((end = m_pending.indexOf("\r\n")) >= 0) {
            const QByteArray line = m_pending.left(end);
            m_pending.remove(0, end + 2);
            lines << line;
            const QByteArray reply = m_respond(line, *this);
            if (!reply.isEmpty())
                serverSays(reply);
        }
    }
    QList<QByteArray> lines;
    bool m_refuse = false;

private:
    QByteArray m_greeting;
    Respond m_respond;
    QByteArray m_pending;
};

struct Pop3Script {
    bool stls = true;
    QByteArray sasl = "PLAIN LOGIN XOAUTH2 OAUTHBEARER";
    bool loginOk = true;
};

struct SmtpScript {
    bool startTls = true;
    QByteArray auth = "PLAIN LOGIN XOAUTH2";
    QByteArray authReply = "235 2.7.0 Authentication successful\r\n";
};

ScriptedTransport *pop3Server(const Pop3Script &s)
{
    return new ScriptedTransport("+OK Dovecot ready.\r\n", [s](const QByteArray &line, ScriptedTransport &t) -> QByteArray {
        if (line == "CAPA") {
            QByteArray caps = "+OK\r\nTOP\r\nUIDL\r\nUSER\r\nPIPELINING\r\n";
            if (!t.isEncrypted() && s.stls)
                caps += "STLS\r\n";
            if (t.isEncrypted())
                caps += "SASL " + s.sasl + "\r\n";
            return caps + ".\r\n";
        }
        if (line == "STLS")
            return "+OK Begin TLS negotiation now.\r\n";
        if (line.startsWith("AUTH XOAUTH2") || line.startsWith("AUTH OAUTHBEARER") || line.startsWith("AUTH PLAIN")
            || line.startsWith("PASS"))
            return s.loginOk ? "+OK Logged in.\r\n" : "-ERR [AUTH] Authentication failed.\r\n";
        if (line.startsWith("USER"))
            return "+OK\r\n";
        if (line == "QUIT")
            return "+OK Logging out.\r\n";
        return "-ERR unexpected command\r\n";
    });
}

ScriptedTransport *smtpServer(const SmtpScript &s)
{
    auto lastWasAuth = std::make_shared<bool>(false);
    return new ScriptedTransport("220 smtp.example.org ESMTP\r\n",
                                 [s, lastWasAuth](const QByteArray &line, ScriptedTransport &t) -> QByteArray {
        if (line.startsWith("EHLO")) {
            QByteArray r = "250-smtp.example.org\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n";
            if (!t.isEncrypted() && s.startTls)
                r += "250-STARTTLS\r\n";
            if (t.isEncrypted() && !s.auth.isEmpty())
                r += "250-AUTH " + s.auth + "\r\n";
            return r + "250 8BITMIME\r\n";
        }
        if (line == "STARTTLS")
            return "220 2.0.0 Ready to start TLS\r\n";
        if (line == "QUIT")
            return "221 2.0.0 Bye\r\n";
        if (line.startsWith("AUTH ")) {
            if (line.count(' ') == 1) { // response after the 334
                *lastWasAuth = true;
                return "334 \r\n";
            }
            return s.authReply;
        }
        if (*lastWasAuth) {
            *lastWasAuth = false;
            return s.authReply;
        }
        return "500 5.5.2 unexpected\r\n";
    });
}

QString jwt(const QJsonObject &payload)
{
    const QByteArray header = QByteArray(R"({"alg":"RS256","typ":"JWT"})").toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QByteArray body = QJsonDocument(payload).toJson(QJsonDocument::Compact).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return QString::fromLatin1(header + '.' + body + ".c2lnbmF0dXJl");
}

QJsonObject exchangeClaims(const QString &scp)
{
    return QJsonObject{{QStringLiteral("aud"), QStringLiteral("https://outlook.office.com")},
                       {QStringLiteral("scp"), scp},
                       {QStringLiteral("tid"), QStringLiteral("72f988bf-86f1-41af-91ab-2d7cd011db47")},
                       {QStringLiteral("upn"), QStringLiteral("anna@example.org")},
                       {QStringLiteral("exp"), QDateTime::currentDateTimeUtc().addSecs(3600).toSecsSinceEpoch()}};
}

store::Account passwordAccount()
{
    store::Account a;
    a.id = QStringLiteral("acc1");
    a.prefix = QStringLiteral("A");
    a.email = QStringLiteral("anna@example.org");
    a.pop3.host = QStringLiteral("pop.example.org");
    a.pop3.security = store::Security::StartTls;
    a.smtp.host = QStringLiteral("smtp.example.org");
    a.smtp.security = store::Security::StartTls;
    return a;
}

store::Account oauthAccount()
{
    store::Account a = passwordAccount();
    a.oauth.enabled = true;
    a.oauth.tokenEndpoint = QStringLiteral("https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/v2.0/token");
    a.oauth.clientId = QStringLiteral("client");
    a.oauth.scope = QStringLiteral("https://outlook.office.com/POP.AccessAsUser.All https://outlook.office.com/SMTP.Send offline_access");
    return a;
}

// One run with scripted servers; keeps the transports for assertions.
struct Run {
    explicit Run(const store::Account &account, Pop3Script pop = {}, SmtpScript smtp = {})
        : test(account, &secrets)
    {
        store::SecretUpdate typed;
        typed.set(store::SecretName::Pop3Password, QStringLiteral("secret"));
        test.setTypedSecrets(typed);
        test.setResolver([this](const QString &host, ConnectionTest::LookupDone done) {
            QTimer::singleShot(0, &test, [this, host, done] {
                if (unknownHosts.contains(host))
                    done({}, QStringLiteral("Host not found"));
                else
                    done({QHostAddress(QStringLiteral("192.0.2.1"))}, {});
            });
        });
        test.setTransportFactory([this, pop, smtp](ConnectionTest::Server server, const net::TlsPolicy &) -> net::Transport * {
            if (server == ConnectionTest::Server::Pop3) {
                pop3 = pop3Server(pop);
                if (pop3Tls)
                    pop3->failTls(pop3Problem);
                return pop3;
            }
            smtpT = smtpServer(smtp);
            return smtpT;
        });
        test.setTokenSource([this](bool, ConnectionTest::TokenCallback done) {
            ++tokenRequests;
            QTimer::singleShot(0, &test, [this, done] { done(token, tokenFailure); });
        });
    }
    bool exec()
    {
        QSignalSpy finished(&test, &ConnectionTest::finished);
        test.start();
        return finished.wait(5000);
    }
    [[nodiscard]] Status status(Id id) const { return test.step(id).status; }

    secrets::MemorySecretStore secrets;
    ConnectionTest test;
    QStringList unknownHosts;
    ScriptedTransport *pop3 = nullptr; // owned by the test (POP3) / the SMTP session
    ScriptedTransport *smtpT = nullptr;
    bool pop3Tls = false;
    net::CertificateProblem pop3Problem;
    QString token;
    diagnostics::Diagnostic tokenFailure;
    int tokenRequests = 0;
};

bool neverFetchedOrSent(const ScriptedTransport *pop3, const ScriptedTransport *smtp)
{
    for (const char *verb : {"STAT", "LIST", "UIDL", "RETR", "TOP ", "DELE"}) {
        if (pop3 && std::any_of(pop3->lines.cbegin(), pop3->lines.cend(), [&](const QByteArray &l) { return l.startsWith(verb); }))
            return false;
    }
    for (const char *verb : {"MAIL", "RCPT", "DATA", "BDAT"}) {
        if (smtp && std::any_of(smtp->lines.cbegin(), smtp->lines.cend(), [&](const QByteArray &l) { return l.startsWith(verb); }))
            return false;
    }
    return true;
}

} // namespace

class TestConnectionTest : public QObject
{
    Q_OBJECT

private slots:
    void passwordAccountAllGreen()
    {
        Run run(passwordAccount());
        QSignalSpy started(&run.test, &ConnectionTest::stepStarted);
        QSignalSpy finishedSteps(&run.test, &ConnectionTest::stepFinished);
        QVERIFY(run.exec());
        for (const ConnectionStep &s : run.test.steps())
            QVERIFY2(s.status == Status::Passed, qPrintable(s.toText()));
        QCOMPARE(run.test.steps().size(), 10); // no token rows without OAuth
        QCOMPARE(finishedSteps.count(), 10);
        QCOMPARE(started.count(), 10);
        QVERIFY(run.test.step(Id::Pop3Tls).detail.contains(u"STARTTLS"));
        QVERIFY(run.test.step(Id::Pop3Capabilities).detail.contains(u"SASL(PLAIN"));
        QVERIFY(run.test.step(Id::SmtpCapabilities).detail.contains(u"AUTH PLAIN LOGIN XOAUTH2"));
        QVERIFY(run.test.step(Id::Pop3Auth).detail.contains(u"PLAIN"));
        QVERIFY(neverFetchedOrSent(run.pop3, run.smtpT));
        QCOMPARE(run.pop3->lines.last(), QByteArray("QUIT"));
        QCOMPARE(run.smtpT->lines.last(), QByteArray("QUIT"));
        QCOMPARE(run.tokenRequests, 0);
    }

    void unknownPop3HostSkipsPop3ButTestsSmtp()
    {
        Run run(passwordAccount());
        run.unknownHosts << QStringLiteral("pop.example.org");
        QVERIFY(run.exec());
        QCOMPARE(run.status(Id::Pop3Lookup), Status::Failed);
        QCOMPARE(run.test.step(Id::Pop3Lookup).diagnostic.code, QStringLiteral("dns"));
        for (Id id : {Id::Pop3Connect, Id::Pop3Tls, Id::Pop3Capabilities, Id::Pop3Auth})
            QCOMPARE(run.status(id), Status::Skipped);
        QVERIFY(!run.pop3);
        QCOMPARE(run.status(Id::SmtpAuth), Status::Passed);
        QCOMPARE(run.test.firstFailure()->id, Id::Pop3Lookup);
    }

    void missingStlsFailsTheTlsStep()
    {
        Pop3Script pop;
        pop.stls = false;
        SmtpScript smtp;
        smtp.startTls = false;
        Run run(passwordAccount(), pop, smtp);
        QVERIFY(run.exec());
        QCOMPARE(run.status(Id::Pop3Connect), Status::Passed);
        QCOMPARE(run.status(Id::Pop3Tls), Status::Failed);
        QCOMPARE(run.test.step(Id::Pop3Tls).diagnostic.code, QStringLiteral("stls-missing"));
        QVERIFY(!run.test.step(Id::Pop3Tls).diagnostic.fix.isEmpty());
        QCOMPARE(run.status(Id::Pop3Capabilities), Status::Skipped);
        QCOMPARE(run.status(Id::Pop3Auth), Status::Skipped);
        QCOMPARE(run.status(Id::SmtpTls), Status::Failed);
        QCOMPARE(run.test.step(Id::SmtpTls).diagnostic.code, QStringLiteral("starttls-missing"));
        QCOMPARE(run.status(Id::SmtpAuth), Status::Skipped);
        // Nothing secret went over the unencrypted connections.
        for (const QByteArray &l : run.pop3->lines)
            QVERIFY2(!l.startsWith("AUTH") && !l.startsWith("PASS") && !l.startsWith("USER"), l.constData());
        for (const QByteArray &l : run.smtpT->lines)
            QVERIFY2(!l.startsWith("AUTH"), l.constData());
    }

    void untrustedCertificateOnImplicitTls()
    {
        store::Account a = passwordAccount();
        a.pop3.security = store::Security::Tls;
        Run run(a);
        run.pop3Tls = true;
        run.pop3Problem.subject = QStringLiteral("CN=pop.example.org");
        run.pop3Problem.issuer = QStringLiteral("CN=Evil CA");
        run.pop3Problem.sha256 = "ab12cd34";
        run.pop3Problem.errors = QStringList{QStringLiteral("The issuer certificate of a locally looked up certificate could not be found")};
        QVERIFY(run.exec());
        QCOMPARE(run.status(Id::Pop3Connect), Status::Passed); // TCP worked; the handshake did not
        QCOMPARE(run.status(Id::Pop3Tls), Status::Failed);
        QCOMPARE(run.test.step(Id::Pop3Tls).certificate.sha256, QByteArray("ab12cd34"));
        QCOMPARE(run.test.step(Id::Pop3Tls).certificate.host, QStringLiteral("pop.example.org"));
        QVERIFY(run.test.step(Id::Pop3Tls).toText().contains(u"ab12cd34"));
        QCOMPARE(run.status(Id::Pop3Auth), Status::Skipped);
        QCOMPARE(run.status(Id::SmtpAuth), Status::Passed);
    }

    void wrongPasswordFailsOnlyTheSignIn()
    {
        Pop3Script pop;
        pop.loginOk = false;
        Run run(passwordAccount(), pop);
        QVERIFY(run.exec());
        for (Id id : {Id::Pop3Lookup, Id::Pop3Connect, Id::Pop3Tls, Id::Pop3Capabilities})
            QCOMPARE(run.status(id), Status::Passed);
        QCOMPARE(run.status(Id::Pop3Auth), Status::Failed);
        QCOMPARE(run.test.step(Id::Pop3Auth).diagnostic.stage, diagnostics::Diagnostic::Stage::Authentication);
        QVERIFY(run.test.step(Id::Pop3Auth).diagnostic.serverText.contains(u"Authentication failed"));
    }

    void smtpAuthDisabledAtMicrosoft()
    {
        SmtpScript smtp;
        smtp.authReply = "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. "
                         "Visit https://aka.ms/smtp_auth_disabled for more information.\r\n";
        Run run(passwordAccount(), {}, smtp);
        QVERIFY(run.exec());
        QCOMPARE(run.status(Id::Pop3Auth), Status::Passed);
        QCOMPARE(run.status(Id::SmtpCapabilities), Status::Passed);
        QCOMPARE(run.status(Id::SmtpAuth), Status::Failed);
        const auto d = run.test.step(Id::SmtpAuth).diagnostic;
        QCOMPARE(d.code, QStringLiteral("5.7.139"));
        QVERIFY2(d.fix.contains(u"Set-CASMailbox"), qPrintable(d.fix));
        QVERIFY(neverFetchedOrSent(run.pop3, run.smtpT));
    }

    void oauthAllGreenRequestsOneToken()
    {
        Run run(oauthAccount());
        run.token = jwt(exchangeClaims(QStringLiteral("POP.AccessAsUser.All SMTP.Send")));
        QVERIFY(run.exec());
        for (const ConnectionStep &s : run.test.steps())
            QVERIFY2(s.status == Status::Passed, qPrintable(s.toText()));
        QCOMPARE(run.test.steps().size(), 12);
        QCOMPARE(run.tokenRequests, 1); // POP3 and SMTP share the token
        QVERIFY(run.test.step(Id::TokenClaims).detail.contains(u"POP.AccessAsUser.All"));
        QVERIFY(run.test.step(Id::Pop3Auth).detail.contains(u"XOAUTH2"));
        QVERIFY(run.test.step(Id::SmtpAuth).detail.contains(u"XOAUTH2"));
    }

    void scopeWithoutPopPermission()
    {
        Run run(oauthAccount());
        run.token = jwt(exchangeClaims(QStringLiteral("SMTP.Send")));
        QVERIFY(run.exec());
        QCOMPARE(run.status(Id::Token), Status::Passed);
        QCOMPARE(run.status(Id::TokenClaims), Status::Failed);
        QCOMPARE(run.test.step(Id::TokenClaims).diagnostic.summary, QStringLiteral("The token's scope lacks POP.AccessAsUser.All"));
        QCOMPARE(run.test.firstFailure()->id, Id::TokenClaims);
    }

    void tokenFailureSkipsBothSignIns()
    {
        Run run(oauthAccount());
        run.tokenFailure.stage = diagnostics::Diagnostic::Stage::TokenRequest;
        run.tokenFailure.summary = QStringLiteral("Wrong user name or password");
        run.tokenFailure.code = QStringLiteral("AADSTS50126");
        QVERIFY(run.exec());
        for (Id id : {Id::Pop3Lookup, Id::SmtpLookup, Id::Pop3Connect, Id::Pop3Tls, Id::Pop3Capabilities})
            QCOMPARE(run.status(id), Status::Passed);
        QCOMPARE(run.status(Id::Token), Status::Failed);
        QCOMPARE(run.test.step(Id::Token).diagnostic.code, QStringLiteral("AADSTS50126"));
        QCOMPARE(run.status(Id::TokenClaims), Status::Skipped);
        QCOMPARE(run.status(Id::Pop3Auth), Status::Skipped);
        QCOMPARE(run.status(Id::SmtpCapabilities), Status::Passed);
        QCOMPARE(run.status(Id::SmtpAuth), Status::Skipped);
        QCOMPARE(run.tokenRequests, 1);
        QCOMPARE(run.test.firstFailure()->id, Id::Token);
    }

    void oauthNotOfferedByPop3()
    {
        Pop3Script pop;
        pop.sasl = "PLAIN LOGIN";
        Run run(oauthAccount(), pop);
        run.token = jwt(exchangeClaims(QStringLiteral("POP.AccessAsUser.All SMTP.Send")));
        QVERIFY(run.exec());
        QCOMPARE(run.status(Id::Pop3Capabilities), Status::Failed);
        QCOMPARE(run.test.step(Id::Pop3Capabilities).diagnostic.code, QStringLiteral("no-mechanism"));
        QCOMPARE(run.status(Id::Pop3Auth), Status::Skipped);
        // SMTP still asked for the token, so the token rows ran there.
        QCOMPARE(run.status(Id::Token), Status::Passed);
        QCOMPARE(run.status(Id::SmtpAuth), Status::Passed);
    }

    void cancelSkipsTheRest()
    {
        Run run(passwordAccount());
        QSignalSpy finished(&run.test, &ConnectionTest::finished);
        run.test.start();
        QVERIFY(QTest::qWaitFor([&] { return run.status(Id::Pop3Lookup) == Status::Passed; }, 2000));
        run.test.cancel();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().toBool(), true); // nothing failed
        QCOMPARE(run.status(Id::SmtpAuth), Status::Skipped);
        QTest::qWait(20);
        QCOMPARE(finished.count(), 1);
    }

    // An account not saved yet with the browser method: the sign-in is asked for (the dialog
    // opens the browser), and nothing lands in the keychain under an empty account id.
    void unsavedBrowserAccountAsksForSignInAndStoresNothing()
    {
        store::Account a = oauthAccount();
        a.id.clear();
        a.oauth.method = oauth::SignInMethod::Browser;
        a.oauth.tokenEndpoint = QStringLiteral("https://login.microsoftonline.com/common/oauth2/v2.0/token");
        Run run(a);
        run.test.setTokenSource({}); // the real TokenProvider
        QSignalSpy browser(&run.test, &ConnectionTest::browserSignInRequired);
        run.test.start();
        QVERIFY(browser.wait(5000));
        QCOMPARE(browser.first().first().toUrl().host(), QStringLiteral("login.microsoftonline.com"));
        QCOMPARE(run.status(Id::Token), Status::Running);
        run.test.cancel();
        QCOMPARE(run.status(Id::Token), Status::Skipped);
        QVERIFY(run.secrets.contents().isEmpty());
    }

    void claims_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<Status>("status");
        QTest::addColumn<QString>("code");
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QTest::newRow("exchange, both scopes") << jwt(exchangeClaims(QStringLiteral("POP.AccessAsUser.All SMTP.Send")))
                                               << Status::Passed << QString();
        QTest::newRow("no SMTP.Send") << jwt(exchangeClaims(QStringLiteral("POP.AccessAsUser.All"))) << Status::Failed
                                      << QStringLiteral("scope-missing");
        QJsonObject graph = exchangeClaims(QStringLiteral("POP.AccessAsUser.All SMTP.Send"));
        graph[QStringLiteral("aud")] = QStringLiteral("00000003-0000-0000-c000-000000000000");
        QTest::newRow("graph audience") << jwt(graph) << Status::Failed << QStringLiteral("audience");
        QJsonObject expired = exchangeClaims(QStringLiteral("POP.AccessAsUser.All SMTP.Send"));
        expired[QStringLiteral("exp")] = now.addSecs(-60).toSecsSinceEpoch();
        QTest::newRow("expired") << jwt(expired) << Status::Failed << QStringLiteral("token-expired");
        QJsonObject otherTenant = exchangeClaims(QStringLiteral("POP.AccessAsUser.All SMTP.Send"));
        otherTenant[QStringLiteral("tid")] = QStringLiteral("11111111-2222-3333-4444-555555555555");
        QTest::newRow("other tenant") << jwt(otherTenant) << Status::Failed << QStringLiteral("tenant");
        QJsonObject app = exchangeClaims(QString());
        app.remove(QStringLiteral("scp"));
        app[QStringLiteral("roles")] = QJsonArray{QStringLiteral("POP.AccessAsApp"), QStringLiteral("SMTP.SendAsApp")};
        QTest::newRow("app roles") << jwt(app) << Status::Passed << QString();
        app[QStringLiteral("roles")] = QJsonArray{QStringLiteral("IMAP.AccessAsApp")};
        QTest::newRow("app without POP role") << jwt(app) << Status::Failed << QStringLiteral("scope-missing");
        QTest::newRow("opaque (Google)") << QStringLiteral("ya29.a0AfH6SMBopaque") << Status::Skipped << QString();
    }
    void claims()
    {
        QFETCH(QString, token);
        QFETCH(Status, status);
        QFETCH(QString, code);
        const ConnectionStep s = ClaimsCheck::check(token, oauthAccount(), QDateTime::currentDateTimeUtc());
        QVERIFY2(s.status == status, qPrintable(s.detail + u" / " + s.diagnostic.summary));
        QCOMPARE(s.diagnostic.code, code);
        if (status == Status::Failed)
            QVERIFY(!s.diagnostic.fix.isEmpty());
    }

    void tenantOfTokenEndpoint()
    {
        QCOMPARE(ClaimsCheck::tenantOfTokenEndpoint(QStringLiteral("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token")),
                 QStringLiteral("contoso.onmicrosoft.com"));
        QCOMPARE(ClaimsCheck::tenantOfTokenEndpoint(QStringLiteral("https://login.microsoftonline.com/common/oauth2/v2.0/token")), QString());
        QCOMPARE(ClaimsCheck::tenantOfTokenEndpoint(QStringLiteral("https://oauth2.googleapis.com/token")), QString());
    }

    void smtpCapabilities()
    {
        smtp::SmtpReply reply;
        reply.code = 250;
        reply.lines = {"smtp.example.org", "AUTH LOGIN PLAIN", "STARTTLS"};
        const auto caps = smtp::SmtpCapabilities::fromEhloReply(reply);
        QCOMPARE(CapabilitiesCheck::smtp(caps, passwordAccount()).status, Status::Passed);
        store::Account oauth = oauthAccount();
        const ConnectionStep s = CapabilitiesCheck::smtp(caps, oauth);
        QCOMPARE(s.status, Status::Failed);
        QVERIFY(s.diagnostic.summary.contains(u"XOAUTH2"));
        oauth.smtp.auth = store::SmtpAuth::None;
        QCOMPARE(CapabilitiesCheck::smtp(caps, oauth).status, Status::Passed);
    }
};

QTEST_GUILESS_MAIN(TestConnectionTest)
#include "tst_connection_test.moc"
