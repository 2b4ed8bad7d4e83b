// Settings round trip, default-account rules, and secrets kept out of the INI file.
#include "oauth/ProviderPreset.h"
#include "secrets/MemorySecretStore.h"
#include "store/AccountManager.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace kurier;
using secrets::MemorySecretStore;
using secrets::SecretStore;
using store::Account;
using store::AccountManager;
using store::AccountStore;
using store::SecretName;
using store::SecretUpdate;

namespace {

Account makeAccount(const QString &prefix)
{
    Account a;
    a.prefix = prefix;
    a.email = prefix.toLower() + QStringLiteral("@contoso.com");
    a.senderName = QStringLiteral("Anna Müller");
    a.signature = QStringLiteral("Anna Müller · Vertrieb\n\tTel. +49 421 123456\n= Grüße; \"zitiert\" [x] #1 %20\n");
    oauth::applyMicrosoft365(a, QStringLiteral("6b29fc40-ca47-1067-b31d-00dd010662da"));
    a.oauth.clientId = QStringLiteral("0b5a4d1e-8e3a-4c4f-9d55-1c2f4a7e9b01");
    a.oauth.clientSecretValidUntil = QDate(2027, 5, 31);
    a.pop3.leaveOnServer = store::LeaveOnServer::DeleteAfterDays;
    a.pop3.deleteAfterDays = 30;
    a.pop3.deleteWhenDeletedLocally = true;
    a.pop3.fetchIntervalMinutes = 15;
    a.smtp.heloName = QStringLiteral("workstation.contoso.com");
    return a;
}

// Runs AccountManager::save and waits for its callback.
AccountManager::SaveResult saveSync(AccountManager &m, const Account &a, const SecretUpdate &s)
{
    std::optional<AccountManager::SaveResult> result;
    m.save(a, s, [&](const AccountManager::SaveResult &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 5000))
        qFatal("save did not finish");
    return *result;
}

std::pair<bool, QString> removeSync(AccountManager &m, const QString &id)
{
    std::optional<std::pair<bool, QString>> result;
    m.remove(id, [&](bool ok, const QString &error) { result = {ok, error}; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 5000))
        qFatal("remove did not finish");
    return *result;
}

const QString kPassword = QStringLiteral("pop3-Pa55w0rd-Ünïcødé");
const QString kSmtpPassword = QStringLiteral("smtp-S3cret-xyz");
const QString kClientSecret = QStringLiteral("Xq8Q~clientSecretValue.abcdefghijkl");

SecretUpdate allSecrets()
{
    SecretUpdate s;
    s.set(SecretName::Pop3Password, kPassword);
    s.set(SecretName::SmtpPassword, kSmtpPassword);
    s.set(SecretName::OAuthClientSecret, kClientSecret);
    return s;
}

} // namespace

class TestAccountStore : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void roundTrip();
    void iniNeverContainsSecrets();
    void defaultAccountRules();
    void removeDeletesSecrets();
    void nothingHalfSavedWhenKeychainFails();
    void validationErrorsSaveNothing();
    void damagedFileGivesClearError();
    void editKeepsStoredSecrets();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString iniPath() const { return m_dir->filePath(QStringLiteral("config/kurier.ini")); }
};

void TestAccountStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestAccountStore::roundTrip()
{
    MemorySecretStore secrets;
    AccountManager manager{AccountStore(iniPath()), &secrets};
    Account a = makeAccount(QStringLiteral("Work"));
    a.oauth.method = oauth::SignInMethod::DeviceCode;
    a.smtp.auth = store::SmtpAuth::Password;
    a.smtp.user = QStringLiteral("relay-user");
    a.trustedCertificates = {QByteArray(64, 'a'), QByteArray("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")};
    const auto r = saveSync(manager, a, allSecrets());
    QVERIFY2(r.ok, qPrintable(r.error));

    // A fresh manager (another process) reads exactly what was saved.
    AccountManager other{AccountStore(iniPath()), &secrets};
    QCOMPARE(other.accounts().size(), 1);
    const Account loaded = other.accounts().first();
    Account expected = a;
    expected.id = r.account.id;
    expected.isDefault = true;
    expected.storedSecrets = {SecretName::Pop3Password, SecretName::SmtpPassword, SecretName::OAuthClientSecret};
    QCOMPARE(loaded.prefix, expected.prefix);
    QCOMPARE(loaded.pop3, expected.pop3);
    QCOMPARE(loaded.smtp, expected.smtp);
    QCOMPARE(loaded.oauth, expected.oauth);
    QVERIFY(loaded == expected);
}

void TestAccountStore::iniNeverContainsSecrets()
{
    MemorySecretStore secrets;
    AccountManager manager{AccountStore(iniPath()), &secrets};
    Account a = makeAccount(QStringLiteral("Work"));
    a.smtp.auth = store::SmtpAuth::Password;
    QVERIFY(saveSync(manager, a, allSecrets()).ok);
    QVERIFY(saveSync(manager, makeAccount(QStringLiteral("Home")), allSecrets()).ok);

    QFile ini(iniPath());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    const QByteArray content = ini.readAll();
    QVERIFY(content.contains("Work"));
    for (const QString &secret : {kPassword, kSmtpPassword, kClientSecret}) {
        QVERIFY2(!content.contains(secret.toUtf8()), "a secret was written to the INI file");
        QVERIFY(!content.contains(QUrl::toPercentEncoding(secret)));
    }
    // …and the secrets are in the store, under "<account id>/<name>".
    const QString id = manager.findByPrefix(QStringLiteral("Work"))->id;
    QCOMPARE(secrets.contents().value(id + QStringLiteral("/pop3-password")), kPassword);
    QCOMPARE(secrets.contents().value(id + QStringLiteral("/smtp-password")), kSmtpPassword);
    QCOMPARE(secrets.contents().value(id + QStringLiteral("/oauth-client-secret")), kClientSecret);
}

void TestAccountStore::defaultAccountRules()
{
    MemorySecretStore secrets;
    AccountManager manager{AccountStore(iniPath()), &secrets};
    QSignalSpy changed(&manager, &AccountManager::accountsChanged);

    // The first account becomes default even when not asked.
    QVERIFY(saveSync(manager, makeAccount(QStringLiteral("A")), allSecrets()).ok);
    QVERIFY(manager.findByPrefix(QStringLiteral("A"))->isDefault);
    QVERIFY(changed.count() >= 1);

    QVERIFY(saveSync(manager, makeAccount(QStringLiteral("B")), allSecrets()).ok);
    QVERIFY(!manager.findByPrefix(QStringLiteral("B"))->isDefault);

    // A new account saved as default takes it over: exactly one default.
    Account c = makeAccount(QStringLiteral("C"));
    c.isDefault = true;
    QVERIFY(saveSync(manager, c, allSecrets()).ok);
    auto defaults = [&] {
        return std::count_if(manager.accounts().begin(), manager.accounts().end(),
                             [](const Account &x) { return x.isDefault; });
    };
    QCOMPARE(defaults(), 1);
    QCOMPARE(manager.defaultAccount()->prefix, QStringLiteral("C"));
    QCOMPARE(manager.accounts().first().prefix, QStringLiteral("C")); // default listed first

    QVERIFY(manager.setDefault(manager.findByPrefix(QStringLiteral("B"))->id));
    QCOMPARE(manager.defaultAccount()->prefix, QStringLiteral("B"));
    QCOMPARE(defaults(), 1);

    // Clearing "Standard" on the default moves it elsewhere.
    Account b = *manager.findByPrefix(QStringLiteral("B"));
    b.isDefault = false;
    QVERIFY(saveSync(manager, b, {}).ok);
    QCOMPARE(defaults(), 1);
    QVERIFY(manager.defaultAccount()->prefix != QStringLiteral("B"));

    // Deleting the default makes another one default; deleting the last leaves none.
    while (!manager.accounts().isEmpty()) {
        const auto [ok, error] = removeSync(manager, manager.defaultAccount()->id);
        QVERIFY2(ok, qPrintable(error));
        QCOMPARE(defaults(), manager.accounts().isEmpty() ? 0 : 1);
    }
}

void TestAccountStore::removeDeletesSecrets()
{
    MemorySecretStore secrets;
    AccountManager manager{AccountStore(iniPath()), &secrets};
    const auto r = saveSync(manager, makeAccount(QStringLiteral("A")), allSecrets());
    QVERIFY(r.ok);
    QVERIFY(saveSync(manager, makeAccount(QStringLiteral("B")), allSecrets()).ok);
    QCOMPARE(secrets.contents().size(), 6);
    QVERIFY(removeSync(manager, r.account.id).first);
    QCOMPARE(secrets.contents().size(), 3);
    for (const QString &key : secrets.contents().keys())
        QVERIFY(!key.startsWith(r.account.id));
}

void TestAccountStore::nothingHalfSavedWhenKeychainFails()
{
    MemorySecretStore secrets;
    secrets.failWith(SecretStore::Error::NoBackend, QStringLiteral("No Secret Service is running"));
    AccountManager manager{AccountStore(iniPath()), &secrets};
    const auto r = saveSync(manager, makeAccount(QStringLiteral("A")), allSecrets());
    QVERIFY(!r.ok);
    QCOMPARE(r.secretError, SecretStore::Error::NoBackend);
    QVERIFY(r.error.contains(QStringLiteral("Secret Service")));
    QVERIFY(manager.accounts().isEmpty());
    QVERIFY(!QFile::exists(iniPath()));

    // The user's way out: ask for the password each time. Saved without secrets.
    Account ask = makeAccount(QStringLiteral("A"));
    ask.askForSecrets = true;
    const auto r2 = saveSync(manager, ask, {});
    QVERIFY2(r2.ok, qPrintable(r2.error));
    QVERIFY(r2.account.storedSecrets.isEmpty());
    // Deleting such an account works without a keychain.
    QVERIFY(removeSync(manager, r2.account.id).first);
}

void TestAccountStore::validationErrorsSaveNothing()
{
    MemorySecretStore secrets;
    AccountManager manager{AccountStore(iniPath()), &secrets};
    Account bad = makeAccount(QStringLiteral("this-prefix-is-too-long"));
    const auto r = saveSync(manager, bad, allSecrets());
    QVERIFY(!r.ok);
    QVERIFY(store::AccountValidator::hasErrors(r.issues));
    QVERIFY(secrets.contents().isEmpty());
    QVERIFY(manager.accounts().isEmpty());
}

void TestAccountStore::damagedFileGivesClearError()
{
    QDir().mkpath(QFileInfo(iniPath()).absolutePath());
    QFile f(iniPath());
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[Account-x\nprefix=\"unterminated\n\xff\xfe\x00garbage[[[\n");
    f.close();
    MemorySecretStore secrets;
    AccountManager manager{AccountStore(iniPath()), &secrets};
    // Rejected with a message naming the file; no crash, no made-up account.
    QVERIFY(manager.lastError().contains(iniPath()));
    QVERIFY(manager.lastError().contains(QStringLiteral("damaged")));
    QVERIFY(manager.accounts().isEmpty());
    // Saving must not overwrite the damaged file (the user may want to repair it).
    const auto r = saveSync(manager, makeAccount(QStringLiteral("A")), allSecrets());
    QVERIFY(!r.ok);
    QVERIFY(r.error.contains(QStringLiteral("damaged")));
    QVERIFY(secrets.contents().isEmpty());
}

void TestAccountStore::editKeepsStoredSecrets()
{
    MemorySecretStore secrets;
    AccountManager manager{AccountStore(iniPath()), &secrets};
    auto r = saveSync(manager, makeAccount(QStringLiteral("A")), allSecrets());
    QVERIFY(r.ok);
    Account edited = r.account;
    edited.prefix = QStringLiteral("Renamed");
    edited.storedSecrets.clear(); // the caller cannot forge or drop the markers
    const auto r2 = saveSync(manager, edited, {});
    QVERIFY2(r2.ok, qPrintable(r2.error));
    QCOMPARE(r2.account.id, r.account.id);
    QVERIFY(r2.account.hasSecret(SecretName::Pop3Password));
    QCOMPARE(secrets.contents().value(r.account.id + QStringLiteral("/pop3-password")), kPassword);
    // Clearing a secret removes it from the store.
    SecretUpdate clear;
    clear.remove(SecretName::SmtpPassword);
    const auto r3 = saveSync(manager, r2.account, clear);
    QVERIFY(r3.ok);
    QVERIFY(!r3.account.hasSecret(SecretName::SmtpPassword));
    QVERIFY(!secrets.contents().contains(r.account.id + QStringLiteral("/smtp-password")));
}

QTEST_GUILESS_MAIN(TestAccountStore)
#include "tst_account_store.moc"
