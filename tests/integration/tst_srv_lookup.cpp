// discovery::SrvLookup against a real DNS server (dnsmasq through tests/support/with-dns, the
// system resolver in a private mount namespace): RFC 6186 records become servers, implicit TLS
// first (RFC 8314 §5.1), then priority (RFC 2782); "." means not offered; a domain without
// records finds nothing. The record-to-config rules also as table rows without DNS.
#include "discovery/SrvLookup.h"

#include <QSignalSpy>
#include <QTest>

Q_DECLARE_METATYPE(kurier::discovery::SrvLookup::Record)

using namespace kurier;
using discovery::ServerConfig;
using discovery::SrvLookup;

namespace {

// "host:port/security" for each server, in order: easy to compare in a table row.
QStringList shape(const QList<ServerConfig> &servers)
{
    QStringList out;
    for (const ServerConfig &s : servers)
        out << QStringLiteral("%1:%2/%3").arg(s.hostname).arg(s.port).arg(store::securityToKey(s.security));
    return out;
}

std::optional<discovery::DiscoveredConfig> lookUp(const QString &domain)
{
    SrvLookup lookup;
    QSignalSpy finished(&lookup, &SrvLookup::finished);
    lookup.start(domain);
    if (!finished.wait(15000))
        qWarning("the SRV lookups did not finish");
    if (!lookup.error().isEmpty())
        qWarning("resolver: %s", qPrintable(lookup.error()));
    return lookup.result();
}

} // namespace

class TestSrvLookup : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void rules_data();
    void rules();
    void everything();
    void startTlsOnlyAndNotOffered();
    void priorityOrder();
    void nothingFound();
};

void TestSrvLookup::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("KURIER_TEST_DNS_SERVER"), "run through tests/support/with-dns");
}

void TestSrvLookup::rules_data()
{
    using R = SrvLookup::Record;
    QTest::addColumn<QList<R>>("records");
    QTest::addColumn<QStringList>("incoming");
    QTest::addColumn<QStringList>("outgoing");
    QTest::newRow("implicit TLS before STARTTLS whatever the priority")
        << QList<R>{{QStringLiteral("_pop3._tcp"), QStringLiteral("pop.a.test."), 110, 0, 0},
                    {QStringLiteral("_pop3s._tcp"), QStringLiteral("pop.a.test."), 995, 50, 0}}
        << QStringList{QStringLiteral("pop.a.test:995/tls"), QStringLiteral("pop.a.test:110/starttls")} << QStringList{};
    QTest::newRow("priority, then weight")
        << QList<R>{{QStringLiteral("_submissions._tcp"), QStringLiteral("c.a.test"), 465, 20, 90},
                    {QStringLiteral("_submissions._tcp"), QStringLiteral("b.a.test"), 465, 10, 1},
                    {QStringLiteral("_submissions._tcp"), QStringLiteral("a.a.test"), 465, 10, 5}}
        << QStringList{}
        << QStringList{QStringLiteral("a.a.test:465/tls"), QStringLiteral("b.a.test:465/tls"), QStringLiteral("c.a.test:465/tls")};
    QTest::newRow("dot target and port 0 are not servers")
        << QList<R>{{QStringLiteral("_pop3s._tcp"), QStringLiteral("."), 0, 0, 0},
                    {QStringLiteral("_submission._tcp"), QStringLiteral("Smtp.A.Test."), 587, 0, 0}}
        << QStringList{} << QStringList{QStringLiteral("smtp.a.test:587/starttls")};
    QTest::newRow("unknown services ignored")
        << QList<R>{{QStringLiteral("_imaps._tcp"), QStringLiteral("imap.a.test"), 993, 0, 0}} << QStringList{} << QStringList{};
}

void TestSrvLookup::rules()
{
    QFETCH(QList<SrvLookup::Record>, records);
    QFETCH(QStringList, incoming);
    QFETCH(QStringList, outgoing);
    const auto found = SrvLookup::configFrom(QStringLiteral("a.test"), records);
    if (incoming.isEmpty() && outgoing.isEmpty()) {
        QVERIFY(!found);
        return;
    }
    QVERIFY(found);
    QCOMPARE(shape(found->config.incoming), incoming);
    QCOMPARE(shape(found->config.outgoing), outgoing);
    QCOMPARE(found->source, discovery::DiscoveredConfig::Source::Srv);
    QVERIFY(!found->verified);
}

void TestSrvLookup::everything()
{
    const auto found = lookUp(QStringLiteral("Example.Test"));
    QVERIFY(found);
    QCOMPARE(shape(found->config.incoming),
             (QStringList{QStringLiteral("pop.example.test:995/tls"), QStringLiteral("pop.example.test:110/starttls")}));
    QCOMPARE(shape(found->config.outgoing),
             (QStringList{QStringLiteral("smtp.example.test:465/tls"), QStringLiteral("smtp.example.test:587/starttls")}));
    QCOMPARE(found->config.incoming.first().username(QStringLiteral("jo@example.test")), QStringLiteral("jo@example.test"));
    QVERIFY2(found->origin.contains(u"_pop3s._tcp.example.test"), qPrintable(found->origin));
}

void TestSrvLookup::startTlsOnlyAndNotOffered()
{
    const auto found = lookUp(QStringLiteral("starttls.test"));
    QVERIFY(found);
    QCOMPARE(shape(found->config.incoming), QStringList{QStringLiteral("mail.starttls.test:110/starttls")});
    QCOMPARE(shape(found->config.outgoing), QStringList{QStringLiteral("mail.starttls.test:587/starttls")});
}

void TestSrvLookup::priorityOrder()
{
    const auto found = lookUp(QStringLiteral("priority.test"));
    QVERIFY(found);
    QCOMPARE(shape(found->config.incoming),
             (QStringList{QStringLiteral("primary.priority.test:995/tls"), QStringLiteral("backup.priority.test:995/tls")}));
}

void TestSrvLookup::nothingFound()
{
    QVERIFY(!lookUp(QStringLiteral("nothing.test")));
}

QTEST_GUILESS_MAIN(TestSrvLookup)
#include "tst_srv_lookup.moc"
