// store::FileLock: one holder at a time, and a holder that dies — by SIGKILL at any moment —
// never leaves a lock that blocks the next fetch or send.
#include "store/FileLock.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using kurier::store::FileLock;

class TestFileLock : public QObject
{
    Q_OBJECT

private slots:
    void oneHolderAtATime()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("fetch.lock"));
        FileLock first(path);
        FileLock second(path);
        QVERIFY(first.tryLock());
        QVERIFY(first.isLocked());
        QVERIFY(!second.tryLock());
        QVERIFY2(second.error().isEmpty(), qPrintable(second.error())); // held, not broken
        first.unlock();
        QVERIFY(second.tryLock());
        QVERIFY(!first.tryLock());
    }

    void destructorReleases()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("fetch.lock"));
        {
            FileLock held(path);
            QVERIFY(held.tryLock());
        }
        FileLock next(path);
        QVERIFY(next.tryLock());
    }

    // QLockFile's weakness this class exists for: an empty lock file (its holder was killed
    // between creating and writing it) must not count as held.
    void emptyLeftoverFileIsFree()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("fetch.lock"));
        QFile leftover(path);
        QVERIFY(leftover.open(QIODevice::WriteOnly));
        leftover.close();
        FileLock lock(path);
        QVERIFY(lock.tryLock());
    }

    void holderKilledReleasesAtOnce()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sending.lock"));
        // util-linux flock(1) takes the same flock(2) lock in another process; -o keeps the
        // descriptor out of its child, so the flock process alone holds it.
        QProcess holder;
        holder.start(QStringLiteral("flock"), {QStringLiteral("-o"), path, QStringLiteral("sleep"), QStringLiteral("60")});
        QVERIFY2(holder.waitForStarted(), qPrintable(holder.errorString()));
        FileLock lock(path);
        QElapsedTimer held;
        held.start();
        while (lock.tryLock()) { // until the child has taken it
            lock.unlock();
            QVERIFY2(held.elapsed() < 10000, "flock(1) never took the lock");
            QTest::qWait(10);
        }
        QVERIFY(lock.error().isEmpty());
        holder.kill(); // SIGKILL
        QVERIFY(holder.waitForFinished());
        // The kernel released it with the process: no stale time, no cleanup needed.
        QVERIFY(lock.tryLock());
    }

    void unopenablePathSaysWhy()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("missing/dir/fetch.lock"));
        FileLock lock(path);
        QVERIFY(!lock.tryLock());
        QVERIFY2(lock.error().contains(path), qPrintable(lock.error()));
    }
};

QTEST_GUILESS_MAIN(TestFileLock)
#include "tst_file_lock.moc"
