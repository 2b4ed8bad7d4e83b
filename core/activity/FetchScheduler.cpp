#include "activity/FetchScheduler.h"

#include <QSet>
#include <QTimer>

#include <atomic>

namespace kurier::activity {

namespace {
std::atomic<int> s_minuteMs = 60 * 1000;
} // namespace

FetchScheduler::FetchScheduler(QObject *parent)
    : QObject(parent)
{
}

void FetchScheduler::setMinuteMs(int ms)
{
    s_minuteMs = ms;
}

int FetchScheduler::intervalMs(const QString &accountId) const
{
    const QTimer *timer = m_timers.value(accountId);
    return timer ? timer->interval() : 0;
}

void FetchScheduler::setAccounts(const QList<store::Account> &accounts)
{
    QSet<QString> wanted;
    for (const store::Account &a : accounts) {
        if (a.pop3.fetchIntervalMinutes <= 0 || a.pop3.host.isEmpty())
            continue;
        wanted.insert(a.id);
        const int ms = a.pop3.fetchIntervalMinutes * s_minuteMs;
        QTimer *timer = m_timers.value(a.id);
        if (timer && timer->interval() == ms)
            continue;
        if (!timer) {
            timer = new QTimer(this);
            m_timers.insert(a.id, timer);
            const QString id = a.id;
            connect(timer, &QTimer::timeout, this, [this, id] { emit fetchDue(id); });
        }
        timer->start(ms);
    }
    for (auto it = m_timers.begin(); it != m_timers.end();) {
        if (!wanted.contains(it.key())) {
            delete it.value();
            it = m_timers.erase(it);
        } else {
            ++it;
        }
    }
}

} // namespace kurier::activity
