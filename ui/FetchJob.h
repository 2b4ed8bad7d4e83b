#pragma once

#include "diagnostics/Diagnostic.h"
#include "pop3/Pop3Fetch.h"
#include "store/Account.h"

#include <QObject>
#include <memory>

class QLockFile;

namespace kurier::secrets {
class SecretStore;
}
namespace kurier::oauth {
class TokenProvider;
struct DeviceCodePrompt;
}
namespace kurier::net {
class SslTransport;
class Transcript;
}
namespace kurier::pop3 {
class Pop3Session;
}
namespace kurier::store {
class HeaderIndex;
class Maildir;
class UidlState;
}

namespace kurier::ui {

// "Abrufen" for one account, in the background: the same core pieces as `kurierctl fetch`
// (lock, Maildir INBOX, UIDL state, header index, SslTransport, Pop3Session, Pop3Fetch), driven
// by signals. The redacted transcript of the last fetch is kept in the account folder
// (last-fetch-transcript.txt) for the error banner's details. Delete the job to cancel: what
// was stored stays (the fetch is crash-safe), the next fetch continues.
class FetchJob : public QObject
{
    Q_OBJECT
public:
    FetchJob(store::Account account, secrets::SecretStore *secrets, QObject *parent = nullptr);
    ~FetchJob() override;

    void start();
    [[nodiscard]] const store::Account &account() const { return m_account; }
    [[nodiscard]] QString transcriptPath() const;
    // The redacted conversation of this fetch so far (for "Details").
    [[nodiscard]] QString transcriptText() const;

signals:
    void progress(int done, int total, qint64 bytes, qint64 totalBytes);
    void browserSignInRequired(const QUrl &url);
    void deviceCodeSignInRequired(const kurier::oauth::DeviceCodePrompt &prompt);
    // fetched: messages stored this time (also on failure: those stay). Empty diagnostic: success.
    void finished(int fetched, const kurier::diagnostics::Diagnostic &diagnostic);

private:
    void connectAndFetch(const QString &password);
    void fail(const diagnostics::Diagnostic &diagnostic);
    void localFailure(const QString &text);
    void done(int fetched, const diagnostics::Diagnostic &diagnostic);

    store::Account m_account;
    secrets::SecretStore *m_secrets;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<store::Maildir> m_maildir;
    std::unique_ptr<store::UidlState> m_state;
    std::unique_ptr<store::HeaderIndex> m_index;
    std::unique_ptr<net::Transcript> m_transcript;
    std::unique_ptr<net::SslTransport> m_transport;
    std::unique_ptr<oauth::TokenProvider> m_tokens;
    std::unique_ptr<pop3::Pop3Session> m_session;
    std::unique_ptr<pop3::Pop3Fetch> m_fetch;
    bool m_fetching = false;
    bool m_done = false;
};

} // namespace kurier::ui
