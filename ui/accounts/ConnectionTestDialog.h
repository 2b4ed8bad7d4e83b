#pragma once

#include "check/ConnectionStep.h"
#include "check/ConnectionTest.h"
#include "store/Account.h"
#include "store/SecretUpdate.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

class QLabel;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

namespace kurier::secrets {
class SecretStore;
}

namespace kurier::ui {

// "Verbindung testen": runs check::ConnectionTest for an account and shows every step as a row
// — ✔/✘/–, what it found, and for a failure the cause and what to do (the diagnostic). The
// logic is all in the core; the dialog only renders its steps. A certificate that did not
// verify is shown with subject, issuer, validity and SHA-256; "Zertifikat anzeigen…" lets the
// user trust exactly that certificate for this account (certificateTrusted(); the owner stores
// the pin and calls setAccount() + start() to test again). Non-blocking: open() it, then start().
class ConnectionTestDialog : public QDialog
{
    Q_OBJECT
public:
    // `typed`: secrets from the form that win over stored ones (empty for a saved account).
    ConnectionTestDialog(const store::Account &account, const store::SecretUpdate &typed, secrets::SecretStore *secrets,
                         QWidget *parent = nullptr);
    ~ConnectionTestDialog() override;

    // Opens and starts a test of settings not saved yet (a form's). A certificate the user
    // trusts goes to `trusted`, which keeps the pin for when the settings are saved and returns
    // the account to test again with it.
    static ConnectionTestDialog *openForUnsaved(const store::Account &account, const store::SecretUpdate &typed,
                                                secrets::SecretStore *secrets, QWidget *parent,
                                                std::function<store::Account(const QByteArray &sha256)> trusted);

    void setAccount(const store::Account &account) { m_account = account; }
    [[nodiscard]] const store::Account &account() const { return m_account; }
    // Called for every new ConnectionTest before it starts (tests shorten timeouts with it).
    void setTestSetup(std::function<void(check::ConnectionTest *)> setup) { m_setup = std::move(setup); }

    [[nodiscard]] check::ConnectionTest *test() const { return m_test; }
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] QLabel *summaryLabel() const { return m_summary; }
    [[nodiscard]] QPushButton *retestButton() const { return m_retest; }
    [[nodiscard]] QPushButton *copyButton() const { return m_copy; }
    // The row widgets of a step (null before the first start()).
    [[nodiscard]] QWidget *row(check::ConnectionStep::Id id) const;
    [[nodiscard]] QPushButton *certificateButton(check::ConnectionStep::Id id) const;
    // All steps as text, as "Details kopieren" puts it on the clipboard.
    [[nodiscard]] QString reportText() const;

public slots:
    // (Re)starts the test with the current account; the rows are rebuilt.
    void start();
    // Opens the certificate of a failed TLS step (CertificateDialog, non-blocking).
    void showCertificate(kurier::check::ConnectionStep::Id id);

signals:
    void testFinished(bool allPassed);
    // The user chose to trust this certificate for this account (exact SHA-256 pin).
    void certificateTrusted(const QByteArray &sha256);

private:
    struct Row {
        QWidget *widget = nullptr;
        QLabel *icon = nullptr;
        QLabel *title = nullptr;
        QLabel *detail = nullptr;
        QLabel *problem = nullptr;
        QPushButton *certificate = nullptr;
    };

    void buildRows();
    void render(const check::ConnectionStep &step);
    void onFinished(bool allPassed);

    store::Account m_account;
    store::SecretUpdate m_typed;
    secrets::SecretStore *m_secrets;
    std::function<void(check::ConnectionTest *)> m_setup;
    QPointer<check::ConnectionTest> m_test;
    QHash<check::ConnectionStep::Id, Row> m_rows;

    QLabel *m_heading;
    QLabel *m_summary;
    QScrollArea *m_scroll;
    QWidget *m_list;
    QVBoxLayout *m_listLayout;
    QPushButton *m_copy;
    QPushButton *m_retest;
    QPushButton *m_close;
    bool m_showedFailure = false;
};

} // namespace kurier::ui
