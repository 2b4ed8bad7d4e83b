#include "mail/FolderTree.h"

#include "store/AccountManager.h"

#include <QLocale>
#include <QMenu>
#include <algorithm>

namespace kurier::ui {

namespace {

constexpr int AccountIdRole = Qt::UserRole;
constexpr int FolderKindRole = Qt::UserRole + 1; // -1 on account rows

} // namespace

FolderTree::FolderTree(store::AccountManager *accounts, QWidget *parent)
    : QTreeWidget(parent)
    , m_accounts(accounts)
{
    setObjectName(QStringLiteral("folderTree"));
    setHeaderHidden(true);
    setRootIsDecorated(true);
    setMinimumWidth(240);
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QTreeWidget::customContextMenuRequested, this, &FolderTree::showMenu);
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (item && !folderOf(item))
            emit accountsRequested();
    });
}

void FolderTree::setAccounts(QList<store::Account> accounts)
{
    const QSignalBlocker block(this);
    clear();
    // Default first (the store sorts so already; the tree must not depend on it).
    std::stable_sort(accounts.begin(), accounts.end(),
                     [](const store::Account &a, const store::Account &b) { return a.isDefault && !b.isDefault; });
    for (const store::Account &a : std::as_const(accounts)) {
        QString text = a.prefix + QStringLiteral(" · ") + a.email;
        if (a.isDefault)
            text += QStringLiteral("  ") + tr("(default)");
        auto *item = new QTreeWidgetItem(this, {text});
        item->setToolTip(0, text);
        item->setData(0, AccountIdRole, a.id);
        item->setData(0, FolderKindRole, -1);
        if (a.isDefault) {
            QFont f = item->font(0);
            f.setBold(true);
            item->setFont(0, f);
        }
        for (const store::Mailbox::Kind kind : store::Mailbox::all()) {
            auto *folder = new QTreeWidgetItem(item);
            folder->setData(0, AccountIdRole, a.id);
            folder->setData(0, FolderKindRole, int(kind));
        }
        item->setExpanded(true);
    }
    refreshCounts();
}

QTreeWidgetItem *FolderTree::folderItem(const QString &accountId, store::Mailbox::Kind kind) const
{
    for (int i = 0; i < topLevelItemCount(); ++i) {
        QTreeWidgetItem *account = topLevelItem(i);
        if (accountOf(account) != accountId)
            continue;
        for (int j = 0; j < account->childCount(); ++j) {
            if (account->child(j)->data(0, FolderKindRole).toInt() == int(kind))
                return account->child(j);
        }
    }
    return nullptr;
}

std::optional<FolderTree::Folder> FolderTree::folderOf(const QTreeWidgetItem *item)
{
    const int kind = item ? item->data(0, FolderKindRole).toInt() : -1;
    if (kind < 0)
        return std::nullopt;
    return Folder{accountOf(item), store::Mailbox::Kind(kind)};
}

QString FolderTree::accountOf(const QTreeWidgetItem *item)
{
    return item ? item->data(0, AccountIdRole).toString() : QString();
}

int FolderTree::refreshCounts()
{
    int unreadInboxes = 0;
    for (int i = 0; i < topLevelItemCount(); ++i) {
        QTreeWidgetItem *accountItem = topLevelItem(i);
        const auto account = m_accounts->findById(accountOf(accountItem));
        if (!account)
            continue;
        for (int j = 0; j < accountItem->childCount(); ++j) {
            QTreeWidgetItem *item = accountItem->child(j);
            const auto kind = store::Mailbox::Kind(item->data(0, FolderKindRole).toInt());
            const int count = store::Mailbox::unreadCount(*account, kind);
            if (kind == store::Mailbox::Kind::Inbox)
                unreadInboxes += count;
            const QString name = store::Mailbox::displayName(kind);
            item->setText(0, count > 0 ? QStringLiteral("%1 (%2)").arg(name, QLocale().toString(count)) : name);
            QFont f = item->font(0);
            f.setBold(count > 0);
            item->setFont(0, f);
        }
    }
    return unreadInboxes;
}

void FolderTree::showMenu(const QPoint &pos)
{
    // Per account: Abrufen for this account alone, and OAuth sign-in (browser or device code).
    QTreeWidgetItem *item = itemAt(pos);
    const auto account = item ? m_accounts->findById(accountOf(item)) : std::nullopt;
    if (!account)
        return;
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("accountContextMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const QString id = account->id;
    menu->addAction(tr("&Fetch Mail for %1").arg(account->prefix), this, [this, id] { emit fetchRequested(id); })
        ->setEnabled(!account->pop3.host.isEmpty());
    if (account->oauth.enabled)
        menu->addAction(tr("&Sign In…"), this, [this, id] { emit signInRequested(id); });
    const auto folder = folderOf(item);
    using Kind = store::Mailbox::Kind;
    if (folder && (folder->kind == Kind::Inbox || folder->kind == Kind::Trash)) {
        const Kind kind = folder->kind;
        menu->addAction(tr("Mark Folder &Read"), this, [this, id, kind] { emit markReadRequested(id, kind); })
            ->setEnabled(store::Mailbox::unreadCount(*account, kind) > 0);
    }
    if (folder && folder->kind == Kind::Trash) {
        menu->addAction(tr("E&mpty Trash"), this, [this, id] { emit emptyTrashRequested(id); })
            ->setEnabled(store::Mailbox::messageCount(*account, Kind::Trash) > 0);
    }
    menu->addSeparator();
    menu->addAction(tr("&Accounts…"), this, &FolderTree::accountsRequested);
    menu->popup(viewport()->mapToGlobal(pos));
}

} // namespace kurier::ui
