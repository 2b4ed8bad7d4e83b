// discovery::Probe against the real Dovecot and Postfix of tests/servers, found by name through a
// real DNS server (with-dns, dns/probe.zone): CAPA and EHLO after TLS show XOAUTH2 and
// OAUTHBEARER besides PLAIN; the first host in the order that does not answer (pop3., nothing
// listening) is passed over; a certificate for another name is reported and never accepted; and
// as the only source that finds anything, probing is what Discovery proposes.
#include "discovery/Discovery.h"
#include "discovery/Probe.h"
#include "net/SslTransport.h"
#include "support/TestServers.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace kurier;
using discovery::Probe;
using discovery::ServerConfig;
using discovery::ServerProbe;
using Outcome = ServerProbe::Outcome;

namespace {

const test::TestServers &servers()
{
    return test::TestServers::instance();
}

quint16 port(const char *key)
{
    return quint16(servers().value(key).toUShort());
}

Probe::Settings testSettings()
{
    Probe::Settings s;
    s.ports.pop3s = port("POP3_TLS_PORT");
    s.ports.pop3 = port("POP3_STARTTLS_PORT");
    s.ports.submissions = port("SMTP_SUBMISSIONS_PORT");
    s.ports.submission = port("SMTP_SUBMISSION_PORT");
    s.tls.extraCaCertificates = net::SslTransport::loadCaFile(servers().value("KURIER_TEST_CA"));
    s.timeoutMs = 10000;
    return s;
}

const ServerProbe::Result *resultFor(const Probe &p, const QString &host, quint16 port)
{
    for (const ServerProbe::Result &r : p.results()) {
        if (r.candidate.host == host && r.candidate.port == port)
            return &r;
    }
    return nullptr;
}

} // namespace

class TestProbeServers : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void findsOAuthMechanismsOnDovecotAndPostfix();
    void bothPortsOfTheChosenHostAnswer();
    void certificateForAnotherNameIsReported();
    void probingIsWhatDiscoveryProposes();
};

void TestProbeServers::initTestCase()
{
    KURIER_REQUIRE_TEST_SERVERS(servers());
    QVERIFY2(!qEnvironmentVariableIsEmpty("KURIER_TEST_DNS_SERVER"), "run through tests/support/with-dns");
    QVERIFY(!testSettings().tls.extraCaCertificates.isEmpty());
}

void TestProbeServers::findsOAuthMechanismsOnDovecotAndPostfix()
{
    Probe probe(testSettings());
    QSignalSpy finished(&probe, &Probe::finished);
    probe.start(QStringLiteral("kurier.test"));
    QVERIFY(finished.wait(20000));
    const auto &found = probe.result();
    QVERIFY2(found, qPrintable(probe.problems()));
    QCOMPARE(found->source, discovery::DiscoveredConfig::Source::Probe);

    QCOMPARE(found->config.incoming.size(), 1);
    const ServerConfig pop = found->config.incoming.first();
    QCOMPARE(pop.hostname, QStringLiteral("mail.kurier.test"));
    QCOMPARE(pop.port, port("POP3_TLS_PORT"));
    QCOMPARE(pop.security, store::Security::Tls);
    QCOMPARE(pop.authentication, (QList<ServerConfig::Authentication>{ServerConfig::Authentication::PasswordCleartext,
                                                                      ServerConfig::Authentication::OAuth2}));
    const ServerProbe::Result *popAnswer = resultFor(probe, QStringLiteral("mail.kurier.test"), port("POP3_TLS_PORT"));
    QVERIFY(popAnswer);
    QVERIFY2(popAnswer->mechanisms.contains("XOAUTH2") && popAnswer->mechanisms.contains("OAUTHBEARER"),
             qPrintable(popAnswer->offers()));

    QCOMPARE(found->config.outgoing.size(), 1);
    const ServerConfig smtp = found->config.outgoing.first();
    QCOMPARE(smtp.hostname, QStringLiteral("mail.kurier.test"));
    QCOMPARE(smtp.port, port("SMTP_SUBMISSIONS_PORT"));
    QCOMPARE(smtp.security, store::Security::Tls);
    QVERIFY(smtp.supports(ServerConfig::Authentication::OAuth2));
    QVERIFY2(found->origin.contains(u"XOAUTH2") && found->origin.startsWith(u"probed: mail.kurier.test:"), qPrintable(found->origin));

    // The order was kept: pop3.kurier.test came first and did not answer; pop.kurier.test does
    // not exist.
    const ServerProbe::Result *pop3Name = resultFor(probe, QStringLiteral("pop3.kurier.test"), port("POP3_TLS_PORT"));
    QVERIFY(pop3Name);
    QCOMPARE(pop3Name->outcome, Outcome::Unreachable);
    const ServerProbe::Result *popName = resultFor(probe, QStringLiteral("pop.kurier.test"), port("POP3_TLS_PORT"));
    QVERIFY(popName);
    QCOMPARE(popName->outcome, Outcome::NoSuchHost);
}

void TestProbeServers::bothPortsOfTheChosenHostAnswer()
{
    // Without the implicit-TLS ports the STARTTLS ones are chosen, and what they offer is what
    // was announced after STLS / STARTTLS (Dovecot and Postfix offer no AUTH before TLS).
    Probe::Settings settings = testSettings();
    settings.ports.pop3s = 9; // discard: nothing listens there on the test address
    settings.ports.submissions = 9;
    Probe probe(settings);
    QSignalSpy finished(&probe, &Probe::finished);
    probe.start(QStringLiteral("kurier.test"));
    QVERIFY(finished.wait(20000));
    QVERIFY2(probe.result(), qPrintable(probe.problems()));
    const ServerConfig pop = probe.result()->config.incoming.first();
    QCOMPARE(pop.port, port("POP3_STARTTLS_PORT"));
    QCOMPARE(pop.security, store::Security::StartTls);
    QVERIFY(pop.supports(ServerConfig::Authentication::OAuth2));
    const ServerConfig smtp = probe.result()->config.outgoing.first();
    QCOMPARE(smtp.port, port("SMTP_SUBMISSION_PORT"));
    QCOMPARE(smtp.security, store::Security::StartTls);
    QVERIFY(smtp.supports(ServerConfig::Authentication::PasswordCleartext));
    QVERIFY(smtp.supports(ServerConfig::Authentication::OAuth2));
}

void TestProbeServers::certificateForAnotherNameIsReported()
{
    Probe probe(testSettings());
    QSignalSpy finished(&probe, &Probe::finished);
    probe.start(QStringLiteral("wrongname.test"));
    QVERIFY(finished.wait(20000));
    QVERIFY(!probe.result()); // never accepted
    for (const quint16 p : {port("POP3_TLS_PORT"), port("POP3_STARTTLS_PORT"), port("SMTP_SUBMISSIONS_PORT"),
                            port("SMTP_SUBMISSION_PORT")}) {
        const ServerProbe::Result *r = resultFor(probe, QStringLiteral("mail.wrongname.test"), p);
        QVERIFY(r);
        QCOMPARE(r->outcome, Outcome::CertificateRefused);
        QVERIFY(r->mechanisms.isEmpty()); // nothing learnt before the failure counts
    }
    QVERIFY2(probe.problems().contains(u"mail.wrongname.test:") && probe.problems().contains(u"certificate not trusted"),
             qPrintable(probe.problems()));
}

void TestProbeServers::probingIsWhatDiscoveryProposes()
{
    QNetworkAccessManager network;
    discovery::Discovery::Settings settings;
    const Probe::Settings probe = testSettings();
    settings.probePorts = probe.ports;
    settings.extraCaCertificates = probe.tls.extraCaCertificates;
    settings.ispdbBaseUrl = QUrl(QStringLiteral("https://ispdb.invalid/v1.1/"));
    settings.timeoutMs = 10000;
    discovery::Discovery d(&network, settings);
    QSignalSpy finished(&d, &discovery::Discovery::finished);
    d.start(servers().value("PASSWORD_USER"));
    QVERIFY(finished.wait(30000));
    const auto best = d.best();
    QVERIFY(best);
    QCOMPARE(best->source, discovery::DiscoveredConfig::Source::Probe);
    QVERIFY(!best->pointsElsewhere);
    for (const auto &s : d.statuses()) {
        if (s.source == discovery::DiscoveredConfig::Source::Probe)
            QCOMPARE(s.state, discovery::Discovery::State::Found);
        else if (s.source == discovery::DiscoveredConfig::Source::Mx)
            QCOMPARE(s.state, discovery::Discovery::State::NothingFound); // NODATA is not a failure
        else
            QVERIFY2(s.state != discovery::Discovery::State::Found, qPrintable(discovery::Discovery::sourceName(s.source)));
    }
}

QTEST_GUILESS_MAIN(TestProbeServers)
#include "tst_probe_servers.moc"
