#include "MailFolder.h"

#include "pop3/Pop3AccountSetup.h"
#include "store/Maildir.h"

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
    if (kind != Kind::Inbox)
        return 0;
    int unread = 0;
    for (const QString &m : messages)
        unread += isUnread(m) ? 1 : 0;
    return unread;
}

} // namespace kurier::ui
