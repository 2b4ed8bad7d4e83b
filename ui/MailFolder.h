#pragma once

#include "store/Account.h"

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

namespace kurier::ui {

// The four folders every account has, and where they live: the Maildirs under the account's
// mail folder ($XDG_DATA_HOME/kurier/<prefix>/INBOX, Outbox, Sent, Drafts) that POP3, the
// Outbox and the composer write.
class MailFolder
{
    Q_DECLARE_TR_FUNCTIONS(MailFolder)
public:
    enum class Kind { Inbox, Outbox, Sent, Drafts };

    [[nodiscard]] static QList<Kind> all() { return {Kind::Inbox, Kind::Outbox, Kind::Sent, Kind::Drafts}; }
    // The account's mail folder.
    [[nodiscard]] static QString accountRoot(const store::Account &account);
    [[nodiscard]] static QString path(const store::Account &account, Kind kind);
    // "Inbox", "Outbox", "Sent", "Drafts" (translated).
    [[nodiscard]] static QString displayName(Kind kind);
    // Messages not yet seen (in new/, or in cur/ without the S flag); for the Outbox the number
    // of messages waiting. Counting lists the directories only; no file is opened.
    [[nodiscard]] static int unreadCount(const store::Account &account, Kind kind);
    // A Maildir relative path ("new/x", "cur/x:2,S") is unread.
    [[nodiscard]] static bool isUnread(const QString &relativePath);
};

} // namespace kurier::ui

Q_DECLARE_METATYPE(kurier::ui::MailFolder::Kind)
