#include "store/MailLayout.h"

#include <QStandardPaths>

namespace kurier::store {

MailLayout::MailLayout(QString root)
    : m_root(std::move(root))
{
}

MailLayout MailLayout::of(const Account &account)
{
    return MailLayout(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/kurier/")
                      + account.prefix);
}

QString MailLayout::directoryName(Folder folder)
{
    switch (folder) {
    case Folder::Inbox: return QStringLiteral("INBOX"); // as Dovecot and mbsync name it
    case Folder::Outbox: return QStringLiteral("Outbox");
    case Folder::Sent: return QStringLiteral("Sent");
    case Folder::Drafts: return QStringLiteral("Drafts");
    case Folder::Trash: return QStringLiteral("Trash");
    }
    return {};
}

QString MailLayout::path(Folder folder) const
{
    return m_root + u'/' + directoryName(folder);
}

} // namespace kurier::store
