// discovery::PublicSuffix: the list's algorithm (longest rule, "*" wildcards, "!" exceptions,
// the default rule) on a small list as table rows, and Debian's real list for the names
// discovery compares (an MX host's provider, a configuration pointing elsewhere).
#include "discovery/PublicSuffix.h"

#include <QFile>
#include <QTest>

using kurier::discovery::PublicSuffix;

class TestPublicSuffix : public QObject
{
    Q_OBJECT
private slots:
    void rules_data();
    void rules();
    void systemList_data();
    void systemList();
};

void TestPublicSuffix::rules_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("base");
    QTest::newRow("plain rule") << QStringLiteral("mail.example.com") << QStringLiteral("example.com");
    QTest::newRow("two-label rule") << QStringLiteral("a.b.example.co.uk") << QStringLiteral("example.co.uk");
    QTest::newRow("a suffix itself has none") << QStringLiteral("co.uk") << QString();
    QTest::newRow("wildcard") << QStringLiteral("x.shop.ck") << QStringLiteral("x.shop.ck");
    QTest::newRow("exception to the wildcard") << QStringLiteral("a.www.ck") << QStringLiteral("www.ck");
    QTest::newRow("default rule for unknown TLDs") << QStringLiteral("pop.provider.test") << QStringLiteral("provider.test");
    QTest::newRow("case and final dot") << QStringLiteral("MX1.Example.COM.") << QStringLiteral("example.com");
    QTest::newRow("empty label") << QStringLiteral("a..example.com") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestPublicSuffix::rules()
{
    QFETCH(QString, host);
    QFETCH(QString, base);
    const PublicSuffix list = PublicSuffix::fromText("// test list\ncom\nuk\nco.uk\n*.ck\n!www.ck\n\n");
    QCOMPARE(list.baseDomain(host), base);
}

void TestPublicSuffix::systemList_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("base");
    QTest::newRow("Microsoft 365 MX") << QStringLiteral("contoso-com.mail.protection.outlook.com") << QStringLiteral("outlook.com");
    QTest::newRow("Google MX") << QStringLiteral("aspmx.l.google.com") << QStringLiteral("google.com");
    QTest::newRow("German provider") << QStringLiteral("mx00.ionos.de") << QStringLiteral("ionos.de");
    QTest::newRow("UK") << QStringLiteral("mx.mail.example.co.uk") << QStringLiteral("example.co.uk");
    QTest::newRow("private suffix") << QStringLiteral("mail.someone.github.io") << QStringLiteral("someone.github.io");
    QTest::newRow("IDN") << QStringLiteral("mail.xn--bcher-kva.de") << QStringLiteral("bücher.de");
}

void TestPublicSuffix::systemList()
{
    QFETCH(QString, host);
    QFETCH(QString, base);
    QVERIFY2(QFile::exists(PublicSuffix::systemListPath()), "Debian's publicsuffix package is missing");
    QVERIFY(!PublicSuffix::system().isEmpty());
    QCOMPARE(PublicSuffix::system().baseDomain(host), base);
}

QTEST_GUILESS_MAIN(TestPublicSuffix)
#include "tst_public_suffix.moc"
