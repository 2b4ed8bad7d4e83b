#pragma once

#include <QWidget>

class QLabel;
class QMessageBox;
class QPushButton;
class QTreeWidget;

namespace kurier::store {
class AccountManager;
}

namespace kurier::ui {

class AccountDialog;
class NewAccountFlow;
class ConnectionTestDialog;
class SignInDialog;

// The card "Benutzerkonten": prefix, address and the default marker of every account, with
// Neu, Bearbeiten, Löschen and Als Standard festlegen. Dialogs open non-blocking.
class AccountListWidget : public QWidget
{
    Q_OBJECT
public:
    explicit AccountListWidget(store::AccountManager *accounts, QWidget *parent = nullptr);

    [[nodiscard]] QTreeWidget *view() const { return m_view; }
    [[nodiscard]] QString selectedId() const;
    void selectId(const QString &id);

public slots:
    NewAccountFlow *createAccount();
    AccountDialog *editSelected();
    // Asks first; the returned box is open (window-modal), deletion starts on "Delete".
    QMessageBox *removeSelected();
    void makeSelectedDefault();
    // For OAuth accounts: sign in now (browser, device code or password), non-blocking.
    SignInDialog *signInSelected();
    // "Verbindung testen…" for the saved account; a certificate the user trusts there is pinned
    // to the account (saved) and the test runs again.
    ConnectionTestDialog *testSelected();

private:
    void refresh();
    void updateButtons();
    void showError(const QString &message);

    store::AccountManager *m_accounts;
    QTreeWidget *m_view;
    QPushButton *m_new;
    QPushButton *m_edit;
    QPushButton *m_remove;
    QPushButton *m_makeDefault;
    QPushButton *m_signIn;
    QPushButton *m_test;
    QLabel *m_status;
    bool m_busy = false;
};

} // namespace kurier::ui
