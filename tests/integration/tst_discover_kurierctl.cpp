// `kurierctl discover` as a user runs it, against the real DNS server (with-dns) and HTTPS
// server (https-files) of tst_discovery's zone: every source's outcome, then the best
// configuration with its source and what needs the user's attention; exit 1 when nothing was
// found, 2 for bad options.
#include "support/HttpsFiles.h"

#include <QProcess>
#include <QTest>

using namespace kurier;

class TestDiscoverKurierctl : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void providerFound();
    void microsoft365Elsewhere();
    void germanOutput();
    void nothingFound();
    void badOptions_data();
    void badOptions();

private:
    struct Run {
        int code = -1;
        QString out;
        QString err;
    };
    Run kurierctl(const QStringList &args);

    test::HttpsFiles m_web;
};

void TestDiscoverKurierctl::initTestCase()
{
    QVERIFY2(m_web.start({QStringLiteral("autoconfig.full.test"), QStringLiteral("ispdb.test")}), qPrintable(m_web.error()));
    m_web.put(QStringLiteral("autoconfig.full.test"), QStringLiteral("mail/config-v1.1.xml"),
              test::HttpsFiles::autoconfig("pop.full.test", "smtp.full.test"));
    m_web.put(QStringLiteral("ispdb.test"), QStringLiteral("v1.1/provider.test"),
              test::HttpsFiles::autoconfig("pop.provider.test", "smtp.provider.test"));
    m_web.put(QStringLiteral("ispdb.test"), QStringLiteral("v1.1/office365.com"),
              test::HttpsFiles::autoconfig("outlook.office365.com", "smtp.office365.com"));
}

TestDiscoverKurierctl::Run TestDiscoverKurierctl::kurierctl(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_DIRS"), QStringLiteral("/nonexistent"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), QStringLiteral("/nonexistent"));
    env.remove(QStringLiteral("QT_LOGGING_RULES")); // the output as a user sees it
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(KURIER_KURIERCTL_PATH),
            QStringList{QStringLiteral("discover")} + args
                + QStringList{QStringLiteral("--ispdb"), QStringLiteral("https://ispdb.test/v1.1/"), QStringLiteral("--ca-file"),
                              m_web.caPath(), QStringLiteral("--timeout"), QStringLiteral("5")});
    Run r;
    if (!p.waitForFinished(30000))
        return r;
    r.code = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

void TestDiscoverKurierctl::providerFound()
{
    const Run r = kurierctl({QStringLiteral("jo@full.test")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(u"Provider's autoconfig: found – https://autoconfig.full.test/mail/config-v1.1.xml"), qPrintable(r.out));
    QVERIFY2(r.out.contains(u"DNS SRV: found"), qPrintable(r.out));
    QVERIFY2(r.out.contains(u"MX record and ISPDB: found – MX mx1.provider.test → provider.test"), qPrintable(r.out));
    QVERIFY2(r.out.contains(u"Best: Provider's autoconfig (https://autoconfig.full.test/mail/config-v1.1.xml)"), qPrintable(r.out));
    QVERIFY2(r.out.contains(u"POP3  pop.full.test:995 SSL/TLS, user jo@full.test, sign-in: password"), qPrintable(r.out));
    QVERIFY2(r.out.contains(u"SMTP  smtp.full.test:587 STARTTLS"), qPrintable(r.out));
    QVERIFY2(r.out.contains(u"2 other source(s)"), qPrintable(r.out));
    QVERIFY2(!r.out.contains(u"Unverified") && !r.out.contains(u"The servers are outside"), qPrintable(r.out));
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
}

void TestDiscoverKurierctl::microsoft365Elsewhere()
{
    const Run r = kurierctl({QStringLiteral("anna@ms365.test")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(u"Best: MX record and ISPDB"), qPrintable(r.out));
    QVERIFY2(r.out.contains(u"The servers are outside ms365.test"), qPrintable(r.out));
    QVERIFY2(r.out.contains(u"hosted by Microsoft 365"), qPrintable(r.out));
    QVERIFY2(r.out.contains(u"POP3  outlook.office365.com:995"), qPrintable(r.out));
}

void TestDiscoverKurierctl::germanOutput()
{
    const Run r = kurierctl({QStringLiteral("--lang"), QStringLiteral("de"), QStringLiteral("jo@srvonly.test")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(u"Server für jo@srvonly.test:"), qPrintable(r.out));
    QVERIFY2(r.out.contains(u"DNS SRV: gefunden"), qPrintable(r.out));
    QVERIFY2(r.out.contains(u"Unbestätigt"), qPrintable(r.out));
    QVERIFY2(r.out.contains(u"Anmeldung: noch nicht bekannt"), qPrintable(r.out));
}

void TestDiscoverKurierctl::nothingFound()
{
    const Run r = kurierctl({QStringLiteral("jo@nothing.test")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.out.contains(u"Nothing found"), qPrintable(r.out));
    QVERIFY2(r.out.contains(u"ISPDB: nothing found – https://ispdb.test/v1.1/nothing.test answers HTTP 404."), qPrintable(r.out));
}

void TestDiscoverKurierctl::badOptions_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no address") << QStringList{} << QStringLiteral("exactly one address");
    QTest::newRow("http ISPDB") << QStringList{QStringLiteral("jo@full.test"), QStringLiteral("--ispdb"), QStringLiteral("http://ispdb.test/")}
                                << QStringLiteral("https URL");
    QTest::newRow("bad timeout") << QStringList{QStringLiteral("jo@full.test"), QStringLiteral("--timeout"), QStringLiteral("soon")}
                                 << QStringLiteral("number of seconds");
}

void TestDiscoverKurierctl::badOptions()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QProcess p;
    p.start(QStringLiteral(KURIER_KURIERCTL_PATH), QStringList{QStringLiteral("discover")} + args);
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(message), qPrintable(err));
}

QTEST_GUILESS_MAIN(TestDiscoverKurierctl)
#include "tst_discover_kurierctl.moc"
