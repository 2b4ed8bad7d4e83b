#pragma once

#include <QStringList>
#include <functional>

class QTextStream;

namespace kurier::store {
class AccountManager;
}

namespace kurier::ctl {

// `kurierctl token <prefix> [--force] [--password-stdin]`: gets an access token with the
// account's sign-in method and prints its non-secret claims and expiry — never the token.
class TokenCommand
{
public:
    TokenCommand(store::AccountManager *accounts, QTextStream &out, QTextStream &err);
    void run(const QStringList &args, std::function<void(int exitCode)> finished);
    [[nodiscard]] static QString usage();

private:
    store::AccountManager *m_accounts;
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace kurier::ctl
