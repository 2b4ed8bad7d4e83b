#pragma once

#include <QStringList>
#include <functional>
#include <memory>

class QTextStream;

namespace kurier::store {
class AccountManager;
}

namespace kurier::ctl {

// `kurierctl check <prefix>`: the connection test of the GUI's "Verbindung testen"
// (check::ConnectionTest) — name resolution, TCP, TLS, capabilities, token and claims, POP3 and
// SMTP sign-in — printing each step with ✔/✘ and, for a failure, cause and fix. Nothing is
// fetched, deleted or sent.
class CheckCommand
{
public:
    CheckCommand(store::AccountManager *accounts, QTextStream &out, QTextStream &err);
    ~CheckCommand();
    void run(const QStringList &args, std::function<void(int exitCode)> finished);
    [[nodiscard]] static QString usage();

private:
    struct Job;

    store::AccountManager *m_accounts;
    QTextStream &m_out;
    QTextStream &m_err;
    std::function<void(int)> m_finished;
    std::unique_ptr<Job> m_job;
};

} // namespace kurier::ctl
