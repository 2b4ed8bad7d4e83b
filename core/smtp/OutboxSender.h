#pragma once

#include "diagnostics/Diagnostic.h"
#include "smtp/SendResult.h"
#include "smtp/SmtpSession.h"
#include "store/Account.h"
#include "store/Outbox.h"

#include <QObject>
#include <QPointer>

namespace kurier::secrets {
class SecretStore;
}
namespace kurier::oauth {
class TokenProvider;
struct DeviceCodePrompt;
}

namespace kurier::smtp {

class Submission;

// Works one account's Outbox: sends the due messages over one SMTP connection and records every
// outcome in the Outbox before it reports it — Sent moves to Sent, 4xx and network problems
// are deferred with backoff, 5xx are kept as Failed with the diagnostic, a broken connection
// after the data leaves the message Unknown (sent again only on the user's word).
class OutboxSender : public QObject
{
    Q_OBJECT
public:
    OutboxSender(store::Account account, store::Outbox *outbox, secrets::SecretStore *secrets,
                 oauth::TokenProvider *tokens = nullptr, QObject *parent = nullptr);
    ~OutboxSender() override;

    void setSessionPassword(const QString &password) { m_sessionPassword = password; }
    void setSessionOptions(const std::function<void(SmtpSession::Options &)> &adjust) { m_adjust = adjust; }
    // Seconds to wait after the n-th temporary failure; default Outbox::backoffSeconds.
    void setBackoff(std::function<int(int attempts)> backoff) { m_backoff = std::move(backoff); }
    // Where the redacted transcript of the SMTP conversation goes (see Submission).
    void setTranscriptPath(const QString &path) { m_transcriptPath = path; }

    // Sends every due message (Queued, and Deferred whose time has come), or only `ids` when
    // given (the user's "send again" includes Failed and Unknown ones it names).
    void send(const QStringList &ids = {});

signals:
    // After the Outbox has recorded it: Sent → in Sent (recipients refused with 4xx get a copy
    // of their own, deferred); TemporaryFailure → Deferred; PermanentFailure → Failed;
    // Unknown → Unknown.
    void messageFinished(const kurier::smtp::SendResult &result);
    // An interactive OAuth sign-in needs the user (see Submission).
    void browserSignInRequired(const QUrl &url);
    void deviceCodeSignInRequired(const kurier::oauth::DeviceCodePrompt &prompt);
    // Done: nothing sent and an empty diagnostic when nothing was due; the session's error
    // otherwise (empty after a clean QUIT).
    void finished(const kurier::diagnostics::Diagnostic &error);

private:
    void onDataStarting(const QString &id);
    void onMessageSent(const SendResult &result);
    void finish(const diagnostics::Diagnostic &error);

    store::Account m_account;
    store::Outbox *m_outbox;
    secrets::SecretStore *m_secrets;
    QPointer<oauth::TokenProvider> m_tokens;
    QString m_sessionPassword;
    std::function<void(SmtpSession::Options &)> m_adjust;
    QString m_transcriptPath;
    QPointer<Submission> m_submission;
    std::function<int(int)> m_backoff = &store::Outbox::backoffSeconds;
};

} // namespace kurier::smtp
