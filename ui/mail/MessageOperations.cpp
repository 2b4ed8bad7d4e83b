#include "mail/MessageOperations.h"

#include "common/Question.h"
#include "mail/MessageListModel.h"
#include "mail/MessageListView.h"
#include "store/AccountManager.h"

#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>

namespace kurier::ui {

MessageOperations::MessageOperations(store::AccountManager *accounts, MessageListModel *model, MessageListView *list,
                                     QLabel *statusText, QWidget *window)
    : QObject(window)
    , m_accounts(accounts)
    , m_model(model)
    , m_list(list)
    , m_statusText(statusText)
    , m_window(window)
{
}

void MessageOperations::setFolder(const QString &accountId, store::Mailbox::Kind kind)
{
    m_accountId = accountId;
    m_kind = kind;
}

bool MessageOperations::setRead(int row, bool read, QString *error)
{
    const auto moved = store::Mailbox::setRead(m_model->folder(), m_model->rowAt(row).relativePath, read, error);
    if (moved)
        m_model->setRelativePath(row, *moved);
    return moved.has_value();
}

void MessageOperations::markFolderRead(const QString &accountId, store::Mailbox::Kind kind)
{
    const auto account = m_accounts->findById(accountId);
    if (!account)
        return;
    QString error;
    if (store::Mailbox::markAllRead(*account, kind, &error) < 0)
        m_statusText->setText(error);
    emit changed(); // the rows and the counts, now rather than when the watcher fires
}

void MessageOperations::toggleReadSelected()
{
    const QList<int> rows = m_list->selectedRows();
    if (rows.isEmpty() || m_kind == store::Mailbox::Kind::Outbox)
        return;
    // The message shown decides, as the action's text says; the others follow it.
    const QModelIndex current = m_list->currentIndex();
    const bool markRead = m_model->rowAt(current.isValid() ? current.row() : rows.last()).unread;
    QString error;
    for (const int row : rows) {
        if (m_model->rowAt(row).unread == markRead)
            setRead(row, markRead, &error);
    }
    if (!error.isEmpty())
        m_statusText->setText(tr("The message could not be marked: %1").arg(error));
    emit changed();
}

void MessageOperations::toggleFlagSelected()
{
    const QList<int> rows = m_list->selectedRows();
    if (rows.isEmpty() || m_kind == store::Mailbox::Kind::Outbox)
        return;
    const QModelIndex current = m_list->currentIndex();
    const bool flag = !m_model->rowAt(current.isValid() ? current.row() : rows.last()).flagged;
    QList<int> changing;
    QStringList relatives;
    for (const int row : rows) {
        if (m_model->rowAt(row).flagged != flag) {
            changing << row;
            relatives << m_model->rowAt(row).relativePath;
        }
    }
    const store::Mailbox::Marked marked = store::Mailbox::mark(m_model->folder(), relatives, store::Mailbox::Flag::Flagged, flag);
    for (int i = 0, next = 0; i < changing.size() && next < marked.from.size(); ++i) {
        if (relatives.at(i) == marked.from.at(next))
            m_model->setRelativePath(changing.at(i), marked.to.at(next++));
    }
    if (!marked.error.isEmpty())
        m_statusText->setText(tr("The message could not be marked: %1").arg(marked.error));
    emit changed();
}

void MessageOperations::moveToTrash(const QList<int> &rowsDescending)
{
    const auto account = m_accounts->findById(m_accountId);
    if (!account || rowsDescending.isEmpty())
        return;
    // Löschen outside the Trash; with "delete on the server when deleted locally" the next fetch
    // sends DELE for them (the mailbox decides and records it).
    QStringList relatives;
    for (const int row : rowsDescending)
        relatives << m_model->rowAt(row).relativePath;
    const store::Mailbox::Trashed trashed = store::Mailbox::trash(*account, m_kind, relatives);
    const QSet<QString> inTrash(trashed.moved.cbegin(), trashed.moved.cend());
    QList<int> moved;
    for (int i = 0; i < rowsDescending.size(); ++i) {
        if (inTrash.contains(relatives.at(i)))
            moved << rowsDescending.at(i);
    }
    const QString &error = trashed.error;
    const QString &serverError = trashed.serverError;
    const bool forServer = trashed.forServer;
    QString note;
    if (moved.isEmpty())
        note = tr("The message could not be moved to the Trash: %1").arg(error);
    else if (!error.isEmpty())
        note = tr("%1 of %2 messages were moved to the Trash; the others could not be: %3")
                   .arg(QLocale().toString(moved.size()), QLocale().toString(rowsDescending.size()), error);
    else if (!serverError.isEmpty())
        note = tr("Moved to the Trash, but it cannot be marked for deletion on the server: %1").arg(serverError);
    else if (forServer)
        note = moved.size() == 1 ? tr("Moved to the Trash; it will be deleted on the server at the next fetch.")
                                 : tr("%1 messages moved to the Trash; they will be deleted on the server at the next fetch.")
                                       .arg(QLocale().toString(moved.size()));
    else
        note = moved.size() == 1 ? tr("Moved to the Trash.")
                                 : tr("%1 messages moved to the Trash.").arg(QLocale().toString(moved.size()));
    if (moved.isEmpty()) {
        m_statusText->setText(note);
        return;
    }
    emit messagesLeft(moved, note);
}

void MessageOperations::restoreSelected()
{
    const auto account = m_accounts->findById(m_accountId);
    const QList<int> rows = m_list->selectedRows();
    if (rows.isEmpty() || !account || m_kind != store::Mailbox::Kind::Trash)
        return;
    QList<int> restored;
    QString error;
    store::Mailbox::Kind folder = store::Mailbox::Kind::Inbox;
    for (const int row : rows) {
        QString why;
        if (const auto r = store::Mailbox::restoreFromTrash(*account, m_model->rowAt(row).relativePath, &why)) {
            restored << row;
            folder = r->folder;
        } else {
            error = why;
        }
    }
    if (restored.isEmpty()) {
        m_statusText->setText(tr("The message could not be restored: %1").arg(error));
        return;
    }
    QString note = restored.size() == 1 ? tr("Restored to %1.").arg(store::Mailbox::displayName(folder))
                                        : tr("%1 messages restored to the folders they came from.").arg(QLocale().toString(restored.size()));
    if (!error.isEmpty())
        note += u' ' + tr("Some could not be restored: %1").arg(error);
    emit messagesLeft(restored, note);
}

void MessageOperations::emptyTrash(const QString &accountId)
{
    const auto account = m_accounts->findById(accountId);
    if (!account)
        return;
    const int count = store::Mailbox::messageCount(*account, store::Mailbox::Kind::Trash);
    if (count == 0)
        return;
    if (m_emptyTrashQuestion)
        m_emptyTrashQuestion->close();
    const Question q = askFirst(
        m_window, QMessageBox::Question, tr("Empty Trash?"),
        count == 1 ? tr("Delete the message in the Trash of %1 for good?").arg(account->prefix)
                   : tr("Delete all %2 messages in the Trash of %1 for good?").arg(account->prefix, QLocale().toString(count)),
        tr("&Empty Trash"));
    m_emptyTrashQuestion = q.box;
    m_emptyTrashQuestion->setObjectName(QStringLiteral("emptyTrashQuestion"));
    QPushButton *yes = q.confirm;
    yes->setObjectName(QStringLiteral("confirmEmptyTrash"));
    connect(m_emptyTrashQuestion, &QMessageBox::buttonClicked, this, [this, yes, accountId](QAbstractButton *button) {
        const auto current = m_accounts->findById(accountId); // it may have been removed meanwhile
        if (button != yes || !current)
            return;
        QString error;
        const int removed = store::Mailbox::emptyTrash(*current, &error);
        emit changed(); // the Trash's list reloads: its files are gone
        m_statusText->setText(removed < 0 ? error : tr("The Trash of %1 is empty.").arg(current->prefix));
    });
    m_emptyTrashQuestion->open();
}

void MessageOperations::deleteSelected()
{
    const QList<int> rows = m_list->selectedRows();
    if (rows.isEmpty())
        return;
    // Outside the Trash and the Outbox a message goes to the Trash at once (it can be taken back
    // from there); only deleting from the Trash (or a message waiting to be sent) is for good.
    if (m_kind != store::Mailbox::Kind::Trash && m_kind != store::Mailbox::Kind::Outbox) {
        moveToTrash(m_list->selectedRows());
        return;
    }
    QStringList relatives;
    for (const int row : rows)
        relatives << m_model->rowAt(row).relativePath;
    const QString subject = m_model->rowAt(rows.first()).entry.subject;
    if (m_deleteQuestion)
        m_deleteQuestion->close();
    const Question q = askFirst(m_window, QMessageBox::Question, rows.size() == 1 ? tr("Delete Message?") : tr("Delete Messages?"),
                                rows.size() == 1 ? tr("Delete \"%1\" for good?").arg(subject.isEmpty() ? tr("(no subject)") : subject)
                                                 : tr("Delete these %1 messages for good?").arg(QLocale().toString(rows.size())),
                                tr("&Delete"));
    m_deleteQuestion = q.box;
    m_deleteQuestion->setObjectName(QStringLiteral("deleteQuestion"));
    QPushButton *yes = q.confirm;
    yes->setObjectName(QStringLiteral("confirmDelete"));
    const store::Mailbox::Kind kind = m_kind;
    const QString accountId = m_accountId;
    connect(m_deleteQuestion, &QMessageBox::buttonClicked, this, [this, yes, relatives, kind, accountId](QAbstractButton *button) {
        const auto account = m_accounts->findById(accountId);
        if (button != yes || kind != m_kind || accountId != m_accountId || !account)
            return;
        const store::Mailbox::Removed removed = store::Mailbox::remove(*account, kind, relatives);
        // Rows may have moved meanwhile (a fetch reloaded the list): they are found by path.
        const QSet<QString> gone(removed.removed.cbegin(), removed.removed.cend());
        QList<int> deleted;
        for (int row = m_model->rowCount() - 1; row >= 0; --row) {
            if (gone.contains(m_model->rowAt(row).relativePath))
                deleted << row;
        }
        const qsizetype failed = relatives.size() - removed.removed.size();
        const QString note = failed == 0 ? QString()
            : failed == 1              ? tr("The message could not be deleted: %1").arg(removed.error)
                                       : tr("%1 messages could not be deleted: %2").arg(QLocale().toString(failed), removed.error);
        if (!deleted.isEmpty())
            emit messagesLeft(deleted, note);
        else
            m_statusText->setText(note);
    });
    m_deleteQuestion->open();
}

} // namespace kurier::ui
