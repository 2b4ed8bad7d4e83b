#pragma once

#include "store/Account.h"

#include <QHash>
#include <QObject>

class QTimer;

namespace kurier::activity {

// Periodic Abrufen: one timer per account whose fetch interval is set (0 = only when asked).
// It only says when an account is due; the window decides (it never runs two fetches of one
// account at once, and Pop3AccountFetch's lock keeps other processes out).
class FetchScheduler : public QObject
{
    Q_OBJECT
public:
    explicit FetchScheduler(QObject *parent = nullptr);

    // (Re)starts the timers from the accounts' settings; an unchanged interval keeps its timer
    // running (saving an account does not postpone its next fetch).
    void setAccounts(const QList<store::Account> &accounts);
    [[nodiscard]] bool isScheduled(const QString &accountId) const { return m_timers.contains(accountId); }
    [[nodiscard]] int intervalMs(const QString &accountId) const;
    // Milliseconds in a "minute" (tests make it short).
    static void setMinuteMs(int ms);

signals:
    void fetchDue(const QString &accountId);

private:
    QHash<QString, QTimer *> m_timers;
};

} // namespace kurier::activity
