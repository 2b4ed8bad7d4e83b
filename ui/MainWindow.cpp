#include "MainWindow.h"

#include "store/AccountManager.h"

#include <QListWidget>

namespace kurier::ui {

MainWindow::MainWindow(store::AccountManager *accounts, QWidget *parent)
    : QMainWindow(parent)
    , m_accounts(accounts)
    , m_accountList(new QListWidget(this))
{
    setWindowTitle(tr("Kurier"));
    setCentralWidget(m_accountList);
    connect(m_accounts, &store::AccountManager::accountsChanged, this, &MainWindow::refreshAccounts);
    refreshAccounts();
}

void MainWindow::refreshAccounts()
{
    m_accountList->clear();
    for (const store::Account &a : m_accounts->accounts())
        m_accountList->addItem(a.prefix + QStringLiteral(" · ") + a.email);
}

void MainWindow::offerFirstAccount() {}
void MainWindow::openAccountManager() {}

} // namespace kurier::ui
