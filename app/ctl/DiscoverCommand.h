#pragma once

#include <QStringList>
#include <functional>
#include <memory>

class QTextStream;

namespace kurier::ctl {

// `kurierctl discover ADDRESS`: what discovery finds for an address (discovery::
// Discovery: local file, provider autoconfig, ISPDB, the MX host's provider, DNS SRV), each
// source with its outcome, then the best configuration with where every value came from.
// Sends no secret and needs no account.
class DiscoverCommand
{
public:
    DiscoverCommand(QTextStream &out, QTextStream &err);
    ~DiscoverCommand();
    void run(const QStringList &args, std::function<void(int exitCode)> finished);
    [[nodiscard]] static QString usage();

private:
    struct Job;

    QTextStream &m_out;
    QTextStream &m_err;
    std::function<void(int)> m_finished;
    std::unique_ptr<Job> m_job;
};

} // namespace kurier::ctl
