#pragma once

#include "accounts/AccountDialog.h"
#include "accounts/NewAccountFlow.h"
#include "accounts/OptionsDialog.h"
#include "mail/Composing.h"
#include "mail/FolderTree.h"
#include "mail/MailActions.h"
#include "mail/MessageListView.h"
#include "mail/MessageOperations.h"
#include "store/Mailbox.h"

#include <QMainWindow>
#include <QPointer>

class QLabel;
class QLineEdit;
class QStackedWidget;

namespace kurier::store {
class AccountManager;
class FolderWatcher;
}
namespace kurier::activity {
class MailActivity;
struct Outcome;
}

namespace kurier::ui {

class ActivityStatus;
class CertificateDialog;
class ErrorBanner;
class MessageListModel;
class MessageView;
class NewMailNotifier;
class SignInDialog;

// The mail window: accounts with their folders (unread counts) on the left, the message list
// (header index, filter box) and the message view on the right; Abrufen, Verfassen, Antworten,
// Allen antworten, Weiterleiten, Löschen; fetching and sending in the background with progress
// in the status bar and failures in a banner (cause, fix, details).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(store::AccountManager *accounts, QWidget *parent = nullptr);
    ~MainWindow() override;

    // On first start with no account, opens the new-account dialog (non-blocking; called once
    // the window is shown). Does nothing when there are accounts.
    void offerFirstAccount();

    [[nodiscard]] FolderTree *folderTree() const { return m_folders; }
    [[nodiscard]] MessageListView *messageList() const { return m_list; }
    [[nodiscard]] MessageListModel *messageModel() const { return m_model; }
    [[nodiscard]] MessageView *messageView() const { return m_view; }
    [[nodiscard]] QLineEdit *filterEdit() const { return m_filter; }
    [[nodiscard]] ErrorBanner *banner() const { return m_banner; }
    [[nodiscard]] QLabel *statusText() const { return m_statusText; }
    [[nodiscard]] OptionsDialog *optionsDialog() const { return m_options; }
    [[nodiscard]] NewAccountFlow *newAccountDialog() const { return m_newAccount; }
    // Verfassen, Antworten, Weiterleiten … with the message shown.
    [[nodiscard]] Composing *composing() const { return m_composing; }
    // Löschen, Wiederherstellen, Markieren and Papierkorb leeren on the list's selection.
    [[nodiscard]] MessageOperations *operations() const { return m_operations; }
    [[nodiscard]] bool isBusy() const;
    // Fetching (also periodically), sending and signing in for every account, in the background.
    [[nodiscard]] activity::MailActivity *activity() const { return m_activity; }
    [[nodiscard]] NewMailNotifier *newMailNotifier() const { return m_notifier; }
    // The certificate dialog opened from the banner's "Show certificate…", while it is open.
    [[nodiscard]] CertificateDialog *certificateDialog() const;

    // Shows a folder of an account (selects it in the tree).
    void selectFolder(const QString &accountId, store::Mailbox::Kind kind);

public slots:
    void openAccountManager();
    void openNewAccountDialog();
    // "Anmelden…": OAuth sign-in for an account (SignInDialog: browser or device code with copy).
    SignInDialog *signIn(const QString &accountId);
    // Outbox: sends the selected message again (the user's word for Failed or Unknown ones).
    void retrySelected();

protected:
    // Keeps the WindowState for the next start.
    void closeEvent(QCloseEvent *event) override;

private:
    void refreshAccounts();
    void refreshCounts();
    void onFolderSelected();
    void onMessageSelected();
    // A fetch or send ended: the list and the counts show what it changed.
    void onActivityFinished(const QString &accountId, const activity::Outcome &outcome);
    void updateActions();
    // After rows left the list (moved or deleted): the message after them, counts and actions.
    void rowsLeft(const QList<int> &rowsDescending, const QString &status);
    // Auto-refresh (store::FolderWatcher): the counts and — if its files changed — the list are
    // refreshed, keeping the message shown.
    void onFoldersChanged();

    store::AccountManager *m_accounts;
    QStackedWidget *m_pages;
    QWidget *m_emptyPage;
    QWidget *m_mailPage;
    QLabel *m_errorLabel;
    ErrorBanner *m_banner;
    FolderTree *m_folders;
    QLineEdit *m_filter;
    MessageListModel *m_model;
    MessageListView *m_list;
    MessageView *m_view;
    activity::MailActivity *m_activity;
    store::FolderWatcher *m_watcher;
    NewMailNotifier *m_notifier;
    ActivityStatus *m_status;
    QLabel *m_statusText;
    MessageOperations *m_operations;
    Composing *m_composing;
    MailActions *m_actions;
    QString m_statePath; // WindowState
    QString m_currentAccountId;
    store::Mailbox::Kind m_currentKind = store::Mailbox::Kind::Inbox;
    QPointer<OptionsDialog> m_options;
    QPointer<NewAccountFlow> m_newAccount;
};

} // namespace kurier::ui
