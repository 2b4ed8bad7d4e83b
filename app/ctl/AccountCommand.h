#pragma once

#include "store/Account.h"

#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

class QTextStream;

namespace kurier::store {
class AccountManager;
}

namespace kurier::ctl {

// `kurierctl account list|add|edit|remove|set-default`. Shares validation with the dialog.
// Runs asynchronously (the keychain is); calls `finished(exitCode)` once.
class AccountCommand
{
public:
    enum ExitCode { Ok = 0, Failure = 1, Usage = 2 };

    AccountCommand(store::AccountManager *accounts, QTextStream &out, QTextStream &err);
    ~AccountCommand();

    // args: everything after "account". Reads secrets from stdin / the environment.
    void run(const QStringList &args, std::function<void(int exitCode)> finished);

    [[nodiscard]] static QString usage();

private:
    void list(std::function<void(int)> finished);
    void addOrEdit(bool add, const QStringList &args, std::function<void(int)> finished);
    // --discover: the servers from the address (discovery::Discovery), as an account for `found`.
    void discover(const QString &address, const QString &name, const QString &ispdb, const QString &timeout,
                  const QStringList &probePorts, const QString &caFile, bool confirmElsewhere, std::function<void(store::Account)> found,
                  std::function<void(int)> finished);
    void remove(const QStringList &args, std::function<void(int)> finished);
    void setDefault(const QStringList &args, std::function<void(int)> finished);
    // The account the single argument names, or nullopt after reporting why (and finishing).
    std::optional<store::Account> accountNamedBy(const QStringList &args, const char *verb,
                                                 const std::function<void(int)> &finished);

    struct DiscoveryJob;

    store::AccountManager *m_accounts;
    std::unique_ptr<DiscoveryJob> m_discovery;
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace kurier::ctl
