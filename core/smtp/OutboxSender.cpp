#include "smtp/OutboxSender.h"

#include "oauth/TokenProvider.h"
#include "smtp/SmtpDiagnostics.h"
#include "smtp/SmtpLog.h"
#include "smtp/Submission.h"

namespace kurier::smtp {

using store::Outbox;

OutboxSender::OutboxSender(store::Account account, Outbox *outbox, secrets::SecretStore *secrets,
                           oauth::TokenProvider *tokens, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_outbox(outbox)
    , m_secrets(secrets)
    , m_tokens(tokens)
{
}

OutboxSender::~OutboxSender()
{
    if (m_submission)
        m_outbox->endSending();
}

void OutboxSender::send(const QStringList &ids)
{
    if (!m_outbox->beginSending()) {
        diagnostics::Diagnostic d;
        d.stage = diagnostics::Diagnostic::Stage::Configuration;
        d.summary = tr("The Outbox is busy");
        d.cause = m_outbox->errorString();
        d.fix = tr("Kurier sends the messages when the other process is done.");
        d.code = QStringLiteral("outbox-busy");
        d.retryable = true;
        QMetaObject::invokeMethod(this, [this, d] { emit finished(d); }, Qt::QueuedConnection);
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<OutgoingMessage> messages;
    for (const Outbox::Entry &e : m_outbox->entries()) {
        const bool wanted = ids.isEmpty() ? e.isDue(now) : ids.contains(e.id) && e.state != Outbox::State::Sending;
        if (!wanted)
            continue;
        OutgoingMessage m;
        m.id = e.id;
        m.reversePath = e.reversePath;
        m.recipients = e.recipients;
        m.data = m_outbox->messageData(e.id);
        messages.append(m);
    }
    if (messages.isEmpty()) {
        m_outbox->endSending();
        QMetaObject::invokeMethod(this, [this] { emit finished({}); }, Qt::QueuedConnection);
        return;
    }
    qCDebug(lcSmtp) << "sending" << messages.size() << "message(s) from the Outbox of" << m_account.prefix;
    m_submission = new Submission(m_account, m_secrets, m_tokens, this);
    if (!m_sessionPassword.isEmpty())
        m_submission->setSessionPassword(m_sessionPassword);
    if (m_adjust)
        m_submission->setSessionOptions(m_adjust);
    if (!m_transcriptPath.isEmpty())
        m_submission->setTranscriptPath(m_transcriptPath);
    // Direct connection: the mark is on disk before the session writes the data.
    connect(m_submission, &Submission::dataStarting, this, &OutboxSender::onDataStarting, Qt::DirectConnection);
    connect(m_submission, &Submission::messageSent, this, &OutboxSender::onMessageSent);
    connect(m_submission, &Submission::browserSignInRequired, this, &OutboxSender::browserSignInRequired);
    connect(m_submission, &Submission::deviceCodeSignInRequired, this, &OutboxSender::deviceCodeSignInRequired);
    connect(m_submission, &Submission::finished, this, &OutboxSender::finish);
    m_submission->send(messages);
}

void OutboxSender::onDataStarting(const QString &id)
{
    if (!m_outbox->markSending(id))
        qCWarning(lcSmtp) << "could not mark" << id << "as sending:" << m_outbox->errorString();
}

void OutboxSender::onMessageSent(const SendResult &result)
{
    bool recorded = false;
    switch (result.status) {
    case SendResult::Status::Sent: {
        // Recipients refused for now (4xx) must not vanish: a copy for them stays in the Outbox.
        QStringList later;
        diagnostics::Diagnostic why;
        for (const RecipientResult &r : result.recipients) {
            if (r.reply.isTransientFailure()) {
                later << r.address;
                if (why.isEmpty())
                    why = SmtpDiagnostics::diagnose(r.reply, SmtpDiagnostics::Step::Recipient);
            }
        }
        if (!later.isEmpty()) {
            const auto original = m_outbox->entry(result.id);
            const auto copy = m_outbox->enqueue(original ? original->reversePath : m_account.email, later,
                                                m_outbox->messageData(result.id));
            if (copy)
                m_outbox->defer(*copy, why, QDateTime::currentDateTimeUtc().addSecs(m_backoff(1)));
            else
                qCWarning(lcSmtp) << "could not keep" << later << "for later:" << m_outbox->errorString();
        }
        recorded = m_outbox->moveToSent(result.id).has_value();
        break;
    }
    case SendResult::Status::TemporaryFailure: {
        const int attempts = m_outbox->entry(result.id).value_or(Outbox::Entry{}).attempts + 1;
        recorded = m_outbox->defer(result.id, result.diagnostic,
                                   QDateTime::currentDateTimeUtc().addSecs(m_backoff(attempts)));
        break;
    }
    case SendResult::Status::PermanentFailure:
        recorded = m_outbox->markFailed(result.id, result.diagnostic);
        break;
    case SendResult::Status::Unknown:
        recorded = m_outbox->markUnknown(result.id, result.diagnostic);
        break;
    }
    if (!recorded)
        qCWarning(lcSmtp) << "could not record the outcome of" << result.id << ":" << m_outbox->errorString();
    emit messageFinished(result);
}

void OutboxSender::finish(const diagnostics::Diagnostic &error)
{
    m_outbox->endSending();
    if (m_submission)
        m_submission->deleteLater();
    emit finished(error);
}

} // namespace kurier::smtp
