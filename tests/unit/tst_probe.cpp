// discovery::Probe's pure parts: which servers it asks, in which order, and what their answers
// make — the first host that answers wins, implicit TLS before STARTTLS on it, a pending better
// candidate is waited for, and the sign-in methods follow what CAPA/EHLO offered after TLS.
#include "discovery/AccountProposal.h"
#include "discovery/Probe.h"

#include <QTest>

using namespace kurier;
using discovery::Probe;
using discovery::ServerConfig;
using discovery::ServerProbe;
using Auth = ServerConfig::Authentication;
using Outcome = ServerProbe::Outcome;

Q_DECLARE_METATYPE(QList<kurier::discovery::ServerConfig::Authentication>)

namespace {

// The results for the candidates of "example.org", all with `outcome` but those set after.
QList<ServerProbe::Result> results(Outcome outcome)
{
    QList<ServerProbe::Result> out;
    for (const ServerProbe::Candidate &c : Probe::candidates(QStringLiteral("example.org"), {})) {
        ServerProbe::Result r;
        r.candidate = c;
        r.outcome = outcome;
        out << r;
    }
    return out;
}

ServerProbe::Result &at(QList<ServerProbe::Result> &list, const QString &host, quint16 port)
{
    for (ServerProbe::Result &r : list) {
        if (r.candidate.host == host && r.candidate.port == port)
            return r;
    }
    qFatal("no such candidate");
}

void offer(ServerProbe::Result &r, QList<QByteArray> mechanisms, bool user = false)
{
    r.outcome = Outcome::Offered;
    r.mechanisms = std::move(mechanisms);
    r.userPass = user;
    r.capabilitiesKnown = true;
}

} // namespace

class TestProbe : public QObject
{
    Q_OBJECT
private slots:
    void candidatesInOrderOfPreference();
    void testPortsReplaceTheWellKnownOnes_data();
    void testPortsReplaceTheWellKnownOnes();
    void firstHostWinsOverFasterLaterOne();
    void implicitTlsBeforeStartTls();
    void pendingBetterCandidateKeepsItOpen();
    void failuresAreSkipped();
    void nothingOffered();
    void authenticationFromCapabilities_data();
    void authenticationFromCapabilities();
    void proposalFromProbe();
    void oauthOnlyServerSaysWhatIsMissing();
};

void TestProbe::candidatesInOrderOfPreference()
{
    const auto all = Probe::candidates(QStringLiteral("Example.ORG"), {});
    QStringList got;
    for (const auto &c : all)
        got << QStringLiteral("%1 %2:%3 %4")
                   .arg(c.protocol == ServerConfig::Protocol::Smtp ? u"smtp" : u"pop3", c.host)
                   .arg(c.port)
                   .arg(store::securityToKey(c.security));
    const QStringList expected{
        QStringLiteral("pop3 pop3.example.org:995 tls"), QStringLiteral("pop3 pop3.example.org:110 starttls"),
        QStringLiteral("pop3 pop.example.org:995 tls"),  QStringLiteral("pop3 pop.example.org:110 starttls"),
        QStringLiteral("pop3 mail.example.org:995 tls"), QStringLiteral("pop3 mail.example.org:110 starttls"),
        QStringLiteral("pop3 example.org:995 tls"),      QStringLiteral("pop3 example.org:110 starttls"),
        QStringLiteral("smtp smtp.example.org:465 tls"), QStringLiteral("smtp smtp.example.org:587 starttls"),
        QStringLiteral("smtp mail.example.org:465 tls"), QStringLiteral("smtp mail.example.org:587 starttls"),
    };
    QCOMPARE(got, expected);
    for (const auto &c : all)
        QVERIFY(c.security != store::Security::None); // plain text is never tried
}

void TestProbe::testPortsReplaceTheWellKnownOnes_data()
{
    QTest::addColumn<QString>("assignment");
    QTest::addColumn<bool>("ok");
    QTest::newRow("pop3s") << "pop3s=10995" << true;
    QTest::newRow("pop3") << "POP3 = 10110" << true;
    QTest::newRow("submissions") << "submissions=10465" << true;
    QTest::newRow("submission") << "submission=10587" << true;
    QTest::newRow("unknown service") << "imaps=993" << false;
    QTest::newRow("no port") << "pop3s=" << false;
    QTest::newRow("port 0") << "pop3s=0" << false;
    QTest::newRow("too large") << "pop3s=65536" << false;
    QTest::newRow("no equals") << "pop3s" << false;
}

void TestProbe::testPortsReplaceTheWellKnownOnes()
{
    QFETCH(QString, assignment);
    QFETCH(bool, ok);
    Probe::Ports ports;
    QCOMPARE(Probe::setPort(&ports, assignment), ok);
    if (!ok) {
        QCOMPARE(ports.pop3s, quint16(995));
        return;
    }
    const int changed = int(ports.pop3s != 995) + int(ports.pop3 != 110) + int(ports.submissions != 465)
        + int(ports.submission != 587);
    QCOMPARE(changed, 1);
}

void TestProbe::firstHostWinsOverFasterLaterOne()
{
    // mail. answered; pop3. too, and it comes first: pop3. is taken.
    auto r = results(Outcome::NoSuchHost);
    offer(at(r, QStringLiteral("mail.example.org"), 995), {"PLAIN"});
    offer(at(r, QStringLiteral("pop3.example.org"), 110), {"PLAIN", "XOAUTH2"});
    offer(at(r, QStringLiteral("mail.example.org"), 587), {"PLAIN", "LOGIN"});
    const auto found = Probe::configFrom(QStringLiteral("example.org"), r);
    QVERIFY(found);
    QCOMPARE(found->source, discovery::DiscoveredConfig::Source::Probe);
    QCOMPARE(found->config.incoming.size(), 1);
    const ServerConfig pop = found->config.incoming.first();
    QCOMPARE(pop.hostname, QStringLiteral("pop3.example.org"));
    QCOMPARE(pop.port, quint16(110));
    QCOMPARE(pop.security, store::Security::StartTls);
    QCOMPARE(pop.username(QStringLiteral("jo@example.org")), QStringLiteral("jo@example.org"));
    QCOMPARE(found->config.outgoing.first().hostname, QStringLiteral("mail.example.org"));
    QVERIFY(found->verified);
    QVERIFY(!found->pointsElsewhere);
    QCOMPARE(found->origin, QStringLiteral("probed: pop3.example.org:110 STARTTLS (SASL PLAIN XOAUTH2); "
                                           "mail.example.org:587 STARTTLS (AUTH PLAIN LOGIN)"));
}

void TestProbe::implicitTlsBeforeStartTls()
{
    auto r = results(Outcome::Unreachable);
    offer(at(r, QStringLiteral("mail.example.org"), 110), {"PLAIN"});
    offer(at(r, QStringLiteral("mail.example.org"), 995), {"PLAIN"});
    offer(at(r, QStringLiteral("smtp.example.org"), 587), {"PLAIN"});
    offer(at(r, QStringLiteral("smtp.example.org"), 465), {"PLAIN"});
    const auto found = Probe::configFrom(QStringLiteral("example.org"), r);
    QVERIFY(found);
    QCOMPARE(found->config.incoming.first().port, quint16(995));
    QCOMPARE(found->config.incoming.first().security, store::Security::Tls);
    QCOMPARE(found->config.outgoing.first().port, quint16(465));
}

void TestProbe::pendingBetterCandidateKeepsItOpen()
{
    // Probe::decided() waits while a better candidate is pending; configFrom then (at the
    // deadline, pending counted as unreachable) takes the best answer there is.
    auto r = results(Outcome::NoSuchHost);
    at(r, QStringLiteral("pop3.example.org"), 995).outcome = Outcome::Pending;
    offer(at(r, QStringLiteral("mail.example.org"), 995), {"PLAIN"});
    const auto found = Probe::configFrom(QStringLiteral("example.org"), r);
    QVERIFY(!found || found->config.incoming.isEmpty()); // undecided: not taken yet
    at(r, QStringLiteral("pop3.example.org"), 995).outcome = Outcome::Unreachable;
    const auto later = Probe::configFrom(QStringLiteral("example.org"), r);
    QVERIFY(later);
    QCOMPARE(later->config.incoming.first().hostname, QStringLiteral("mail.example.org"));
    QVERIFY(later->config.outgoing.isEmpty()); // nothing answered for SMTP
}

void TestProbe::failuresAreSkipped()
{
    auto r = results(Outcome::NoSuchHost);
    at(r, QStringLiteral("pop3.example.org"), 995).outcome = Outcome::CertificateRefused;
    at(r, QStringLiteral("pop3.example.org"), 110).outcome = Outcome::NoStartTls;
    at(r, QStringLiteral("pop.example.org"), 995).outcome = Outcome::TlsFailed;
    at(r, QStringLiteral("pop.example.org"), 110).outcome = Outcome::Refused;
    offer(at(r, QStringLiteral("example.org"), 110), {}, true);
    const auto found = Probe::configFrom(QStringLiteral("example.org"), r);
    QVERIFY(found);
    QCOMPARE(found->config.incoming.first().hostname, QStringLiteral("example.org"));
    QCOMPARE(found->config.incoming.first().authentication, QList<Auth>{Auth::PasswordCleartext});
}

void TestProbe::nothingOffered()
{
    QVERIFY(!Probe::configFrom(QStringLiteral("example.org"), results(Outcome::Unreachable)));
    QVERIFY(!Probe::configFrom(QStringLiteral("example.org"), results(Outcome::CertificateRefused)));
}

void TestProbe::authenticationFromCapabilities_data()
{
    QTest::addColumn<bool>("smtp");
    QTest::addColumn<QList<QByteArray>>("mechanisms");
    QTest::addColumn<bool>("user");
    QTest::addColumn<bool>("capa");
    QTest::addColumn<QList<Auth>>("expected");
    QTest::newRow("pop3 password and oauth") << false << QList<QByteArray>{"PLAIN", "XOAUTH2", "OAUTHBEARER"} << true << true
                                             << QList<Auth>{Auth::PasswordCleartext, Auth::OAuth2};
    QTest::newRow("pop3 oauth only") << false << QList<QByteArray>{"XOAUTH2"} << false << true << QList<Auth>{Auth::OAuth2};
    QTest::newRow("pop3 oauthbearer only") << false << QList<QByteArray>{"OAUTHBEARER"} << false << true << QList<Auth>{Auth::OAuth2};
    QTest::newRow("pop3 USER only") << false << QList<QByteArray>{} << true << true << QList<Auth>{Auth::PasswordCleartext};
    QTest::newRow("pop3 without CAPA") << false << QList<QByteArray>{} << false << false << QList<Auth>{Auth::PasswordCleartext};
    QTest::newRow("pop3 GSSAPI only") << false << QList<QByteArray>{"GSSAPI"} << false << true << QList<Auth>{Auth::Other};
    QTest::newRow("smtp login") << true << QList<QByteArray>{"LOGIN"} << false << true << QList<Auth>{Auth::PasswordCleartext};
    QTest::newRow("smtp oauth") << true << QList<QByteArray>{"XOAUTH2"} << false << true << QList<Auth>{Auth::OAuth2};
    QTest::newRow("smtp no AUTH") << true << QList<QByteArray>{} << false << true << QList<Auth>{Auth::None};
    QTest::newRow("smtp NTLM only") << true << QList<QByteArray>{"NTLM"} << false << true << QList<Auth>{Auth::Other};
}

void TestProbe::authenticationFromCapabilities()
{
    QFETCH(bool, smtp);
    QFETCH(QList<QByteArray>, mechanisms);
    QFETCH(bool, user);
    QFETCH(bool, capa);
    QFETCH(QList<Auth>, expected);
    ServerProbe::Result r;
    r.candidate.protocol = smtp ? ServerConfig::Protocol::Smtp : ServerConfig::Protocol::Pop3;
    r.outcome = Outcome::Offered;
    r.mechanisms = mechanisms;
    r.userPass = user;
    r.capabilitiesKnown = capa;
    QCOMPARE(r.authentication(), expected);
}

void TestProbe::proposalFromProbe()
{
    auto r = results(Outcome::NoSuchHost);
    offer(at(r, QStringLiteral("mail.example.org"), 995), {"PLAIN", "XOAUTH2"}, true);
    offer(at(r, QStringLiteral("mail.example.org"), 465), {"PLAIN", "LOGIN", "XOAUTH2"});
    const auto found = Probe::configFrom(QStringLiteral("example.org"), r);
    QVERIFY(found);
    const auto p = discovery::AccountProposal::from(*found, QStringLiteral("jo@example.org"), QStringLiteral("Jo"));
    QCOMPARE(p.account.pop3.host, QStringLiteral("mail.example.org"));
    QCOMPARE(p.account.pop3.port, 0); // the default for TLS
    QCOMPARE(p.account.smtp.host, QStringLiteral("mail.example.org"));
    QCOMPARE(p.account.smtp.security, store::Security::Tls);
    QCOMPARE(p.account.smtp.auth, store::SmtpAuth::SameAsPop3);
    QVERIFY(!p.account.oauth.enabled); // no OAuth server is known from probing
    QCOMPARE(p.missing, QList<discovery::AccountProposal::Missing>{discovery::AccountProposal::Missing::Password});
    QVERIFY(p.notes.isEmpty());
}

void TestProbe::oauthOnlyServerSaysWhatIsMissing()
{
    auto r = results(Outcome::NoSuchHost);
    offer(at(r, QStringLiteral("pop.example.org"), 995), {"XOAUTH2"});
    const auto found = Probe::configFrom(QStringLiteral("example.org"), r);
    QVERIFY(found);
    const auto p = discovery::AccountProposal::from(*found, QStringLiteral("jo@example.org"), {});
    QVERIFY(!p.account.oauth.enabled);
    QCOMPARE(p.notes.size(), 1);
    QVERIFY2(p.notes.first().contains(u"only with OAuth 2.0"), qPrintable(p.notes.first()));
}

QTEST_GUILESS_MAIN(TestProbe)
#include "tst_probe.moc"
