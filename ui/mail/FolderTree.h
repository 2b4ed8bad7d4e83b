#pragma once

#include "store/Account.h"
#include "store/Mailbox.h"

#include <QTreeWidget>
#include <optional>

namespace kurier::store {
class AccountManager;
}

namespace kurier::ui {

// The accounts with their folders on the left of the mail window: one top-level row per account
// (the default first, in bold), its Inbox, Outbox, Sent, Drafts and Trash below with the unread
// count (bold while there are unread ones). Its context menu offers what can be done with the
// account or folder; the window does it.
class FolderTree : public QTreeWidget
{
    Q_OBJECT
public:
    struct Folder {
        QString accountId;
        store::Mailbox::Kind kind = store::Mailbox::Kind::Inbox;
    };

    explicit FolderTree(store::AccountManager *accounts, QWidget *parent = nullptr);

    // Rebuilds the rows from the accounts (default first); selects nothing (signals blocked).
    void setAccounts(QList<store::Account> accounts);
    // The row of a folder, or nullptr.
    [[nodiscard]] QTreeWidgetItem *folderItem(const QString &accountId, store::Mailbox::Kind kind) const;
    // The folder a row stands for; nullopt for an account's own row.
    [[nodiscard]] static std::optional<Folder> folderOf(const QTreeWidgetItem *item);
    [[nodiscard]] static QString accountOf(const QTreeWidgetItem *item);
    // The unread counts into the folder names; returns the unread messages of every Inbox.
    int refreshCounts();

signals:
    void fetchRequested(const QString &accountId);
    void signInRequested(const QString &accountId);
    void markReadRequested(const QString &accountId, kurier::store::Mailbox::Kind kind);
    void emptyTrashRequested(const QString &accountId);
    // "Benutzerkonten…", also a double click on an account's row.
    void accountsRequested();

private:
    void showMenu(const QPoint &pos);

    store::AccountManager *m_accounts;
};

} // namespace kurier::ui
