#pragma once

#include <QString>

namespace kurier::store {

// An exclusive lock between Kurier processes (kurier, kurierctl) on one file, held with
// flock(2). The kernel drops it when the holder dies, however it dies: a SIGKILL can never
// leave a lock behind that blocks the next fetch or send. (QLockFile can: killed between
// creating its lock file and writing its PID into it, it leaves an empty file that counts as
// held until its stale time — 30 s by default, forever with stale time 0.)
// The lock file itself stays on disk; removing it would let two processes lock two
// different files of the same name.
class FileLock
{
public:
    explicit FileLock(QString path);
    ~FileLock();
    FileLock(const FileLock &) = delete;
    FileLock &operator=(const FileLock &) = delete;

    // Never waits. False when another open of the file holds the lock (error() is empty then)
    // or the file cannot be opened (error() says why).
    [[nodiscard]] bool tryLock();
    void unlock();
    [[nodiscard]] bool isLocked() const { return m_fd >= 0; }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QString path() const { return m_path; }

private:
    QString m_path;
    QString m_error;
    int m_fd = -1;
};

} // namespace kurier::store
