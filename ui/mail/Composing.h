#pragma once

#include "compose/ComposerWindow.h"
#include "store/Mailbox.h"

#include <QObject>
#include <QPointer>

class QLabel;
class QWidget;

namespace kurier::store {
class AccountManager;
}

namespace kurier::ui {

class MessageListModel;
class MessageListView;
class MessageView;

// Verfassen, Antworten, Allen antworten, Weiterleiten (also as attachment), a mailto: link and
// continuing a draft, from the mail window: opens the composer with the message shown, the
// account of the folder shown as sender and the folder's addresses for completion.
class Composing : public QObject
{
    Q_OBJECT
public:
    Composing(store::AccountManager *accounts, MessageListModel *model, MessageListView *list, MessageView *view,
              QLabel *statusText, QWidget *window);

    // The folder the list shows.
    void setFolder(const QString &accountId, store::Mailbox::Kind kind);

    ComposerWindow *compose();
    // A mailto: link (mime::MailtoUrl, RFC 6068): a new message with its To/Cc/Bcc, subject and
    // body, in front. nullptr when `url` is not a mailto: URL.
    ComposerWindow *composeMailto(const QString &url);
    ComposerWindow *reply();
    ComposerWindow *replyAll();
    ComposerWindow *forward();
    // Weiterleiten als Anhang: the selected messages unchanged, as message/rfc822.
    ComposerWindow *forwardAsAttachment();
    // Drafts: continues the draft in `row` in the composer.
    ComposerWindow *openDraft(int row);
    [[nodiscard]] ComposerWindow *lastComposer() const { return m_lastComposer; }

signals:
    // Senden put a message into the account's Outbox.
    void queued(const QString &accountId);
    void draftSaved(const QString &accountId);

private:
    ComposerWindow *openComposer(ComposerWindow::Mode mode);

    store::AccountManager *m_accounts;
    MessageListModel *m_model;
    MessageListView *m_list;
    MessageView *m_view;
    QLabel *m_statusText;
    QWidget *m_window;
    QString m_accountId;
    store::Mailbox::Kind m_kind = store::Mailbox::Kind::Inbox;
    QPointer<ComposerWindow> m_lastComposer;
};

} // namespace kurier::ui
