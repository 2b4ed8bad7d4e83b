#include "store/FileLock.h"

#include <QCoreApplication>
#include <QFile>

#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace kurier::store {

FileLock::FileLock(QString path)
    : m_path(std::move(path))
{
}

FileLock::~FileLock()
{
    unlock();
}

bool FileLock::tryLock()
{
    if (m_fd >= 0)
        return true;
    m_error.clear();
    const QByteArray native = QFile::encodeName(m_path);
    const int fd = ::open(native.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        m_error = QCoreApplication::translate("FileLock", "Cannot open the lock file %1: %2")
                      .arg(m_path, qt_error_string(errno));
        return false;
    }
    int rc;
    do {
        rc = ::flock(fd, LOCK_EX | LOCK_NB);
    } while (rc != 0 && errno == EINTR);
    if (rc != 0) {
        const int err = errno;
        ::close(fd);
        if (err != EWOULDBLOCK)
            m_error = QCoreApplication::translate("FileLock", "Cannot lock %1: %2").arg(m_path, qt_error_string(err));
        return false;
    }
    m_fd = fd;
    return true;
}

void FileLock::unlock()
{
    if (m_fd < 0)
        return;
    ::close(m_fd); // closing the only descriptor of this open releases the flock
    m_fd = -1;
}

} // namespace kurier::store
