#include "store/UidlState.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <fcntl.h>
#include <unistd.h>

namespace kurier::store {

UidlState::UidlState(QString filePath, QString host, QString user)
    : m_path(std::move(filePath))
    , m_host(std::move(host))
    , m_user(std::move(user))
{
}

QString UidlState::defaultPath(const QString &accountFolder, const QString &host, const QString &user)
{
    QString name = user + u'@' + host;
    for (QChar &c : name) {
        if (!(c.isLetterOrNumber() || c == u'@' || c == u'.' || c == u'-' || c == u'_'))
            c = u'_';
    }
    return accountFolder + QStringLiteral("/pop3-uidl/") + name;
}

bool UidlState::load(QString *error)
{
    m_entries.clear();
    m_dirty = false;
    QFile f(m_path);
    if (!f.exists())
        return true;
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QCoreApplication::translate("UidlState", "Cannot read %1: %2").arg(m_path, f.errorString());
        return false;
    }
    const QByteArray all = f.readAll();
    const QList<QByteArray> lines = all.split('\n');
    if (lines.isEmpty() || !lines.first().startsWith("kurier-uidl 1")) {
        if (error)
            *error = QCoreApplication::translate("UidlState", "%1 is not a Kurier UIDL file.").arg(m_path);
        return false;
    }
    m_entries.reserve(lines.size());
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        const qsizetype a = line.indexOf(' ');
        const qsizetype b = a < 0 ? -1 : line.indexOf(' ', a + 1);
        if (b < 0)
            continue;
        Entry e;
        e.firstSeen = line.left(a).toLongLong();
        e.fetched = line.mid(a + 1, b - a - 1) == "1";
        m_entries.insert(line.mid(b + 1), e);
    }
    return true;
}

bool UidlState::save(QString *error)
{
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(dir)) {
        if (error)
            *error = QCoreApplication::translate("UidlState", "Cannot create the folder %1.").arg(dir);
        return false;
    }
    QByteArray out;
    out.reserve(32 + m_entries.size() * 48);
    out += "kurier-uidl 1 " + m_user.toUtf8() + '@' + m_host.toUtf8() + '\n';
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        out += QByteArray::number(it->firstSeen);
        out += it->fetched ? " 1 " : " 0 ";
        out += it.key();
        out += '\n';
    }
    // QSaveFile: a temporary file, fsync, rename over the old one.
    QSaveFile f(m_path);
    if (!f.open(QIODevice::WriteOnly) || f.write(out) != out.size() || !f.commit()) {
        if (error)
            *error = QCoreApplication::translate("UidlState", "Cannot write %1: %2").arg(m_path, f.errorString());
        return false;
    }
    // The rename itself is durable only with the directory synced.
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
    m_dirty = false;
    return true;
}

void UidlState::seen(const QByteArray &uid, qint64 nowSeconds)
{
    if (m_entries.contains(uid))
        return;
    m_entries.insert(uid, Entry{nowSeconds, false});
    m_dirty = true;
}

void UidlState::markFetched(const QByteArray &uid)
{
    Entry &e = m_entries[uid];
    if (e.firstSeen == 0)
        e.firstSeen = QDateTime::currentSecsSinceEpoch();
    if (!e.fetched) {
        e.fetched = true;
        m_dirty = true;
    }
}

bool UidlState::isFetched(const QByteArray &uid) const
{
    const auto it = m_entries.constFind(uid);
    return it != m_entries.cend() && it->fetched;
}

qint64 UidlState::firstSeen(const QByteArray &uid) const
{
    const auto it = m_entries.constFind(uid);
    return it == m_entries.cend() ? -1 : it->firstSeen;
}

void UidlState::retainOnly(const QSet<QByteArray> &onServer)
{
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (!onServer.contains(it.key())) {
            it = m_entries.erase(it);
            m_dirty = true;
        } else {
            ++it;
        }
    }
}

QByteArray UidlState::messageKey(const QByteArray &uid) const
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(m_host.toUtf8());
    h.addData(QByteArrayView("\0", 1));
    h.addData(m_user.toUtf8());
    h.addData(QByteArrayView("\0", 1));
    h.addData(uid);
    return h.result().toHex().left(16);
}

QHash<QByteArray, QByteArray> UidlState::uidsByKey() const
{
    QHash<QByteArray, QByteArray> out;
    out.reserve(m_entries.size());
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        out.insert(messageKey(it.key()), it.key());
    return out;
}

} // namespace kurier::store
