#include "secrets/ProcessHardening.h"

#include "secrets/SecretsLog.h"

#include <QFile>

#include <cerrno>
#include <cstdlib>
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
        errors << QStringLiteral("setrlimit(RLIMIT_CORE, 0): %1").arg(qt_error_string(errno));
#endif
#if defined(Q_OS_LINUX)
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
        errors << QStringLiteral("prctl(PR_SET_DUMPABLE, 0): %1").arg(qt_error_string(errno));
#endif
    Result r = current();
    r.error = errors.join(QStringLiteral("; "));
    if (!r.ok())
        qCWarning(lcSecrets) << "could not keep secrets out of core dumps:" << r.error;
    return r;
}

QByteArrayList ProcessHardening::hideFromProcEnviron(const QByteArrayList &names)
{
    QByteArrayList moved;
#if defined(Q_OS_LINUX)
    // proc(5): fields 50 and 51 of /proc/self/stat are env_start and env_end.
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return moved;
    const QByteArray line = stat.readAll();
    const QByteArrayList fields = line.mid(line.lastIndexOf(')') + 2).trimmed().split(' ');
    if (fields.size() < 49)
        return moved;
    // Field 3 is the first after "(comm)", so field N is fields[N - 3].
    const quintptr envStart = fields[50 - 3].toULongLong();
    const quintptr envEnd = fields[51 - 3].toULongLong();
    if (envStart == 0 || envEnd <= envStart)
        return moved;
    for (const QByteArray &name : names) {
        // NOLINTNEXTLINE(concurrency-mt-unsafe): called first thing in main(), before any thread; needs environ's own pointer
        char *value = std::getenv(name.constData());
        if (!value)
            continue;
        char *entry = value - name.size() - 1; // "NAME=value", as in the block
        const auto address = reinterpret_cast<quintptr>(entry);
        if (address < envStart || address >= envEnd)
            continue; // already on the heap (set by the program itself)
        QByteArray copy(value);
        // NOLINTNEXTLINE(concurrency-mt-unsafe): as above, before any thread exists
        const bool set = setenv(name.constData(), copy.constData(), 1) == 0 && std::getenv(name.constData()) != value;
        explicit_bzero(copy.data(), static_cast<size_t>(copy.size()));
        if (!set)
            continue;
        explicit_bzero(entry, std::strlen(entry));
        moved << name;
    }
#else
    Q_UNUSED(names)
#endif
    return moved;
}

} // namespace kurier::secrets
