// KeychainSecretStore against a real GNOME Keyring Secret Service (started by
// tests/support/with-keyring in a private D-Bus session, with its own HOME).
#include "secrets/KeychainSecretStore.h"
#include "store/AccountManager.h"
#include "support/Sync.h"

#include <QDirIterator>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace kurier;
using secrets::KeychainSecretStore;
using secrets::SecretStore;
using test::waitFor;

class TestKeychain : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void writeReadRemove();
    void accountSecretsLiveOnlyInTheKeychain();
};

void TestKeychain::initTestCase()
{
    // The wrapper must have given us a private bus; never touch a developer's real keyring.
    QVERIFY2(qEnvironmentVariableIsSet("KURIER_IN_PRIVATE_BUS"), "run through tests/support/with-keyring");
    QVERIFY(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"));
}

void TestKeychain::writeReadRemove()
{
    KeychainSecretStore store(nullptr, QStringLiteral("kurier-test"));
    const QString key = QStringLiteral("acc-1/pop3-password");
    const QString value = QStringLiteral("S3cr3t-ÄÖÜ-\u20ac");

    auto missing = waitFor([&](auto cb) { store.read(key, cb); });
    QCOMPARE(missing.error, SecretStore::Error::NotFound);

    auto written = waitFor([&](auto cb) { store.write(key, value, cb); });
    QVERIFY2(written.ok(), qPrintable(written.message));

    // A second store object (as another process would) reads it back.
    KeychainSecretStore other(nullptr, QStringLiteral("kurier-test"));
    auto read = waitFor([&](auto cb) { other.read(key, cb); });
    QVERIFY2(read.ok(), qPrintable(read.message));
    QCOMPARE(read.value, value);

    // Another service name does not see it.
    KeychainSecretStore foreign(nullptr, QStringLiteral("someone-else"));
    QCOMPARE(waitFor([&](auto cb) { foreign.read(key, cb); }).error, SecretStore::Error::NotFound);

    QVERIFY(waitFor([&](auto cb) { store.remove(key, cb); }).ok());
    QCOMPARE(waitFor([&](auto cb) { store.read(key, cb); }).error, SecretStore::Error::NotFound);
    // Removing what is not there is fine.
    QVERIFY(waitFor([&](auto cb) { store.remove(key, cb); }).ok());
}

void TestKeychain::accountSecretsLiveOnlyInTheKeychain()
{
    QTemporaryDir config;
    KeychainSecretStore keychain;
    store::AccountManager manager{store::AccountStore(config.filePath(QStringLiteral("kurier.ini"))), &keychain};
    store::Account a;
    a.prefix = QStringLiteral("Buero");
    a.email = QStringLiteral("anna@contoso.com");
    a.pop3.host = QStringLiteral("outlook.office365.com");
    a.smtp.host = QStringLiteral("smtp.office365.com");
    a.smtp.auth = store::SmtpAuth::Password;
    const QString pop3Password = QStringLiteral("unique-pop3-pw-5f1e2d");
    const QString smtpPassword = QStringLiteral("unique-smtp-pw-9a8b7c");
    store::SecretUpdate secrets;
    secrets.set(store::SecretName::Pop3Password, pop3Password);
    secrets.set(store::SecretName::SmtpPassword, smtpPassword);

    std::optional<store::AccountManager::SaveResult> saved;
    manager.save(a, secrets, [&](const auto &r) { saved = r; });
    QTRY_VERIFY_WITH_TIMEOUT(saved.has_value(), 10000);
    QVERIFY2(saved->ok, qPrintable(saved->error));
    const QString id = saved->account.id;

    KeychainSecretStore reader;
    QCOMPARE(waitFor([&](auto cb) { reader.read(id + QStringLiteral("/pop3-password"), cb); }).value, pop3Password);
    QCOMPARE(waitFor([&](auto cb) { reader.read(id + QStringLiteral("/smtp-password"), cb); }).value, smtpPassword);

    // No file anywhere in this test's HOME or config holds a secret in clear text (the keyring
    // file is encrypted).
    for (const QString &root : {QDir::homePath(), config.path()}) {
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray content = f.readAll();
            QVERIFY2(!content.contains(pop3Password.toUtf8()), qPrintable(f.fileName()));
            QVERIFY2(!content.contains(smtpPassword.toUtf8()), qPrintable(f.fileName()));
        }
    }

    std::optional<bool> removed;
    manager.remove(id, [&](bool ok, const QString &) { removed = ok; });
    QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 10000);
    QVERIFY(*removed);
    QCOMPARE(waitFor([&](auto cb) { reader.read(id + QStringLiteral("/pop3-password"), cb); }).error,
             SecretStore::Error::NotFound);
    QCOMPARE(waitFor([&](auto cb) { reader.read(id + QStringLiteral("/smtp-password"), cb); }).error,
             SecretStore::Error::NotFound);
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
