#pragma once

#include "store/Mailbox.h"

#include <QObject>
#include <QPointer>

class QLabel;
class QMessageBox;
class QWidget;

namespace kurier::store {
class AccountManager;
}

namespace kurier::ui {

class MessageListModel;
class MessageListView;

// Löschen, Wiederherstellen, Als (un)gelesen markieren, Als wichtig markieren, Ordner als gelesen markieren and
// Papierkorb leeren on the messages selected in the list: asks first where the step is for good
// (non-modal), lets store::Mailbox do it, and says in the status line what happened to each
// message. It does not touch a file itself.
class MessageOperations : public QObject
{
    Q_OBJECT
public:
    MessageOperations(store::AccountManager *accounts, MessageListModel *model, MessageListView *list, QLabel *statusText,
                      QWidget *window);

    // The folder the list shows.
    void setFolder(const QString &accountId, store::Mailbox::Kind kind);

    // Outside the Trash and the Outbox: into the Trash at once (marked for DELE at the next
    // fetch when the account deletes on the server); in the Trash and the Outbox it asks, then
    // removes them for good.
    void deleteSelected();
    void restoreSelected();
    // The message shown decides, as the action's text says; the others selected follow it.
    void toggleReadSelected();
    // Als wichtig markieren: the same for the F flag.
    void toggleFlagSelected();
    void markFolderRead(const QString &accountId, store::Mailbox::Kind kind);
    void emptyTrash(const QString &accountId);
    // Sets or clears the Maildir S flag of the message in `row` and updates the row.
    bool setRead(int row, bool read, QString *error = nullptr);

    [[nodiscard]] QMessageBox *deleteQuestion() const { return m_deleteQuestion; }
    [[nodiscard]] QMessageBox *emptyTrashQuestion() const { return m_emptyTrashQuestion; }

signals:
    // These rows (highest first) left the list; `status` says what became of them.
    void messagesLeft(const QList<int> &rowsDescending, const QString &status);
    // Counts, flags or a folder's files changed.
    void changed();

private:
    void moveToTrash(const QList<int> &rowsDescending);

    store::AccountManager *m_accounts;
    MessageListModel *m_model;
    MessageListView *m_list;
    QLabel *m_statusText;
    QWidget *m_window;
    QString m_accountId;
    store::Mailbox::Kind m_kind = store::Mailbox::Kind::Inbox;
    QPointer<QMessageBox> m_deleteQuestion;
    QPointer<QMessageBox> m_emptyTrashQuestion;
};

} // namespace kurier::ui
