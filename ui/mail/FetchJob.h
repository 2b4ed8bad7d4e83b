#pragma once

#include "diagnostics/Diagnostic.h"
#include "store/Account.h"

#include <QObject>
#include <memory>

namespace kurier::secrets {
class SecretStore;
}
namespace kurier::oauth {
struct DeviceCodePrompt;
}
namespace kurier::pop3 {
class Pop3AccountFetch;
}

namespace kurier::ui {

// "Abrufen" for one account in the background: pop3::Pop3AccountFetch (the same core job as
// `kurierctl fetch`), with the redacted transcript of the last fetch kept in the account folder
// (last-fetch-transcript.txt) for the error banner's details, and finished() always on a later
// turn of the event loop (the receiver may delete the job). Delete the job to cancel: what was
// stored stays (the fetch is crash-safe), the next fetch continues.
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
    store::Account m_account;
    std::unique_ptr<pop3::Pop3AccountFetch> m_fetch;
};

} // namespace kurier::ui
