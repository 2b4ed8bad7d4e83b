// discovery::Discovery, all sources at once against a real DNS server (with-dns) and a real
// HTTPS server (https-files): the best by priority wins as soon as every better source has
// answered (a slow ISPDB holds up nothing found before it), each result names its source, one
// from outside the domain pointing elsewhere is marked, Microsoft 365 is told by its MX, and a
// source can be skipped or time out.
#include "discovery/Discovery.h"
#include "support/HttpsFiles.h"

#include <QDir>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace kurier;
using discovery::Discovery;
using Source = discovery::DiscoveredConfig::Source;
using State = Discovery::State;

class TestDiscovery : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void providerWinsAndOthersAreKept();
    void srvOnly();
    void microsoft365ByMx();
    void localFileFirstWithoutWaiting();
    void slowIspdbHoldsUpNothing();
    void skipAndNothingFound();
    void notAnAddress();

private:
    std::unique_ptr<Discovery> run(const QString &address, int timeoutMs = 5000);
    // The stand-in ISPDB and the test CA.
    [[nodiscard]] Discovery::Settings testSettings() const
    {
        Discovery::Settings settings;
        settings.ispdbBaseUrl = QUrl(QStringLiteral("https://ispdb.test/v1.1/"));
        settings.extraCaCertificates = m_web.ca();
        return settings;
    }
    static State stateOf(const Discovery &d, Source s)
    {
        for (const auto &st : d.statuses()) {
            if (st.source == s)
                return st.state;
        }
        return State::Waiting;
    }

    test::HttpsFiles m_web;
    QNetworkAccessManager m_network;
    QTemporaryDir m_config;
};

void TestDiscovery::initTestCase()
{
    QVERIFY2(m_web.start({QStringLiteral("autoconfig.full.test"), QStringLiteral("autoconfig.local.test"),
                          QStringLiteral("autoconfig.slowispdb.test"), QStringLiteral("ispdb.test")}),
             qPrintable(m_web.error()));
    const QString path = QStringLiteral("mail/config-v1.1.xml");
    m_web.put(QStringLiteral("autoconfig.full.test"), path, test::HttpsFiles::autoconfig("pop.full.test", "smtp.full.test"));
    m_web.put(QStringLiteral("ispdb.test"), QStringLiteral("v1.1/provider.test"),
              test::HttpsFiles::autoconfig("pop.provider.test", "smtp.provider.test"));
    m_web.put(QStringLiteral("ispdb.test"), QStringLiteral("v1.1/office365.com"),
              test::HttpsFiles::autoconfig("outlook.office365.com", "smtp.office365.com"));
    m_web.put(QStringLiteral("autoconfig.local.test"), path, test::HttpsFiles::autoconfig("pop.from-provider.local.test"));
    m_web.rule(QStringLiteral("autoconfig.local.test"), "/mail/config-v1.1.xml sleep 2");
    m_web.put(QStringLiteral("autoconfig.slowispdb.test"), path, test::HttpsFiles::autoconfig("pop.slowispdb.test"));
    m_web.put(QStringLiteral("ispdb.test"), QStringLiteral("v1.1/slowispdb.test"), test::HttpsFiles::autoconfig("pop.ispdb-late.test"));
    m_web.rule(QStringLiteral("ispdb.test"), "/v1.1/slowispdb.test sleep 4");

    // An organisation's file for local.test.
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.filePath(QStringLiteral("home"))));
    qputenv("XDG_CONFIG_DIRS", QFile::encodeName(m_config.filePath(QStringLiteral("etc"))));
    QVERIFY(QDir().mkpath(m_config.filePath(QStringLiteral("etc/kurier/autoconfig"))));
    QFile local(m_config.filePath(QStringLiteral("etc/kurier/autoconfig/local.test.xml")));
    QVERIFY(local.open(QIODevice::WriteOnly));
    local.write(test::HttpsFiles::autoconfig("pop.from-file.local.test"));
}

std::unique_ptr<Discovery> TestDiscovery::run(const QString &address, int timeoutMs)
{
    Discovery::Settings settings = testSettings();
    settings.timeoutMs = timeoutMs;
    auto d = std::make_unique<Discovery>(&m_network, settings);
    QSignalSpy finished(d.get(), &Discovery::finished);
    d->start(address);
    if (!finished.wait(timeoutMs + 10000))
        qWarning("discovery did not finish");
    return d;
}

void TestDiscovery::providerWinsAndOthersAreKept()
{
    const auto d = run(QStringLiteral("jo@full.test"));
    const auto best = d->best();
    QVERIFY(best);
    QCOMPARE(best->source, Source::Provider);
    QCOMPARE(best->config.incoming.first().hostname, QStringLiteral("pop.full.test"));
    QVERIFY(!best->pointsElsewhere);
    // The alternatives, best first: the MX host's provider (elsewhere) and SRV.
    QList<Source> sources;
    for (const auto &c : d->found())
        sources << c.source;
    QCOMPARE(sources, (QList<Source>{Source::Provider, Source::Mx, Source::Srv}));
    const auto mx = d->found().at(1);
    QCOMPARE(mx.config.incoming.first().hostname, QStringLiteral("pop.provider.test"));
    QVERIFY(mx.pointsElsewhere);
    QVERIFY2(mx.origin.contains(u"mx1.provider.test") && mx.origin.contains(u"https://ispdb.test/v1.1/provider.test"),
             qPrintable(mx.origin)); // the lowest preference, and where its config came from
    QCOMPARE(stateOf(*d, Source::Ispdb), State::NothingFound); // no entry for full.test
    QCOMPARE(stateOf(*d, Source::LocalFile), State::NothingFound);
    QCOMPARE(d->hosting(), discovery::MxLookup::Hosting::Other);
}

void TestDiscovery::srvOnly()
{
    const auto d = run(QStringLiteral("jo@srvonly.test"));
    const auto best = d->best();
    QVERIFY(best);
    QCOMPARE(best->source, Source::Srv);
    QVERIFY(!best->verified);
    QVERIFY(!best->pointsElsewhere);
    QCOMPARE(best->config.outgoing.first().hostname, QStringLiteral("smtp.srvonly.test"));
}

void TestDiscovery::microsoft365ByMx()
{
    const auto d = run(QStringLiteral("anna@ms365.test"));
    QCOMPARE(d->hosting(), discovery::MxLookup::Hosting::Microsoft365);
    const auto best = d->best();
    QVERIFY(best);
    QCOMPARE(best->source, Source::Mx);
    QCOMPARE(best->config.incoming.first().hostname, QStringLiteral("outlook.office365.com"));
    QVERIFY(best->pointsElsewhere); // office365.com is not ms365.test: the user confirms
    // The ISPDB was asked for office365.com, with no trace of the address.
    bool asked = false;
    for (const QJsonObject &r : m_web.requests(QStringLiteral("ispdb.test"))) {
        asked = asked || r.value(QStringLiteral("path")).toString() == u"/v1.1/office365.com";
        QVERIFY(!r.value(QStringLiteral("query")).toString().contains(u"anna"));
    }
    QVERIFY(asked);
}

void TestDiscovery::localFileFirstWithoutWaiting()
{
    Discovery::Settings settings = testSettings();
    Discovery d(&m_network, settings);
    QSignalSpy bestKnown(&d, &Discovery::bestKnown);
    QSignalSpy finished(&d, &Discovery::finished);
    QElapsedTimer clock;
    clock.start();
    d.start(QStringLiteral("jo@local.test"));
    QVERIFY(bestKnown.wait(5000));
    QVERIFY2(clock.elapsed() < 1500, "the local file waited for the provider"); // the provider sleeps 2 s
    QCOMPARE(finished.size(), 0);
    QCOMPARE(d.best()->source, Source::LocalFile);
    QCOMPARE(d.best()->config.incoming.first().hostname, QStringLiteral("pop.from-file.local.test"));
    QVERIFY(finished.wait(10000));
    QCOMPARE(d.found().size(), 2); // the provider's answer is there as the alternative
    QCOMPARE(d.best()->source, Source::LocalFile);
}

void TestDiscovery::slowIspdbHoldsUpNothing()
{
    Discovery::Settings settings = testSettings();
    settings.timeoutMs = 2500;
    Discovery d(&m_network, settings);
    QSignalSpy bestKnown(&d, &Discovery::bestKnown);
    QSignalSpy finished(&d, &Discovery::finished);
    d.start(QStringLiteral("jo@slowispdb.test"));
    QVERIFY(bestKnown.wait(5000));
    QCOMPARE(finished.size(), 0); // the ISPDB is still asked
    QCOMPARE(d.best()->source, Source::Provider);
    QVERIFY(finished.wait(10000));
    QCOMPARE(stateOf(d, Source::Ispdb), State::TimedOut); // and its late answer is not used
    QCOMPARE(d.found().size(), 1);
}

void TestDiscovery::skipAndNothingFound()
{
    Discovery::Settings settings = testSettings();
    Discovery d(&m_network, settings);
    QSignalSpy finished(&d, &Discovery::finished);
    d.start(QStringLiteral("jo@nothing.test"));
    d.skip(Source::Ispdb);
    QCOMPARE(stateOf(d, Source::Ispdb), State::Skipped);
    QVERIFY(finished.wait(15000));
    QVERIFY(!d.best());
    QVERIFY(d.found().isEmpty());
    for (const auto &s : d.statuses())
        QVERIFY2(s.state == State::NothingFound || s.state == State::Skipped || s.state == State::Failed,
                 qPrintable(Discovery::sourceName(s.source) + u": " + Discovery::stateName(s.state) + u" " + s.detail));
}

void TestDiscovery::notAnAddress()
{
    const auto d = run(QStringLiteral("no address"));
    QVERIFY(d->isFinished());
    QVERIFY(!d->best());
    QVERIFY(d->statuses().first().detail.contains(u"not an e-mail address"));
}

QTEST_GUILESS_MAIN(TestDiscovery)
#include "tst_discovery.moc"
