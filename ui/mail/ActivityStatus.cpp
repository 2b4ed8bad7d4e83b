#include "mail/ActivityStatus.h"

#include "accounts/CertificateDialog.h"
#include "common/ErrorBanner.h"
#include "mail/NewMailNotifier.h"
#include "store/AccountManager.h"

#include <QDateTime>
#include <QDesktopServices>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QStatusBar>
#include <QToolButton>

namespace kurier::ui {

namespace {

QString megabytes(qint64 bytes)
{
    return QLocale().toString(double(bytes) / 1e6, 'f', 1);
}

} // namespace

ActivityStatus::ActivityStatus(activity::MailActivity *activity, store::AccountManager *accounts, ErrorBanner *banner,
                               QStatusBar *statusBar, NewMailNotifier *notifier, QWidget *window)
    : QObject(window)
    , m_activity(activity)
    , m_accounts(accounts)
    , m_banner(banner)
    , m_notifier(notifier)
    , m_window(window)
    , m_text(new QLabel)
    , m_progress(new QProgressBar)
    , m_cancel(new QToolButton)
{
    m_text->setObjectName(QStringLiteral("statusText"));
    m_progress->setObjectName(QStringLiteral("statusProgress"));
    m_progress->setMaximumWidth(180);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_cancel->setObjectName(QStringLiteral("cancelJobs"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setAutoRaise(true);
    m_cancel->hide();
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        const bool wasFetching = m_activity->isFetching();
        m_activity->cancel();
        if (wasFetching)
            m_text->setText(tr("Fetching cancelled."));
    });
    statusBar->addWidget(m_text, 1);
    statusBar->addPermanentWidget(m_progress);
    statusBar->addPermanentWidget(m_cancel);

    connect(activity, &activity::MailActivity::busyChanged, this, [this](bool busy) {
        m_progress->setVisible(busy);
        m_cancel->setVisible(busy);
    });
    connect(activity, &activity::MailActivity::fetchStarted, this, [this](const QString &accountId) {
        m_banner->hide();
        m_text->setText(tr("%1: connecting…").arg(prefixOf(accountId)));
        m_progress->setRange(0, 0);
    });
    connect(activity, &activity::MailActivity::fetchProgress, this,
            [this](const QString &accountId, int done, int total, qint64 bytes, qint64 totalBytes) {
                m_progress->setRange(0, total);
                m_progress->setValue(done);
                m_text->setText(tr("%1: %2 of %3 messages, %4 of %5 MB")
                                    .arg(prefixOf(accountId), QLocale().toString(done), QLocale().toString(total),
                                         megabytes(bytes), megabytes(totalBytes)));
            });
    connect(activity, &activity::MailActivity::sendStarted, this, [this](const QString &accountId) {
        m_text->setText(tr("%1: sending…").arg(prefixOf(accountId)));
        if (!m_activity->isFetching())
            m_progress->setRange(0, 0);
    });
    connect(activity, &activity::MailActivity::signInRequired, this, &ActivityStatus::onSignInRequired);
    connect(activity, &activity::MailActivity::finished, this, &ActivityStatus::onFinished);
    connect(activity, &activity::MailActivity::certificateDecisionRequired, this, &ActivityStatus::offerCertificate);
    connect(activity, &activity::MailActivity::trustFailed, this, [this](const QString &, const QString &error) {
        m_banner->showInfo(tr("The certificate could not be saved with the account: %1").arg(error));
    });
}

QString ActivityStatus::prefixOf(const QString &accountId) const
{
    const auto account = m_accounts->findById(accountId);
    return account ? account->prefix : QString();
}

void ActivityStatus::showOutboxState(const store::Outbox::Entry &entry)
{
    if (entry.state == store::Outbox::State::Queued || entry.lastError.isEmpty())
        return;
    QString context;
    switch (entry.state) {
    case store::Outbox::State::Deferred:
        context = tr("Not sent yet, tried again at %1:").arg(QLocale().toString(entry.nextAttempt.toLocalTime(), QLocale::ShortFormat));
        break;
    case store::Outbox::State::Failed: context = tr("Not sent:"); break;
    case store::Outbox::State::Unknown: context = tr("Unknown whether it was sent (use Send Again only if it did not arrive):"); break;
    default: context = tr("Sending:"); break;
    }
    m_banner->showDiagnostic(context, entry.lastError);
}

void ActivityStatus::onSignInRequired(const activity::SignInRequest &request)
{
    const QString prefix = prefixOf(request.accountId);
    switch (request.kind) {
    case activity::SignInRequest::Kind::Browser:
        QDesktopServices::openUrl(request.browserUrl);
        m_banner->showInfo(tr("%1: please sign in in the browser window that has opened. Kurier continues when you are done.").arg(prefix),
                           request.browserUrl.toString());
        break;
    case activity::SignInRequest::Kind::DeviceCode: {
        const oauth::DeviceCodePrompt prompt = request.deviceCode.value_or(oauth::DeviceCodePrompt{});
        m_banner->showInfo(tr("%1: to sign in, open %2 and enter the code %3").arg(prefix, prompt.verificationUri.toString(), prompt.userCode),
                           prompt.verificationUri.toString() + u'\n' + prompt.userCode);
        break;
    }
    case activity::SignInRequest::Kind::Stopped:
        m_banner->showInfo(tr("%1: the automatic fetch needs you to sign in. Choose Sign In… in the account's menu, then Fetch Mail.")
                               .arg(prefix),
                           {});
        break;
    }
}

void ActivityStatus::onFinished(const activity::Outcome &outcome)
{
    const QString prefix = prefixOf(outcome.accountId);
    const bool fetch = outcome.operation == activity::Outcome::Operation::Fetch;
    if (outcome.stopped) {
        if (m_text->text().startsWith(prefix + u':'))
            m_text->clear();
    } else if (outcome.ok()) {
        // A message deferred before went out by itself: its failure is history now.
        if (outcome.accountId == m_failureAccount && outcome.operation == m_failureOperation && m_banner->isVisible()
            && m_banner->text() == m_failureText)
            m_banner->hide();
        m_failureAccount.clear();
        const int n = outcome.count;
        if (fetch)
            m_text->setText(n == 0   ? tr("%1: no new messages").arg(prefix)
                                : n == 1 ? tr("%1: 1 new message").arg(prefix)
                                         : tr("%1: %2 new messages").arg(prefix, QLocale().toString(n)));
        else
            m_text->setText(n == 1 ? tr("%1: 1 message sent").arg(prefix)
                                   : tr("%1: %2 messages sent").arg(prefix, QLocale().toString(n)));
    } else {
        // A message the server deferred goes again by itself (the Outbox's timer): say when.
        const activity::AccountActivity *account = m_activity->account(outcome.accountId);
        const QDateTime next = account && !fetch && outcome.diagnostic.retryable ? account->nextSendAttempt() : QDateTime();
        const QString at = QLocale().toString(next.toLocalTime().time(), QLocale::ShortFormat);
        QString context;
        if (fetch) {
            m_text->setText(tr("%1: fetching failed").arg(prefix));
            context = tr("Fetching mail for %1 failed:").arg(prefix);
        } else if (next.isValid()) {
            m_text->setText(tr("%1: not sent yet, next attempt at %2").arg(prefix, at));
            context = tr("Not sent from %1 yet; Kurier tries again at %2 by itself:").arg(prefix, at);
        } else {
            m_text->setText(tr("%1: sending failed").arg(prefix));
            context = tr("Sending from %1 failed:").arg(prefix);
        }
        m_banner->showDiagnostic(context, outcome.diagnostic);
        if (!outcome.transcript.isEmpty()) {
            m_banner->detailsView()->appendPlainText(QStringLiteral("\n") + tr("Protocol transcript (passwords and tokens removed):")
                                                     + u'\n' + outcome.transcript);
        }
        m_failureAccount = outcome.accountId;
        m_failureOperation = outcome.operation;
        m_failureText = m_banner->text();
    }
    if (fetch && !outcome.stopped)
        m_notifier->fetched(prefix, outcome.count);
    emit foldersChanged(outcome.accountId, outcome);
}

void ActivityStatus::offerCertificate(const QString &accountId, const net::CertificateProblem &problem)
{
    m_banner->setAction(tr("Show certificate…"), [this, accountId, problem] {
        const auto account = m_accounts->findById(accountId);
        if (!account)
            return;
        delete m_certificateDialog;
        auto *dialog = new CertificateDialog(problem, problem.host.isEmpty() ? account->pop3.host : problem.host,
                                             account->prefix + QStringLiteral(" · ") + account->email, m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        m_certificateDialog = dialog;
        connect(dialog, &QDialog::accepted, this, [this, accountId, sha256 = problem.sha256] {
            m_banner->hide();
            m_activity->trustCertificate(accountId, sha256);
        });
        dialog->open(); // window-modal, no nested event loop
    });
}

} // namespace kurier::ui
