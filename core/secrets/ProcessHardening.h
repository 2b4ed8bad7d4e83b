#pragma once

#include <QByteArrayList>
#include <QString>

namespace kurier::secrets {

// Keeps the process's memory — passwords, client secrets, access and refresh tokens while they
// are in use — out of core dumps and away from other processes of the same user:
//   * RLIMIT_CORE 0 (soft and hard): a crash writes no core file;
//   * PR_SET_DUMPABLE 0: the kernel dumps no core at all, also not to a core_pattern pipe
//     (systemd-coredump, apport) which would otherwise get one whatever the limit — unless the
//     administrator chose fs.suid_dumpable=2, where root-only dumps are policy; and no ptrace
//     attach by other processes of the same user, /proc/PID/{mem,environ,…} root-only.
// Called first thing in main() of kurier and kurierctl. Setting KURIER_ALLOW_CORE_DUMPS=1
// skips it, for developers who need a core file or a debugger attached to a running Kurier.
class ProcessHardening
{
public:
    struct Result {
        bool coreLimitZero = false; // RLIMIT_CORE soft and hard are 0
        bool notDumpable = false;   // prctl(PR_GET_DUMPABLE) == 0
        bool skipped = false;       // KURIER_ALLOW_CORE_DUMPS=1
        QString error;              // what failed (errno text), empty on success
        [[nodiscard]] bool ok() const { return skipped || (coreLimitZero && notDumpable); }
    };

    // Applies both measures (unless KURIER_ALLOW_CORE_DUMPS=1); safe to call more than once.
    static Result apply();
    // What is in force now, without changing anything (for tests and diagnostics).
    [[nodiscard]] static Result current();

    // kurierctl takes secrets from KURIER_PASSWORD & co. (never argv). The kernel shows a
    // process's initial environment block in /proc/PID/environ for its whole life; this moves
    // each named variable that is still in that block to the heap (setenv, so getenv() and
    // QProcessEnvironment still see it) and overwrites the "NAME=value" bytes in the block.
    // Returns the names moved.
    static QByteArrayList hideFromProcEnviron(const QByteArrayList &names);
};

} // namespace kurier::secrets
