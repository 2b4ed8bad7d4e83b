#include "store/MaildirWriter.h"

#include <QCoreApplication>
#include <QFile>

#include <cerrno>
#include <cstdio>
#include <unistd.h>

namespace kurier::store {

MaildirWriter::MaildirWriter(QString folder, QString name, int fd)
    : m_folder(std::move(folder))
    , m_name(std::move(name))
    , m_fd(fd)
{
}

MaildirWriter::~MaildirWriter()
{
    if (!m_done)
        discard();
}

bool MaildirWriter::write(QByteArrayView bytes)
{
    const char *p = bytes.data();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(m_fd, p, size_t(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            m_error = QCoreApplication::translate("Maildir", "Cannot write %1: %2")
                          .arg(m_folder + QStringLiteral("/tmp/") + m_name, qt_error_string(errno));
            return false;
        }
        p += n;
        left -= n;
    }
    m_size += bytes.size();
    return true;
}

bool MaildirWriter::commit(bool sync)
{
    if (m_done)
        return false;
    const QString tmp = m_folder + QStringLiteral("/tmp/") + m_name;
    const QString target = m_folder + QStringLiteral("/new/") + m_name;
    if ((sync && ::fsync(m_fd) != 0) || ::close(m_fd) != 0) {
        m_error = QCoreApplication::translate("Maildir", "Cannot write %1: %2").arg(tmp, qt_error_string(errno));
        m_fd = -1;
        discard();
        return false;
    }
    m_fd = -1;
    if (::rename(QFile::encodeName(tmp).constData(), QFile::encodeName(target).constData()) != 0) {
        m_error = QCoreApplication::translate("Maildir", "Cannot move %1 into new/: %2").arg(tmp, qt_error_string(errno));
        discard();
        return false;
    }
    m_done = true;
    return true;
}

void MaildirWriter::discard()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    ::unlink(QFile::encodeName(m_folder + QStringLiteral("/tmp/") + m_name).constData());
    m_done = true;
}

} // namespace kurier::store
