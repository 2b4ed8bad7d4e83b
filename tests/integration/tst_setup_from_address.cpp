// A complete setup from the address alone, with kurierctl as a user runs it: kurier.test
// publishes only DNS SRV records (a real dnsmasq, tests/support/with-dns) for the real Dovecot
// and Postfix of tests/servers; `account add --email … --discover` with the password creates
// the account (nothing else typed), then a message sent to oneself is fetched again — through
// the real keychain (with-keyring) in the test's own XDG directories.
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

class TestSetupFromAddress : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void srvOnlyAccountFetchesAndSends();
    void serversElsewhereNeedConfirmation();

private:
    kurier::test::KurierctlRun kurierctl(const QStringList &args, const QByteArray &input = {}) const
    {
        return m_kurierctl.run(args, input);
    }

    kurier::test::Kurierctl m_kurierctl{QStringLiteral(KURIER_KURIERCTL_PATH)};
};

void TestSetupFromAddress::initTestCase()
{
    KURIER_REQUIRE_TEST_SERVERS(servers());
    QVERIFY2(!qEnvironmentVariableIsEmpty("KURIER_TEST_DNS_SERVER"), "run through tests/support/with-dns-and-keyring");
    QVERIFY(qEnvironmentVariableIsSet("KURIER_IN_PRIVATE_BUS"));
}

void TestSetupFromAddress::srvOnlyAccountFetchesAndSends()
{
    const QString address = servers().value("PASSWORD_USER");
    QVERIFY(address.endsWith(u"@kurier.test"));
    // What the user types: a prefix, the address, the password. The CA file stands in for the
    // public CAs a real provider's certificate chains to; the ISPDB is not reachable here.
    const kurier::test::KurierctlRun add = kurierctl({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--prefix"), QStringLiteral("Bob"),
                               QStringLiteral("--email"), address, QStringLiteral("--discover"), QStringLiteral("--discover-timeout"),
                               QStringLiteral("5"), QStringLiteral("--ca-file"), servers().value("KURIER_TEST_CA"),
                               QStringLiteral("--password-stdin")},
                              servers().value("PASSWORD_USER_PASSWORD").toUtf8() + '\n');
    QVERIFY2(add.code == 0, qPrintable(add.out + add.err));
    QVERIFY2(add.out.contains(u"found by DNS SRV: _pop3s._tcp.kurier.test"), qPrintable(add.out));
    QVERIFY2(add.err.contains(u"without TLS or DNSSEC"), qPrintable(add.err)); // said, not hidden
    const kurier::test::KurierctlRun list = kurierctl({QStringLiteral("account"), QStringLiteral("list")});
    QVERIFY2(list.out.contains(u"mail.kurier.test"), qPrintable(list.out));

    // Send to oneself through the discovered SMTP server (STARTTLS on submission) and fetch it
    // through the discovered POP3 server (implicit TLS, the SRV priority).
    const QString subject = QStringLiteral("Found by SRV %1").arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
    const QString failure = m_kurierctl.sendAndFetchBack(QStringLiteral("Bob"), address, subject);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

void TestSetupFromAddress::serversElsewhereNeedConfirmation()
{
    // elsewhere.kurier-test.net's SRV records point into kurier.test: not used unasked.
    const kurier::test::KurierctlRun add = kurierctl({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--prefix"), QStringLiteral("Else"),
                               QStringLiteral("--email"), QStringLiteral("jo@elsewhere.test"), QStringLiteral("--discover"),
                               QStringLiteral("--discover-timeout"), QStringLiteral("5"), QStringLiteral("--password-stdin")},
                              "secret\n");
    QCOMPARE(add.code, 1);
    QVERIFY2(add.err.contains(u"outside elsewhere.test") && add.err.contains(u"--confirm-elsewhere"), qPrintable(add.err));
    const kurier::test::KurierctlRun list = kurierctl({QStringLiteral("account"), QStringLiteral("list")});
    QVERIFY2(!list.out.contains(u"Else"), qPrintable(list.out)); // nothing saved
    const kurier::test::KurierctlRun confirmed = kurierctl({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--prefix"), QStringLiteral("Else"),
                                     QStringLiteral("--email"), QStringLiteral("jo@elsewhere.test"), QStringLiteral("--discover"),
                                     QStringLiteral("--discover-timeout"), QStringLiteral("5"), QStringLiteral("--confirm-elsewhere"),
                                     QStringLiteral("--password-stdin")},
                                    "secret\n");
    QVERIFY2(confirmed.code == 0, qPrintable(confirmed.out + confirmed.err));
}

QTEST_GUILESS_MAIN(TestSetupFromAddress)
#include "tst_setup_from_address.moc"
