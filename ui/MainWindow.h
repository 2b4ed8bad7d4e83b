#pragma once

#include "AccountDialog.h"
#include "OptionsDialog.h"

#include <QMainWindow>
#include <QPointer>

class QLabel;
class QListWidget;
class QStackedWidget;

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

    // On first start with no account, opens the new-account dialog (non-blocking; called once
    // the window is shown). Does nothing when there are accounts.
    void offerFirstAccount();

    [[nodiscard]] QListWidget *accountList() const { return m_accountList; }
    [[nodiscard]] OptionsDialog *optionsDialog() const { return m_options; }
    [[nodiscard]] AccountDialog *newAccountDialog() const { return m_newAccount; }

public slots:
    void openAccountManager();
    void openNewAccountDialog();

private:
    void refreshAccounts();

    store::AccountManager *m_accounts;
    QStackedWidget *m_pages;
    QListWidget *m_accountList;
    QWidget *m_emptyPage;
    QLabel *m_errorLabel;
    QPointer<OptionsDialog> m_options;
    QPointer<AccountDialog> m_newAccount;
};

} // namespace kurier::ui
