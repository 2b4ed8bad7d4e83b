#pragma once

#include <QMainWindow>

class QListWidget;

namespace kurier::store {
class AccountManager;
}

namespace kurier::ui {

// The main window. For now: the account list and the way to the account manager.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(store::AccountManager *accounts, QWidget *parent = nullptr);

    // On first start with no account, offers to create one (called once the window is shown).
    void offerFirstAccount();

public slots:
    void openAccountManager();

private:
    void refreshAccounts();

    store::AccountManager *m_accounts;
    QListWidget *m_accountList;
};

} // namespace kurier::ui
