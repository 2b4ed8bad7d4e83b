#include "mail/MailActions.h"

#include "mail/Composing.h"
#include "mail/MessageOperations.h"
#include "mail/MessageView.h"

#include <QApplication>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>

namespace kurier::ui {

namespace {

QAction *named(QAction *action, const char *objectName, const QKeySequence &shortcut = {})
{
    action->setObjectName(QString::fromLatin1(objectName));
    action->setShortcut(shortcut);
    return action;
}

} // namespace

MailActions::MailActions(QMainWindow *window, Composing *composing, MessageOperations *operations, MessageView *view)
    : QObject(window)
{
    QMenu *file = window->menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows)->setShortcut(QKeySequence::Quit);

    QMenu *message = window->menuBar()->addMenu(tr("&Message"));
    message->setObjectName(QStringLiteral("messageMenu"));
    fetch = named(message->addAction(tr("&Fetch Mail")), "fetchAction", Qt::Key_F5);
    compose = named(message->addAction(tr("&Compose"), composing, &Composing::compose), "composeAction", QKeySequence::New);
    message->addSeparator();
    reply = named(message->addAction(tr("&Reply"), composing, &Composing::reply), "replyAction", Qt::CTRL | Qt::Key_R);
    replyAll = named(message->addAction(tr("Reply to &All"), composing, &Composing::replyAll), "replyAllAction",
                     Qt::CTRL | Qt::SHIFT | Qt::Key_R);
    forward = named(message->addAction(tr("F&orward"), composing, &Composing::forward), "forwardAction", Qt::CTRL | Qt::Key_L);
    forwardAttached = named(message->addAction(tr("Forward as A&ttachment"), composing, &Composing::forwardAsAttachment),
                            "forwardAsAttachmentAction");
    retry = named(message->addAction(tr("Send A&gain")), "retryAction");
    save = named(message->addAction(tr("Sa&ve As…"), view, &MessageView::saveMessage), "saveMessageAction", QKeySequence::Save);
    message->addSeparator();
    remove = named(message->addAction(tr("&Delete"), operations, &MessageOperations::deleteSelected), "deleteAction",
                   QKeySequence::Delete);
    restore = named(message->addAction(tr("Re&store"), operations, &MessageOperations::restoreSelected), "restoreAction");
    // Thunderbird's key; the filter field keeps a typed "m" (a line edit overrides shortcuts
    // that are text).
    toggleRead = named(message->addAction(tr("Mark as &Unread"), operations, &MessageOperations::toggleReadSelected),
                       "toggleReadAction", Qt::Key_M);
    // Thunderbird's key for its star.
    toggleFlag = named(message->addAction(tr("Mark as F&lagged"), operations, &MessageOperations::toggleFlagSelected),
                       "toggleFlagAction", Qt::Key_S);
    emptyTrash = named(message->addAction(tr("E&mpty Trash")), "emptyTrashAction");

    QMenu *options = window->menuBar()->addMenu(tr("&Options"));
    options->setObjectName(QStringLiteral("optionsMenu"));
    accounts = named(options->addAction(tr("&Accounts…")), "accountsAction");

    QToolBar *toolbar = window->addToolBar(tr("Main Toolbar"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addActions({fetch, compose});
    toolbar->addSeparator();
    toolbar->addActions({reply, replyAll, forward});
    toolbar->addSeparator();
    toolbar->addAction(remove);
}

void MailActions::update(const State &s)
{
    for (QAction *a : {reply, replyAll, forward, forwardAttached})
        a->setEnabled(s.haveMessage);
    remove->setEnabled(s.haveSelection);
    save->setEnabled(s.haveSelection && s.canSave);
    retry->setEnabled(s.haveSelection && s.kind == store::Mailbox::Kind::Outbox);
    restore->setEnabled(s.haveSelection && s.kind == store::Mailbox::Kind::Trash);
    // The Outbox's "unread" means "waiting": nothing to mark there.
    toggleRead->setText(s.shownUnread ? tr("Mark as R&ead") : tr("Mark as &Unread"));
    toggleRead->setEnabled(s.haveSelection && s.kind != store::Mailbox::Kind::Outbox);
    toggleFlag->setText(s.shownFlagged ? tr("Remove F&lag") : tr("Mark as F&lagged"));
    toggleFlag->setEnabled(s.haveSelection && s.kind != store::Mailbox::Kind::Outbox);
    emptyTrash->setEnabled(s.trashHasMessages);
    compose->setEnabled(s.haveAccounts);
    fetch->setEnabled(s.haveAccounts);
}

QList<QAction *> MailActions::contextMenu(store::Mailbox::Kind kind) const
{
    QList<QAction *> actions{reply, replyAll, forward, forwardAttached, nullptr, save,
                             kind == store::Mailbox::Kind::Outbox ? retry : toggleRead};
    if (kind != store::Mailbox::Kind::Outbox)
        actions << toggleFlag;
    if (kind == store::Mailbox::Kind::Trash)
        actions << restore;
    return actions << remove;
}

} // namespace kurier::ui
