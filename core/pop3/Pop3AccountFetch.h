#pragma once

#include "oauth/DeviceCodeFlow.h"
#include "pop3/Pop3Fetch.h"
#include "store/Account.h"

#include <QObject>
#include <QUrl>
#include <memory>
#include <optional>

namespace kurier::net {
class SslTransport;
class Transcript;
} // namespace kurier::net
namespace kurier::oauth {
class TokenProvider;
}
namespace kurier::secrets {
class SecretStore;
}
namespace kurier::store {
class FileLock;
class HeaderIndex;
class Maildir;
class UidlState;
} // namespace kurier::store

namespace kurier::pop3 {

class Pop3Session;

// Everything "Abrufen" does for one account, for the GUI and `kurierctl fetch` alike: take the
// account's fetch lock (one fetch per account at a time; a lock left by a killed process is
// taken over), open its Maildir (clearing what a dead fetch left in tmp/), load the UIDL state,
// check the header index, read the password from the SecretStore (or get a token), connect,
// sign in and run Pop3Fetch. finished() comes exactly once, also for failures before the
// connection (diagnostic with stage Configuration or Keychain).
class Pop3AccountFetch : public QObject
{
    Q_OBJECT
public:
    struct Settings {
        QString transcriptPath;           // empty: none
        qint64 maxMessageSize = 0;        // 0: Pop3Fetch's default
        std::optional<QString> password;  // typed this session (askForSecrets, --password-stdin)
        // Certificates the user trusted for this account after seeing the CertificateProblem
        // (SHA-256 of the DER, hex): accepted despite failed verification, nothing else is.
        QList<QByteArray> pinnedSha256;
        // The account's token provider, shared with sending and signing in (borrowed; its
        // sign-in prompts go to its owner, not through this fetch). Null: one of its own.
        oauth::TokenProvider *tokens = nullptr;
    };

    Pop3AccountFetch(store::Account account, secrets::SecretStore *secrets, Settings settings, QObject *parent = nullptr);
    ~Pop3AccountFetch() override;

    void start();
    [[nodiscard]] const store::Account &account() const { return m_account; }

signals:
    void progress(int done, int total, qint64 bytes, qint64 totalBytes);
    void note(const QString &text);
    // The OAuth sign-in needs the user (browser or device-code method).
    void browserSignInRequired(const QUrl &url);
    void deviceCodeSignInRequired(const kurier::oauth::DeviceCodePrompt &prompt);
    void finished(const kurier::pop3::Pop3Fetch::Result &result);

private:
    void connectAndFetch(const QString &password);
    void failBeforeConnecting(diagnostics::Diagnostic::Stage stage, const QString &summary, const QString &cause = {});
    void finish(const Pop3Fetch::Result &result);

    store::Account m_account;
    secrets::SecretStore *m_secrets;
    Settings m_settings;
    std::unique_ptr<store::FileLock> m_lock;
    std::unique_ptr<store::Maildir> m_maildir;
    std::unique_ptr<store::UidlState> m_state;
    std::unique_ptr<store::HeaderIndex> m_index;
    std::unique_ptr<net::Transcript> m_transcript;
    std::unique_ptr<net::SslTransport> m_transport;
    std::unique_ptr<oauth::TokenProvider> m_tokens;
    std::unique_ptr<Pop3Session> m_session;
    std::unique_ptr<Pop3Fetch> m_fetch;
    QList<QByteArray> m_deletionKeys; // store::DeletionRequests taken by this fetch
    bool m_finished = false;
};

} // namespace kurier::pop3
