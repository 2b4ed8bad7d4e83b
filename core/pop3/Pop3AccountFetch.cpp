#include "pop3/Pop3AccountFetch.h"

#include "net/AccountTlsPolicy.h"
#include "net/SslTransport.h"
#include "net/Transcript.h"
#include "oauth/TokenProvider.h"
#include "pop3/Pop3AccountSetup.h"
#include "pop3/Pop3Session.h"
#include "secrets/SecretStore.h"
#include "store/DeletionRequests.h"
#include "store/FileLock.h"
#include "store/HeaderIndex.h"
#include "store/MailLayout.h"
#include "store/Maildir.h"
#include "store/UidlState.h"

#include <QCoreApplication>
#include <QPointer>

namespace kurier::pop3 {

Pop3AccountFetch::Pop3AccountFetch(store::Account account, secrets::SecretStore *secrets, Settings settings, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_secrets(secrets)
    , m_settings(std::move(settings))
{
}

Pop3AccountFetch::~Pop3AccountFetch()
{
    // The fetch (and its sync pool) goes before the session and the store it writes to.
    m_fetch.reset();
    m_session.reset();
}

void Pop3AccountFetch::failBeforeConnecting(diagnostics::Diagnostic::Stage stage, const QString &summary, const QString &cause)
{
    Pop3Fetch::Result result;
    result.diagnostic.stage = stage;
    result.diagnostic.summary = summary;
    result.diagnostic.cause = cause;
    // Reported from the event loop, never from inside start().
    QMetaObject::invokeMethod(this, [this, result] { finish(result); }, Qt::QueuedConnection);
}

void Pop3AccountFetch::finish(const Pop3Fetch::Result &result)
{
    if (m_finished)
        return;
    m_finished = true;
    // Deleted on the server (or no longer known there): the requests are done. After a failure
    // they stay for the next fetch.
    if (result.ok() && !m_deletionKeys.isEmpty())
        store::DeletionRequests(store::MailLayout::of(m_account).root()).remove(m_deletionKeys);
    m_lock.reset(); // the next fetch may start as soon as this one has reported
    emit finished(result);
}

void Pop3AccountFetch::start()
{
    using Stage = diagnostics::Diagnostic::Stage;
    if (m_account.pop3.host.isEmpty()) {
        failBeforeConnecting(Stage::Configuration, QCoreApplication::translate("Pop3AccountFetch", "The account has no POP3 server."));
        return;
    }
    const store::MailLayout layout = store::MailLayout::of(m_account);
    const QString &folder = layout.root();
    m_maildir = std::make_unique<store::Maildir>(layout.path(store::MailLayout::Folder::Inbox));
    QString error;
    if (!m_maildir->create(&error)) {
        failBeforeConnecting(Stage::Configuration, error);
        return;
    }
    m_lock = std::make_unique<store::FileLock>(folder + QStringLiteral("/pop3-fetch.lock"));
    if (!m_lock->tryLock()) {
        error = m_lock->error();
        m_lock.reset();
        failBeforeConnecting(Stage::Configuration,
                             error.isEmpty() ? QCoreApplication::translate("Pop3AccountFetch", "Another fetch for this account is running.")
                                             : error);
        return;
    }
    // With the lock held nobody else delivers into INBOX: whatever is in tmp/ is a leftover.
    m_maildir->cleanTmp(0);
    const QString user = m_account.pop3User();
    m_state = std::make_unique<store::UidlState>(store::UidlState::defaultPath(folder, m_account.pop3.host, user),
                                                 m_account.pop3.host, user);
    if (!m_state->load(&error)) {
        failBeforeConnecting(Stage::Configuration, error);
        return;
    }
    // Messages the user deleted locally with "delete on server when deleted locally".
    m_deletionKeys = store::DeletionRequests(folder).keys();
    if (!m_deletionKeys.isEmpty()) {
        const QHash<QByteArray, QByteArray> uids = m_state->uidsByKey();
        for (const QByteArray &key : std::as_const(m_deletionKeys)) {
            if (const auto it = uids.constFind(key); it != uids.constEnd())
                m_state->requestDeletion(it.value());
        }
    }
    m_index = std::make_unique<store::HeaderIndex>(m_maildir->path() + QStringLiteral("/.kurier-index"));
    if (m_index->load().size() != m_maildir->messages().size())
        m_index->rebuild(*m_maildir); // interrupted before its line was written, or changed by another program

    net::TlsPolicy policy;
    if (!net::tlsPolicyForAccount(m_account, &policy, &error)) {
        failBeforeConnecting(Stage::Configuration, error);
        return;
    }
    policy.pinnedSha256 += m_settings.pinnedSha256; // the account's own pins come with the policy
    if (!m_settings.transcriptPath.isEmpty()) {
        m_transcript = std::make_unique<net::Transcript>(m_settings.transcriptPath);
        if (!m_transcript->isOpen()) {
            failBeforeConnecting(Stage::Configuration,
                                 QCoreApplication::translate("Pop3AccountFetch", "The transcript %1 cannot be written.")
                                     .arg(m_settings.transcriptPath),
                                 m_transcript->errorString());
            return;
        }
    }
    m_transport = std::make_unique<net::SslTransport>(policy);

    if (m_account.oauth.enabled && m_settings.tokens) {
        connectAndFetch({});
        return;
    }
    if (m_account.oauth.enabled) {
        m_tokens = std::make_unique<oauth::TokenProvider>(m_account, m_secrets);
        if (m_settings.password)
            m_tokens->setSessionSecret(store::SecretName::Pop3Password, *m_settings.password);
        connect(m_tokens.get(), &oauth::TokenProvider::browserSignInRequired, this, &Pop3AccountFetch::browserSignInRequired);
        connect(m_tokens.get(), &oauth::TokenProvider::deviceCodeSignInRequired, this,
                &Pop3AccountFetch::deviceCodeSignInRequired);
        connectAndFetch({});
        return;
    }
    if (m_settings.password) {
        connectAndFetch(*m_settings.password);
        return;
    }
    QPointer<Pop3AccountFetch> self(this);
    m_secrets->read(secrets::SecretStore::keyFor(m_account.id, store::SecretName::Pop3Password),
                    [self](const secrets::SecretStore::Result &result) {
                        if (!self)
                            return;
                        if (!result.ok()) {
                            self->failBeforeConnecting(
                                diagnostics::Diagnostic::Stage::Keychain,
                                result.error == secrets::SecretStore::Error::NotFound
                                    ? QCoreApplication::translate("Pop3AccountFetch", "No POP3 password is stored for this account.")
                                    : result.message);
                            return;
                        }
                        self->connectAndFetch(result.value);
                    });
}

void Pop3AccountFetch::connectAndFetch(const QString &password)
{
    m_session = std::make_unique<Pop3Session>(m_transport.get(), Pop3AccountSetup::sessionOptions(m_account));
    m_session->setPassword(password);
    if (oauth::TokenProvider *tokens = m_settings.tokens ? m_settings.tokens : m_tokens.get())
        m_session->setTokenSource(tokens->tokenSource());
    m_session->setTranscript(m_transcript.get());

    Pop3Fetch::Options options;
    options.leaveOnServer = m_account.pop3.leaveOnServer;
    options.deleteAfterDays = m_account.pop3.deleteAfterDays;
    if (m_settings.maxMessageSize > 0)
        options.maxMessageSize = m_settings.maxMessageSize;
    m_fetch = std::make_unique<Pop3Fetch>(m_session.get(), m_maildir.get(), m_state.get(), m_index.get(), options);
    // Pop3Fetch::finished is the one end, also for failures before the fetch began
    // (connection, TLS, sign-in): it listens to the session's finished().
    connect(m_session.get(), &Pop3Session::ready, m_fetch.get(), &Pop3Fetch::start);
    connect(m_fetch.get(), &Pop3Fetch::progress, this, &Pop3AccountFetch::progress);
    connect(m_fetch.get(), &Pop3Fetch::note, this, &Pop3AccountFetch::note);
    connect(m_fetch.get(), &Pop3Fetch::finished, this, &Pop3AccountFetch::finish);
    m_session->open();
}

} // namespace kurier::pop3
