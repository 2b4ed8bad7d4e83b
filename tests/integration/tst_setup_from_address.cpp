// A complete setup from the address alone, with kurierctl as a user runs it: kurier.test
// publishes only DNS SRV records (a real dnsmasq, tests/support/with-dns) for the real Dovecot
// and Postfix of tests/servers; `account add --email … --discover` with the password creates
// the account (nothing else typed), then a message sent to oneself is fetched again — through
// the real keychain (with-keyring) in the test's own XDG directories.
#include "support/TestServers.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
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
    struct Run {
        int code = -1;
        QString out;
        QString err;
    };
    Run kurierctl(const QStringList &args, const QByteArray &input = {}) const;

    QTemporaryDir m_config;
    QTemporaryDir m_data;
};

void TestSetupFromAddress::initTestCase()
{
    KURIER_REQUIRE_TEST_SERVERS(servers());
    QVERIFY2(!qEnvironmentVariableIsEmpty("KURIER_TEST_DNS_SERVER"), "run through tests/support/with-dns-and-keyring");
    QVERIFY(qEnvironmentVariableIsSet("KURIER_IN_PRIVATE_BUS"));
}

TestSetupFromAddress::Run TestSetupFromAddress::kurierctl(const QStringList &args, const QByteArray &input) const
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config.path());
    e.insert(QStringLiteral("XDG_CONFIG_DIRS"), m_config.filePath(QStringLiteral("none")));
    e.insert(QStringLiteral("XDG_DATA_HOME"), m_data.path());
    e.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    e.remove(QStringLiteral("LANGUAGE"));
    e.remove(QStringLiteral("QT_LOGGING_RULES"));
    p.setProcessEnvironment(e);
    p.start(QStringLiteral(KURIER_KURIERCTL_PATH), args);
    Run r;
    if (!p.waitForStarted(10000))
        return r;
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000))
        return r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

void TestSetupFromAddress::srvOnlyAccountFetchesAndSends()
{
    const QString address = servers().value("PASSWORD_USER");
    QVERIFY(address.endsWith(u"@kurier.test"));
    // What the user types: a prefix, the address, the password. The CA file stands in for the
    // public CAs a real provider's certificate chains to; the ISPDB is not reachable here.
    const Run add = kurierctl({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--prefix"), QStringLiteral("Bob"),
                               QStringLiteral("--email"), address, QStringLiteral("--discover"), QStringLiteral("--discover-timeout"),
                               QStringLiteral("5"), QStringLiteral("--ca-file"), servers().value("KURIER_TEST_CA"),
                               QStringLiteral("--password-stdin")},
                              servers().value("PASSWORD_USER_PASSWORD").toUtf8() + '\n');
    QVERIFY2(add.code == 0, qPrintable(add.out + add.err));
    QVERIFY2(add.out.contains(u"found by DNS SRV: _pop3s._tcp.kurier.test"), qPrintable(add.out));
    QVERIFY2(add.err.contains(u"without TLS or DNSSEC"), qPrintable(add.err)); // said, not hidden
    const Run list = kurierctl({QStringLiteral("account"), QStringLiteral("list")});
    QVERIFY2(list.out.contains(u"mail.kurier.test"), qPrintable(list.out));

    // Send to oneself through the discovered SMTP server (STARTTLS on submission) …
    const QString subject = QStringLiteral("Found by SRV %1").arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
    const Run send = kurierctl({QStringLiteral("send"), QStringLiteral("Bob"), QStringLiteral("--to"), address,
                                QStringLiteral("--subject"), subject},
                               "Hallo von der Einrichtung aus der Adresse.\n");
    QVERIFY2(send.code == 0, qPrintable(send.out + send.err));
    // … and fetch it through the discovered POP3 server (implicit TLS, the SRV priority).
    QString fetched;
    for (int attempt = 0; attempt < 30 && !fetched.contains(subject); ++attempt) {
        const Run fetch = kurierctl({QStringLiteral("fetch"), QStringLiteral("Bob")});
        QVERIFY2(fetch.code == 0, qPrintable(fetch.out + fetch.err));
        const QDir inbox(m_data.filePath(QStringLiteral("kurier/Bob/INBOX/new")));
        for (const QString &name : inbox.entryList(QDir::Files)) {
            QFile f(inbox.filePath(name));
            if (f.open(QIODevice::ReadOnly))
                fetched += QString::fromUtf8(f.readAll());
        }
        if (!fetched.contains(subject))
            QTest::qWait(500); // Postfix delivers asynchronously
    }
    QVERIFY2(fetched.contains(subject), "the message sent did not come back");
}

void TestSetupFromAddress::serversElsewhereNeedConfirmation()
{
    // elsewhere.kurier-test.net's SRV records point into kurier.test: not used unasked.
    const Run add = kurierctl({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--prefix"), QStringLiteral("Else"),
                               QStringLiteral("--email"), QStringLiteral("jo@elsewhere.test"), QStringLiteral("--discover"),
                               QStringLiteral("--discover-timeout"), QStringLiteral("5"), QStringLiteral("--password-stdin")},
                              "secret\n");
    QCOMPARE(add.code, 1);
    QVERIFY2(add.err.contains(u"outside elsewhere.test") && add.err.contains(u"--confirm-elsewhere"), qPrintable(add.err));
    const Run list = kurierctl({QStringLiteral("account"), QStringLiteral("list")});
    QVERIFY2(!list.out.contains(u"Else"), qPrintable(list.out)); // nothing saved
    const Run confirmed = kurierctl({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--prefix"), QStringLiteral("Else"),
                                     QStringLiteral("--email"), QStringLiteral("jo@elsewhere.test"), QStringLiteral("--discover"),
                                     QStringLiteral("--discover-timeout"), QStringLiteral("5"), QStringLiteral("--confirm-elsewhere"),
                                     QStringLiteral("--password-stdin")},
                                    "secret\n");
    QVERIFY2(confirmed.code == 0, qPrintable(confirmed.out + confirmed.err));
}

QTEST_GUILESS_MAIN(TestSetupFromAddress)
#include "tst_setup_from_address.moc"
