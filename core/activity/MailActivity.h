#pragma once

#include "activity/AccountActivity.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

namespace kurier::store {
class AccountManager;
}

namespace kurier::activity {

class FetchScheduler;

// The activity of every account, kept in step with the AccountManager: one AccountActivity
// per account, the periodic fetch (FetchScheduler) and the fetch queue — Abrufen of several
// accounts runs one fetch after the other (one progress to show, one server load at a time),
// never two of one account. Sends run per account as their Outboxes ask. Its signals carry the
// account's id; the window connects to this object alone.
class MailActivity : public QObject
{
    Q_OBJECT
public:
    explicit MailActivity(store::AccountManager *accounts, QObject *parent = nullptr);
    ~MailActivity() override;

    // nullptr for an unknown id.
    [[nodiscard]] AccountActivity *account(const QString &accountId) const;
    [[nodiscard]] FetchScheduler *scheduler() const { return m_scheduler; }

    // Abrufen: every account with a POP3 server, the default one first.
    void fetchAll();
    void fetch(const QString &accountId, AccountActivity::Trigger trigger = AccountActivity::Trigger::User);
    void send(const QString &accountId);
    // Abbrechen: the queue and the running fetch. A message being sent is left to finish: the
    // Outbox records its outcome.
    void cancel();
    // The user trusted the certificate that stopped a run: it is pinned to the account (exactly
    // this one, this account), the account saved, and what failed over it runs again.
    void trustCertificate(const QString &accountId, const QByteArray &sha256);

    [[nodiscard]] bool isBusy() const;
    [[nodiscard]] bool isFetching() const { return !m_fetching.isEmpty(); }
    [[nodiscard]] QString fetchingAccount() const { return m_fetching; }

signals:
    void busyChanged(bool busy);
    void stateChanged(const QString &accountId, kurier::activity::AccountActivity::State state);
    void fetchStarted(const QString &accountId);
    void fetchProgress(const QString &accountId, int done, int total, qint64 bytes, qint64 totalBytes);
    void sendStarted(const QString &accountId);
    void signInRequired(const kurier::activity::SignInRequest &request);
    void certificateDecisionRequired(const QString &accountId, const kurier::net::CertificateProblem &problem);
    void finished(const kurier::activity::Outcome &outcome);
    void outboxChanged(const QString &accountId);
    // trustCertificate could not save the account.
    void trustFailed(const QString &accountId, const QString &error);

private:
    void syncAccounts();
    void add(const store::Account &account);
    void startNextFetch();
    void onFinished(const Outcome &outcome);
    void updateBusy();

    store::AccountManager *m_accounts;
    FetchScheduler *m_scheduler;
    QHash<QString, AccountActivity *> m_activities;
    QStringList m_fetchQueue;
    QSet<QString> m_scheduled; // queued by the schedule, not by the user
    QString m_fetching;
    bool m_busy = false;
};

} // namespace kurier::activity
