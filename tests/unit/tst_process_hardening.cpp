// secrets::ProcessHardening: after apply() the process writes no core file (RLIMIT_CORE 0, as
// the kernel reports it in /proc/self/limits) and is not dumpable (PR_GET_DUMPABLE 0); the
// opt-out KURIER_ALLOW_CORE_DUMPS=1 changes nothing. And kurierctl applies it at start: a
// running kurierctl (waiting for its password on standard input) has a core limit of 0.
#include "secrets/ProcessHardening.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/prctl.h>
#include <sys/resource.h>

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
};

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
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(KURIER_KURIERCTL_PATH),
            {QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--prefix"), QStringLiteral("H"),
             QStringLiteral("--email"), QStringLiteral("h@example.org"), QStringLiteral("--pop3-host"),
             QStringLiteral("pop.example.org"), QStringLiteral("--no-keychain"), QStringLiteral("--password-stdin")});
    QVERIFY(p.waitForStarted(10000));
    const QString pid = QString::number(p.processId());
    // kurierctl now waits for the password; hardening happened first thing in main().
    QTRY_COMPARE_WITH_TIMEOUT(coreLimitOf(pid), QStringLiteral("0 0"), 10000);
    QCOMPARE(p.state(), QProcess::Running); // still waiting: the limit was read from kurierctl itself
    p.closeWriteChannel();
    QVERIFY(p.waitForFinished(30000));
}

QTEST_GUILESS_MAIN(TestProcessHardening)
#include "tst_process_hardening.moc"
