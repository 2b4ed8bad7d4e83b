#pragma once

#include "oauth/DeviceCodeFlow.h"
#include "oauth/TokenProvider.h"
#include "store/Account.h"

#include <QDialog>
#include <QPointer>

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
    // `shared`: the account's token provider (activity::AccountActivity::tokens), so that the
    // token signed in for here is the one fetching and sending use, and a fetch waiting for a
    // sign-in meanwhile continues with it. Null: a provider of the dialog's own.
    SignInDialog(const store::Account &account, secrets::SecretStore *secrets, QWidget *parent = nullptr,
                 oauth::TokenProvider *shared = nullptr);
    // "Anmelden…" from the account list and the folder tree alike: opens the dialog (window-modal,
    // deleted when closed) and starts the sign-in on the next turn of the event loop.
    static SignInDialog *openFor(const store::Account &account, secrets::SecretStore *secrets, QWidget *parent,
                                 oauth::TokenProvider *shared = nullptr);

    // Starts the sign-in (called once the dialog is shown; public for tests).
    void start();

    [[nodiscard]] bool succeeded() const { return m_succeeded; }
    [[nodiscard]] oauth::TokenProvider *provider() const { return m_provider; }

signals:
    void finishedSignIn(bool ok);

private:
    void showBrowserStep(const QUrl &url);
    void showDeviceStep(const oauth::DeviceCodePrompt &prompt);
    void showResult(const oauth::TokenProvider::Result &result);
    void updateCountdown();

    store::Account m_account;
    QPointer<oauth::TokenProvider> m_provider;
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
