#include "store/Mailbox.h"

#include "store/DeletionRequests.h"
#include "store/HeaderIndex.h"
#include "store/Maildir.h"
#include "store/Outbox.h"
#include "store/StoreLog.h"
#include "mime/HeaderText.h"
#include "mime/MessageBuilder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QHash>
#include <limits>

namespace kurier::store {

QString Mailbox::accountRoot(const store::Account &account)
{
    return store::MailLayout::of(account).root();
}

QString Mailbox::path(const store::Account &account, Kind kind)
{
    return store::MailLayout::of(account).path(kind);
}

QString Mailbox::displayName(Kind kind)
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

bool Mailbox::isUnread(const QString &relativePath)
{
    return relativePath.startsWith(QLatin1String("new/")) || !store::Maildir::flagsOf(relativePath).contains(u'S');
}

bool Mailbox::isFlagged(const QString &relativePath)
{
    return store::Maildir::flagsOf(relativePath).contains(u'F');
}

int Mailbox::unreadCount(const store::Account &account, Kind kind)
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

namespace {

// Stable names for the origin files (never translated: they are data).
QString originKey(Mailbox::Kind kind)
{
    switch (kind) {
    case Mailbox::Kind::Inbox: return QStringLiteral("Inbox");
    case Mailbox::Kind::Outbox: return QStringLiteral("Outbox");
    case Mailbox::Kind::Sent: return QStringLiteral("Sent");
    case Mailbox::Kind::Drafts: return QStringLiteral("Drafts");
    case Mailbox::Kind::Trash: return QStringLiteral("Trash");
    }
    return {};
}

} // namespace

QString Mailbox::originsPath(const store::Account &account)
{
    return path(account, Kind::Trash) + QStringLiteral("/.kurier-origin");
}

int Mailbox::messageCount(const store::Account &account, Kind kind)
{
    const store::Maildir maildir(path(account, kind));
    return maildir.exists() ? int(maildir.messages().size()) : 0;
}

bool Mailbox::moveMessage(const QString &fromFolder, const QString &toFolder, const QString &relativePath,
                             QString *error)
{
    const store::Maildir target(toFolder);
    if (!target.create(error))
        return false;
    const QString source = fromFolder + u'/' + relativePath;
    QFile file(source);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    const QByteArray head = file.read(64 * 1024);
    const qint64 size = file.size();
    file.close();
    // Same file name, same sub-directory: new/ stays new/ (unread), cur/ keeps its flags, and
    // the UIDL key in the name still says which server message it is.
    const QString destination = target.filePath(relativePath);
    if (QFileInfo::exists(destination) || !QFile::rename(source, destination)) {
        if (error)
            *error = tr("Cannot move %1 to %2.").arg(source, toFolder);
        return false;
    }
    target.syncNewDirectory();
    // The index is a cache: a failed append only means the list reads the header itself.
    store::HeaderIndex index(target.path() + QStringLiteral("/.kurier-index"));
    index.append(store::HeaderIndex::parse(head, store::HeaderIndex::baseName(relativePath), size));
    return true;
}

std::optional<QString> Mailbox::setFlag(const QString &folder, const QString &relativePath, QChar flag, bool on,
                                        QString *error)
{
    QString flags = store::Maildir::flagsOf(relativePath);
    flags.remove(flag);
    if (on)
        flags += flag;
    return store::Maildir(folder).setFlags(relativePath, flags, error);
}

std::optional<QString> Mailbox::setRead(const QString &folder, const QString &relativePath, bool read, QString *error)
{
    return setFlag(folder, relativePath, u'S', read, error);
}

std::optional<QString> Mailbox::setFlagged(const QString &folder, const QString &relativePath, bool flagged, QString *error)
{
    return setFlag(folder, relativePath, u'F', flagged, error);
}

Mailbox::Marked Mailbox::mark(const QString &folder, const QStringList &relativePaths, Flag flag, bool on)
{
    Marked result;
    const QChar letter = flag == Flag::Seen ? u'S' : u'F';
    for (const QString &relative : relativePaths) {
        QString error;
        if (const auto moved = setFlag(folder, relative, letter, on, &error)) {
            result.from << relative;
            result.to << *moved;
        } else {
            qCWarning(lcStore).noquote() << "cannot mark" << relative << "in" << folder << ":" << error;
            result.error = error;
        }
    }
    return result;
}

std::optional<QString> Mailbox::moveToTrash(const store::Account &account, const QString &fromFolder,
                                               const QString &relativePath, QString *error)
{
    if (!moveMessage(fromFolder, path(account, Kind::Trash), relativePath, error))
        return std::nullopt;
    // Remembered for Wiederherstellen; without it the message would go back to the Inbox.
    const QString from = QDir::cleanPath(fromFolder);
    for (const Kind kind : all()) {
        if (kind == Kind::Trash || QDir::cleanPath(path(account, kind)) != from)
            continue;
        if (QDir().mkpath(originsPath(account))) {
            QSaveFile origin(originsPath(account) + u'/' + store::HeaderIndex::baseName(relativePath));
            if (origin.open(QIODevice::WriteOnly)) {
                origin.write(originKey(kind).toLatin1());
                origin.commit();
            }
        }
        break;
    }
    return relativePath;
}

Mailbox::Trashed Mailbox::trash(const store::Account &account, Kind kind, const QStringList &relativePaths)
{
    Trashed result;
    result.forServer = account.pop3.deleteWhenDeletedLocally && kind == Kind::Inbox;
    store::DeletionRequests requests(accountRoot(account));
    const QString from = path(account, kind);
    for (const QString &relative : relativePaths) {
        QString why;
        if (!moveToTrash(account, from, relative, &why)) {
            qCWarning(lcStore).noquote() << "cannot move" << relative << "of" << from << "to the Trash:" << why;
            result.error = why;
            continue;
        }
        result.moved << relative;
        const QByteArray key = store::Maildir::keyOf(relative);
        if (result.forServer && !key.isEmpty() && !requests.add(key, &why))
            result.serverError = why;
    }
    return result;
}

std::optional<Mailbox::Restored> Mailbox::restoreFromTrash(const store::Account &account, const QString &relativePath,
                                                                 QString *error)
{
    const QString originFile = originsPath(account) + u'/' + store::HeaderIndex::baseName(relativePath);
    Restored restored;
    restored.relativePath = relativePath;
    QFile origin(originFile);
    if (origin.open(QIODevice::ReadOnly)) {
        const QString key = QString::fromLatin1(origin.read(16)).trimmed();
        for (const Kind kind : all()) {
            if (kind != Kind::Trash && originKey(kind) == key)
                restored.folder = kind;
        }
        origin.close();
    }
    if (!moveMessage(path(account, Kind::Trash), path(account, restored.folder), relativePath, error))
        return std::nullopt;
    QFile::remove(originFile);
    // Taken back before the next fetch: the server keeps its copy (UIDL still says "stored", so
    // it is not fetched again either).
    if (restored.folder == Kind::Inbox) {
        const QByteArray key = store::Maildir::keyOf(relativePath);
        if (!key.isEmpty())
            store::DeletionRequests(accountRoot(account)).remove({key});
    }
    return restored;
}

int Mailbox::emptyTrash(const store::Account &account, QString *error)
{
    const store::Maildir trash(path(account, Kind::Trash));
    if (!trash.exists())
        return 0;
    int removed = 0;
    QStringList failed;
    for (const QString &relative : trash.messages()) {
        if (QFile::remove(trash.filePath(relative)))
            ++removed;
        else
            failed << relative;
    }
    // The origins and the index only describe messages that are gone now.
    QDir(originsPath(account)).removeRecursively();
    store::HeaderIndex(trash.path() + QStringLiteral("/.kurier-index")).rebuild(trash);
    if (!failed.isEmpty()) {
        if (error)
            *error = tr("These messages in %1 could not be deleted: %2").arg(trash.path(), failed.join(QStringLiteral(", ")));
        return -1;
    }
    return removed;
}

int Mailbox::markAllRead(const store::Account &account, Kind kind, QString *error)
{
    const store::Maildir maildir(path(account, kind));
    if (!maildir.exists())
        return 0;
    int marked = 0;
    QStringList failed;
    for (const QString &relative : maildir.messages()) {
        if (!isUnread(relative))
            continue;
        if (maildir.setFlags(relative, store::Maildir::flagsOf(relative) + u'S'))
            ++marked;
        else
            failed << relative;
    }
    if (!failed.isEmpty()) {
        if (error)
            *error = tr("These messages in %1 could not be marked as read: %2").arg(maildir.path(), failed.join(QStringLiteral(", ")));
        return -1;
    }
    return marked;
}

QList<MessageSummary> Mailbox::summaries(const QString &folder)
{
    QList<MessageSummary> rows;
    if (folder.isEmpty())
        return rows;
    const Maildir maildir(folder);
    QHash<QString, QString> pathByBase; // base name → relative path
    const QStringList messages = maildir.messages();
    pathByBase.reserve(messages.size());
    for (const QString &m : messages)
        pathByBase.insert(HeaderIndex::baseName(m), m);

    const HeaderIndex index(folder + QStringLiteral("/.kurier-index"));
    const QList<HeaderIndex::Entry> entries = index.load();
    rows.reserve(pathByBase.size());
    // Senders repeat: decode each distinct From once.
    QHash<QString, std::pair<QString, QString>> fromCache;
    // To repeats even more (mostly the account's own address): once per distinct value as well.
    QHash<QString, std::pair<QString, QString>> toCache;
    auto add = [&rows, &fromCache, &toCache](HeaderIndex::Entry entry, const QString &relative) {
        MessageSummary row;
        auto cached = fromCache.constFind(entry.from);
        if (cached == fromCache.constEnd()) {
            const QString decoded = mime::HeaderText::decode(entry.from);
            cached = fromCache.insert(entry.from, {decoded, mime::HeaderText::displayName(decoded)});
        }
        entry.from = cached->first;
        row.fromName = cached->second;
        entry.subject = mime::HeaderText::decode(entry.subject);
        if (!entry.to.isEmpty()) {
            auto to = toCache.constFind(entry.to);
            if (to == toCache.constEnd()) {
                const QString decoded = mime::HeaderText::decode(entry.to);
                to = toCache.insert(entry.to, {decoded, mime::HeaderText::displayNames(decoded)});
            }
            entry.to = to->first;
            row.toNames = to->second;
        }
        row.time = entry.date.isValid() ? entry.date.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
        row.entry = std::move(entry);
        row.relativePath = relative;
        row.unread = isUnread(relative);
        row.flagged = isFlagged(relative);
        rows.append(std::move(row));
    };
    for (const HeaderIndex::Entry &e : entries) {
        const auto it = pathByBase.constFind(e.baseName);
        if (it == pathByBase.constEnd())
            continue; // deleted since, or a duplicate line
        add(e, it.value());
        pathByBase.erase(it);
    }
    // Not in the index: read just the header block of these files.
    for (auto it = pathByBase.cbegin(); it != pathByBase.cend(); ++it) {
        QFile f(maildir.filePath(it.value()));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray head = f.read(64 * 1024);
        add(HeaderIndex::parse(head, it.key(), f.size()), it.value());
    }
    return rows;
}

QSet<QString> Mailbox::files(const QString &folder)
{
    const QStringList names = Maildir(folder).messages();
    return QSet<QString>(names.cbegin(), names.cend());
}

qint64 Mailbox::indexSize(const QString &folder)
{
    return folder.isEmpty() ? 0 : QFileInfo(folder + QStringLiteral("/.kurier-index")).size();
}

std::optional<QByteArray> Mailbox::read(const QString &folder, const QString &relativePath, QString *error)
{
    QFile f(folder + u'/' + relativePath);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = f.errorString();
        return std::nullopt;
    }
    return f.readAll();
}

Mailbox::Removed Mailbox::remove(const Account &account, Kind kind, const QStringList &relativePaths)
{
    Removed result;
    const QString folder = path(account, kind);
    // The Outbox's messages go with their envelope; one on its way right now stays (the sender
    // records its outcome).
    std::optional<Outbox> outbox;
    if (kind == Kind::Outbox) {
        outbox.emplace(accountRoot(account));
        if (!outbox->open()) {
            result.error = outbox->errorString();
            return result;
        }
    }
    for (const QString &relative : relativePaths) {
        bool removed = false;
        if (outbox) {
            const QString id = HeaderIndex::baseName(relative);
            const auto entry = outbox->entry(id);
            if (entry && entry->state == Outbox::State::Sending)
                result.error = tr("The message is being sent right now.");
            else if (!(removed = outbox->remove(id)))
                result.error = outbox->errorString();
        } else {
            QFile f(folder + u'/' + relative);
            if (!(removed = f.remove()))
                result.error = f.errorString();
        }
        if (removed)
            result.removed << relative;
        else
            qCWarning(lcStore).noquote() << "cannot remove" << relative << "of" << folder << ":" << result.error;
    }
    return result;
}

std::optional<QString> Mailbox::queue(const Account &account, const mime::Draft &draft, QString *error)
{
    mime::Draft d = draft;
    if (d.from.address.isEmpty())
        d.from = {account.senderName, account.email};
    const mime::MessageBuilder::Result built = mime::MessageBuilder::build(d);
    if (!built.ok() || built.recipients.isEmpty()) {
        if (error)
            *error = built.ok() ? tr("The message has no recipient.") : built.error;
        return std::nullopt;
    }
    Outbox outbox(accountRoot(account));
    std::optional<QString> id;
    if (outbox.open())
        id = outbox.enqueue(built.reversePath, built.recipients, built.data);
    if (!id) {
        qCWarning(lcStore).noquote() << "cannot queue a message in the Outbox of" << account.prefix << ":" << outbox.errorString();
        if (error)
            *error = tr("The message could not be put into the Outbox: %1").arg(outbox.errorString());
    }
    return id;
}

std::optional<QString> Mailbox::saveDraft(const Account &account, const QByteArray &message, QString *error)
{
    const Maildir drafts(path(account, Kind::Drafts));
    if (!drafts.create(error))
        return std::nullopt;
    const auto name = drafts.deliver(message, {}, error);
    if (!name)
        return std::nullopt;
    // Should the rename fail, the draft is still there, in new/.
    const auto flagged = drafts.setFlags(QStringLiteral("new/") + *name, QStringLiteral("DS"));
    return drafts.filePath(flagged ? *flagged : QStringLiteral("new/") + *name);
}

bool Mailbox::discardDraft(const Account &account, const QString &filePath)
{
    const QString drafts = QDir::cleanPath(path(account, Kind::Drafts)) + u'/';
    const QString file = QDir::cleanPath(filePath);
    if (!file.startsWith(drafts))
        return false;
    return QFile::remove(file);
}

std::optional<Outbox::Entry> Mailbox::outboxEntry(const Account &account, const QString &relativePath)
{
    Outbox outbox(accountRoot(account));
    if (!outbox.open())
        return std::nullopt;
    return outbox.entry(HeaderIndex::baseName(relativePath));
}

} // namespace kurier::store
