#pragma once

#include "store/Account.h"

#include <QObject>

class QFileSystemWatcher;
class QTimer;

namespace kurier::store {

// Notices when another program writes an account's folders (`kurierctl fetch`, a mail filter,
// mutt): new/ and cur/ of every Maildir of store::MailLayout are watched, and the account folder
// itself, so that a folder made later (the first Trash, Sent …) is watched from then on.
// Changes are gathered: a fetch writes many files, changed() comes at most every half second.
class FolderWatcher : public QObject
{
    Q_OBJECT
public:
    explicit FolderWatcher(QObject *parent = nullptr);

    // Watches these accounts' folders (and no others any more).
    void setAccounts(const QList<Account> &accounts);
    [[nodiscard]] QStringList watched() const;

signals:
    void changed();

private:
    void update();

    QList<Account> m_accounts;
    QFileSystemWatcher *m_watcher;
    QTimer *m_gather;
};

} // namespace kurier::store
