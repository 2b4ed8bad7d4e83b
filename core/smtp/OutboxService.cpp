#include "smtp/OutboxService.h"

#include "mime/MessageBuilder.h"
#include "oauth/TokenProvider.h"
#include "smtp/OutboxSender.h"
#include "smtp/SmtpLog.h"
#include "store/MailLayout.h"
#include "store/Mailbox.h"

#include <QFile>

namespace kurier::smtp {

using store::Outbox;

OutboxService::OutboxService(store::Account account, secrets::SecretStore *secrets, oauth::TokenProvider *tokens,
                             QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_secrets(secrets)
    , m_tokens(tokens)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &OutboxService::sendNow);
}

OutboxService::~OutboxService() = default;

bool OutboxService::open()
{
    m_outbox = std::make_unique<Outbox>(store::MailLayout::of(m_account).root());
    if (!m_outbox->open()) {
        m_error = m_outbox->errorString();
        return false;
    }
    // Deferred messages from an earlier session: their time may have come.
    armTimer();
    return true;
}

std::optional<QString> OutboxService::submit(const mime::Draft &draft)
{
    auto id = store::Mailbox::queue(m_account, draft, &m_error); // not const: returned by move
    if (!id)
        return std::nullopt;
    emit outboxChanged();
    QMetaObject::invokeMethod(this, &OutboxService::sendNow, Qt::QueuedConnection);
    return id;
}

void OutboxService::sendNow()
{
    run({});
}

bool OutboxService::retry(const QString &id)
{
    if (!m_outbox->retry(id))
        return false;
    emit outboxChanged();
    run({}); // it is Queued now, so due
    return true;
}

bool OutboxService::discard(const QString &id)
{
    const auto e = m_outbox->entry(id);
    if (!e || e->state == Outbox::State::Sending)
        return false; // not while it is on its way
    const bool ok = m_outbox->remove(id);
    emit outboxChanged();
    return ok;
}

QList<Outbox::Entry> OutboxService::entries() const
{
    return m_outbox ? m_outbox->entries() : QList<Outbox::Entry>{};
}

void OutboxService::run(const QStringList &ids)
{
    if (!m_outbox)
        return;
    if (m_sender) { // one run at a time: another one afterwards
        m_again = true;
        return;
    }
    m_timer.stop();
    m_nextRun = {};
    m_sender = std::make_unique<OutboxSender>(m_account, m_outbox.get(), m_secrets, m_tokens);
    if (!m_sessionPassword.isEmpty())
        m_sender->setSessionPassword(m_sessionPassword);
    if (m_adjust)
        m_sender->setSessionOptions(m_adjust);
    if (m_backoff)
        m_sender->setBackoff(m_backoff);
    if (!m_transcriptPath.isEmpty()) {
        QFile::remove(m_transcriptPath); // this run's conversation only
        m_sender->setTranscriptPath(m_transcriptPath);
    }
    connect(m_sender.get(), &OutboxSender::messageFinished, this, [this](const SendResult &r) {
        emit messageFinished(r);
        emit outboxChanged();
    });
    connect(m_sender.get(), &OutboxSender::browserSignInRequired, this, &OutboxService::browserSignInRequired);
    connect(m_sender.get(), &OutboxSender::deviceCodeSignInRequired, this, &OutboxService::deviceCodeSignInRequired);
    connect(m_sender.get(), &OutboxSender::finished, this, &OutboxService::onRunFinished);
    emit sendingChanged(true);
    m_sender->send(ids);
}

void OutboxService::onRunFinished(const diagnostics::Diagnostic &error)
{
    // The sender is still inside its signal: delete it later.
    m_sender.release()->deleteLater();
    // What comes next is known before anyone hears of this run (nextRun() is asked then).
    if (error.code == u"outbox-busy") {
        // Another process sends from this Outbox; look again in a while.
        m_nextRun = QDateTime::currentDateTimeUtc().addSecs(30);
        m_timer.start(30 * 1000);
    } else if (m_again) {
        m_again = false;
        QMetaObject::invokeMethod(this, &OutboxService::sendNow, Qt::QueuedConnection);
    } else {
        armTimer();
    }
    emit sendingChanged(false);
    emit runFinished(error);
}

void OutboxService::armTimer()
{
    const std::optional<QDateTime> due = m_outbox->nextAttemptDue();
    if (!due) {
        m_nextRun = {};
        m_timer.stop();
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_nextRun = std::max(*due, now);
    const qint64 ms = std::clamp<qint64>(now.msecsTo(m_nextRun), 0, qint64(24) * 3600 * 1000);
    qCDebug(lcSmtp) << "next Outbox run for" << m_account.prefix << "in" << ms << "ms";
    m_timer.start(int(ms));
}

} // namespace kurier::smtp
