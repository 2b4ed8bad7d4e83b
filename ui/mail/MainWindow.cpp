#include "mail/MainWindow.h"

#include "accounts/SignInDialog.h"
#include "activity/MailActivity.h"
#include "common/ErrorBanner.h"
#include "common/FormStyle.h"
#include "common/WindowState.h"
#include "mail/ActivityStatus.h"
#include "mail/MessageListModel.h"
#include "mail/MessageView.h"
#include "mail/NewMailNotifier.h"
#include "store/AccountManager.h"
#include "store/FolderWatcher.h"

#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

#include <algorithm>

namespace kurier::ui {

MainWindow::MainWindow(store::AccountManager *accounts, QWidget *parent)
    : QMainWindow(parent)
    , m_accounts(accounts)
    , m_pages(new QStackedWidget(this))
    , m_emptyPage(new QWidget)
    , m_mailPage(new QWidget)
    , m_errorLabel(new QLabel)
    , m_banner(new ErrorBanner)
    , m_folders(new FolderTree(accounts))
    , m_filter(new QLineEdit)
    , m_model(new MessageListModel(this))
    , m_list(new MessageListView(m_model))
    , m_view(new MessageView)
    , m_activity(new activity::MailActivity(accounts, this))
    , m_watcher(new store::FolderWatcher(this))
    , m_notifier(new NewMailNotifier(this))
    , m_status(new ActivityStatus(m_activity, accounts, m_banner, statusBar(), m_notifier, this))
    , m_statusText(m_status->statusText())
    , m_operations(new MessageOperations(accounts, m_model, m_list, m_statusText, this))
    , m_composing(new Composing(accounts, m_model, m_list, m_view, m_statusText, this))
    , m_actions(new MailActions(this, m_composing, m_operations, m_view))
    , m_statePath(WindowState::pathBeside(accounts->settingsFilePath()))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Kurier"));
    connect(m_actions->fetch, &QAction::triggered, m_activity, &activity::MailActivity::fetchAll);
    connect(m_actions->retry, &QAction::triggered, this, &MainWindow::retrySelected);
    connect(m_actions->emptyTrash, &QAction::triggered, this, [this] { m_operations->emptyTrash(m_currentAccountId); });
    connect(m_actions->accounts, &QAction::triggered, this, &MainWindow::openAccountManager);

    // Shown while there is no account: what to do next, not an empty window.
    auto *emptyLayout = new QVBoxLayout(m_emptyPage);
    auto *emptyText = new QLabel(tr("There is no mail account yet."));
    emptyText->setAlignment(Qt::AlignCenter);
    auto *createButton = new QPushButton(tr("Create an account…"));
    createButton->setObjectName(QStringLiteral("createAccountButton"));
    connect(createButton, &QPushButton::clicked, this, &MainWindow::openNewAccountDialog);
    emptyLayout->addStretch();
    emptyLayout->addWidget(emptyText);
    emptyLayout->addWidget(createButton, 0, Qt::AlignCenter);
    emptyLayout->addStretch();

    connect(m_folders, &QTreeWidget::currentItemChanged, this, &MainWindow::onFolderSelected);
    connect(m_folders, &FolderTree::fetchRequested, m_activity, [this](const QString &id) { m_activity->fetch(id); });
    connect(m_folders, &FolderTree::signInRequested, this, &MainWindow::signIn);
    connect(m_folders, &FolderTree::markReadRequested, m_operations, &MessageOperations::markFolderRead);
    connect(m_folders, &FolderTree::emptyTrashRequested, m_operations, &MessageOperations::emptyTrash);
    connect(m_operations, &MessageOperations::messagesLeft, this, &MainWindow::rowsLeft);
    connect(m_composing, &Composing::queued, this, [this](const QString &accountId) {
        refreshCounts(); // the Outbox shows it waiting
        m_activity->send(accountId);
    });
    connect(m_activity, &activity::MailActivity::outboxChanged, this, &MainWindow::refreshCounts);
    connect(m_composing, &Composing::draftSaved, this, [this](const QString &accountId) {
        refreshCounts();
        if (accountId == m_currentAccountId && m_currentKind == store::Mailbox::Kind::Drafts)
            onFoldersChanged(); // reloads keeping the message shown (an autosave comes every two minutes)
    });
    connect(m_operations, &MessageOperations::changed, this, [this] {
        onFoldersChanged();
        updateActions();
    });
    connect(m_folders, &FolderTree::accountsRequested, this, &MainWindow::openAccountManager);

    m_filter->setObjectName(QStringLiteral("messageFilter"));
    m_filter->setPlaceholderText(tr("Filter by sender or subject"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_model, &MessageListModel::setFilterText);

    connect(m_list, &MessageListView::currentMessageChanged, this, &MainWindow::onMessageSelected);
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateActions);
    m_list->setMenuActions([this] { return m_actions->contextMenu(m_currentKind); });
    // A draft opens in the composer to be finished.
    connect(m_list, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (m_currentKind == store::Mailbox::Kind::Drafts && index.isValid())
            m_composing->openDraft(index.row());
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateActions);
    // Another program wrote a folder: counts and — if its files changed — the list.
    connect(m_watcher, &store::FolderWatcher::changed, this, &MainWindow::onFoldersChanged);
    connect(m_model, &MessageListModel::loadingChanged, this, [this](bool loading) {
        const QString text = tr("Loading the message list…");
        if (loading)
            m_statusText->setText(text);
        else if (m_statusText->text() == text)
            m_statusText->clear();
    });
    connect(m_view, &MessageView::saved, this, [this](const QString &path) {
        m_statusText->setText(tr("Saved as %1").arg(QDir::toNativeSeparators(path)));
    });
    connect(m_view, &MessageView::saveFailed, m_statusText, &QLabel::setText);
    connect(m_view, &MessageView::linkActivated, this, [this](const QUrl &url) {
        if (url.scheme().compare(QLatin1String("mailto"), Qt::CaseInsensitive) == 0) {
            ComposerWindow *c = m_composing->compose();
            c->setRecipients(url.path());
        } else {
            QDesktopServices::openUrl(url);
        }
    });

    auto *listPane = new QWidget;
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_filter);
    listLayout->addWidget(m_list, 1);
    auto *right = new QSplitter(Qt::Vertical);
    right->setObjectName(QStringLiteral("listViewSplitter"));
    right->addWidget(listPane);
    right->addWidget(m_view);
    right->setStretchFactor(0, 2);
    right->setStretchFactor(1, 3);
    auto *split = new QSplitter(Qt::Horizontal);
    split->setObjectName(QStringLiteral("folderSplitter"));
    split->addWidget(m_folders);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    split->setSizes({310, 790});
    auto *mailLayout = new QVBoxLayout(m_mailPage);
    mailLayout->setContentsMargins(0, 0, 0, 0);
    mailLayout->addWidget(m_banner);
    mailLayout->addWidget(split, 1);

    m_pages->addWidget(m_emptyPage);
    m_pages->addWidget(m_mailPage);

    m_errorLabel->setObjectName(QStringLiteral("settingsError"));
    m_errorLabel->setWordWrap(true);
    setMessageStyle(m_errorLabel, MessageKind::Error);
    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    connect(m_status, &ActivityStatus::foldersChanged, this, &MainWindow::onActivityFinished);
    connect(m_accounts, &store::AccountManager::accountsChanged, this, &MainWindow::refreshAccounts);

    // As it was left: the list's columns before the first folder is shown (which hides the
    // column that folder does not need), the folder through refreshAccounts' "previous".
    const WindowState state = WindowState::load(m_statePath);
    m_list->horizontalHeader()->restoreState(state.listHeader);
    if (!state.accountId.isEmpty() && store::Mailbox::all().contains(store::Mailbox::Kind(state.folderKind))) {
        m_currentAccountId = state.accountId;
        m_currentKind = store::Mailbox::Kind(state.folderKind);
    }
    refreshAccounts();
    resize(1100, 720);
    restoreGeometry(state.geometry);
    split->restoreState(state.folderSplitter);
    right->restoreState(state.listSplitter);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Open composers go first, each as if closed by hand: one with unsent text asks, and the
    // window stays until that is answered (the application would end and take them along).
    const QList<ComposerWindow *> composers = findChildren<ComposerWindow *>();
    for (ComposerWindow *c : composers) {
        if (c->isVisible() && !c->close()) {
            event->ignore();
            c->raise();
            c->activateWindow();
            return;
        }
    }
    WindowState state;
    state.geometry = saveGeometry();
    state.folderSplitter = findChild<QSplitter *>(QStringLiteral("folderSplitter"))->saveState();
    state.listSplitter = findChild<QSplitter *>(QStringLiteral("listViewSplitter"))->saveState();
    state.listHeader = m_list->horizontalHeader()->saveState();
    state.accountId = m_currentAccountId;
    state.folderKind = int(m_currentKind);
    state.save(m_statePath); // not saved (a read-only folder): the defaults next time, nothing lost
    QMainWindow::closeEvent(event);
}

MainWindow::~MainWindow()
{
    // The runs end before the widgets they report to.
    delete m_activity;
}

bool MainWindow::isBusy() const
{
    return m_activity->isBusy();
}

CertificateDialog *MainWindow::certificateDialog() const
{
    return m_status->certificateDialog();
}

void MainWindow::refreshAccounts()
{
    const QString previousAccount = m_currentAccountId;
    const store::Mailbox::Kind previousKind = m_currentKind;
    const QList<store::Account> &accounts = m_accounts->accounts();
    m_folders->setAccounts(accounts);
    refreshCounts();
    m_watcher->setAccounts(accounts);
    m_pages->setCurrentWidget(accounts.isEmpty() ? m_emptyPage : m_mailPage);
    // A damaged settings file must not look like "no accounts".
    m_errorLabel->setText(m_accounts->lastError());
    m_errorLabel->setVisible(!m_accounts->lastError().isEmpty());

    QTreeWidgetItem *select = m_folders->folderItem(previousAccount, previousKind);
    if (!select && m_folders->topLevelItemCount() > 0)
        select = m_folders->folderItem(FolderTree::accountOf(m_folders->topLevelItem(0)), store::Mailbox::Kind::Inbox);
    if (select) {
        m_folders->setCurrentItem(select);
        onFolderSelected();
    } else {
        m_currentAccountId.clear();
        m_model->setFolder({});
    }
    updateActions();
}

void MainWindow::refreshCounts()
{
    m_notifier->setUnread(m_folders->refreshCounts());
}

void MainWindow::onFoldersChanged()
{
    refreshCounts();
    if (m_model->folder().isEmpty() || m_model->isLoading())
        return;
    // Only when the files differ from the rows (our own read flags are already in the rows).
    if (store::Mailbox::files(m_model->folder()) == m_model->relativePaths())
        return;
    m_list->reloadKeepingCurrent();
}

void MainWindow::selectFolder(const QString &accountId, store::Mailbox::Kind kind)
{
    if (QTreeWidgetItem *item = m_folders->folderItem(accountId, kind))
        m_folders->setCurrentItem(item);
}

void MainWindow::onFolderSelected()
{
    QTreeWidgetItem *item = m_folders->currentItem();
    if (!item)
        return;
    const auto folder = FolderTree::folderOf(item);
    if (!folder) {
        if (item->childCount() > 0)
            m_folders->setCurrentItem(item->child(0)); // an account shows its Inbox
        return;
    }
    const auto account = m_accounts->findById(folder->accountId);
    if (!account)
        return;
    m_currentAccountId = account->id;
    m_currentKind = folder->kind;
    m_operations->setFolder(m_currentAccountId, m_currentKind);
    m_composing->setFolder(m_currentAccountId, m_currentKind);
    m_model->setFolderInBackground(store::Mailbox::path(*account, m_currentKind));
    // Sent, Outbox and Drafts: who it went to matters, the sender is the account itself.
    m_list->showRecipients(store::Mailbox::showsRecipients(m_currentKind));
    setWindowTitle(tr("%1 – %2 – Kurier").arg(store::Mailbox::displayName(m_currentKind), account->prefix));
}

void MainWindow::onMessageSelected()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid()) {
        m_view->clear();
        updateActions();
        return;
    }
    const int row = current.row();
    QString error;
    const auto bytes = m_model->messageData(row, &error);
    if (!bytes) {
        m_view->clear();
        m_statusText->setText(tr("The message cannot be read: %1").arg(error));
        updateActions();
        return;
    }
    m_view->showMessage(*bytes);
    const auto account = m_accounts->findById(m_currentAccountId);
    if (account && m_currentKind == store::Mailbox::Kind::Outbox) {
        if (const auto entry = store::Mailbox::outboxEntry(*account, m_model->rowAt(row).relativePath))
            m_status->showOutboxState(*entry);
    }
    if (m_model->rowAt(row).unread && m_operations->setRead(row, true))
        refreshCounts();
    updateActions();
}

void MainWindow::retrySelected()
{
    const QModelIndex current = m_list->currentIndex();
    const auto account = m_accounts->findById(m_currentAccountId);
    activity::AccountActivity *activity = m_activity->account(m_currentAccountId);
    const auto entry = account && current.isValid() && m_currentKind == store::Mailbox::Kind::Outbox
        ? store::Mailbox::outboxEntry(*account, m_model->rowAt(current.row()).relativePath)
        : std::nullopt;
    if (!entry || !activity)
        return;
    // The user's word: a Failed, Unknown or Deferred message is sent again now.
    m_banner->hide();
    if (!activity->retry(entry->id))
        m_statusText->setText(tr("The message could not be queued again."));
    refreshCounts();
}

void MainWindow::updateActions()
{
    MailActions::State state;
    state.kind = m_currentKind;
    state.haveAccounts = !m_accounts->accounts().isEmpty();
    state.haveMessage = m_list->currentIndex().isValid() && !m_view->message().from.isEmpty();
    state.haveSelection = m_list->currentIndex().isValid() || m_list->selectionModel()->hasSelection();
    state.canSave = m_view->hasMessage();
    const QList<int> rows = m_list->selectedRows();
    const int shown = m_list->currentIndex().isValid() ? m_list->currentIndex().row() : rows.value(rows.size() - 1, -1);
    state.shownUnread = shown >= 0 && m_model->rowAt(shown).unread;
    state.shownFlagged = shown >= 0 && m_model->rowAt(shown).flagged;
    const auto account = m_accounts->findById(m_currentAccountId);
    state.trashHasMessages = account && store::Mailbox::messageCount(*account, store::Mailbox::Kind::Trash) > 0;
    m_actions->update(state);
}

void MainWindow::offerFirstAccount()
{
    if (!m_accounts->accounts().isEmpty() || !m_accounts->lastError().isEmpty())
        return;
    openNewAccountDialog();
}

void MainWindow::openNewAccountDialog()
{
    if (m_newAccount) {
        // The flow hides while its detailed form is open: that one comes to the front then.
        QDialog *front = m_newAccount->manualDialog() ? static_cast<QDialog *>(m_newAccount->manualDialog()) : m_newAccount.data();
        front->raise();
        front->activateWindow();
        return;
    }
    m_newAccount = new NewAccountFlow(m_accounts, this);
    m_newAccount->setAttribute(Qt::WA_DeleteOnClose);
    m_newAccount->open();
}

void MainWindow::openAccountManager()
{
    if (!m_options) {
        m_options = new OptionsDialog(m_accounts, this);
        m_options->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_options->show();
    m_options->raise();
    m_options->activateWindow();
}

// --- fetching and sending ---------------------------------------------------------------

SignInDialog *MainWindow::signIn(const QString &accountId)
{
    const auto account = m_accounts->findById(accountId);
    if (!account || !account->oauth.enabled)
        return nullptr;
    activity::AccountActivity *activity = m_activity->account(accountId);
    return SignInDialog::openFor(*account, m_accounts->secretStore(), this, activity ? activity->tokens() : nullptr);
}

void MainWindow::onActivityFinished(const QString &accountId, const activity::Outcome &outcome)
{
    const bool inbox = m_currentKind == store::Mailbox::Kind::Inbox;
    const bool fetch = outcome.operation == activity::Outcome::Operation::Fetch;
    if (accountId == m_currentAccountId && (fetch ? (outcome.count > 0 || outcome.stopped) && inbox : !inbox))
        m_model->refresh();
    refreshCounts();
}

void MainWindow::rowsLeft(const QList<int> &rowsDescending, const QString &status)
{
    m_view->clear();
    m_list->removeRowsAndShowNext(rowsDescending);
    refreshCounts();
    m_statusText->setText(status);
    updateActions();
}

} // namespace kurier::ui
