#pragma once

#include "store/Account.h"

#include <QString>
#include <functional>

namespace kurier::secrets {

// Where passwords, client secrets and tokens live. Asynchronous because the system keychain is
// (D-Bus); every callback is invoked later from the event loop, never from inside the call.
class SecretStore
{
public:
    enum class Error {
        None,
        NotFound,
        NoBackend,    // no keychain reachable (no Secret Service / KWallet on the session bus)
        AccessDenied, // the user declined, or the keychain is locked
        Other,
    };

    struct Result {
        Error error = Error::None;
        QString value;   // for read
        QString message; // translated; for errors: the cause and what the user can do
        [[nodiscard]] bool ok() const { return error == Error::None; }
    };
    using Callback = std::function<void(const Result &)>;

    virtual ~SecretStore() = default;

    virtual void read(const QString &key, Callback done) = 0;
    virtual void write(const QString &key, const QString &value, Callback done) = 0;
    // Removing a secret that does not exist is a success.
    virtual void remove(const QString &key, Callback done) = 0;

    // "<account id>/<secret name>", the key layout the issue and the README promise.
    [[nodiscard]] static QString keyFor(const QString &accountId, store::SecretName name)
    {
        return accountId + u'/' + store::secretNameToKey(name);
    }
};

} // namespace kurier::secrets
