#include "store/AccountManager.h"

#include <QCoreApplication>
#include <QPointer>

namespace kurier::store {

namespace {

const QList<SecretName> kAllSecrets = {SecretName::Pop3Password, SecretName::SmtpPassword,
                                       SecretName::OAuthClientSecret, SecretName::OAuthRefreshToken,
                                       SecretName::OAuthAccessToken};
} // namespace

AccountManager::AccountManager(AccountStore store, secrets::SecretStore *secretStore, QObject *parent)
    : QObject(parent)
    , m_store(std::move(store))
    , m_secretStore(secretStore)
{
    reload();
}

bool AccountManager::reload(QString *error)
{
    QList<Account> accounts;
    QString e;
    if (!m_store.load(&accounts, &e)) {
        m_lastError = e;
        if (error)
            *error = e;
        return false;
    }
    m_lastError.clear();
    if (accounts != m_accounts) {
        m_accounts = accounts;
        emit accountsChanged();
    }
    return true;
}

std::optional<Account> AccountManager::findById(const QString &id) const
{
    for (const Account &a : m_accounts) {
        if (a.id == id)
            return a;
    }
    return std::nullopt;
}

std::optional<Account> AccountManager::findByPrefix(const QString &prefix) const
{
    for (const Account &a : m_accounts) {
        if (a.prefix.compare(prefix, Qt::CaseInsensitive) == 0)
            return a;
    }
    return std::nullopt;
}

std::optional<Account> AccountManager::defaultAccount() const
{
    for (const Account &a : m_accounts) {
        if (a.isDefault)
            return a;
    }
    return std::nullopt;
}

void AccountManager::save(Account account, const SecretUpdate &secrets, SaveCallback done)
{
    QString error;
    if (!reload(&error)) {
        SaveResult r;
        r.error = error;
        QMetaObject::invokeMethod(this, [done = std::move(done), r] { done(r); }, Qt::QueuedConnection);
        return;
    }
    account.prefix = account.prefix.trimmed();
    account.email = account.email.trimmed();
    account.pop3.host = account.pop3.host.trimmed();
    account.smtp.host = account.smtp.host.trimmed();
    account.oauth.tokenEndpoint = account.oauth.tokenEndpoint.trimmed();
    account.oauth.clientId = account.oauth.clientId.trimmed();
    account.oauth.scope = account.oauth.scope.simplified();
    // The stored-secrets marker is ours to keep, not the caller's.
    if (account.id.isEmpty()) {
        account.id = newAccountId();
        account.storedSecrets.clear();
    } else if (const auto existing = findById(account.id)) {
        account.storedSecrets = existing->storedSecrets;
    } else {
        account.storedSecrets.clear();
    }
    if (m_accounts.isEmpty())
        account.isDefault = true; // the first account becomes the default

    SaveResult result;
    result.issues = AccountValidator::validate(account, secrets, m_accounts);
    if (AccountValidator::hasErrors(result.issues)) {
        result.account = account;
        result.error = QCoreApplication::translate("AccountManager", "The account has errors and was not saved.");
        QMetaObject::invokeMethod(this, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
        return;
    }
    QList<QPair<SecretName, QString>> pending;
    for (SecretName name : kAllSecrets) {
        if (const auto v = secrets.value(name))
            pending.append({name, *v});
    }
    const QList<ValidationIssue> issues = result.issues;
    writeSecrets(account, pending, {}, [done = std::move(done), issues](const SaveResult &r) {
        SaveResult withIssues = r;
        withIssues.issues = issues;
        done(withIssues);
    });
}

void AccountManager::writeSecrets(Account account, QList<QPair<SecretName, QString>> pending,
                                  QList<SecretName> written, const SaveCallback &done)
{
    if (pending.isEmpty()) {
        finishSave(account, done);
        return;
    }
    const auto [name, value] = pending.takeFirst();
    const QString key = secrets::SecretStore::keyFor(account.id, name);
    QPointer<AccountManager> self(this);
    auto next = [self, account, pending, written, done, name = name, empty = value.isEmpty()](
                    const secrets::SecretStore::Result &r) mutable {
        if (!self)
            return;
        if (!r.ok()) {
            // A new account must not leave orphaned secrets behind.
            if (!self->findById(account.id)) {
                for (SecretName w : written)
                    self->m_secretStore->remove(secrets::SecretStore::keyFor(account.id, w), [](const auto &) {});
            }
            SaveResult failed;
            failed.account = account;
            failed.secretError = r.error;
            failed.error = r.message;
            done(failed);
            return;
        }
        if (empty)
            account.storedSecrets.remove(name);
        else
            account.storedSecrets.insert(name);
        written.append(name);
        self->writeSecrets(account, pending, written, done);
    };
    if (value.isEmpty())
        m_secretStore->remove(key, next);
    else
        m_secretStore->write(key, value, next);
}

void AccountManager::finishSave(Account account, const SaveCallback &done)
{
    SaveResult result;
    result.account = account;
    QString error;
    const bool ok = m_store.modify(
        [&account](QList<Account> &accounts) {
            bool replaced = false;
            for (Account &a : accounts) {
                if (account.isDefault)
                    a.isDefault = false;
                if (a.id == account.id) {
                    a = account;
                    replaced = true;
                }
            }
            if (!replaced)
                accounts.append(account);
            // Someone who clears "Standard" on the default account: another one takes over.
            if (!account.isDefault && accounts.size() > 1) {
                const bool anyOther = std::any_of(accounts.begin(), accounts.end(), [](const Account &a) { return a.isDefault; });
                if (!anyOther) {
                    for (Account &a : accounts) {
                        if (a.id != account.id) {
                            a.isDefault = true;
                            break;
                        }
                    }
                }
            }
        },
        &error);
    result.ok = ok;
    result.error = error;
    reload();
    if (const auto saved = findById(account.id))
        result.account = *saved;
    done(result);
}

void AccountManager::remove(const QString &id, const DoneCallback &done)
{
    reload();
    const auto account = findById(id);
    if (!account) {
        QMetaObject::invokeMethod(this, [done] { done(false, QCoreApplication::translate("AccountManager", "There is no such account.")); }, Qt::QueuedConnection);
        return;
    }
    // Remove every secret we might have stored, not only the marked ones: a crash between
    // keychain and settings writes could have left one unmarked.
    auto remaining = std::make_shared<int>(int(kAllSecrets.size()));
    auto firstError = std::make_shared<QString>();
    QPointer<AccountManager> self(this);
    for (SecretName name : kAllSecrets) {
        m_secretStore->remove(secrets::SecretStore::keyFor(id, name),
                              [self, id, remaining, firstError, done, askForSecrets = account->askForSecrets](
                                  const secrets::SecretStore::Result &r) {
            // Without a keychain an "ask each time" account has nothing stored there.
            if (!r.ok() && firstError->isEmpty() && !(askForSecrets && r.error == secrets::SecretStore::Error::NoBackend))
                *firstError = r.message;
            if (--*remaining > 0 || !self)
                return;
            if (!firstError->isEmpty()) {
                done(false, QCoreApplication::translate("AccountManager", "The account was not deleted because its secrets could not be removed from "
                               "the keychain: %1").arg(*firstError));
                return;
            }
            QString error;
            const bool ok = self->m_store.modify(
                [&id](QList<Account> &accounts) {
                    accounts.erase(std::remove_if(accounts.begin(), accounts.end(),
                                                  [&id](const Account &a) { return a.id == id; }),
                                   accounts.end());
                },
                &error);
            self->reload();
            done(ok, error);
        });
    }
}

bool AccountManager::setDefault(const QString &id, QString *error)
{
    reload();
    if (!findById(id)) {
        if (error)
            *error = QCoreApplication::translate("AccountManager", "There is no such account.");
        return false;
    }
    const bool ok = m_store.modify(
        [&id](QList<Account> &accounts) {
            for (Account &a : accounts)
                a.isDefault = a.id == id;
        },
        error);
    reload();
    return ok;
}

} // namespace kurier::store
