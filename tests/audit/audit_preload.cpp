// LD_PRELOAD helper for the secret leak audit (scripts/secret-audit; scripts/test sets
// KURIER_AUDIT_DIR and LD_PRELOAD for the audited ctest run). Without KURIER_AUDIT_DIR it does
// nothing. With it, two things, so that no test has to be changed to leave its traces:
//
//  1. Nothing written below $KURIER_AUDIT_DIR/tmp (TMPDIR of the run: every QTemporaryDir,
//     with-keyring's HOME, the XDG directories of the tests) is lost. Before a file there is
//     unlinked or replaced by a rename, it is hard-linked to the same path below
//     $KURIER_AUDIT_DIR/removed/ with a ".~PID-N" suffix. The test still sees the file go away
//     exactly as before; the audit later reads every version that ever existed (configs
//     rewritten by QSaveFile, Maildir tmp/ files, outbox entries, transcripts, keyrings).
//
//  2. What tst_*, kurierctl and kurier write to stdout and stderr — QTest's log with every Qt
//     message, Kurier's debug output, kurierctl's messages — is copied to
//     $KURIER_AUDIT_DIR/logs/NAME.PID.log by a small tee process forked before main(); the
//     original stdout/stderr still get everything (ctest, the QProcess of a test).
//
//
// Opening a file there with O_TRUNC keeps the old content the same way (QFile::open(WriteOnly)).
// Only glibc interposition and async-signal-safe calls; no Qt.
// The interposed open() must be the plain symbol, not glibc's 64-bit redirect or fortify wrapper.
#undef _FILE_OFFSET_BITS
#undef _FORTIFY_SOURCE
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <dlfcn.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

char g_auditDir[PATH_MAX];  // realpath of $KURIER_AUDIT_DIR, "" when off
char g_tmpPrefix[PATH_MAX]; // g_auditDir + "/tmp/"
size_t g_tmpPrefixLength = 0;
unsigned g_counter = 0;
pid_t g_tee = 0; // the tee process of this one, if any

bool auditing() { return g_tmpPrefixLength > 0; }

// Absolute path of PATH relative to DIRFD (AT_FDCWD or an open directory), without resolving
// symbolic links of the last component. False if it cannot be known.
bool absolutePath(int dirfd, const char *path, char *out, size_t size)
{
    if (!path || !*path)
        return false;
    if (path[0] == '/')
        return snprintf(out, size, "%s", path) < static_cast<int>(size);
    char base[PATH_MAX];
    if (dirfd == AT_FDCWD) {
        if (!getcwd(base, sizeof base))
            return false;
    } else {
        char link[64];
        snprintf(link, sizeof link, "/proc/self/fd/%d", dirfd);
        const ssize_t n = readlink(link, base, sizeof base - 1);
        if (n <= 0)
            return false;
        base[n] = '\0';
    }
    return snprintf(out, size, "%s/%s", base, path) < static_cast<int>(size);
}

void makeParents(char *path)
{
    for (char *p = path + 1; *p; ++p) {
        if (*p != '/')
            continue;
        *p = '\0';
        mkdir(path, 0700);
        *p = '/';
    }
}

// Copies FROM to TO (a new file); for files about to be truncated, where a link would share
// the truncation. Bounded: an oversized file is cut at 64 MiB.
void copyFile(const char *from, const char *to)
{
    const int in = open(from, O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return;
    const int out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (out >= 0) {
        char buf[65536];
        size_t total = 0;
        ssize_t r;
        while (total < (64u << 20) && (r = read(in, buf, sizeof buf)) > 0) {
            if (write(out, buf, static_cast<size_t>(r)) != r)
                break;
            total += static_cast<size_t>(r);
        }
        close(out);
    }
    close(in);
}

enum class How { Link, Copy };

// Keeps the regular file DIRFD/PATH in removed/ if it lies below the audit's tmp/: a hard link
// before unlink/rename, a copy before truncation.
void keep(int dirfd, const char *path, How how = How::Link)
{
    if (!auditing())
        return;
    char abs[PATH_MAX];
    if (!absolutePath(dirfd, path, abs, sizeof abs))
        return;
    if (strncmp(abs, g_tmpPrefix, g_tmpPrefixLength) != 0)
        return;
    struct stat st;
    if (lstat(abs, &st) != 0 || !S_ISREG(st.st_mode))
        return;
    char target[PATH_MAX];
    if (snprintf(target, sizeof target, "%s/removed/%s.~%d-%u", g_auditDir, abs + g_tmpPrefixLength,
                 static_cast<int>(getpid()), __atomic_fetch_add(&g_counter, 1, __ATOMIC_RELAXED))
        >= static_cast<int>(sizeof target))
        return;
    makeParents(target);
    const int saved = errno;
    if (how == How::Copy) {
        if (st.st_size > 0)
            copyFile(abs, target);
    } else {
        link(abs, target);
    }
    errno = saved;
}

template<typename F>
F real(const char *name)
{
    return reinterpret_cast<F>(dlsym(RTLD_NEXT, name));
}

// --- 2. the tee ---------------------------------------------------------------------------

bool wantsTee()
{
    char exe[PATH_MAX];
    const ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return false;
    exe[n] = '\0';
    const char *name = strrchr(exe, '/');
    name = name ? name + 1 : exe;
    return strncmp(name, "tst_", 4) == 0 || strcmp(name, "kurierctl") == 0 || strcmp(name, "kurier") == 0;
}

void writeAll(int fd, const char *data, ssize_t n)
{
    while (n > 0) {
        const ssize_t w = write(fd, data, static_cast<size_t>(n));
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return;
        data += w;
        n -= w;
    }
}

void startTee()
{
    char exe[PATH_MAX];
    const ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return;
    exe[n] = '\0';
    const char *name = strrchr(exe, '/');
    name = name ? name + 1 : exe;
    char logs[PATH_MAX + 8];
    snprintf(logs, sizeof logs, "%s/logs", g_auditDir);
    mkdir(logs, 0700);
    char logPath[2 * PATH_MAX + 64];
    snprintf(logPath, sizeof logPath, "%s/%s.%d.log", logs, name, static_cast<int>(getpid()));
    const int log = open(logPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (log < 0)
        return;
    int out[2], err[2];
    if (pipe(out) != 0)
        return;
    if (pipe(err) != 0) {
        close(out[0]);
        close(out[1]);
        return;
    }
    const pid_t child = fork();
    if (child < 0)
        return;
    if (child == 0) {
        // The tee: original stdout/stderr stay open here; everything else is closed so that no
        // pipe of the parent (its stdin, a QProcess channel) is held open by us.
        const int origOut = fcntl(1, F_DUPFD_CLOEXEC, 10);
        const int origErr = fcntl(2, F_DUPFD_CLOEXEC, 10);
        const int inOut = fcntl(out[0], F_DUPFD_CLOEXEC, 10);
        const int inErr = fcntl(err[0], F_DUPFD_CLOEXEC, 10);
        const int logFd = fcntl(log, F_DUPFD_CLOEXEC, 10);
        const int highest = static_cast<int>(sysconf(_SC_OPEN_MAX) > 4096 ? 4096 : sysconf(_SC_OPEN_MAX));
        for (int fd = 0; fd < highest; ++fd) {
            if (fd != origOut && fd != origErr && fd != inOut && fd != inErr && fd != logFd)
                close(fd);
        }
        // A copy of the program from before its main(): it holds no secret, but it looks like
        // kurierctl to the audit's core-limit check, so it is hardened the same way.
        const rlimit noCore{0, 0};
        setrlimit(RLIMIT_CORE, &noCore);
        prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
        // Likewise it would still show kurierctl's secret variables in /proc/PID/environ (the
        // copy of the initial block made by fork); it needs no environment: wipe them.
        for (char **e = environ; *e; ++e) {
            if (strncmp(*e, "KURIER_PASSWORD=", 16) == 0 || strncmp(*e, "KURIER_SMTP_PASSWORD=", 21) == 0
                || strncmp(*e, "KURIER_CLIENT_SECRET=", 21) == 0)
                memset(*e, 0, strlen(*e));
        }
        signal(SIGPIPE, SIG_IGN);
        signal(SIGINT, SIG_IGN); // ends with EOF, after the last byte of its parent
        pollfd fds[2] = {{inOut, POLLIN, 0}, {inErr, POLLIN, 0}};
        const int dest[2] = {origOut, origErr};
        int open = 2;
        char buf[65536];
        while (open > 0) {
            if (poll(fds, 2, -1) < 0) {
                if (errno == EINTR)
                    continue;
                break;
            }
            for (int i = 0; i < 2; ++i) {
                if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                    continue;
                const ssize_t r = read(fds[i].fd, buf, sizeof buf);
                if (r < 0 && errno == EINTR)
                    continue;
                if (r <= 0) {
                    fds[i].fd = -1;
                    --open;
                    continue;
                }
                writeAll(logFd, buf, r);
                writeAll(dest[i], buf, r);
            }
        }
        _exit(0);
    }
    // The process itself: stdout/stderr into the pipes.
    g_tee = child;
    dup2(out[1], 1);
    dup2(err[1], 2);
    close(out[0]);
    close(out[1]);
    close(err[0]);
    close(err[1]);
    close(log);
}

// At exit(): close our ends of the pipes and wait (up to 2 s) until the tee has passed on every
// byte, so that whoever reads our output (a test's QProcess, after waitForFinished) has all of
// it by the time we are gone. Not reached on SIGKILL or _exit(); then the tail may be late.
__attribute__((destructor)) void drainTee()
{
    if (g_tee <= 0)
        return;
    fflush(stdout);
    fflush(stderr);
    const int devNull = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (devNull < 0)
        return;
    dup2(devNull, 1);
    dup2(devNull, 2);
    close(devNull);
    for (int i = 0; i < 2000; ++i) {
        const pid_t r = waitpid(g_tee, nullptr, WNOHANG);
        if (r == g_tee || r < 0)
            return;
        usleep(1000);
    }
}

// These programs also get audit_qtlog (a Qt-linked module next to this one): it captures every
// Qt message (in kurierctl/kurier every kurier.* one at debug level) without changing what the
// program prints.
void loadQtLog()
{
    Dl_info info;
    if (!dladdr(reinterpret_cast<void *>(&loadQtLog), &info) || !info.dli_fname)
        return;
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s", info.dli_fname);
    char *slash = strrchr(path, '/');
    if (!slash)
        return;
    snprintf(slash + 1, sizeof path - static_cast<size_t>(slash + 1 - path), "libkurier_audit_qtlog.so");
    if (!dlopen(path, RTLD_NOW | RTLD_LOCAL)) {
        const char *e = dlerror();
        if (e) {
            (void)!write(2, "audit_preload: ", 15);
            (void)!write(2, e, strlen(e));
            (void)!write(2, "\n", 1);
        }
    }
}

__attribute__((constructor)) void init()
{
    const char *dir = getenv("KURIER_AUDIT_DIR");
    if (!dir || !*dir || !realpath(dir, g_auditDir))
        return;
    const int n = snprintf(g_tmpPrefix, sizeof g_tmpPrefix, "%s/tmp/", g_auditDir);
    if (n <= 0 || n >= static_cast<int>(sizeof g_tmpPrefix))
        return;
    g_tmpPrefixLength = static_cast<size_t>(n);
    if (wantsTee()) { // tst_*, kurierctl, kurier
        startTee();
        loadQtLog();
    }
}

} // namespace

// --- 1. the interposed calls --------------------------------------------------------------
extern "C" {

int unlink(const char *path)
{
    static auto next = real<int (*)(const char *)>("unlink");
    keep(AT_FDCWD, path);
    return next(path);
}

int unlinkat(int dirfd, const char *path, int flags)
{
    static auto next = real<int (*)(int, const char *, int)>("unlinkat");
    if (!(flags & AT_REMOVEDIR))
        keep(dirfd, path);
    return next(dirfd, path, flags);
}

int remove(const char *path)
{
    static auto next = real<int (*)(const char *)>("remove");
    keep(AT_FDCWD, path);
    return next(path);
}

int rename(const char *from, const char *to)
{
    static auto next = real<int (*)(const char *, const char *)>("rename");
    keep(AT_FDCWD, to);
    return next(from, to);
}

int renameat(int fromfd, const char *from, int tofd, const char *to)
{
    static auto next = real<int (*)(int, const char *, int, const char *)>("renameat");
    keep(tofd, to);
    return next(fromfd, from, tofd, to);
}

int renameat2(int fromfd, const char *from, int tofd, const char *to, unsigned int flags)
{
    static auto next = real<int (*)(int, const char *, int, const char *, unsigned int)>("renameat2");
    keep(tofd, to);
    return next(fromfd, from, tofd, to, flags);
}

namespace {
mode_t modeArgument(int flags, va_list ap)
{
    return (flags & (O_CREAT | O_TMPFILE)) ? static_cast<mode_t>(va_arg(ap, int)) : 0;
}
} // namespace

int open(const char *path, int flags, ...)
{
    static auto next = real<int (*)(const char *, int, ...)>("open");
    va_list ap;
    va_start(ap, flags);
    const mode_t mode = modeArgument(flags, ap);
    va_end(ap);
    if (flags & O_TRUNC)
        keep(AT_FDCWD, path, How::Copy);
    return next(path, flags, mode);
}

int open64(const char *path, int flags, ...)
{
    static auto next = real<int (*)(const char *, int, ...)>("open64");
    va_list ap;
    va_start(ap, flags);
    const mode_t mode = modeArgument(flags, ap);
    va_end(ap);
    if (flags & O_TRUNC)
        keep(AT_FDCWD, path, How::Copy);
    return next(path, flags, mode);
}

int openat(int dirfd, const char *path, int flags, ...)
{
    static auto next = real<int (*)(int, const char *, int, ...)>("openat");
    va_list ap;
    va_start(ap, flags);
    const mode_t mode = modeArgument(flags, ap);
    va_end(ap);
    if (flags & O_TRUNC)
        keep(dirfd, path, How::Copy);
    return next(dirfd, path, flags, mode);
}

int openat64(int dirfd, const char *path, int flags, ...)
{
    static auto next = real<int (*)(int, const char *, int, ...)>("openat64");
    va_list ap;
    va_start(ap, flags);
    const mode_t mode = modeArgument(flags, ap);
    va_end(ap);
    if (flags & O_TRUNC)
        keep(dirfd, path, How::Copy);
    return next(dirfd, path, flags, mode);
}

} // extern "C"
