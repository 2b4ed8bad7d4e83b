#pragma once

#include "store/Account.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace kurier::store {

// Where an account's mail lives, in one place: the account's mail folder
// ($XDG_DATA_HOME/kurier/<prefix>) holds one Maildir per folder (INBOX, Outbox, Sent, Drafts,
// Trash) beside the POP3 state (pop3-uidl/, delete-on-server/) and the Trash's origins. POP3
// delivers into the Inbox, the Outbox sends from Outbox into Sent, the composer saves Drafts,
// Löschen fills the Trash; all of them ask here. Other programs (mutt, notmuch) read the same
// Maildirs, so the directory names are data and never translated.
class MailLayout
{
public:
    enum class Folder { Inbox, Outbox, Sent, Drafts, Trash };

    // The layout under an account folder (tests and `Outbox(root)` give their own).
    explicit MailLayout(QString root);
    // The account's own, under $XDG_DATA_HOME.
    [[nodiscard]] static MailLayout of(const Account &account);

    // Every folder an account has, in the order the folder tree shows them.
    [[nodiscard]] static QList<Folder> folders()
    {
        return {Folder::Inbox, Folder::Outbox, Folder::Sent, Folder::Drafts, Folder::Trash};
    }
    // The folder's directory name under the account folder ("INBOX", "Outbox" …).
    [[nodiscard]] static QString directoryName(Folder folder);

    [[nodiscard]] const QString &root() const { return m_root; }
    // The folder's Maildir.
    [[nodiscard]] QString path(Folder folder) const;

private:
    QString m_root;
};

} // namespace kurier::store

Q_DECLARE_METATYPE(kurier::store::MailLayout::Folder)
