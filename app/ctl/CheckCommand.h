#pragma once

#include <QStringList>
#include <functional>
#include <memory>

class QTextStream;

namespace kurier::store {
class AccountManager;
}

namespace kurier::ctl {

// `kurierctl check <prefix>`: connects to the POP3 server, negotiates TLS, shows the
// capabilities and signs in, printing each step; then QUIT. Nothing is fetched or deleted.
class CheckCommand
{
public:
    CheckCommand(store::AccountManager *accounts, QTextStream &out, QTextStream &err);
    ~CheckCommand();
    void run(const QStringList &args, std::function<void(int exitCode)> finished);
    [[nodiscard]] static QString usage();

private:
    struct Job;
    void connectAndCheck(const QString &password);

    store::AccountManager *m_accounts;
    QTextStream &m_out;
    QTextStream &m_err;
    std::function<void(int)> m_finished;
    std::unique_ptr<Job> m_job;
};

} // namespace kurier::ctl
