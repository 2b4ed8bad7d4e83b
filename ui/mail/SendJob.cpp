#include "mail/SendJob.h"

#include "store/Mailbox.h"
#include "smtp/OutboxSender.h"
#include "store/Outbox.h"

namespace kurier::ui {

SendJob::SendJob(store::Account account, secrets::SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_secrets(secrets)
{
}

SendJob::~SendJob()
{
    m_sender.reset(); // before the Outbox it works on
}

void SendJob::start()
{
    m_outbox = std::make_unique<store::Outbox>(store::Mailbox::accountRoot(m_account));
    if (!m_outbox->open()) {
        diagnostics::Diagnostic d;
        d.stage = diagnostics::Diagnostic::Stage::Configuration;
        d.summary = m_outbox->errorString();
        QMetaObject::invokeMethod(this, [this, d] { emit finished(0, d); }, Qt::QueuedConnection);
        return;
    }
    m_sender = std::make_unique<smtp::OutboxSender>(m_account, m_outbox.get(), m_secrets);
    connect(m_sender.get(), &smtp::OutboxSender::browserSignInRequired, this, &SendJob::browserSignInRequired);
    connect(m_sender.get(), &smtp::OutboxSender::deviceCodeSignInRequired, this, &SendJob::deviceCodeSignInRequired);
    connect(m_sender.get(), &smtp::OutboxSender::messageFinished, this, [this](const smtp::SendResult &r) {
        if (r.isSent())
            ++m_sent;
        else if (m_firstError.isEmpty())
            m_firstError = r.diagnostic;
        if (!r.isSent() && !r.diagnostic.certificate.isEmpty())
            m_certificateFailures << r.id;
        emit messageFinished(r);
    });
    connect(m_sender.get(), &smtp::OutboxSender::finished, this, [this](const diagnostics::Diagnostic &error) {
        const diagnostics::Diagnostic d = m_firstError.isEmpty() ? error : m_firstError;
        QMetaObject::invokeMethod(this, [this, d] { emit finished(m_sent, d); }, Qt::QueuedConnection);
    });
    m_sender->send();
}

} // namespace kurier::ui
