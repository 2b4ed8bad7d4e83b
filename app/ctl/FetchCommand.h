#pragma once

#include "store/Account.h"

#include <QElapsedTimer>
#include <QList>
#include <QStringList>
#include <functional>
#include <memory>

class QTextStream;

namespace kurier::store {
class AccountManager;
}

namespace kurier::ctl {

// `kurierctl fetch <prefix>|--all`: every new message on the POP3 server into the account's
// Maildir ($XDG_DATA_HOME/kurier/<prefix>/INBOX). Progress on stderr, the summary as the last line
// on stdout: "fetched N messages (B bytes) in S s". Exit 0, or 1 with the diagnostic.
class FetchCommand
{
public:
    FetchCommand(store::AccountManager *accounts, QTextStream &out, QTextStream &err);
    ~FetchCommand();
    void run(const QStringList &args, std::function<void(int exitCode)> finished);
    [[nodiscard]] static QString usage();

private:
    struct Job;
    void next();
    void startAccount(const store::Account &account);
    void accountDone(bool ok);

    store::AccountManager *m_accounts;
    QTextStream &m_out;
    QTextStream &m_err;
    std::function<void(int)> m_finished;
    QList<store::Account> m_todo;
    std::unique_ptr<Job> m_job;
    QString m_transcriptPath;
    QString m_stdinPassword;
    bool m_passwordFromStdin = false;
    bool m_quiet = false;
    bool m_many = false;
    qint64 m_maxSize = 0;
    int m_failures = 0;
    int m_totalMessages = 0;
    qint64 m_totalBytes = 0;
    QElapsedTimer m_clock;
};

} // namespace kurier::ctl
