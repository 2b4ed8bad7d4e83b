#include "MainWindow.h"

#include "AccountDialog.h"
#include "FormStyle.h"
#include "OptionsDialog.h"
#include "store/AccountManager.h"

#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace kurier::ui {

MainWindow::MainWindow(store::AccountManager *accounts, QWidget *parent)
    : QMainWindow(parent)
    , m_accounts(accounts)
    , m_pages(new QStackedWidget(this))
    , m_accountList(new QListWidget)
    , m_emptyPage(new QWidget)
    , m_errorLabel(new QLabel)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Kurier"));

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *options = menuBar()->addMenu(tr("&Options"));
    options->setObjectName(QStringLiteral("optionsMenu"));
    QAction *accountsAction = options->addAction(tr("&Accounts…"), this, &MainWindow::openAccountManager);
    accountsAction->setObjectName(QStringLiteral("accountsAction"));

    m_accountList->setObjectName(QStringLiteral("mainAccountList"));
    m_accountList->setAlternatingRowColors(true);
    connect(m_accountList, &QListWidget::itemActivated, this, &MainWindow::openAccountManager);

    // Shown while there is no account: what to do next, not an empty list.
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

    m_pages->addWidget(m_emptyPage);
    m_pages->addWidget(m_accountList);

    m_errorLabel->setObjectName(QStringLiteral("settingsError"));
    m_errorLabel->setWordWrap(true);
    setMessageStyle(m_errorLabel, MessageKind::Error);
    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    connect(m_accounts, &store::AccountManager::accountsChanged, this, &MainWindow::refreshAccounts);
    refreshAccounts();
    resize(720, 480);
}

void MainWindow::refreshAccounts()
{
    m_accountList->clear();
    QList<store::Account> accounts = m_accounts->accounts();
    // Default first (the store sorts so already; the window must not depend on it).
    std::stable_sort(accounts.begin(), accounts.end(),
                     [](const store::Account &a, const store::Account &b) { return a.isDefault && !b.isDefault; });
    for (const store::Account &a : std::as_const(accounts)) {
        QString text = a.prefix + QStringLiteral(" · ") + a.email;
        if (a.isDefault)
            text += QStringLiteral("  ") + tr("(default)");
        auto *item = new QListWidgetItem(text, m_accountList);
        item->setData(Qt::UserRole, a.id);
        if (a.isDefault) {
            QFont f = item->font();
            f.setBold(true);
            item->setFont(f);
        }
    }
    m_pages->setCurrentWidget(accounts.isEmpty() ? m_emptyPage : static_cast<QWidget *>(m_accountList));
    // A damaged settings file must not look like "no accounts".
    m_errorLabel->setText(m_accounts->lastError());
    m_errorLabel->setVisible(!m_accounts->lastError().isEmpty());
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
        m_newAccount->raise();
        m_newAccount->activateWindow();
        return;
    }
    m_newAccount = new AccountDialog(m_accounts, this);
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

} // namespace kurier::ui
