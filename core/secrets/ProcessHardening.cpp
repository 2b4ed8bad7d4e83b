#include "secrets/ProcessHardening.h"

#include "secrets/SecretsLog.h"

#include <cerrno>
#include <cstring>

#if defined(Q_OS_LINUX)
#include <sys/prctl.h>
#endif
#if defined(Q_OS_UNIX)
#include <sys/resource.h>
#endif

namespace kurier::secrets {

ProcessHardening::Result ProcessHardening::current()
{
    Result r;
#if defined(Q_OS_UNIX)
    rlimit limit{};
    if (getrlimit(RLIMIT_CORE, &limit) == 0)
        r.coreLimitZero = limit.rlim_cur == 0 && limit.rlim_max == 0;
#endif
#if defined(Q_OS_LINUX)
    r.notDumpable = prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0;
#else
    r.notDumpable = true; // no such state outside Linux; the core limit is what counts
#endif
    return r;
}

ProcessHardening::Result ProcessHardening::apply()
{
    if (qEnvironmentVariableIntValue("KURIER_ALLOW_CORE_DUMPS") == 1) {
        Result r = current();
        r.skipped = true;
        qCInfo(lcSecrets) << "KURIER_ALLOW_CORE_DUMPS=1: core dumps and ptrace stay allowed";
        return r;
    }
    QStringList errors;
#if defined(Q_OS_UNIX)
    const rlimit none{0, 0};
    if (setrlimit(RLIMIT_CORE, &none) != 0)
        errors << QStringLiteral("setrlimit(RLIMIT_CORE, 0): %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
#endif
#if defined(Q_OS_LINUX)
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
        errors << QStringLiteral("prctl(PR_SET_DUMPABLE, 0): %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
#endif
    Result r = current();
    r.error = errors.join(QStringLiteral("; "));
    if (!r.ok())
        qCWarning(lcSecrets) << "could not keep secrets out of core dumps:" << r.error;
    return r;
}

} // namespace kurier::secrets
