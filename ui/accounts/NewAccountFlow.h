#pragma once

#include "discovery/Discovery.h"
#include "store/Account.h"

#include <QDialog>
#include <QPointer>

#include <memory>

class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;
class QStackedWidget;

namespace kurier::store {
class AccountManager;
}

namespace kurier::ui {

class AccountDialog;
class ConnectionTestDialog;
class DiscoveryProgressView;
class FoundSettingsView;

// "Neues Benutzerkonto" from the address alone: name, e-mail address and (optionally) the
// password; then discovery::Discovery searches every source while the user watches
// (DiscoveryProgressView), and the settings found are shown to be confirmed, tested or created
// (FoundSettingsView). The detailed form (AccountDialog) is always one button away, filled
// with what is known so far. Nothing is saved before "Konto anlegen"; the password goes only
// to the keychain, through AccountManager::save. Non-blocking: open() it, listen to saved().
class NewAccountFlow : public QDialog
{
    Q_OBJECT
public:
    enum class Page { Start, Searching, Found };
    Q_ENUM(Page)

    explicit NewAccountFlow(store::AccountManager *accounts, QWidget *parent = nullptr);
    ~NewAccountFlow() override;

    // Where discovery looks (the ISPDB, timeouts, extra CAs, probe ports): tests point it at
    // their servers; by default it is Discovery::Settings{}.
    void setDiscoverySettings(const discovery::Discovery::Settings &settings) { m_settings = settings; }
    // A CA the organisation's servers chain to (a PEM file; tests: the test CA): trusted by
    // discovery and stored with the account, as kurierctl's --ca-file does.
    void setCaFile(const QString &path);

    [[nodiscard]] Page page() const;
    // Discovery ended without any settings (the search page then says so).
    [[nodiscard]] bool nothingFound() const { return m_nothingFound; }
    [[nodiscard]] discovery::Discovery *discovery() const { return m_discovery.get(); }

    [[nodiscard]] QLineEdit *nameEdit() const { return m_name; }
    [[nodiscard]] QLineEdit *emailEdit() const { return m_email; }
    [[nodiscard]] QLineEdit *passwordEdit() const { return m_password; }
    [[nodiscard]] DiscoveryProgressView *progressView() const { return m_progress; }
    [[nodiscard]] FoundSettingsView *foundView() const { return m_found; }
    [[nodiscard]] QPushButton *continueButton() const { return m_continue; }
    [[nodiscard]] QPushButton *createButton() const { return m_create; }
    [[nodiscard]] QPushButton *testButton() const { return m_test; }
    [[nodiscard]] QPushButton *manualButton() const { return m_manual; }
    [[nodiscard]] QPushButton *backButton() const { return m_back; }
    [[nodiscard]] QLabel *errorLabel() const { return m_error; }
    // The detailed form while it is open (the flow is hidden meanwhile).
    [[nodiscard]] AccountDialog *manualDialog() const { return m_manualDialog; }

public slots:
    // "Weiter": checks the address and starts the search.
    void search();
    // "Zurück": to the first page; a running search is stopped.
    void back();
    // "Konto anlegen": saves the account shown (and the password) and closes.
    void createAccount();
    // "Manuell bearbeiten…" / "Manuell einrichten…": the detailed form, filled with what is known.
    AccountDialog *editManually();
    // "Verbindung testen…": the connection test on the settings shown, with the typed password.
    ConnectionTestDialog *testConnection();

signals:
    void saved(const kurier::store::Account &account);

private:
    QWidget *buildStartPage();
    QWidget *buildSearchPage();
    void showPage(Page page);
    void updateButtons();
    void onBestKnown();
    void onFinished();
    // What is known so far as an account, for the detailed form.
    [[nodiscard]] store::Account accountSoFar() const;

    store::AccountManager *m_accounts;
    discovery::Discovery::Settings m_settings;
    QString m_caFile;
    QNetworkAccessManager *m_network;
    std::unique_ptr<discovery::Discovery> m_discovery;
    bool m_nothingFound = false;
    QList<QByteArray> m_trusted; // certificates the user trusted in the connection test

    QStackedWidget *m_pages = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_email = nullptr;
    QLabel *m_emailMessage = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_searchHeading = nullptr;
    QLabel *m_searchHint = nullptr;
    DiscoveryProgressView *m_progress = nullptr;
    FoundSettingsView *m_found = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_manual = nullptr;
    QPushButton *m_test = nullptr;
    QPushButton *m_back = nullptr;
    QPushButton *m_continue = nullptr;
    QPushButton *m_create = nullptr;
    QPushButton *m_cancel = nullptr;
    QPointer<AccountDialog> m_manualDialog;
    bool m_saving = false;
};

} // namespace kurier::ui
