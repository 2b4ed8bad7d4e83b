#pragma once

#include "oauth/DeviceCodeFlow.h"
#include "oauth/TokenProvider.h"
#include "store/Account.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace kurier::secrets {
class SecretStore;
}

namespace kurier::ui {

// "Anmelden": gets an OAuth 2.0 token for one account with its sign-in method and shows what
// happens — the browser being opened (system browser via QDesktopServices), the device code
// to enter, and at the end who is signed in until when, or Microsoft's answer with cause and
// fix. Tokens land in the keychain, so fetching and sending need no further sign-in.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    SignInDialog(const store::Account &account, secrets::SecretStore *secrets, QWidget *parent = nullptr);
    // "Anmelden…" from the account list and the folder tree alike: opens the dialog (window-modal,
    // deleted when closed) and starts the sign-in on the next turn of the event loop.
    static SignInDialog *openFor(const store::Account &account, secrets::SecretStore *secrets, QWidget *parent);

    // Starts the sign-in (called once the dialog is shown; public for tests).
    void start();

    [[nodiscard]] bool succeeded() const { return m_succeeded; }

signals:
    void finishedSignIn(bool ok);

private:
    void showBrowserStep(const QUrl &url);
    void showDeviceStep(const oauth::DeviceCodePrompt &prompt);
    void showResult(const oauth::TokenProvider::Result &result);
    void updateCountdown();

    store::Account m_account;
    oauth::TokenProvider *m_provider;
    QLabel *m_heading;
    QLabel *m_text;
    QLabel *m_code;
    QPushButton *m_copy;
    QPushButton *m_openAgain;
    QLabel *m_countdown;
    QLabel *m_passwordLabel;
    QLineEdit *m_password;
    QDialogButtonBox *m_buttons;
    QPushButton *m_signIn;
    QTimer *m_timer;
    QUrl m_url;
    QDateTime m_expiresAt;
    bool m_succeeded = false;
    bool m_started = false;
};

} // namespace kurier::ui
