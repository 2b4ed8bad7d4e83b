#pragma once

#include "diagnostics/Diagnostic.h"
#include "mime/Draft.h"
#include "smtp/SendResult.h"
#include "smtp/SmtpSession.h"
#include "store/Account.h"
#include "store/Outbox.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <memory>

namespace kurier::secrets {
class SecretStore;
}
namespace kurier::oauth {
class TokenProvider;
struct DeviceCodePrompt;
}

namespace kurier::smtp {

class OutboxSender;

// What the application uses to send for one account: "Send" puts the composed message into the
// Outbox and sends it at once; a temporary failure is tried again by a timer (backoff from the
// Outbox); Failed and Unknown messages wait for the user (retry()). One run at a time; a
// request during a run starts another one after it. Never blocks, never opens a dialog.
class OutboxService : public QObject
{
    Q_OBJECT
public:
    OutboxService(store::Account account, secrets::SecretStore *secrets, oauth::TokenProvider *tokens = nullptr,
                  QObject *parent = nullptr);
    ~OutboxService() override;

    // The account's Outbox (store::MailLayout). False and errorString().
    bool open();
    [[nodiscard]] QString errorString() const { return m_error; }

    // Queues the draft (store::Mailbox::queue), then sends soon. The Outbox id, or nullopt and
    // errorString() when it could not be built or stored — then nothing was queued.
    std::optional<QString> submit(const mime::Draft &draft);
    // Sends what is due now.
    void sendNow();
    // The user's word for a Failed, Unknown or Deferred message: send it now.
    bool retry(const QString &id);
    bool discard(const QString &id);

    [[nodiscard]] QList<store::Outbox::Entry> entries() const;
    [[nodiscard]] bool isSending() const { return m_sender != nullptr; }
    // When the retry timer fires next; invalid when nothing waits.
    [[nodiscard]] QDateTime nextRun() const { return m_nextRun; }
    [[nodiscard]] store::Outbox &outbox() { return *m_outbox; }

    // For "ask each time" accounts, tests and tuning.
    void setSessionPassword(const QString &password) { m_sessionPassword = password; }
    void setSessionOptions(const std::function<void(SmtpSession::Options &)> &adjust) { m_adjust = adjust; }
    void setBackoff(std::function<int(int attempts)> backoff) { m_backoff = std::move(backoff); }
    // Each run writes its redacted SMTP transcript afresh to `path` (for "Details" of a failure).
    void setTranscriptPath(const QString &path) { m_transcriptPath = path; }
    [[nodiscard]] QString transcriptPath() const { return m_transcriptPath; }
    // Changed settings (a trusted certificate, another server): used from the next run on.
    void setAccount(const store::Account &account) { m_account = account; }

signals:
    void messageFinished(const kurier::smtp::SendResult &result);
    void outboxChanged();
    void sendingChanged(bool sending);
    // The run ended (empty: fine or nothing to do; else what stopped the connection).
    void runFinished(const kurier::diagnostics::Diagnostic &error);
    void browserSignInRequired(const QUrl &url);
    void deviceCodeSignInRequired(const kurier::oauth::DeviceCodePrompt &prompt);

private:
    void run(const QStringList &ids);
    void onRunFinished(const diagnostics::Diagnostic &error);
    void armTimer();

    store::Account m_account;
    secrets::SecretStore *m_secrets;
    QPointer<oauth::TokenProvider> m_tokens;
    std::unique_ptr<store::Outbox> m_outbox;
    std::unique_ptr<OutboxSender> m_sender;
    QTimer m_timer;
    QDateTime m_nextRun;
    bool m_again = false;
    QString m_error;
    QString m_sessionPassword;
    std::function<void(SmtpSession::Options &)> m_adjust;
    std::function<int(int)> m_backoff;
    QString m_transcriptPath;
};

} // namespace kurier::smtp
