#include "smtp/Submission.h"

#include "net/AccountTlsPolicy.h"
#include "net/SslTransport.h"
#include "net/Transcript.h"
#include "oauth/TokenProvider.h"
#include "secrets/SecretStore.h"
#include "smtp/SmtpLog.h"

namespace kurier::smtp {

using diagnostics::Diagnostic;

Submission::Submission(store::Account account, secrets::SecretStore *secrets, oauth::TokenProvider *tokens, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_secrets(secrets)
    , m_tokens(tokens)
{
}

Submission::~Submission() = default;

bool Submission::usesOAuth(const store::Account &account)
{
    return account.oauth.enabled && account.smtp.auth == store::SmtpAuth::SameAsPop3;
}

SmtpSession::Options Submission::sessionOptions(const store::Account &account)
{
    SmtpSession::Options o;
    o.host = account.smtp.host;
    o.port = quint16(account.smtp.effectivePort());
    o.security = account.smtp.security;
    o.acceptUnencrypted = account.smtp.acceptUnencrypted;
    o.heloName = account.smtp.heloName;
    if (account.smtp.auth != store::SmtpAuth::None)
        o.user = account.smtpUser();
    o.useOAuth = usesOAuth(account);
    return o;
}

void Submission::send(const QList<OutgoingMessage> &messages)
{
    m_messages = messages;
    const store::SmtpAuth auth = m_account.smtp.auth;
    if (auth == store::SmtpAuth::None || usesOAuth(m_account)) {
        start({});
        return;
    }
    if (!m_sessionPassword.isEmpty()) {
        start(m_sessionPassword);
        return;
    }
    const store::SecretName name = auth == store::SmtpAuth::Password ? store::SecretName::SmtpPassword
                                                                     : store::SecretName::Pop3Password;
    QPointer<Submission> self(this);
    m_secrets->read(secrets::SecretStore::keyFor(m_account.id, name), [self](const secrets::SecretStore::Result &r) {
        if (!self)
            return;
        if (!r.ok()) {
            Diagnostic d;
            d.stage = Diagnostic::Stage::Keychain;
            d.summary = tr("The SMTP password could not be read from the keychain");
            d.cause = r.message;
            d.fix = r.error == secrets::SecretStore::Error::NotFound
                ? tr("Enter the password in the account settings.")
                : tr("Unlock the keychain and try again.");
            d.code = QStringLiteral("keychain");
            d.retryable = r.error != secrets::SecretStore::Error::NotFound;
            self->failAll(d);
            return;
        }
        self->start(r.value);
    });
}

void Submission::start(const QString &password)
{
    net::TlsPolicy policy;
    QString error;
    if (!net::tlsPolicyForAccount(m_account, &policy, &error)) {
        Diagnostic d;
        d.stage = Diagnostic::Stage::Configuration;
        d.summary = tr("The account's CA file cannot be used");
        d.cause = error;
        d.fix = tr("Choose a PEM file with the certificate authority in the account settings.");
        d.code = QStringLiteral("ca-file");
        failAll(d);
        return;
    }
    policy.pinnedSha256 += m_pins;
    SmtpSession::Options options = sessionOptions(m_account);
    if (m_adjust)
        m_adjust(options);

    m_transport = std::make_unique<net::SslTransport>(policy);
    m_session = std::make_unique<SmtpSession>(m_transport.get(), options);
    if (!m_transcriptPath.isEmpty())
        m_transcript = std::make_unique<net::Transcript>(m_transcriptPath);
    if (m_transcript)
        m_session->setTranscript(m_transcript.get());
    if (options.useOAuth) {
        if (!m_tokens) {
            m_tokens = new oauth::TokenProvider(m_account, m_secrets, this);
            if (!m_sessionPassword.isEmpty())
                m_tokens->setSessionSecret(store::SecretName::Pop3Password, m_sessionPassword);
        }
        connect(m_tokens, &oauth::TokenProvider::browserSignInRequired, this, &Submission::browserSignInRequired);
        connect(m_tokens, &oauth::TokenProvider::deviceCodeSignInRequired, this, &Submission::deviceCodeSignInRequired);
        m_session->setTokenSource(m_tokens->tokenSource());
    } else {
        m_session->setPassword(password);
    }
    connect(m_session.get(), &SmtpSession::dataStarting, this, &Submission::dataStarting);
    connect(m_session.get(), &SmtpSession::messageSent, this, &Submission::messageSent);
    connect(m_session.get(), &SmtpSession::finished, this, &Submission::finished);
    m_session->open();
    for (const OutgoingMessage &m : std::as_const(m_messages))
        m_session->send(m);
    m_messages.clear();
    m_session->quit();
}

void Submission::failAll(const Diagnostic &d)
{
    // Always from the event loop, never inside send().
    QMetaObject::invokeMethod(this, [this, d] { failAllNow(d); }, Qt::QueuedConnection);
}

void Submission::failAllNow(const Diagnostic &d)
{
    QPointer<Submission> self(this);
    for (const OutgoingMessage &m : std::as_const(m_messages)) {
        SendResult r;
        r.id = m.id;
        for (const QString &a : m.recipients)
            r.recipients.append({a, {}});
        r.status = d.retryable ? SendResult::Status::TemporaryFailure : SendResult::Status::PermanentFailure;
        r.diagnostic = d;
        emit messageSent(r);
        // cppcheck-suppress knownConditionTrueFalse ; a slot of messageSent may delete us (QPointer)
        if (!self)
            return;
    }
    m_messages.clear();
    emit finished(d);
}

} // namespace kurier::smtp
