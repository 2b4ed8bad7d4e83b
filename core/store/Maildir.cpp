#include "store/Maildir.h"

#include "store/MaildirWriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHostInfo>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kurier::store {

namespace {

QString errnoText()
{
    // Not strerror(): it is not thread-safe, and Maildir code also runs on pool threads.
    // qt_error_string uses strerror_r.
    return qt_error_string(errno);
}

// The host part of unique names: "/" and ":" are not allowed in it (Maildir spec), "," starts
// our ",K=" field.
QString safeHostName()
{
    static const QString host = [] {
        QString h = QHostInfo::localHostName();
        if (h.isEmpty())
            h = QStringLiteral("localhost");
        h.replace(u'/', QStringLiteral("\\057")).replace(u':', QStringLiteral("\\072")).replace(u',', QStringLiteral("\\054"));
        return h;
    }();
    return host;
}

bool syncDirectory(const QString &path, QString *error)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        if (error)
            *error = QCoreApplication::translate("Maildir", "Cannot sync %1: %2").arg(path, errnoText());
        if (fd >= 0)
            ::close(fd);
        return false;
    }
    ::close(fd);
    return true;
}

} // namespace

Maildir::Maildir(QString path)
    : m_path(std::move(path))
{
}

bool Maildir::create(QString *error) const
{
    for (const char *sub : {"", "/tmp", "/new", "/cur"}) {
        const QString dir = m_path + QLatin1String(sub);
        if (!QDir().mkpath(dir)) {
            if (error)
                *error = QCoreApplication::translate("Maildir", "Cannot create the folder %1.").arg(dir);
            return false;
        }
        QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    return true;
}

bool Maildir::exists() const
{
    return QDir(m_path + QStringLiteral("/new")).exists() && QDir(m_path + QStringLiteral("/cur")).exists()
        && QDir(m_path + QStringLiteral("/tmp")).exists();
}

QString Maildir::uniqueName(const QByteArray &key) const
{
    static std::atomic<quint64> counter{0};
    const qint64 usecs = QDateTime::currentMSecsSinceEpoch() * 1000;
    QString name = QStringLiteral("%1.M%2P%3Q%4.%5")
                       .arg(usecs / 1000000)
                       .arg(usecs % 1000000)
                       .arg(QCoreApplication::applicationPid())
                       .arg(++counter)
                       .arg(safeHostName());
    if (!key.isEmpty())
        name += QStringLiteral(",K=") + QString::fromLatin1(key);
    return name;
}

std::unique_ptr<MaildirWriter> Maildir::beginDelivery(const QByteArray &key, QString *error) const
{
    for (int attempt = 0; attempt < 5; ++attempt) {
        const QString name = uniqueName(key);
        const QString tmp = m_path + QStringLiteral("/tmp/") + name;
        const int fd = ::open(QFile::encodeName(tmp).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0)
            return std::make_unique<MaildirWriter>(m_path, name, fd);
        if (errno != EEXIST) {
            if (error)
                *error = QCoreApplication::translate("Maildir", "Cannot create %1: %2").arg(tmp, errnoText());
            return nullptr;
        }
    }
    if (error)
        *error = QCoreApplication::translate("Maildir", "Cannot find a unique file name in %1.").arg(m_path);
    return nullptr;
}

std::optional<QString> Maildir::deliver(const QByteArray &message, const QByteArray &key, QString *error) const
{
    auto writer = beginDelivery(key, error);
    if (!writer)
        return std::nullopt;
    if (!writer->write(message) || !writer->commit(true)) {
        if (error)
            *error = writer->errorString();
        return std::nullopt;
    }
    if (!syncNewDirectory(error))
        return std::nullopt;
    return writer->name();
}

bool Maildir::syncNewDirectory(QString *error) const
{
    return syncDirectory(m_path + QStringLiteral("/new"), error) && syncDirectory(m_path + QStringLiteral("/cur"), error);
}

QStringList Maildir::messages() const
{
    QStringList out;
    for (const QString &sub : {QStringLiteral("new"), QStringLiteral("cur")}) {
        const QStringList names = QDir(m_path + u'/' + sub).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::NoSort);
        out.reserve(out.size() + names.size());
        for (const QString &n : names) {
            if (!n.startsWith(u'.'))
                out << sub + u'/' + n;
        }
    }
    return out;
}

QByteArray Maildir::keyOf(const QString &fileName)
{
    const qsizetype slash = fileName.lastIndexOf(u'/');
    const qsizetype at = fileName.indexOf(QStringLiteral(",K="), slash + 1);
    if (at < 0)
        return {};
    qsizetype end = at + 3;
    while (end < fileName.size() && fileName[end].isLetterOrNumber() && fileName[end].unicode() < 128)
        ++end;
    return fileName.mid(at + 3, end - at - 3).toLatin1();
}

QString Maildir::flagsOf(const QString &fileName)
{
    const qsizetype at = fileName.lastIndexOf(QStringLiteral(":2,"));
    return at < 0 ? QString() : fileName.mid(at + 3);
}

std::optional<QString> Maildir::setFlags(const QString &relative, const QString &flags, QString *error) const
{
    QString base = relative.mid(relative.lastIndexOf(u'/') + 1);
    const qsizetype colon = base.indexOf(QStringLiteral(":2,"));
    if (colon >= 0)
        base.truncate(colon);
    QString sorted = flags;
    std::sort(sorted.begin(), sorted.end());
    const QString target = QStringLiteral("cur/") + base + QStringLiteral(":2,") + sorted;
    if (target == relative)
        return target;
    if (::rename(QFile::encodeName(filePath(relative)).constData(), QFile::encodeName(filePath(target)).constData()) != 0) {
        if (error)
            *error = QCoreApplication::translate("Maildir", "Cannot rename %1: %2").arg(filePath(relative), errnoText());
        return std::nullopt;
    }
    return target;
}

int Maildir::cleanTmp(qint64 olderThanSeconds) const
{
    QDir tmp(m_path + QStringLiteral("/tmp"));
    const QDateTime limit = QDateTime::currentDateTimeUtc().addSecs(-olderThanSeconds);
    int removed = 0;
    const QFileInfoList files = tmp.entryInfoList(QDir::Files | QDir::Hidden | QDir::System);
    for (const QFileInfo &info : files) {
        if ((olderThanSeconds <= 0 || info.lastModified().toUTC() < limit) && QFile::remove(info.absoluteFilePath()))
            ++removed;
    }
    return removed;
}

} // namespace kurier::store
