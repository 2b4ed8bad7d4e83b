#include "FetchJob.h"

#include "MailFolder.h"
#include "net/SslTransport.h"
#include "net/Transcript.h"
#include "oauth/TokenProvider.h"
#include "pop3/Pop3AccountSetup.h"
#include "pop3/Pop3Session.h"
#include "secrets/SecretStore.h"
#include "store/HeaderIndex.h"
#include "store/Maildir.h"
#include "store/UidlState.h"

#include <QFile>
#include <QLockFile>
#include <QPointer>

namespace kurier::ui {

FetchJob::FetchJob(store::Account account, secrets::SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_secrets(secrets)
{
}

FetchJob::~FetchJob()
{
    // Cancelled while running: close the connection first; DELE only takes effect at QUIT.
    if (m_session && !m_done)
        m_session->abort();
    m_fetch.reset();
    m_session.reset();
}

QString FetchJob::transcriptPath() const
{
    return MailFolder::accountRoot(m_account) + QStringLiteral("/last-fetch-transcript.txt");
}

QString FetchJob::transcriptText() const
{
    QFile f(transcriptPath());
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

void FetchJob::localFailure(const QString &text)
{
    diagnostics::Diagnostic d;
    d.stage = diagnostics::Diagnostic::Stage::Configuration;
    d.summary = text;
    fail(d);
}

void FetchJob::fail(const diagnostics::Diagnostic &diagnostic)
{
    done(0, diagnostic);
}

void FetchJob::done(int fetched, const diagnostics::Diagnostic &diagnostic)
{
    if (m_done)
        return;
    m_done = true;
    // Signals of the session may still be on the stack: report on the next turn.
    QMetaObject::invokeMethod(this, [this, fetched, diagnostic] { emit finished(fetched, diagnostic); }, Qt::QueuedConnection);
}

void FetchJob::start()
{
    if (m_account.pop3.host.isEmpty()) {
        localFailure(tr("The account has no POP3 server."));
        return;
    }
    const QString folder = MailFolder::accountRoot(m_account);
    m_maildir = std::make_unique<store::Maildir>(pop3::Pop3AccountSetup::inboxPath(m_account));
    QString error;
    if (!m_maildir->create(&error)) {
        localFailure(error);
        return;
    }
    // One fetch per account at a time, shared with kurierctl.
    m_lock = std::make_unique<QLockFile>(folder + QStringLiteral("/pop3-fetch.lock"));
    if (!m_lock->tryLock(0)) {
        localFailure(tr("Another fetch for this account is running."));
        return;
    }
    m_maildir->cleanTmp(0);
    m_state = std::make_unique<store::UidlState>(
        store::UidlState::defaultPath(folder, m_account.pop3.host, m_account.pop3User()), m_account.pop3.host,
        m_account.pop3User());
    if (!m_state->load(&error)) {
        localFailure(error);
        return;
    }
    m_index = std::make_unique<store::HeaderIndex>(m_maildir->path() + QStringLiteral("/.kurier-index"));
    if (m_index->load().size() != m_maildir->messages().size())
        m_index->rebuild(*m_maildir);

    net::TlsPolicy policy;
    if (!pop3::Pop3AccountSetup::tlsPolicy(m_account, &policy, &error)) {
        localFailure(error);
        return;
    }
    QFile::remove(transcriptPath());
    m_transcript = std::make_unique<net::Transcript>(transcriptPath());
    if (!m_transcript->isOpen())
        m_transcript.reset();
    m_transport = std::make_unique<net::SslTransport>(policy);

    if (m_account.oauth.enabled) {
        m_tokens = std::make_unique<oauth::TokenProvider>(m_account, m_secrets);
        connect(m_tokens.get(), &oauth::TokenProvider::browserSignInRequired, this, &FetchJob::browserSignInRequired);
        connect(m_tokens.get(), &oauth::TokenProvider::deviceCodeSignInRequired, this, &FetchJob::deviceCodeSignInRequired);
        connectAndFetch({});
        return;
    }
    m_secrets->read(secrets::SecretStore::keyFor(m_account.id, store::SecretName::Pop3Password),
                    [this, self = QPointer<FetchJob>(this)](const secrets::SecretStore::Result &result) {
                        if (!self)
                            return; // cancelled meanwhile
                        if (!result.ok()) {
                            diagnostics::Diagnostic d;
                            d.stage = diagnostics::Diagnostic::Stage::Keychain;
                            d.summary = tr("No POP3 password is available for this account.");
                            d.serverText = result.message;
                            d.fix = tr("Enter the password in Options → Accounts.");
                            fail(d);
                            return;
                        }
                        connectAndFetch(result.value);
                    });
}

void FetchJob::connectAndFetch(const QString &password)
{
    m_session = std::make_unique<pop3::Pop3Session>(m_transport.get(), pop3::Pop3AccountSetup::sessionOptions(m_account));
    m_session->setPassword(password);
    if (m_tokens)
        m_session->setTokenProvider(m_tokens.get());
    m_session->setTranscript(m_transcript.get());

    pop3::Pop3Fetch::Options options;
    options.leaveOnServer = m_account.pop3.leaveOnServer;
    options.deleteAfterDays = m_account.pop3.deleteAfterDays;
    m_fetch = std::make_unique<pop3::Pop3Fetch>(m_session.get(), m_maildir.get(), m_state.get(), m_index.get(), options);

    connect(m_session.get(), &pop3::Pop3Session::failed, this, [this](const diagnostics::Diagnostic &d) {
        if (!m_fetching) // later failures come through Pop3Fetch::finished
            fail(d);
    });
    connect(m_session.get(), &pop3::Pop3Session::ready, this, [this] {
        m_fetching = true;
        m_fetch->start();
    });
    connect(m_fetch.get(), &pop3::Pop3Fetch::progress, this, &FetchJob::progress);
    connect(m_fetch.get(), &pop3::Pop3Fetch::finished, this,
            [this](const pop3::Pop3Fetch::Result &result) { done(result.fetched, result.diagnostic); });
    m_session->open();
}

} // namespace kurier::ui
