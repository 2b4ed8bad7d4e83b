// secrets::ProcessHardening: after apply() the process writes no core file (RLIMIT_CORE 0, as
// the kernel reports it in /proc/self/limits) and is not dumpable (PR_GET_DUMPABLE 0); the
// opt-out KURIER_ALLOW_CORE_DUMPS=1 changes nothing. And kurierctl applies it at start: a
// running kurierctl (waiting for its password on standard input) has a core limit of 0.
// hideFromProcEnviron: a secret passed in the environment is gone from /proc/PID/environ
// but still readable through getenv (checked in a child copy of this test, whose initial
// environment block holds the secret, and in a running kurierctl).
#include "secrets/ProcessHardening.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

using kurier::secrets::ProcessHardening;

namespace {

// "Max core file size  SOFT  HARD  bytes" from /proc/PID/limits, as "SOFT HARD".
QString coreLimitOf(const QString &pid)
{
    QFile f(QStringLiteral("/proc/%1/limits").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromLatin1(f.readAll());
    const QRegularExpression re(QStringLiteral("^Max core file size\\s+(\\S+)\\s+(\\S+)"),
                                QRegularExpression::MultilineOption);
    const auto m = re.match(text);
    return m.hasMatch() ? m.captured(1) + QLatin1Char(' ') + m.captured(2) : QString();
}

} // namespace

class TestProcessHardening : public QObject
{
    Q_OBJECT
private slots:
    void optOutChangesNothing();
    void applyDisablesCoreDumps();
    void kurierctlIsHardened();
    void environmentSecretHidden();
};

namespace {
const char kSecretValue[] = "env-secret-4f1c9a27b3";

QByteArray readProcFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The child mode of this test: hide KURIER_SMTP_PASSWORD and report what is visible.
int childMain()
{
    const QByteArrayList moved = ProcessHardening::hideFromProcEnviron({"KURIER_SMTP_PASSWORD", "KURIER_NOT_SET"});
    const QByteArray block = readProcFile(QStringLiteral("/proc/self/environ"));
    printf("moved=%s\n", moved.join(',').constData());
    printf("getenv=%s\n", qgetenv("KURIER_SMTP_PASSWORD").constData());
    printf("inEnviron=%d\n", block.contains(kSecretValue) ? 1 : 0);
    printf("nameInEnviron=%d\n", block.contains("KURIER_SMTP_PASSWORD=") ? 1 : 0);
    printf("otherKept=%d\n", block.contains("KURIER_TEST_KEEP=visible") ? 1 : 0);
    return 0;
}
} // namespace

void TestProcessHardening::optOutChangesNothing()
{
    // Make the "before" state visibly different from the hardened one.
    prctl(PR_SET_DUMPABLE, 1, 0, 0, 0);
    rlimit before{};
    QVERIFY(getrlimit(RLIMIT_CORE, &before) == 0);
    qputenv("KURIER_ALLOW_CORE_DUMPS", "1");
    const auto r = ProcessHardening::apply();
    qunsetenv("KURIER_ALLOW_CORE_DUMPS");
    QVERIFY(r.skipped);
    QVERIFY(r.ok());
    QCOMPARE(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 1);
    rlimit after{};
    QVERIFY(getrlimit(RLIMIT_CORE, &after) == 0);
    QCOMPARE(after.rlim_cur, before.rlim_cur);
    QCOMPARE(after.rlim_max, before.rlim_max);
    QVERIFY(!ProcessHardening::current().notDumpable);
}

void TestProcessHardening::applyDisablesCoreDumps()
{
    const auto r = ProcessHardening::apply();
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY(!r.skipped);
    QVERIFY(r.coreLimitZero);
    QVERIFY(r.notDumpable);
    // What the kernel says, not only what we think we set.
    QCOMPARE(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
    QCOMPARE(coreLimitOf(QStringLiteral("self")), QStringLiteral("0 0"));
    // A second call is harmless.
    QVERIFY(ProcessHardening::apply().ok());
}

void TestProcessHardening::kurierctlIsHardened()
{
    QTemporaryDir config;
    QVERIFY(config.isValid());
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    env.remove(QStringLiteral("KURIER_ALLOW_CORE_DUMPS"));
    env.insert(QStringLiteral("KURIER_SMTP_PASSWORD"), QString::fromLatin1(kSecretValue));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(KURIER_KURIERCTL_PATH),
            {QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--prefix"), QStringLiteral("H"),
             QStringLiteral("--email"), QStringLiteral("h@example.org"), QStringLiteral("--pop3-host"),
             QStringLiteral("pop.example.org"), QStringLiteral("--no-keychain"), QStringLiteral("--password-stdin")});
    QVERIFY(p.waitForStarted(10000));
    const QString pid = QString::number(p.processId());
    // waitForStarted() returns when exec() has closed the start-up pipe, which the kernel does
    // before it has laid out the new program's stack: for a moment /proc/PID/environ is empty,
    // and the core limit "0 0" is this test's own (applyDisablesCoreDumps ran, limits survive
    // exec). Neither says that kurierctl's main() has run. Its environment block does: it holds
    // XDG_CONFIG_HOME but not the secret only after hideFromProcEnviron(), which main() calls
    // right after apply(). Only root reads the environ of a non-dumpable process; for anyone
    // else it becomes unreadable at apply(), and that is the sign.
    const QString environPath = QStringLiteral("/proc/%1/environ").arg(pid);
    enum class Environ { Pending, Hidden, Unreadable };
    const auto environState = [&] {
        QFile f(environPath);
        if (!f.open(QIODevice::ReadOnly))
            return f.error() == QFileDevice::OpenError ? Environ::Unreadable : Environ::Pending;
        const QByteArray block = f.readAll();
        return block.contains("XDG_CONFIG_HOME=") && !block.contains(kSecretValue) ? Environ::Hidden : Environ::Pending;
    };
    QTRY_VERIFY_WITH_TIMEOUT(environState() != Environ::Pending, 10000);
    if (environState() == Environ::Unreadable)
        QVERIFY2(geteuid() != 0, "root can read any environ; unreadable means it was never written");
    else
        QVERIFY(!readProcFile(environPath).contains(kSecretValue)); // and it stays hidden
    // kurierctl now waits for the password, hardened first thing in main().
    QCOMPARE(coreLimitOf(pid), QStringLiteral("0 0"));
    QCOMPARE(p.state(), QProcess::Running); // still waiting: all of this was read from kurierctl itself
    p.closeWriteChannel();
    QVERIFY(p.waitForFinished(30000));
}

void TestProcessHardening::environmentSecretHidden()
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KURIER_HARDENING_CHILD"), QStringLiteral("1"));
    env.insert(QStringLiteral("KURIER_SMTP_PASSWORD"), QString::fromLatin1(kSecretValue));
    env.insert(QStringLiteral("KURIER_TEST_KEEP"), QStringLiteral("visible"));
    p.setProcessEnvironment(env);
    p.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(p.waitForFinished(30000));
    const QByteArray out = p.readAllStandardOutput();
    QVERIFY2(out.contains("moved=KURIER_SMTP_PASSWORD\n"), out.constData());
    QVERIFY2(out.contains(QByteArray(QByteArray("getenv=") + kSecretValue + '\n')), out.constData()); // still usable
    QVERIFY2(out.contains("inEnviron=0\n"), out.constData());
    QVERIFY2(out.contains("nameInEnviron=0\n"), out.constData());
    QVERIFY2(out.contains("otherKept=1\n"), out.constData()); // nothing else touched
}

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIntValue("KURIER_HARDENING_CHILD") == 1)
        return childMain();
    QCoreApplication app(argc, argv);
    TestProcessHardening test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_process_hardening.moc"
