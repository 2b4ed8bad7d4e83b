#include "activity/AccountActivity.h"

#include "activity/ActivityLog.h"
#include "oauth/TokenProvider.h"
#include "pop3/Pop3AccountFetch.h"
#include "smtp/OutboxService.h"
#include "store/MailLayout.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace kurier::activity {

namespace {

QString readTranscript(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

AccountActivity::AccountActivity(store::Account account, secrets::SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_secrets(secrets)
{
    // Messages deferred in an earlier session go out by themselves when their time comes; an
    // account that never sent has no Outbox yet, and none is made for it here.
    if (QFileInfo(store::MailLayout::of(m_account).path(store::MailLayout::Folder::Outbox)).isDir())
        makeOutbox();
}

AccountActivity::~AccountActivity()
{
    // The runs before the provider they borrow.
    m_fetch.reset();
    m_outbox.reset();
}

void AccountActivity::setAccount(const store::Account &account)
{
    if (isBusy()) {
        m_pendingAccount = account; // the runs finish with the settings they began with
        return;
    }
    if (account == m_account)
        return;
    m_account = account;
    // The provider holds the settings its requests use (endpoints, client, CA file and pinned
    // certificates); a new one reads the cached tokens from the keychain again.
    m_tokens.reset();
    if (m_outbox)
        makeOutbox(); // it holds the provider it was given
}

void AccountActivity::applyPendingAccount()
{
    if (m_pendingAccount && !isBusy())
        setAccount(*std::exchange(m_pendingAccount, std::nullopt));
}

oauth::TokenProvider *AccountActivity::tokens()
{
    if (!m_account.oauth.enabled)
        return nullptr;
    if (!m_tokens) {
        m_tokens = std::make_unique<oauth::TokenProvider>(m_account, m_secrets);
        connect(m_tokens.get(), &oauth::TokenProvider::browserSignInRequired, this, [this](const QUrl &url) {
            SignInRequest r;
            r.kind = SignInRequest::Kind::Browser;
            r.browserUrl = url;
            onSignInPrompt(r);
        });
        connect(m_tokens.get(), &oauth::TokenProvider::deviceCodeSignInRequired, this,
                [this](const oauth::DeviceCodePrompt &prompt) {
                    SignInRequest r;
                    r.kind = SignInRequest::Kind::DeviceCode;
                    r.deviceCode = prompt;
                    onSignInPrompt(r);
                });
    }
    return m_tokens.get();
}

QString AccountActivity::fetchTranscriptPath() const
{
    return store::MailLayout::of(m_account).root() + QStringLiteral("/last-fetch-transcript.txt");
}

QString AccountActivity::sendTranscriptPath() const
{
    return store::MailLayout::of(m_account).root() + QStringLiteral("/last-send-transcript.txt");
}

// --- fetching ---------------------------------------------------------------------------

void AccountActivity::fetch(Trigger trigger)
{
    if (m_fetch) {
        if (trigger == Trigger::User)
            m_fetchUnattended = false;
        return;
    }
    m_fetchUnattended = trigger == Trigger::Schedule;
    m_waitingForSignIn = false;
    m_retryFetchAfterCertificate = false;
    // A fresh transcript per fetch (the core appends).
    QDir().mkpath(store::MailLayout::of(m_account).root());
    QFile::remove(fetchTranscriptPath());
    pop3::Pop3AccountFetch::Settings settings;
    settings.transcriptPath = fetchTranscriptPath();
    settings.tokens = tokens();
    m_fetch = std::make_unique<pop3::Pop3AccountFetch>(m_account, m_secrets, settings);
    const quint64 run = ++m_fetchRun;
    connect(m_fetch.get(), &pop3::Pop3AccountFetch::progress, this, &AccountActivity::fetchProgress);
    // Queued: the fetch's signals are still on the stack when it ends; a fetch cancelled
    // meanwhile (or replaced by a newer one) has nothing more to say.
    connect(m_fetch.get(), &pop3::Pop3AccountFetch::finished, this,
            [this, run](const pop3::Pop3Fetch::Result &result) {
                if (run == m_fetchRun && m_fetch)
                    onFetchFinished(result.fetched, result.diagnostic);
            },
            Qt::QueuedConnection);
    qCDebug(lcActivity) << "fetch of" << m_account.prefix << (m_fetchUnattended ? "(scheduled)" : "(asked for)");
    updateState(m_settled);
    emit fetchStarted();
    m_fetch->start();
}

void AccountActivity::cancelFetch()
{
    if (!m_fetch)
        return;
    ++m_fetchRun;
    m_fetch.reset(); // its session's token callback is guarded: nothing arrives afterwards
    if (m_tokens && !isSending())
        m_tokens->cancel(); // a browser listener or device-code poll waits for no one now
    m_waitingForSignIn = false;
    Outcome o;
    o.accountId = m_account.id;
    o.operation = Outcome::Operation::Fetch;
    o.stopped = true;
    endRun(o, {});
}

void AccountActivity::onFetchFinished(int fetched, const diagnostics::Diagnostic &diagnostic)
{
    m_fetch.reset();
    m_waitingForSignIn = false;
    Outcome o;
    o.accountId = m_account.id;
    o.operation = Outcome::Operation::Fetch;
    o.count = fetched;
    o.diagnostic = diagnostic;
    m_retryFetchAfterCertificate = !diagnostic.certificate.isEmpty();
    endRun(o, fetchTranscriptPath());
}

// --- sending ----------------------------------------------------------------------------

void AccountActivity::makeOutbox()
{
    m_outbox = std::make_unique<smtp::OutboxService>(m_account, m_secrets, tokens());
    m_outbox->setTranscriptPath(sendTranscriptPath());
    if (m_backoff)
        m_outbox->setBackoff(m_backoff);
    connect(m_outbox.get(), &smtp::OutboxService::sendingChanged, this, [this](bool sending) {
        if (sending) {
            m_runSent = 0;
            m_runFirstError = {};
            m_retrySendAfterCertificate.clear();
            updateState(m_settled);
            emit sendStarted();
        }
    });
    connect(m_outbox.get(), &smtp::OutboxService::messageFinished, this, &AccountActivity::onMessageSent);
    connect(m_outbox.get(), &smtp::OutboxService::runFinished, this, &AccountActivity::onSendFinished);
    connect(m_outbox.get(), &smtp::OutboxService::outboxChanged, this, &AccountActivity::outboxChanged);
    // Its own sign-in relays are not listened to: the provider's prompts come from tokens().
    m_outboxError.clear();
    if (!m_outbox->open()) {
        m_outboxError = m_outbox->errorString();
        qCWarning(lcActivity) << "the Outbox of" << m_account.prefix << "cannot be opened:" << m_outboxError;
    }
}

smtp::OutboxService *AccountActivity::outbox()
{
    if (!m_outbox)
        makeOutbox();
    return m_outbox.get();
}

bool AccountActivity::isSending() const
{
    return m_outbox && m_outbox->isSending();
}

QDateTime AccountActivity::nextSendAttempt() const
{
    return m_outbox ? m_outbox->nextRun() : QDateTime();
}

void AccountActivity::setSendBackoff(std::function<int(int)> backoff)
{
    m_backoff = std::move(backoff);
    if (m_outbox)
        m_outbox->setBackoff(m_backoff);
}

void AccountActivity::send()
{
    if (!m_outboxError.isEmpty())
        makeOutbox(); // the folder may be there now
    smtp::OutboxService *service = outbox();
    if (!m_outboxError.isEmpty()) {
        // The Outbox itself cannot be used (a folder that cannot be made): say so as a run.
        Outcome o;
        o.accountId = m_account.id;
        o.operation = Outcome::Operation::Send;
        o.diagnostic.stage = diagnostics::Diagnostic::Stage::Configuration;
        o.diagnostic.summary = m_outboxError;
        endRun(o, {});
        return;
    }
    service->sendNow();
}

bool AccountActivity::retry(const QString &outboxId)
{
    return outbox()->retry(outboxId);
}

bool AccountActivity::discard(const QString &outboxId)
{
    return outbox()->discard(outboxId);
}

void AccountActivity::onMessageSent(const smtp::SendResult &result)
{
    if (result.isSent()) {
        ++m_runSent;
        return;
    }
    if (m_runFirstError.isEmpty())
        m_runFirstError = result.diagnostic;
    if (!result.diagnostic.certificate.isEmpty())
        m_retrySendAfterCertificate << result.id;
}

void AccountActivity::onSendFinished(const diagnostics::Diagnostic &error)
{
    if (!m_fetch)
        m_waitingForSignIn = false;
    Outcome o;
    o.accountId = m_account.id;
    o.operation = Outcome::Operation::Send;
    o.count = m_runSent;
    o.diagnostic = m_runFirstError.isEmpty() ? error : m_runFirstError;
    endRun(o, sendTranscriptPath());
}

// --- both -------------------------------------------------------------------------------

void AccountActivity::onSignInPrompt(SignInRequest request)
{
    request.accountId = m_account.id;
    if (!isBusy())
        return; // the sign-in dialog drives the provider and shows its own prompt
    // A fetch nobody asked for, and nothing else waiting for the token: it never opens a
    // browser or waits for a code. It stops, and says how to sign in.
    if (m_fetch && m_fetchUnattended && !isSending()) {
        ++m_fetchRun;
        m_fetch.reset();
        m_tokens->cancel();
        request.kind = SignInRequest::Kind::Stopped;
        request.browserUrl.clear();
        request.deviceCode.reset();
        emit signInRequired(request);
        Outcome o;
        o.accountId = m_account.id;
        o.operation = Outcome::Operation::Fetch;
        o.stopped = true;
        m_settled = State::SignInNeeded;
        endRun(o, {});
        return;
    }
    m_waitingForSignIn = true;
    updateState(m_settled);
    emit signInRequired(request);
}

bool AccountActivity::retryAfterCertificate()
{
    const QStringList ids = std::exchange(m_retrySendAfterCertificate, {});
    if (!ids.isEmpty()) {
        for (const QString &id : ids)
            outbox()->outbox().retry(id);
        send();
    }
    if (m_settled == State::CertificateDecisionNeeded)
        updateState(State::Idle);
    return std::exchange(m_retryFetchAfterCertificate, false);
}

void AccountActivity::endRun(Outcome outcome, const QString &transcriptPath)
{
    if (!outcome.ok() && !transcriptPath.isEmpty())
        outcome.transcript = readTranscript(transcriptPath);
    State settled = m_settled;
    if (!outcome.stopped) {
        settled = outcome.ok()                              ? State::Idle
            : !outcome.diagnostic.certificate.isEmpty()     ? State::CertificateDecisionNeeded
                                                            : State::Failed;
    }
    qCDebug(lcActivity) << (outcome.operation == Outcome::Operation::Fetch ? "fetch" : "send") << "of"
                        << m_account.prefix << "ended:" << outcome.count << (outcome.ok() ? "ok" : "failed");
    applyPendingAccount();
    updateState(settled);
    emit finished(outcome);
    if (!outcome.diagnostic.certificate.isEmpty())
        emit certificateDecisionRequired(outcome.diagnostic.certificate);
}

void AccountActivity::updateState(State settled)
{
    m_settled = settled;
    State now = settled;
    if (m_waitingForSignIn && isBusy())
        now = State::SignInNeeded;
    else if (m_fetch)
        now = State::Fetching;
    else if (isSending())
        now = State::Sending;
    if (now == m_state)
        return;
    m_state = now;
    emit stateChanged(now);
}

} // namespace kurier::activity
