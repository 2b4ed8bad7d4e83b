// `kurierctl token` against the real OAuth server: prints claims and expiry, never the token;
// a refused sign-in prints Microsoft's text with cause and fix and exits 1.
#include "support/TestServers.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestKurierctlToken : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void tokenForPasswordAccount();
    void wrongPasswordExplained();
    void germanDiagnostic();

private:
    struct Run {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run kurierctl(const QStringList &args, const QByteArray &input = {}, const QString &lang = QStringLiteral("C.UTF-8"));
    void addAccount(const QString &prefix, const QString &password);
    QString env(const char *key) const { return kurier::test::TestServers::instance().value(key); }

    QTemporaryDir m_config;
};

void TestKurierctlToken::initTestCase()
{
    QVERIFY2(kurier::test::TestServers::instance().isValid(), qPrintable(kurier::test::TestServers::instance().errorString()));
    QVERIFY(qEnvironmentVariableIsSet("KURIER_IN_PRIVATE_BUS"));
}

TestKurierctlToken::Run TestKurierctlToken::kurierctl(const QStringList &args, const QByteArray &input, const QString &lang)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config.path());
    env.insert(QStringLiteral("LANG"), lang);
    env.insert(QStringLiteral("LC_ALL"), lang);
    env.remove(QStringLiteral("LANGUAGE"));
    env.remove(QStringLiteral("QT_LOGGING_RULES"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(KURIER_KURIERCTL_PATH), args);
    p.waitForStarted();
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000))
        qFatal("kurierctl hung");
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

void TestKurierctlToken::addAccount(const QString &prefix, const QString &password)
{
    const Run r = kurierctl({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--prefix"), prefix,
                             QStringLiteral("--email"), env("OAUTH_USER"), QStringLiteral("--pop3-host"), env("KURIER_TEST_HOST"),
                             QStringLiteral("--smtp-host"), env("KURIER_TEST_HOST"), QStringLiteral("--ca-file"), env("KURIER_TEST_CA"),
                             QStringLiteral("--oauth"), QStringLiteral("--oauth-endpoint"), env("OAUTH_TOKEN_URL"),
                             QStringLiteral("--oauth-client-id"), env("OAUTH_PUBLIC_CLIENT_ID"), QStringLiteral("--oauth-scope"),
                             env("OAUTH_SCOPE_POP") + u' ' + env("OAUTH_SCOPE_SMTP"), QStringLiteral("--password-stdin")},
                            password.toUtf8() + '\n');
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
}

void TestKurierctlToken::tokenForPasswordAccount()
{
    addAccount(QStringLiteral("Tok"), env("OAUTH_USER_PASSWORD"));
    const Run r = kurierctl({QStringLiteral("token"), QStringLiteral("Tok")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("user:      ") + env("OAUTH_USER")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("POP.AccessAsUser.All")));
    QVERIFY(r.out.contains(QStringLiteral("expires:   ")));
    QVERIFY(!r.out.contains(QStringLiteral("eyJ"))); // no JWT printed
    QVERIFY(!r.err.contains(QStringLiteral("eyJ")));
    // A second run uses the keychain's cached token (the same expiry line).
    const Run again = kurierctl({QStringLiteral("token"), QStringLiteral("Tok")});
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(again.out.section(u'\n', 1, 1), r.out.section(u'\n', 1, 1));
}

void TestKurierctlToken::wrongPasswordExplained()
{
    addAccount(QStringLiteral("Bad"), QStringLiteral("definitely-wrong"));
    const Run r = kurierctl({QStringLiteral("token"), QStringLiteral("Bad")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("AADSTS50126")), qPrintable(r.err));
    QVERIFY(r.err.contains(QStringLiteral("Cause: The user name or the password is wrong.")));
    QVERIFY(r.err.contains(QStringLiteral("What to do: ")));
    QVERIFY(!r.err.contains(QStringLiteral("definitely-wrong")));
}

void TestKurierctlToken::germanDiagnostic()
{
    addAccount(QStringLiteral("Falsch"), QStringLiteral("auch-falsch"));
    const Run r = kurierctl({QStringLiteral("--lang"), QStringLiteral("de"), QStringLiteral("token"), QStringLiteral("Falsch")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("hat die Anmeldung abgelehnt.")), qPrintable(r.err));
    QVERIFY(r.err.contains(QStringLiteral("Ursache: Benutzername oder Kennwort ist falsch.")));
    QVERIFY(r.err.contains(QStringLiteral("AADSTS50126")));
}

QTEST_GUILESS_MAIN(TestKurierctlToken)
#include "tst_kurierctl_token.moc"
