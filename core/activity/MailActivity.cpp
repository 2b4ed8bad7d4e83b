#include "activity/MailActivity.h"

#include "activity/ActivityLog.h"
#include "activity/FetchScheduler.h"
#include "store/AccountManager.h"

#include <QPointer>
#include <algorithm>

namespace kurier::activity {

MailActivity::MailActivity(store::AccountManager *accounts, QObject *parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_scheduler(new FetchScheduler(this))
{
    // A periodic fetch of an account that is being fetched (or waits for it) is skipped: never
    // two fetches of one account at once, nor one right after the other.
    connect(m_scheduler, &FetchScheduler::fetchDue, this,
            [this](const QString &accountId) { fetch(accountId, AccountActivity::Trigger::Schedule); });
    connect(m_accounts, &store::AccountManager::accountsChanged, this, &MailActivity::syncAccounts);
    syncAccounts();
}

MailActivity::~MailActivity()
{
    // Before the scheduler and the signals they report through.
    qDeleteAll(std::exchange(m_activities, {}));
}

AccountActivity *MailActivity::account(const QString &accountId) const
{
    return m_activities.value(accountId);
}

void MailActivity::syncAccounts()
{
    const QList<store::Account> &accounts = m_accounts->accounts();
    QSet<QString> present;
    for (const store::Account &a : accounts) {
        present.insert(a.id);
        if (AccountActivity *existing = m_activities.value(a.id))
            existing->setAccount(a);
        else
            add(a);
    }
    for (auto it = m_activities.begin(); it != m_activities.end();) {
        if (present.contains(it.key())) {
            ++it;
            continue;
        }
        // Removed: its fetch stops (what was stored stays with the folder), nothing more is sent.
        m_fetchQueue.removeAll(it.key());
        m_scheduled.remove(it.key());
        AccountActivity *gone = it.value();
        it = m_activities.erase(it);
        gone->disconnect(this);
        gone->deleteLater();
        if (m_fetching == gone->account().id) {
            m_fetching.clear();
            QMetaObject::invokeMethod(this, &MailActivity::startNextFetch, Qt::QueuedConnection);
        }
    }
    m_scheduler->setAccounts(accounts);
    updateBusy();
}

void MailActivity::add(const store::Account &account)
{
    auto *activity = new AccountActivity(account, m_accounts->secretStore(), this);
    m_activities.insert(account.id, activity);
    const QString id = account.id;
    connect(activity, &AccountActivity::stateChanged, this, [this, id](AccountActivity::State state) {
        emit stateChanged(id, state);
        updateBusy();
    });
    connect(activity, &AccountActivity::fetchStarted, this, [this, id] { emit fetchStarted(id); });
    connect(activity, &AccountActivity::fetchProgress, this, [this, id](int done, int total, qint64 bytes, qint64 totalBytes) {
        emit fetchProgress(id, done, total, bytes, totalBytes);
    });
    connect(activity, &AccountActivity::sendStarted, this, [this, id] { emit sendStarted(id); });
    connect(activity, &AccountActivity::signInRequired, this, &MailActivity::signInRequired);
    connect(activity, &AccountActivity::certificateDecisionRequired, this,
            [this, id](const net::CertificateProblem &problem) { emit certificateDecisionRequired(id, problem); });
    connect(activity, &AccountActivity::finished, this, &MailActivity::onFinished);
    connect(activity, &AccountActivity::outboxChanged, this, [this, id] { emit outboxChanged(id); });
}

void MailActivity::fetchAll()
{
    QList<store::Account> accounts = m_accounts->accounts();
    std::stable_sort(accounts.begin(), accounts.end(),
                     [](const store::Account &a, const store::Account &b) { return a.isDefault && !b.isDefault; });
    for (const store::Account &a : std::as_const(accounts)) {
        if (!a.pop3.host.isEmpty())
            fetch(a.id);
    }
}

void MailActivity::fetch(const QString &accountId, AccountActivity::Trigger trigger)
{
    AccountActivity *activity = account(accountId);
    if (!activity)
        return;
    if (trigger == AccountActivity::Trigger::Schedule) {
        if (m_fetching == accountId || m_fetchQueue.contains(accountId))
            return;
        m_scheduled.insert(accountId);
    } else {
        // Asked for by the user (also while an automatic one waits or runs): may sign in.
        m_scheduled.remove(accountId);
        if (m_fetching == accountId) {
            activity->fetch(AccountActivity::Trigger::User);
            return;
        }
    }
    if (!m_fetchQueue.contains(accountId))
        m_fetchQueue << accountId;
    startNextFetch();
}

void MailActivity::startNextFetch()
{
    if (!m_fetching.isEmpty())
        return;
    while (!m_fetchQueue.isEmpty()) {
        const QString id = m_fetchQueue.takeFirst();
        AccountActivity *activity = account(id);
        if (!activity)
            continue;
        m_fetching = id;
        const bool scheduled = m_scheduled.remove(id);
        activity->fetch(scheduled ? AccountActivity::Trigger::Schedule : AccountActivity::Trigger::User);
        break;
    }
    updateBusy();
}

void MailActivity::send(const QString &accountId)
{
    if (AccountActivity *activity = account(accountId))
        activity->send();
}

void MailActivity::cancel()
{
    m_fetchQueue.clear();
    m_scheduled.clear();
    if (AccountActivity *activity = account(m_fetching))
        activity->cancelFetch(); // its Outcome (stopped) ends the queue
    updateBusy();
}

void MailActivity::onFinished(const Outcome &outcome)
{
    emit finished(outcome);
    if (outcome.operation == Outcome::Operation::Fetch && outcome.accountId == m_fetching) {
        m_fetching.clear();
        startNextFetch();
    }
    updateBusy();
}

void MailActivity::trustCertificate(const QString &accountId, const QByteArray &sha256)
{
    auto pinned = m_accounts->findById(accountId);
    if (!pinned || sha256.isEmpty())
        return;
    if (!pinned->trustedCertificates.contains(sha256))
        pinned->trustedCertificates.append(sha256); // exactly this certificate, this account
    QPointer<MailActivity> self(this);
    m_accounts->save(*pinned, {}, [self, accountId](const store::AccountManager::SaveResult &r) {
        if (!self)
            return;
        if (!r.ok) {
            emit self->trustFailed(accountId, r.error);
            return;
        }
        AccountActivity *activity = self->account(accountId);
        if (!activity)
            return;
        activity->setAccount(r.account); // accountsChanged did so too; this one is certain
        if (activity->retryAfterCertificate())
            self->fetch(accountId); // through the queue like any other
    });
}

bool MailActivity::isBusy() const
{
    return std::any_of(m_activities.cbegin(), m_activities.cend(), [](const AccountActivity *a) { return a->isBusy(); });
}

void MailActivity::updateBusy()
{
    const bool busy = isBusy();
    if (busy == m_busy)
        return;
    m_busy = busy;
    qCDebug(lcActivity) << (busy ? "busy" : "idle");
    emit busyChanged(busy);
}

} // namespace kurier::activity
