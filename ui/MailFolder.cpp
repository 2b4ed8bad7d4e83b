#include "MailFolder.h"

#include "pop3/Pop3AccountSetup.h"
#include "store/HeaderIndex.h"
#include "store/Maildir.h"

#include <QFile>

namespace kurier::ui {

QString MailFolder::accountRoot(const store::Account &account)
{
    return pop3::Pop3AccountSetup::accountFolder(account);
}

QString MailFolder::path(const store::Account &account, Kind kind)
{
    switch (kind) {
    case Kind::Inbox: return pop3::Pop3AccountSetup::inboxPath(account);
    case Kind::Outbox: return accountRoot(account) + QStringLiteral("/Outbox");
    case Kind::Sent: return accountRoot(account) + QStringLiteral("/Sent");
    case Kind::Drafts: return accountRoot(account) + QStringLiteral("/Drafts");
    case Kind::Trash: return accountRoot(account) + QStringLiteral("/Trash");
    }
    return {};
}

QString MailFolder::displayName(Kind kind)
{
    switch (kind) {
    case Kind::Inbox: return tr("Inbox");
    case Kind::Outbox: return tr("Outbox");
    case Kind::Sent: return tr("Sent");
    case Kind::Drafts: return tr("Drafts");
    case Kind::Trash: return tr("Trash");
    }
    return {};
}

bool MailFolder::isUnread(const QString &relativePath)
{
    return relativePath.startsWith(QLatin1String("new/")) || !store::Maildir::flagsOf(relativePath).contains(u'S');
}

int MailFolder::unreadCount(const store::Account &account, Kind kind)
{
    const store::Maildir maildir(path(account, kind));
    if (!maildir.exists())
        return 0;
    const QStringList messages = maildir.messages();
    if (kind == Kind::Outbox)
        return int(messages.size());
    if (kind != Kind::Inbox && kind != Kind::Trash)
        return 0;
    int unread = 0;
    for (const QString &m : messages)
        unread += isUnread(m) ? 1 : 0;
    return unread;
}

std::optional<QString> MailFolder::moveToTrash(const store::Account &account, const QString &fromFolder,
                                               const QString &relativePath, QString *error)
{
    const store::Maildir trash(path(account, Kind::Trash));
    if (!trash.create(error))
        return std::nullopt;
    const QString source = fromFolder + u'/' + relativePath;
    QFile file(source);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return std::nullopt;
    }
    const QByteArray head = file.read(64 * 1024);
    const qint64 size = file.size();
    file.close();
    // Same file name, same sub-directory: new/ stays new/ (unread), cur/ keeps its flags.
    const QString target = relativePath;
    if (!QFile::rename(source, trash.filePath(target))) {
        if (error)
            *error = tr("Cannot move %1 to the Trash.").arg(source);
        return std::nullopt;
    }
    trash.syncNewDirectory();
    // The index is a cache: a failed append only means the list reads the header itself.
    store::HeaderIndex index(trash.path() + QStringLiteral("/.kurier-index"));
    index.append(store::HeaderIndex::parse(head, store::HeaderIndex::baseName(target), size));
    return target;
}

} // namespace kurier::ui
