// discovery::LocalAutoconfig: a config file the user or an organisation deployed for a domain
// is found (the user's first), a broken one is named and not silently passed over, and a
// domain from an address can never name a file outside the autoconfig folders.
#include "discovery/LocalAutoconfig.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kurier;
using discovery::LocalAutoconfig;

namespace {

QByteArray config(const QByteArray &host)
{
    return "<clientConfig version=\"1.1\"><emailProvider id=\"example.org\"><domain>example.org</domain>"
           "<incomingServer type=\"pop3\"><hostname>" + host + "</hostname><port>995</port><socketType>SSL</socketType>"
           "<authentication>password-cleartext</authentication><username>%EMAILADDRESS%</username></incomingServer>"
           "</emailProvider></clientConfig>";
}

void write(const QString &dir, const QString &name, const QByteArray &data)
{
    QVERIFY(QDir().mkpath(dir + QStringLiteral("/kurier/autoconfig")));
    QFile f(dir + QStringLiteral("/kurier/autoconfig/") + name);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(data);
}

} // namespace

class TestLocalAutoconfig : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void organisationFile();
    void usersFileWins();
    void brokenFileIsNamed();
    void nothingThere();
    void fileNames_data();
    void fileNames();

private:
    std::unique_ptr<QTemporaryDir> m_user;
    std::unique_ptr<QTemporaryDir> m_system;
};

void TestLocalAutoconfig::init()
{
    m_user = std::make_unique<QTemporaryDir>();
    m_system = std::make_unique<QTemporaryDir>();
    QVERIFY(m_user->isValid() && m_system->isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_user->path()));
    qputenv("XDG_CONFIG_DIRS", QFile::encodeName(m_system->path()));
}

void TestLocalAutoconfig::organisationFile()
{
    write(m_system->path(), QStringLiteral("example.org.xml"), config("pop.example.org"));
    const LocalAutoconfig::Result r = LocalAutoconfig::find(QStringLiteral("Example.ORG"));
    QVERIFY2(r.found, qPrintable(r.error));
    QCOMPARE(r.found->source, discovery::DiscoveredConfig::Source::LocalFile);
    QCOMPARE(r.found->origin, m_system->path() + QStringLiteral("/kurier/autoconfig/example.org.xml"));
    QVERIFY(r.found->verified);
    QCOMPARE(r.found->config.incoming.first().hostname, QStringLiteral("pop.example.org"));
}

void TestLocalAutoconfig::usersFileWins()
{
    write(m_system->path(), QStringLiteral("example.org.xml"), config("pop.example.org"));
    write(m_user->path(), QStringLiteral("example.org.xml"), config("mine.example.org"));
    const LocalAutoconfig::Result r = LocalAutoconfig::find(QStringLiteral("example.org"));
    QVERIFY2(r.found, qPrintable(r.error));
    QCOMPARE(r.found->config.incoming.first().hostname, QStringLiteral("mine.example.org"));
    QVERIFY(r.found->origin.startsWith(m_user->path()));
}

void TestLocalAutoconfig::brokenFileIsNamed()
{
    write(m_system->path(), QStringLiteral("example.org.xml"), config("pop.example.org"));
    write(m_user->path(), QStringLiteral("example.org.xml"), "<clientConfig><emailProvider>");
    const LocalAutoconfig::Result r = LocalAutoconfig::find(QStringLiteral("example.org"));
    QVERIFY(!r.found);
    QVERIFY2(r.error.contains(m_user->path() + QStringLiteral("/kurier/autoconfig/example.org.xml")), qPrintable(r.error));
    QVERIFY2(r.error.contains(u"Line"), qPrintable(r.error));
}

void TestLocalAutoconfig::nothingThere()
{
    const LocalAutoconfig::Result r = LocalAutoconfig::find(QStringLiteral("example.org"));
    QVERIFY(!r.found);
    QVERIFY(r.error.isEmpty());
    QCOMPARE(LocalAutoconfig::directories().first(), m_user->path() + QStringLiteral("/kurier/autoconfig"));
}

void TestLocalAutoconfig::fileNames_data()
{
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QString>("file");
    QTest::newRow("plain") << QStringLiteral("example.org") << QStringLiteral("example.org.xml");
    QTest::newRow("case and spaces") << QStringLiteral(" Mail.Example.ORG ") << QStringLiteral("mail.example.org.xml");
    QTest::newRow("IDN as ACE") << QStringLiteral("bücher.example") << QStringLiteral("xn--bcher-kva.example.xml");
    QTest::newRow("parent directory") << QStringLiteral("../../etc/passwd") << QString();
    QTest::newRow("dot dot inside") << QStringLiteral("a..b") << QString();
    QTest::newRow("slash") << QStringLiteral("example.org/x") << QString();
    QTest::newRow("leading dot") << QStringLiteral(".example.org") << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("nul") << QStringLiteral("example.org") + QChar(0) + QStringLiteral("x") << QString();
}

void TestLocalAutoconfig::fileNames()
{
    QFETCH(QString, domain);
    QFETCH(QString, file);
    QCOMPARE(LocalAutoconfig::fileNameFor(domain), file);
}

QTEST_GUILESS_MAIN(TestLocalAutoconfig)
#include "tst_local_autoconfig.moc"
