// The network sources of discovery against a real HTTPS server (tests/support/https-files, with
// a certificate of the test CA) reached by name through a real DNS server (with-dns): the
// provider's autoconfig host and .well-known path (the address sent as emailaddress, nothing
// else), plain http only as the unverified last resort, redirects within the domain followed
// and across domains refused, broken, huge, slow and untrusted servers each with a clear error,
// and the ISPDB asked with the domain only.
#include "discovery/IspdbLookup.h"
#include "discovery/ProviderAutoconfig.h"
#include "support/HttpsFiles.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace kurier;
using discovery::DiscoveredConfig;
using discovery::IspdbLookup;
using discovery::ProviderAutoconfig;

namespace {

QByteArray config(const QByteArray &popHost)
{
    return test::HttpsFiles::autoconfig(popHost);
}

const QByteArray AutoconfigPath = "mail/config-v1.1.xml";
const QByteArray WellKnownPath = ".well-known/autoconfig/mail/config-v1.1.xml";

} // namespace

class TestAutoconfigSources : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void autoconfigHost();
    void wellKnownOnly();
    void autoconfigHostPreferredEvenWhenSlower();
    void plainHttpLastResortUnverified();
    void redirectWithinDomainFollowed();
    void redirectToAnotherDomainRefused();
    void brokenLargeSlowUntrusted_data();
    void brokenLargeSlowUntrusted();
    void untrustedCertificateNotAccepted();
    void ispdbGetsTheDomainOnly();
    void ispdbUnknownDomain();

private:
    void put(const QString &host, const QByteArray &path, const QByteArray &data) { m_web.put(host, QString::fromLatin1(path), data); }
    void rule(const QString &host, const QByteArray &line) { m_web.rule(host, line); }
    std::optional<DiscoveredConfig> provider(const QString &address, ProviderAutoconfig *lookup = nullptr, int timeoutMs = 10000);
    [[nodiscard]] QList<QJsonObject> requests(const QString &host) const { return m_web.requests(host); }

    test::HttpsFiles m_web;
    QNetworkAccessManager m_network;
};

void TestAutoconfigSources::initTestCase()
{
    QVERIFY2(m_web.start({QStringLiteral("autoconfig.example.test"), QStringLiteral("example.test"), QStringLiteral("wellknown.test"),
                          QStringLiteral("autoconfig.both.test"), QStringLiteral("both.test"), QStringLiteral("autoconfig.plainonly.test"),
                          QStringLiteral("plainonly.test"), QStringLiteral("autoconfig.redirect.test"),
                          QStringLiteral("autoconfig.samedomain.test"), QStringLiteral("mail.samedomain.test"),
                          QStringLiteral("autoconfig.broken.test"), QStringLiteral("autoconfig.large.test"),
                          QStringLiteral("autoconfig.slow.test"), QStringLiteral("ispdb.test")}), // not autoconfig.untrusted.test
             qPrintable(m_web.error()));
    put(QStringLiteral("autoconfig.example.test"), AutoconfigPath, config("pop.autoconfig-host.test"));
    put(QStringLiteral("example.test"), WellKnownPath, config("pop.well-known.test"));
    put(QStringLiteral("wellknown.test"), WellKnownPath, config("pop.wellknown.test"));
    put(QStringLiteral("autoconfig.both.test"), AutoconfigPath, config("pop.first.test"));
    rule(QStringLiteral("autoconfig.both.test"), "/mail/config-v1.1.xml sleep 1");
    put(QStringLiteral("both.test"), WellKnownPath, config("pop.second.test"));
    put(QStringLiteral("autoconfig.plainonly.test"), AutoconfigPath, config("pop.plain.test"));
    rule(QStringLiteral("autoconfig.plainonly.test"), "https:/mail/config-v1.1.xml status 404");
    put(QStringLiteral("autoconfig.redirect.test"), "unused", "");
    rule(QStringLiteral("autoconfig.redirect.test"),
         "/mail/config-v1.1.xml redirect https://autoconfig.example.test/mail/config-v1.1.xml");
    put(QStringLiteral("mail.samedomain.test"), "settings/kurier.xml", config("pop.samedomain.test"));
    rule(QStringLiteral("autoconfig.samedomain.test"), "/mail/config-v1.1.xml redirect https://mail.samedomain.test/settings/kurier.xml");
    put(QStringLiteral("autoconfig.broken.test"), AutoconfigPath, "<clientConfig><emailProvider>");
    put(QStringLiteral("autoconfig.large.test"), AutoconfigPath, "<clientConfig>" + QByteArray(1024 * 1024, ' ') + "</clientConfig>");
    put(QStringLiteral("autoconfig.slow.test"), AutoconfigPath, config("pop.slow.test"));
    rule(QStringLiteral("autoconfig.slow.test"), "/mail/config-v1.1.xml sleep 5");
    put(QStringLiteral("autoconfig.untrusted.test"), AutoconfigPath, config("pop.untrusted.test"));
    put(QStringLiteral("ispdb.test"), "v1.1/example.org", config("pop.from-ispdb.test"));

}

std::optional<DiscoveredConfig> TestAutoconfigSources::provider(const QString &address, ProviderAutoconfig *lookup, int timeoutMs)
{
    ProviderAutoconfig own(&m_network);
    ProviderAutoconfig *l = lookup ? lookup : &own;
    l->setExtraCaCertificates(m_web.ca());
    l->setTimeoutMs(timeoutMs);
    QSignalSpy finished(l, &ProviderAutoconfig::finished);
    l->start(address);
    if (!finished.wait(20000))
        qWarning("the provider lookup did not finish");
    return l->result();
}

void TestAutoconfigSources::autoconfigHost()
{
    const auto found = provider(QStringLiteral("jo@example.test"));
    QVERIFY(found);
    QCOMPARE(found->config.incoming.first().hostname, QStringLiteral("pop.autoconfig-host.test"));
    QCOMPARE(found->source, DiscoveredConfig::Source::Provider);
    QCOMPARE(found->origin, QStringLiteral("https://autoconfig.example.test/mail/config-v1.1.xml"));
    QVERIFY(found->verified);
    // What went over the wire: the address as emailaddress, no credentials, no cookie.
    const QList<QJsonObject> seen = requests(QStringLiteral("autoconfig.example.test"));
    QCOMPARE(seen.size(), 1);
    const QUrlQuery query(seen.first().value(QStringLiteral("query")).toString());
    QCOMPARE(query.queryItems(QUrl::FullyDecoded),
             (QList<std::pair<QString, QString>>{{QStringLiteral("emailaddress"), QStringLiteral("jo@example.test")}}));
    const QJsonObject headers = seen.first().value(QStringLiteral("headers")).toObject();
    for (const QString &h : headers.keys())
        QVERIFY2(h.compare(u"Authorization", Qt::CaseInsensitive) != 0 && h.compare(u"Cookie", Qt::CaseInsensitive) != 0, qPrintable(h));
}

void TestAutoconfigSources::wellKnownOnly()
{
    // autoconfig.wellknown.test is not in DNS at all.
    const auto found = provider(QStringLiteral("jo@wellknown.test"));
    QVERIFY(found);
    QCOMPARE(found->config.incoming.first().hostname, QStringLiteral("pop.wellknown.test"));
    QCOMPARE(found->origin, QStringLiteral("https://wellknown.test/.well-known/autoconfig/mail/config-v1.1.xml"));
}

void TestAutoconfigSources::autoconfigHostPreferredEvenWhenSlower()
{
    const auto found = provider(QStringLiteral("jo@both.test"));
    QVERIFY(found);
    QCOMPARE(found->config.incoming.first().hostname, QStringLiteral("pop.first.test"));
}

void TestAutoconfigSources::plainHttpLastResortUnverified()
{
    // Both https URLs answer 404; http answers — marked, and asked without the address.
    const auto found = provider(QStringLiteral("jo@plainonly.test"));
    QVERIFY(found);
    QCOMPARE(found->config.incoming.first().hostname, QStringLiteral("pop.plain.test"));
    QVERIFY(!found->verified);
    QVERIFY(found->origin.startsWith(u"http://autoconfig.plainonly.test/"));
    for (const QJsonObject &r : requests(QStringLiteral("autoconfig.plainonly.test"))) {
        if (r.value(QStringLiteral("scheme")).toString() == u"http")
            QVERIFY2(!r.value(QStringLiteral("query")).toString().contains(u"jo"), "the address went out in plain text");
    }
}

void TestAutoconfigSources::redirectWithinDomainFollowed()
{
    const auto found = provider(QStringLiteral("jo@samedomain.test"));
    QVERIFY(found);
    QCOMPARE(found->config.incoming.first().hostname, QStringLiteral("pop.samedomain.test"));
    QCOMPARE(found->origin, QStringLiteral("https://mail.samedomain.test/settings/kurier.xml"));
}

void TestAutoconfigSources::redirectToAnotherDomainRefused()
{
    ProviderAutoconfig lookup(&m_network);
    const auto found = provider(QStringLiteral("jo@redirect.test"), &lookup);
    QVERIFY(!found);
    QCOMPARE(lookup.redirectedTo(), QUrl(QStringLiteral("https://autoconfig.example.test/mail/config-v1.1.xml")));
    QVERIFY2(lookup.errors().join(u'\n').contains(u"not part of redirect.test"), qPrintable(lookup.errors().join(u'\n')));
    // It was not followed: example.test's server saw nothing from this lookup's redirect.
    QCOMPARE(requests(QStringLiteral("autoconfig.example.test")).size(), 1); // only autoconfigHost()'s
}

void TestAutoconfigSources::brokenLargeSlowUntrusted_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not a config") << QStringLiteral("jo@broken.test") << QStringLiteral("not a usable mail configuration");
    QTest::newRow("a megabyte") << QStringLiteral("jo@large.test") << QStringLiteral("more than 256 KB");
    QTest::newRow("no answer in time") << QStringLiteral("jo@slow.test") << QStringLiteral("did not answer in time");
}

void TestAutoconfigSources::brokenLargeSlowUntrusted()
{
    QFETCH(QString, address);
    QFETCH(QString, reason);
    ProviderAutoconfig lookup(&m_network);
    const auto found = provider(address, &lookup, 1500);
    QVERIFY(!found);
    const QString errors = lookup.errors().join(u'\n');
    QVERIFY2(errors.contains(reason), qPrintable(errors));
    QVERIFY2(errors.contains(u"https://autoconfig."), qPrintable(errors)); // names the URL
}

void TestAutoconfigSources::untrustedCertificateNotAccepted()
{
    // The certificate is the test CA's, but for other names: https fails with the reason, and
    // what plain http then gives is marked as unverified — never taken as the https answer.
    ProviderAutoconfig lookup(&m_network);
    const auto found = provider(QStringLiteral("jo@untrusted.test"), &lookup);
    const QString errors = lookup.errors().join(u'\n');
    QVERIFY2(errors.contains(u"https://autoconfig.untrusted.test/") && errors.contains(u"cannot be read"), qPrintable(errors));
    QVERIFY(found);
    QVERIFY(!found->verified);
    QVERIFY(found->origin.startsWith(u"http://"));
}

void TestAutoconfigSources::ispdbGetsTheDomainOnly()
{
    IspdbLookup lookup(&m_network);
    lookup.setBaseUrl(QUrl(QStringLiteral("https://ispdb.test/v1.1")));
    lookup.setExtraCaCertificates(m_web.ca());
    QSignalSpy finished(&lookup, &IspdbLookup::finished);
    lookup.start(QStringLiteral("Example.ORG"));
    QVERIFY(finished.wait(15000));
    QVERIFY2(lookup.result(), qPrintable(lookup.error()));
    QCOMPARE(lookup.result()->config.incoming.first().hostname, QStringLiteral("pop.from-ispdb.test"));
    QCOMPARE(lookup.result()->source, DiscoveredConfig::Source::Ispdb);
    QCOMPARE(lookup.result()->origin, QStringLiteral("https://ispdb.test/v1.1/example.org"));
    const QList<QJsonObject> seen = requests(QStringLiteral("ispdb.test"));
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen.first().value(QStringLiteral("path")).toString(), QStringLiteral("/v1.1/example.org"));
    QVERIFY(seen.first().value(QStringLiteral("query")).toString().isEmpty());
}

void TestAutoconfigSources::ispdbUnknownDomain()
{
    IspdbLookup lookup(&m_network);
    lookup.setBaseUrl(QUrl(QStringLiteral("https://ispdb.test/v1.1/")));
    lookup.setExtraCaCertificates(m_web.ca());
    QSignalSpy finished(&lookup, &IspdbLookup::finished);
    lookup.start(QStringLiteral("unknown.example"));
    QVERIFY(finished.wait(15000));
    QVERIFY(!lookup.result());
    QVERIFY2(lookup.error().contains(u"HTTP 404"), qPrintable(lookup.error()));
    lookup.start(QStringLiteral("../etc"));
    QVERIFY(finished.wait(5000));
    QVERIFY2(lookup.error().contains(u"not a domain"), qPrintable(lookup.error()));
}

QTEST_GUILESS_MAIN(TestAutoconfigSources)
#include "tst_autoconfig_sources.moc"
