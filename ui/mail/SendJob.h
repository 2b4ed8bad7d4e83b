#pragma once

#include "diagnostics/Diagnostic.h"
#include "smtp/SendResult.h"
#include "store/Account.h"

#include <QObject>
#include <memory>

namespace kurier::secrets {
class SecretStore;
}
namespace kurier::oauth {
struct DeviceCodePrompt;
}
namespace kurier::store {
class Outbox;
}
namespace kurier::smtp {
class OutboxSender;
}

namespace kurier::ui {

// Works one account's Outbox in the background (smtp::OutboxSender, as `kurierctl send`):
// every due message; outcomes are recorded in the Outbox before they are reported.
class SendJob : public QObject
{
    Q_OBJECT
public:
    SendJob(store::Account account, secrets::SecretStore *secrets, QObject *parent = nullptr);
    ~SendJob() override;

    void start();
    [[nodiscard]] const store::Account &account() const { return m_account; }
    // Messages that failed because the server's certificate did not verify: what to send again
    // (Outbox::retry) once the user has trusted it.
    [[nodiscard]] QStringList certificateFailures() const { return m_certificateFailures; }

signals:
    void messageFinished(const kurier::smtp::SendResult &result);
    void browserSignInRequired(const QUrl &url);
    void deviceCodeSignInRequired(const kurier::oauth::DeviceCodePrompt &prompt);
    // sent: messages that went out; failures: the first message's or the session's diagnostic.
    void finished(int sent, const kurier::diagnostics::Diagnostic &diagnostic);

private:
    store::Account m_account;
    secrets::SecretStore *m_secrets;
    std::unique_ptr<store::Outbox> m_outbox;
    std::unique_ptr<smtp::OutboxSender> m_sender;
    int m_sent = 0;
    QStringList m_certificateFailures;
    diagnostics::Diagnostic m_firstError;
};

} // namespace kurier::ui
