#pragma once

#include "secrets/SecretStore.h"
#include "store/Account.h"
#include "store/AccountStore.h"
#include "store/AccountValidator.h"
#include "store/SecretUpdate.h"

#include <QObject>
#include <functional>
#include <optional>

namespace kurier::store {

// The one interface through which the UI and kurierctl create, change and delete accounts.
// Settings go to the AccountStore, secrets to the SecretStore; an account is only saved when
// its secrets were stored, so nothing is half-saved.
class AccountManager : public QObject
{
    Q_OBJECT
public:
    struct SaveResult {
        bool ok = false;
        Account account;                   // as saved (with id and storedSecrets)
        QList<ValidationIssue> issues;     // validation errors and warnings
        QString error;                     // settings or keychain failure, translated
        secrets::SecretStore::Error secretError = secrets::SecretStore::Error::None;
    };
    using SaveCallback = std::function<void(const SaveResult &)>;
    using DoneCallback = std::function<void(bool ok, const QString &error)>;

    AccountManager(AccountStore store, secrets::SecretStore *secretStore, QObject *parent = nullptr);

    // Reads the settings file again (another process may have changed it).
    bool reload(QString *error = nullptr);
    [[nodiscard]] const QList<Account> &accounts() const { return m_accounts; }
    [[nodiscard]] std::optional<Account> findById(const QString &id) const;
    [[nodiscard]] std::optional<Account> findByPrefix(const QString &prefix) const;
    [[nodiscard]] std::optional<Account> defaultAccount() const;
    [[nodiscard]] QString lastError() const { return m_lastError; }
    [[nodiscard]] secrets::SecretStore *secretStore() const { return m_secretStore; }
    [[nodiscard]] QString settingsFilePath() const { return m_store.filePath(); }

    // Validates against the other accounts; refuses on errors. A new account (empty id) gets an
    // id. `secrets` are written first; warnings do not stop saving.
    void save(Account account, const SecretUpdate &secrets, SaveCallback done);
    // Deletes the account's secrets, then the account. The default moves to another account.
    void remove(const QString &id, const DoneCallback &done);
    bool setDefault(const QString &id, QString *error = nullptr);

signals:
    void accountsChanged();

private:
    void writeSecrets(Account account, QList<QPair<SecretName, QString>> pending, QList<SecretName> written,
                      const SaveCallback &done);
    void finishSave(Account account, const SaveCallback &done);

    AccountStore m_store;
    secrets::SecretStore *m_secretStore;
    QList<Account> m_accounts;
    QString m_lastError;
};

} // namespace kurier::store
