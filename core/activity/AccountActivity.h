#pragma once

#include "activity/Outcome.h"
#include "activity/SignInRequest.h"
#include "net/TlsPolicy.h"
#include "store/Account.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

namespace kurier::secrets {
class SecretStore;
}
namespace kurier::oauth {
class TokenProvider;
}
namespace kurier::pop3 {
class Pop3AccountFetch;
}
namespace kurier::smtp {
class OutboxService;
struct SendResult;
}

namespace kurier::activity {

// Everything one account does in the background, without widgets: fetching (Pop3AccountFetch),
// sending its Outbox (smtp::OutboxService, whose timer sends a deferred message again by itself
// when its time has come) and, for OAuth accounts, the one TokenProvider both share — so a fetch
// and a send waiting at once make one sign-in, not two. It reports one state, one sign-in
// request, one certificate decision and one Outcome per run with the redacted transcript of that
// run; the window only shows them.
class AccountActivity : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Idle,
        Fetching,
        Sending,
        SignInNeeded,              // waiting for the user to sign in (or an automatic fetch stopped for it)
        CertificateDecisionNeeded, // the server's certificate did not verify: trust it or not
        Failed,                    // the last run failed (its Outcome says why)
    };
    Q_ENUM(State)
    // Who asked for a fetch: the user may be asked to sign in, the schedule never is (a fetch
    // nobody watches must not open a browser).
    enum class Trigger { User, Schedule };

    AccountActivity(store::Account account, secrets::SecretStore *secrets, QObject *parent = nullptr);
    ~AccountActivity() override;

    [[nodiscard]] const store::Account &account() const { return m_account; }
    // The account was saved with other settings: used from the next run on (runs that are
    // under way finish with the settings they began with).
    void setAccount(const store::Account &account);

    // Abrufen. While a fetch runs, another request only makes it count as the user's.
    void fetch(Trigger trigger = Trigger::User);
    // Stops the fetch: what was stored stays (the fetch is crash-safe), the next one continues.
    void cancelFetch();
    // Sends what is due in the Outbox now (after Senden in the composer, or asked for).
    void send();
    // The user's word for a Failed, Unknown or Deferred message: send it now.
    bool retry(const QString &outboxId);
    // Removes a message from the Outbox (not while it is on its way).
    bool discard(const QString &outboxId);
    // The certificate the last run refused is now trusted (pinned in the account, which the
    // caller has saved and passed to setAccount): sends again what was refused over it. True
    // when the fetch failed over it too (the caller fetches again, through its queue).
    bool retryAfterCertificate();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool isFetching() const { return m_fetch != nullptr; }
    [[nodiscard]] bool isSending() const;
    [[nodiscard]] bool isBusy() const { return isFetching() || isSending(); }
    // When the Outbox's retry timer fires next; invalid when nothing waits.
    [[nodiscard]] QDateTime nextSendAttempt() const;
    // The account's token provider (nullptr for accounts without OAuth), for the sign-in
    // dialog and the connection test too.
    [[nodiscard]] oauth::TokenProvider *tokens();

    [[nodiscard]] QString fetchTranscriptPath() const;
    [[nodiscard]] QString sendTranscriptPath() const;

    // Tests and tuning: the Outbox's retry delay after the n-th temporary failure.
    void setSendBackoff(std::function<int(int attempts)> backoff);

signals:
    void stateChanged(kurier::activity::AccountActivity::State state);
    void fetchStarted();
    void fetchProgress(int done, int total, qint64 bytes, qint64 totalBytes);
    void sendStarted();
    void signInRequired(const kurier::activity::SignInRequest &request);
    // After the Outcome of the run that the certificate stopped.
    void certificateDecisionRequired(const kurier::net::CertificateProblem &problem);
    void finished(const kurier::activity::Outcome &outcome);
    // A message was queued, sent, deferred or removed.
    void outboxChanged();

private:
    smtp::OutboxService *outbox();
    void makeOutbox();
    void onSignInPrompt(SignInRequest request);
    void onFetchFinished(int fetched, const diagnostics::Diagnostic &diagnostic);
    void onMessageSent(const smtp::SendResult &result);
    void onSendFinished(const diagnostics::Diagnostic &error);
    void endRun(Outcome outcome, const QString &transcriptPath);
    void applyPendingAccount();
    void updateState(State settled);

    store::Account m_account;
    secrets::SecretStore *m_secrets;
    std::unique_ptr<oauth::TokenProvider> m_tokens;
    std::unique_ptr<smtp::OutboxService> m_outbox;
    QString m_outboxError; // why the Outbox could not be opened; empty when it is usable
    std::unique_ptr<pop3::Pop3AccountFetch> m_fetch;
    std::optional<store::Account> m_pendingAccount; // saved while a run used the old settings
    std::function<int(int)> m_backoff;
    quint64 m_fetchRun = 0;       // tells a stale queued finish from the current fetch's
    bool m_fetchUnattended = false;
    bool m_waitingForSignIn = false;
    bool m_retryFetchAfterCertificate = false;
    QStringList m_retrySendAfterCertificate; // Outbox ids refused over the certificate
    int m_runSent = 0;
    diagnostics::Diagnostic m_runFirstError;
    State m_state = State::Idle;
    State m_settled = State::Idle; // what the last run left when nothing runs
};

} // namespace kurier::activity
