#pragma once

#include "accounts/CertificateDialog.h"
#include "activity/MailActivity.h"
#include "store/Outbox.h"

#include <QObject>
#include <QPointer>

class QLabel;
class QProgressBar;
class QStatusBar;
class QToolButton;

namespace kurier::store {
class AccountManager;
}

namespace kurier::ui {

class ErrorBanner;
class NewMailNotifier;

// Shows what the accounts do in the background (activity::MailActivity): the status line with
// progress and Abbrechen, the banner for sign-in prompts (the browser opened, the device code)
// and for failures (cause, fix, and the run's redacted transcript under Details), "Show
// certificate…" for a certificate that did not verify, and the new-mail notification. It asks
// the activity and shows its answers; it does no mail work itself.
class ActivityStatus : public QObject
{
    Q_OBJECT
public:
    ActivityStatus(activity::MailActivity *activity, store::AccountManager *accounts, ErrorBanner *banner,
                   QStatusBar *statusBar, NewMailNotifier *notifier, QWidget *window);

    [[nodiscard]] QLabel *statusText() const { return m_text; }
    // A message selected in the Outbox: why it has not gone yet (deferred until when, failed,
    // unknown whether it went), from the Outbox's record. Nothing for one that simply waits.
    void showOutboxState(const store::Outbox::Entry &entry);
    // The certificate dialog opened from the banner's "Show certificate…", while it is open.
    [[nodiscard]] CertificateDialog *certificateDialog() const { return m_certificateDialog; }

signals:
    // A run ended that changed what a folder of the account holds.
    void foldersChanged(const QString &accountId, const kurier::activity::Outcome &outcome);

private:
    void onSignInRequired(const activity::SignInRequest &request);
    void onFinished(const activity::Outcome &outcome);
    void offerCertificate(const QString &accountId, const net::CertificateProblem &problem);
    [[nodiscard]] QString prefixOf(const QString &accountId) const;

    activity::MailActivity *m_activity;
    store::AccountManager *m_accounts;
    ErrorBanner *m_banner;
    NewMailNotifier *m_notifier;
    QWidget *m_window;
    QLabel *m_text;
    QProgressBar *m_progress;
    QToolButton *m_cancel;
    QPointer<CertificateDialog> m_certificateDialog;
    // The failure on the banner (account, run, text): a later success of the same run takes it away.
    QString m_failureAccount;
    activity::Outcome::Operation m_failureOperation = activity::Outcome::Operation::Fetch;
    QString m_failureText;
};

} // namespace kurier::ui
