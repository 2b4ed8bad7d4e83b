// A complete setup from the address alone when the domain publishes nothing but host names
// (dns/probe.zone: no autoconfig, no SRV, no MX): `kurierctl account add --email … --discover`
// with the password probes pop3., pop., mail. and smtp. of the domain, finds the real Dovecot and
// Postfix of tests/servers at mail.kurier.test, saves the account, and a message sent to oneself
// is fetched again — through the real keychain (with-keyring).
//
// --probe-port gives the test servers' ports (a test cannot listen on 995 and 587) and --ca-file
// the test CA in place of the public CAs a provider's certificate chains to: both stand in for
// the real world, neither is typed by a user. What the user gives: a prefix, the address, the
// password.
#include "support/KurierctlRun.h"
#include "support/TestServers.h"

#include <QTest>
#include <QUuid>

namespace {

const kurier::test::TestServers &servers()
{
    return kurier::test::TestServers::instance();
}

} // namespace

class TestSetupByProbing : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void probedAccountFetchesAndSends();
    void discoverShowsWhatWasProbed();

private:
    [[nodiscard]] QStringList standIns() const
    {
        return {QStringLiteral("--probe-port"), u"pop3s=" + servers().value("POP3_TLS_PORT"),
                QStringLiteral("--probe-port"), u"pop3=" + servers().value("POP3_STARTTLS_PORT"),
                QStringLiteral("--probe-port"), u"submissions=" + servers().value("SMTP_SUBMISSIONS_PORT"),
                QStringLiteral("--probe-port"), u"submission=" + servers().value("SMTP_SUBMISSION_PORT")};
    }

    kurier::test::Kurierctl m_kurierctl{QStringLiteral(KURIER_KURIERCTL_PATH)};
};

void TestSetupByProbing::initTestCase()
{
    KURIER_REQUIRE_TEST_SERVERS(servers());
    QVERIFY2(!qEnvironmentVariableIsEmpty("KURIER_TEST_DNS_SERVER"), "run through tests/support/with-dns-and-keyring");
    QVERIFY(qEnvironmentVariableIsSet("KURIER_IN_PRIVATE_BUS"));
}

void TestSetupByProbing::probedAccountFetchesAndSends()
{
    const QString address = servers().value("PASSWORD_USER");
    QVERIFY(address.endsWith(u"@kurier.test"));
    const auto add = m_kurierctl.run(QStringList{QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--prefix"),
                                                 QStringLiteral("Bob"), QStringLiteral("--email"), address,
                                                 QStringLiteral("--discover"), QStringLiteral("--discover-timeout"),
                                                 QStringLiteral("10"), QStringLiteral("--ca-file"), servers().value("KURIER_TEST_CA"),
                                                 QStringLiteral("--password-stdin")}
                                         + standIns(),
                                     servers().value("PASSWORD_USER_PASSWORD").toUtf8() + '\n');
    QVERIFY2(add.code == 0, qPrintable(add.out + add.err));
    QVERIFY2(add.out.contains(u"found by Probing: probed: mail.kurier.test:" + servers().value("POP3_TLS_PORT") + u" TLS"),
             qPrintable(add.out));
    QVERIFY2(add.out.contains(u"XOAUTH2"), qPrintable(add.out)); // what the server offers, shown
    const auto list = m_kurierctl.run({QStringLiteral("account"), QStringLiteral("list")});
    QVERIFY2(list.out.contains(u"mail.kurier.test"), qPrintable(list.out));

    // Implicit TLS on both (the probe prefers it), the password through PLAIN.
    const QString subject = QStringLiteral("Found by probing %1").arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
    const QString failure = m_kurierctl.sendAndFetchBack(QStringLiteral("Bob"), address, subject);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

void TestSetupByProbing::discoverShowsWhatWasProbed()
{
    const auto r = m_kurierctl.run(QStringList{QStringLiteral("discover"), QStringLiteral("jo@wrongname.test"),
                                               QStringLiteral("--timeout"), QStringLiteral("10"),
                                               QStringLiteral("--ca-file"), servers().value("KURIER_TEST_CA")}
                                   + standIns());
    QCOMPARE(r.code, 1); // nothing usable: the certificate is for another name
    QVERIFY2(r.out.contains(u"Probing: failed") && r.out.contains(u"mail.wrongname.test:") && r.out.contains(u"certificate not trusted"),
             qPrintable(r.out));
}

QTEST_GUILESS_MAIN(TestSetupByProbing)
#include "tst_setup_by_probing.moc"
