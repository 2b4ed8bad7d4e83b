#pragma once

#include <QStringList>
#include <functional>
#include <memory>

class QTextStream;

namespace kurier::store {
class AccountManager;
class Outbox;
}
namespace kurier::smtp {
class OutboxSender;
}

namespace kurier::ctl {

// `kurierctl send`: composes a message (or takes a ready one with --raw), puts it into the
// account's Outbox and sends it; prints the result per recipient. Also works the Outbox
// (--flush, --list, --retry).
// Exit status: 0 sent to every recipient; 75 deferred (temporary failure, kept in the Outbox
// and retried later); 1 failed, refused recipients or unknown outcome; 2 invalid input.
class SendCommand
{
public:
    SendCommand(store::AccountManager *accounts, QTextStream &out, QTextStream &err);
    ~SendCommand();
    void run(const QStringList &args, std::function<void(int exitCode)> finished);
    [[nodiscard]] static QString usage();

private:
    void list();
    int m_exitCode = 0;
    store::AccountManager *m_accounts;
    QTextStream &m_out;
    QTextStream &m_err;
    std::unique_ptr<store::Outbox> m_outbox;
    std::unique_ptr<smtp::OutboxSender> m_sender;
};

} // namespace kurier::ctl
