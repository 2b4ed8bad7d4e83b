#pragma once

#include <QDialog>

class QTabWidget;

namespace kurier::store {
class AccountManager;
}

namespace kurier::ui {

class AccountListWidget;

// "Optionen" with its cards; for now the one card "Benutzerkonten".
class OptionsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit OptionsDialog(store::AccountManager *accounts, QWidget *parent = nullptr);

    [[nodiscard]] QTabWidget *tabs() const { return m_tabs; }
    [[nodiscard]] AccountListWidget *accountList() const { return m_accountList; }

private:
    QTabWidget *m_tabs;
    AccountListWidget *m_accountList;
};

} // namespace kurier::ui
