// `kurierctl account …` as a user runs it: a real process, the real keychain (private GNOME
// Keyring via tests/support/with-keyring), its own XDG config directory.
#include "secrets/KeychainSecretStore.h"
#include "support/Sync.h"

#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace kurier;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestKurierctlAccount : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void addListAndSecretsInKeychain();
    void invalidInputSavesNothing_data();
    void invalidInputSavesNothing();
    void microsoftPreset();
    void editSetDefaultRemove();
    void noKeychainIsExplained();
    void secretsNeverFromArguments();
    void signatureFromFile();

private:
    Run kurierctl(const QStringList &args, const QByteArray &stdinData = {},
                  const QHash<QString, QString> &extraEnv = {}) const;
    [[nodiscard]] QString iniPath() const { return m_config->filePath(QStringLiteral("kurier/kurier.ini")); }
    [[nodiscard]] QByteArray iniContent() const
    {
        QFile f(iniPath());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    QString idOf(const QString &prefix) const;

    std::unique_ptr<QTemporaryDir> m_config;
};

Run TestKurierctlAccount::kurierctl(const QStringList &args, const QByteArray &stdinData,
                                    const QHash<QString, QString> &extraEnv) const
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config->path());
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("LANGUAGE"));
    for (auto it = extraEnv.begin(); it != extraEnv.end(); ++it)
        env.insert(it.key(), it.value());
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(KURIER_KURIERCTL_PATH), args);
    if (!p.waitForStarted(10000))
        qFatal("kurierctl did not start");
    p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(30000))
        qFatal("kurierctl did not finish");
    Run r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString TestKurierctlAccount::idOf(const QString &prefix) const
{
    QSettings s(iniPath(), QSettings::IniFormat);
    for (const QString &group : s.childGroups()) {
        if (s.value(group + QStringLiteral("/prefix")).toString() == prefix)
            return group.mid(QStringLiteral("Account-").size());
    }
    return {};
}

void TestKurierctlAccount::init()
{
    QVERIFY(qEnvironmentVariableIsSet("KURIER_IN_PRIVATE_BUS"));
    m_config = std::make_unique<QTemporaryDir>();
}

void TestKurierctlAccount::addListAndSecretsInKeychain()
{
    const Run add = kurierctl({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--prefix"),
                               QStringLiteral("Home"), QStringLiteral("--email"), QStringLiteral("anna@example.org"),
                               QStringLiteral("--name"), QStringLiteral("Anna Müller"), QStringLiteral("--pop3-host"),
                               QStringLiteral("pop.example.org"), QStringLiteral("--smtp-host"),
                               QStringLiteral("smtp.example.org"), QStringLiteral("--smtp-auth"),
                               QStringLiteral("password"), QStringLiteral("--smtp-user"), QStringLiteral("relay"),
                               QStringLiteral("--password-stdin")},
                              "stdin-secret-4711\n", {{QStringLiteral("KURIER_SMTP_PASSWORD"), QStringLiteral("env-smtp-secret-0815")}});
    QVERIFY2(add.exitCode == 0, qPrintable(add.err));
    QVERIFY(add.out.contains(QStringLiteral("saved account Home (default)")));

    const Run list = kurierctl({QStringLiteral("account"), QStringLiteral("list")});
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.out.contains(QStringLiteral("* Home")), qPrintable(list.out));
    QVERIFY(list.out.contains(QStringLiteral("pop.example.org:995 tls")));
    QVERIFY(list.out.contains(QStringLiteral("smtp.example.org:587 starttls")));

    QVERIFY(!iniContent().contains("stdin-secret-4711"));
    QVERIFY(!iniContent().contains("env-smtp-secret-0815"));
    const QString id = idOf(QStringLiteral("Home"));
    QVERIFY(!id.isEmpty());
    secrets::KeychainSecretStore keychain;
    QCOMPARE(test::waitFor([&](auto cb) { keychain.read(id + QStringLiteral("/pop3-password"), cb); }).value,
             QStringLiteral("stdin-secret-4711"));
    QCOMPARE(test::waitFor([&](auto cb) { keychain.read(id + QStringLiteral("/smtp-password"), cb); }).value,
             QStringLiteral("env-smtp-secret-0815"));
}

void TestKurierctlAccount::invalidInputSavesNothing_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("expected");
    QTest::newRow("port") << QStringList{QStringLiteral("--pop3-port"), QStringLiteral("70000")} << "--pop3-port";
    QTest::newRow("port-text") << QStringList{QStringLiteral("--smtp-port"), QStringLiteral("abc")} << "--smtp-port";
    QTest::newRow("security") << QStringList{QStringLiteral("--pop3-security"), QStringLiteral("ssl3")} << "--pop3-security";
    QTest::newRow("http-endpoint") << QStringList{QStringLiteral("--oauth"), QStringLiteral("--oauth-endpoint"),
                                                  QStringLiteral("http://login.example.com/token"),
                                                  QStringLiteral("--oauth-client-id"), QStringLiteral("abc")}
                                   << "--oauth-endpoint";
    QTest::newRow("oauth-without-flag") << QStringList{QStringLiteral("--oauth-client-id"), QStringLiteral("abc")} << "--oauth";
    QTest::newRow("plaintext-not-accepted") << QStringList{QStringLiteral("--pop3-security"), QStringLiteral("none")}
                                            << "--pop3-security";
    QTest::newRow("unknown-option") << QStringList{QStringLiteral("--frobnicate")} << "frobnicate";
    QTest::newRow("bad-host") << QStringList{QStringLiteral("--smtp-host"), QStringLiteral("smtp example")} << "--smtp-host";
}

void TestKurierctlAccount::invalidInputSavesNothing()
{
    QFETCH(QStringList, extra);
    QFETCH(QString, expected);
    QStringList args{QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--prefix"), QStringLiteral("X"),
                     QStringLiteral("--email"), QStringLiteral("x@example.org"), QStringLiteral("--pop3-host"),
                     QStringLiteral("pop.example.org"), QStringLiteral("--smtp-host"), QStringLiteral("smtp.example.org")};
    const Run r = kurierctl(args + extra, {}, {{QStringLiteral("KURIER_PASSWORD"), QStringLiteral("pw")}});
    QVERIFY2(r.exitCode == 2, qPrintable(QString::number(r.exitCode) + r.err));
    QVERIFY2(r.err.contains(expected), qPrintable(r.err));
    QVERIFY(!iniContent().contains("x@example.org"));
}

void TestKurierctlAccount::microsoftPreset()
{
    const QString tenant = QStringLiteral("6b29fc40-ca47-1067-b31d-00dd010662da");
    const Run r = kurierctl({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--prefix"), QStringLiteral("M365"),
                             QStringLiteral("--email"), QStringLiteral("anna@contoso.com"), QStringLiteral("--preset"),
                             QStringLiteral("microsoft365"), QStringLiteral("--tenant"), tenant,
                             QStringLiteral("--oauth-client-id"), QStringLiteral("0b5a4d1e-8e3a-4c4f-9d55-1c2f4a7e9b01"),
                             QStringLiteral("--password-stdin")},
                            "pw\n");
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QSettings s(iniPath(), QSettings::IniFormat);
    s.beginGroup(QStringLiteral("Account-") + idOf(QStringLiteral("M365")));
    QCOMPARE(s.value(QStringLiteral("oauth/tokenEndpoint")).toString(),
             QStringLiteral("https://login.microsoftonline.com/%1/oauth2/v2.0/token").arg(tenant));
    QCOMPARE(s.value(QStringLiteral("oauth/scope")).toString(), QStringLiteral("https://outlook.office365.com/.default"));
    QCOMPARE(s.value(QStringLiteral("oauth/enabled")).toBool(), true);
    QCOMPARE(s.value(QStringLiteral("pop3/host")).toString(), QStringLiteral("outlook.office365.com"));
    QCOMPARE(s.value(QStringLiteral("pop3/port")).toInt(), 995);
    QCOMPARE(s.value(QStringLiteral("pop3/security")).toString(), QStringLiteral("tls"));
    QCOMPARE(s.value(QStringLiteral("smtp/host")).toString(), QStringLiteral("smtp.office365.com"));
    QCOMPARE(s.value(QStringLiteral("smtp/port")).toInt(), 587);
    QCOMPARE(s.value(QStringLiteral("smtp/security")).toString(), QStringLiteral("starttls"));

    const Run badTenant = kurierctl({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--prefix"),
                                     QStringLiteral("M2"), QStringLiteral("--email"), QStringLiteral("b@contoso.com"),
                                     QStringLiteral("--preset"), QStringLiteral("microsoft365"), QStringLiteral("--tenant"),
                                     QStringLiteral("not a tenant")});
    QCOMPARE(badTenant.exitCode, 2);
    QVERIFY(badTenant.err.contains(QStringLiteral("--tenant")));
}

void TestKurierctlAccount::editSetDefaultRemove()
{
    auto add = [&](const QString &prefix) {
        return kurierctl({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--prefix"), prefix,
                          QStringLiteral("--email"), prefix.toLower() + QStringLiteral("@example.org"),
                          QStringLiteral("--pop3-host"), QStringLiteral("pop.example.org"), QStringLiteral("--smtp-host"),
                          QStringLiteral("smtp.example.org"), QStringLiteral("--password-stdin")},
                         "pw-" + prefix.toUtf8() + "\n");
    };
    QCOMPARE(add(QStringLiteral("A")).exitCode, 0);
    QCOMPARE(add(QStringLiteral("B")).exitCode, 0);
    const Run dup = add(QStringLiteral("a"));
    QCOMPARE(dup.exitCode, 2);
    QVERIFY(dup.err.contains(QStringLiteral("--prefix")));

    const Run edit = kurierctl({QStringLiteral("account"), QStringLiteral("edit"), QStringLiteral("B"),
                                QStringLiteral("--pop3-security"), QStringLiteral("starttls"), QStringLiteral("--prefix"),
                                QStringLiteral("Bee")});
    QVERIFY2(edit.exitCode == 0, qPrintable(edit.err));
    Run list = kurierctl({QStringLiteral("account"), QStringLiteral("list")});
    QVERIFY2(list.out.contains(QStringLiteral("Bee")), qPrintable(list.out));
    QVERIFY(list.out.contains(QStringLiteral("pop.example.org:110 starttls")));
    QVERIFY(list.out.startsWith(QStringLiteral("* A")));

    QCOMPARE(kurierctl({QStringLiteral("account"), QStringLiteral("set-default"), QStringLiteral("Bee")}).exitCode, 0);
    list = kurierctl({QStringLiteral("account"), QStringLiteral("list")});
    QVERIFY2(list.out.startsWith(QStringLiteral("* Bee")), qPrintable(list.out));

    const QString beeId = idOf(QStringLiteral("Bee"));
    const Run removed = kurierctl({QStringLiteral("account"), QStringLiteral("remove"), QStringLiteral("Bee")});
    QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
    QVERIFY(removed.out.contains(QStringLiteral("default account: A")));
    secrets::KeychainSecretStore keychain;
    QCOMPARE(test::waitFor([&](auto cb) { keychain.read(beeId + QStringLiteral("/pop3-password"), cb); }).error,
             secrets::SecretStore::Error::NotFound);
    QCOMPARE(kurierctl({QStringLiteral("account"), QStringLiteral("remove"), QStringLiteral("Bee")}).exitCode, 1);
}

void TestKurierctlAccount::noKeychainIsExplained()
{
    const QHash<QString, QString> noBus{{QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                                         QStringLiteral("unix:path=/nonexistent/kurier-test-bus")},
                                        {QStringLiteral("KURIER_PASSWORD"), QStringLiteral("pw-nokeychain")}};
    const QStringList args{QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--prefix"), QStringLiteral("N"),
                           QStringLiteral("--email"), QStringLiteral("n@example.org"), QStringLiteral("--pop3-host"),
                           QStringLiteral("pop.example.org"), QStringLiteral("--smtp-host"), QStringLiteral("smtp.example.org")};
    const Run r = kurierctl(args, {}, noBus);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("No keychain is available")), qPrintable(r.err));
    QVERIFY(r.err.contains(QStringLiteral("--no-keychain")));
    QVERIFY(!iniContent().contains("n@example.org"));
    QVERIFY(!iniContent().contains("pw-nokeychain"));

    // The explicit way out: no secrets stored, asked for each time.
    QHash<QString, QString> noBusNoPassword = noBus;
    noBusNoPassword.remove(QStringLiteral("KURIER_PASSWORD"));
    const Run ask = kurierctl(args + QStringList{QStringLiteral("--no-keychain")}, {}, noBusNoPassword);
    QVERIFY2(ask.exitCode == 0, qPrintable(ask.err));
    QVERIFY(iniContent().contains("askForSecrets=true"));
}

void TestKurierctlAccount::secretsNeverFromArguments()
{
    const Run r = kurierctl({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--prefix"), QStringLiteral("P"),
                             QStringLiteral("--email"), QStringLiteral("p@example.org"), QStringLiteral("--password"),
                             QStringLiteral("visible-in-ps")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(!iniContent().contains("visible-in-ps"));
}

void TestKurierctlAccount::signatureFromFile()
{
    // The file's text is stored (CRLF as LF, no byte-order mark, the last line end dropped); "" removes it; a file
    // that cannot be read or a text that is too long saves nothing.
    QTemporaryDir files;
    const QString path = files.filePath(QStringLiteral("signatur.txt"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("\xef\xbb\xbf" "Anna M\xc3\xbcller\r\nVertrieb\r\n"); // with a byte-order mark, as Notepad saves it
    f.close();
    const QStringList add{QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--prefix"), QStringLiteral("S"),
                          QStringLiteral("--email"), QStringLiteral("s@example.org"), QStringLiteral("--pop3-host"),
                          QStringLiteral("pop.example.org"), QStringLiteral("--smtp-host"), QStringLiteral("smtp.example.org")};
    const QHash<QString, QString> password{{QStringLiteral("KURIER_PASSWORD"), QStringLiteral("pw")}};
    const Run r = kurierctl(add + QStringList{QStringLiteral("--signature-file"), path}, {}, password);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto stored = [&] {
        QSettings s(iniPath(), QSettings::IniFormat);
        return s.value(QStringLiteral("Account-") + idOf(QStringLiteral("S")) + QStringLiteral("/signature")).toString();
    };
    QCOMPARE(stored(), QStringLiteral("Anna Müller\nVertrieb"));

    const Run missing = kurierctl({QStringLiteral("account"), QStringLiteral("edit"), QStringLiteral("S"),
                                   QStringLiteral("--signature-file"), files.filePath(QStringLiteral("missing.txt"))});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains(QStringLiteral("--signature-file: cannot read")), qPrintable(missing.err));
    QCOMPARE(stored(), QStringLiteral("Anna Müller\nVertrieb"));

    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QByteArray(20000, 'x'));
    f.close();
    const Run tooLong = kurierctl({QStringLiteral("account"), QStringLiteral("edit"), QStringLiteral("S"),
                                   QStringLiteral("--signature-file"), path});
    QCOMPARE(tooLong.exitCode, 2);
    QVERIFY2(tooLong.err.contains(QStringLiteral("--signature-file")) && tooLong.err.contains(QStringLiteral("10,000")),
             qPrintable(tooLong.err));
    QCOMPARE(stored(), QStringLiteral("Anna Müller\nVertrieb"));

    const Run cleared = kurierctl({QStringLiteral("account"), QStringLiteral("edit"), QStringLiteral("S"),
                                   QStringLiteral("--signature-file"), QString()});
    QVERIFY2(cleared.exitCode == 0, qPrintable(cleared.err));
    QCOMPARE(stored(), QString());
}

QTEST_GUILESS_MAIN(TestKurierctlAccount)
#include "tst_kurierctl_account.moc"
