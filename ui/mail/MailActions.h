#pragma once

#include "store/Mailbox.h"

#include <QObject>

class QAction;
class QMainWindow;

namespace kurier::ui {

class Composing;
class MessageOperations;
class MessageView;

// The mail window's commands: the menus Datei, Nachricht and Optionen and the toolbar, each
// action connected to who carries it out (composing, the list's operations, the message view);
// fetch, retry, empty Trash and accounts are the window's to connect. update() enables what
// fits the folder and selection shown.
class MailActions : public QObject
{
    Q_OBJECT
public:
    MailActions(QMainWindow *window, Composing *composing, MessageOperations *operations, MessageView *view);

    struct State {
        store::Mailbox::Kind kind = store::Mailbox::Kind::Inbox;
        bool haveAccounts = false;
        bool haveMessage = false;   // a message is shown (reply, forward)
        bool haveSelection = false; // rows are selected (delete, mark, restore)
        bool canSave = false;
        bool shownUnread = false;   // the message shown is unread: the toggle says "Mark as Read"
        bool shownFlagged = false;  // the message shown is flagged: the toggle says "Remove Flag"
        bool trashHasMessages = false;
    };
    void update(const State &state);
    // What a right click on a message offers in a folder of this kind (nullptr: a separator).
    [[nodiscard]] QList<QAction *> contextMenu(store::Mailbox::Kind kind) const;

    QAction *fetch;
    QAction *compose;
    QAction *reply;
    QAction *replyAll;
    QAction *forward;
    QAction *forwardAttached;
    QAction *retry;
    QAction *save;
    QAction *remove;
    QAction *restore;
    QAction *toggleRead;
    QAction *toggleFlag;
    QAction *emptyTrash;
    QAction *accounts;
};

} // namespace kurier::ui
