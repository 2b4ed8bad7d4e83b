#include "store/FolderWatcher.h"

#include "store/MailLayout.h"

#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QTimer>

namespace kurier::store {

FolderWatcher::FolderWatcher(QObject *parent)
    : QObject(parent)
    , m_watcher(new QFileSystemWatcher(this))
    , m_gather(new QTimer(this))
{
    m_gather->setSingleShot(true);
    m_gather->setInterval(500);
    connect(m_gather, &QTimer::timeout, this, [this] {
        update(); // a folder made meanwhile is watched from now on
        emit changed();
    });
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] {
        if (!m_gather->isActive())
            m_gather->start();
    });
}

void FolderWatcher::setAccounts(const QList<Account> &accounts)
{
    m_accounts = accounts;
    update();
}

QStringList FolderWatcher::watched() const
{
    return m_watcher->directories();
}

void FolderWatcher::update()
{
    QStringList wanted;
    for (const Account &a : std::as_const(m_accounts)) {
        const MailLayout layout = MailLayout::of(a);
        wanted << layout.root();
        for (const MailLayout::Folder folder : MailLayout::folders())
            wanted << layout.path(folder) + QStringLiteral("/new") << layout.path(folder) + QStringLiteral("/cur");
    }
    const QStringList current = m_watcher->directories();
    QStringList add;
    for (const QString &dir : std::as_const(wanted)) {
        if (!current.contains(dir) && QFileInfo(dir).isDir())
            add << dir;
    }
    if (!add.isEmpty())
        m_watcher->addPaths(add);
    QStringList gone;
    for (const QString &dir : current) {
        if (!wanted.contains(dir))
            gone << dir;
    }
    if (!gone.isEmpty())
        m_watcher->removePaths(gone);
}

} // namespace kurier::store
