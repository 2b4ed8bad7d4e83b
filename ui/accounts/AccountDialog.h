#pragma once

#include "oauth/ProviderPreset.h"
#include "store/Account.h"
#include "store/AccountField.h"
#include "store/AccountValidator.h"
#include "store/SecretUpdate.h"

#include <QDialog>
#include <QHash>
#include <QSet>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QFormLayout;
class QFrame;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QSpinBox;

namespace kurier::store {
class AccountManager;
}

namespace kurier::ui {

class ConnectionTestDialog;
class TenantDialog;

// The "Neues Benutzerkonto" / "Benutzerkonto bearbeiten" form. All rules come from
// store::AccountValidator; the dialog only maps each store::AccountField to its widget and shows
// the messages next to it. Secrets leave the dialog only through AccountManager::save.
// Non-blocking: open() or show() it and listen to saved() / finished().
class AccountDialog : public QDialog
{
    Q_OBJECT
public:
    // A new account.
    explicit AccountDialog(store::AccountManager *accounts, QWidget *parent = nullptr);
    // Edits `account` (as stored: its id and storedSecrets matter).
    AccountDialog(store::AccountManager *accounts, const store::Account &account, QWidget *parent = nullptr);
    ~AccountDialog() override;

    [[nodiscard]] bool isNewAccount() const { return m_base.id.isEmpty(); }
    // The account as the form currently describes it (without secrets).
    [[nodiscard]] store::Account account() const;
    // The secrets the user typed; untouched password fields are not in it.
    [[nodiscard]] store::SecretUpdate secretUpdate() const;
    // The validator's verdict on the current form.
    [[nodiscard]] QList<store::ValidationIssue> currentIssues() const;

    // For tests and for the main window's wiring.
    [[nodiscard]] QWidget *editor(store::AccountField field) const;
    [[nodiscard]] QLabel *labelFor(store::AccountField field) const;
    [[nodiscard]] QLabel *messageLabel(store::AccountField field) const;
    [[nodiscard]] QPushButton *fixButton(store::AccountField field) const;
    [[nodiscard]] TenantDialog *tenantDialog() const { return m_tenantDialog; }

    // Fills the password fields with secrets typed elsewhere (the new-account flow's first
    // page), as if typed here: they are saved with the account.
    void setTypedSecrets(const store::SecretUpdate &secrets);

public slots:
    // Validates; on errors shows every message and focuses the first bad field, otherwise saves
    // through the AccountManager and closes when that succeeded.
    void save();
    // Presets: they fill the server and OAuth fields, the rest stays as typed.
    void applyMicrosoft365(const QString &tenant);
    void applyGmail();
    // Opens the small tenant question (non-blocking) and applies Microsoft 365 when answered.
    void askForMicrosoftTenant();
    // "Verbindung testen…": tests the values in the form (unsaved) with the secrets typed so far.
    // A certificate trusted there is pinned to this account when it is saved.
    ConnectionTestDialog *testConnection();

signals:
    void saved(const kurier::store::Account &account);

private:
    struct Field {
        QWidget *editor = nullptr;   // the input itself (focus target)
        QWidget *row = nullptr;      // editor + message, the form row's field widget
        QLabel *label = nullptr;     // the form row's label (may be null)
        QLabel *message = nullptr;   // error / warning text under the editor
        QPushButton *fix = nullptr;  // one-click fix for a warning
        std::function<void(store::Account &)> fixAction;
    };

    void buildUi();
    QGroupBox *buildAccountSection();
    QGroupBox *buildPop3Section();
    QGroupBox *buildSmtpSection();
    QGroupBox *buildAdvancedSection();
    // Adds a labelled row whose field is `editor` plus a message line under it.
    void addFieldRow(QFormLayout *form, store::AccountField field, const QString &label, QWidget *editor,
                     QWidget *fieldWidget = nullptr);
    void addPlainRow(QFormLayout *form, const QString &label, QWidget *fieldWidget, QLabel **labelOut = nullptr);
    void wireLiveValidation();
    void alignLabelColumns();
    void setTabOrderFromForm();
    void sizeToContent();

    void populate(const store::Account &account);
    void updateVisibility();
    void updatePortDefaults();
    void updatePasswordPlaceholders();
    void validateNow();
    void showIssues(const QList<store::ValidationIssue> &issues);
    void markTouched(store::AccountField field);
    void focusField(store::AccountField field);
    void applyFix(store::AccountField field);

    void startSave(const store::Account &account, const store::SecretUpdate &secrets);
    void showBanner(const QString &message, bool offerAskEachTime);
    void hideBanner();
    void chooseAskEachTime();

    store::AccountManager *m_accounts;
    store::Account m_base;
    bool m_populating = false;
    bool m_showAllErrors = false;
    bool m_saving = false;
    bool m_pop3PortTouched = false;
    bool m_smtpPortTouched = false;
    QSet<store::AccountField> m_touched;
    QHash<store::AccountField, Field> m_fields;
    QList<QLabel *> m_formLabels;

    QPushButton *m_saveButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_presetButton = nullptr;
    QPushButton *m_testButton = nullptr;
    QFrame *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QPushButton *m_askEachTimeButton = nullptr;
    QScrollArea *m_scroll = nullptr;
    QGroupBox *m_accountBox = nullptr;

    QLineEdit *m_prefix = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_senderName = nullptr;
    QPlainTextEdit *m_signature = nullptr;
    QCheckBox *m_default = nullptr;

    QFormLayout *m_pop3Form = nullptr;
    QLineEdit *m_pop3Host = nullptr;
    QLineEdit *m_pop3Port = nullptr;
    QLineEdit *m_pop3User = nullptr;
    QLineEdit *m_pop3Password = nullptr;
    QCheckBox *m_oauthEnabled = nullptr;
    QLineEdit *m_oauthTokenEndpoint = nullptr;
    QLineEdit *m_oauthClientId = nullptr;
    QLineEdit *m_oauthClientSecret = nullptr;
    QLineEdit *m_oauthScope = nullptr;
    QComboBox *m_oauthMethod = nullptr;
    QLineEdit *m_oauthAuthorizationEndpoint = nullptr;
    QDateEdit *m_oauthSecretValidUntil = nullptr;
    QWidget *m_oauthSecretValidUntilRow = nullptr;
    QComboBox *m_pop3Security = nullptr;
    QCheckBox *m_pop3AcceptUnencrypted = nullptr;
    QComboBox *m_leaveOnServer = nullptr;
    QSpinBox *m_deleteAfterDays = nullptr;
    QLabel *m_deleteAfterDaysSuffix = nullptr;
    QWidget *m_leaveOnServerRow = nullptr;
    QCheckBox *m_deleteWhenDeletedLocally = nullptr;
    QSpinBox *m_fetchInterval = nullptr;

    QFormLayout *m_smtpForm = nullptr;
    QLineEdit *m_smtpHost = nullptr;
    QLineEdit *m_smtpPort = nullptr;
    QComboBox *m_smtpSecurity = nullptr;
    QCheckBox *m_smtpAcceptUnencrypted = nullptr;
    QComboBox *m_smtpAuth = nullptr;
    QLineEdit *m_smtpUser = nullptr;
    QLineEdit *m_smtpPassword = nullptr;

    QLineEdit *m_extraCaFile = nullptr;
    QPushButton *m_browseCaFile = nullptr;
    QCheckBox *m_askForSecrets = nullptr;

    TenantDialog *m_tenantDialog = nullptr;
};

} // namespace kurier::ui
