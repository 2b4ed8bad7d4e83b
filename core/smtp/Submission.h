#pragma once

#include "diagnostics/Diagnostic.h"
#include "smtp/OutgoingMessage.h"
#include "smtp/SendResult.h"
#include "smtp/SmtpSession.h"
#include "store/Account.h"

#include <QObject>
#include <QPointer>
#include <memory>

namespace kurier::secrets {
class SecretStore;
}
namespace kurier::oauth {
class TokenProvider;
struct DeviceCodePrompt;
}
namespace kurier::net {
class Transcript;
class Transport;
}

namespace kurier::smtp {

// Sends messages for one account: one SmtpSession over an SslTransport with the account's
// server, security, CA file and credentials (the SMTP or POP3 password from the SecretStore, or
// the same OAuth token as POP3 through the TokenProvider). All messages go over one connection.
class Submission : public QObject
{
    Q_OBJECT
public:
    // `tokens` may be null: then one is made for the account when OAuth is needed.
    Submission(store::Account account, secrets::SecretStore *secrets, oauth::TokenProvider *tokens = nullptr,
               QObject *parent = nullptr);
    ~Submission() override;

    // For "ask for the password each time" accounts: what the user typed this session.
    void setSessionPassword(const QString &password) { m_sessionPassword = password; }
    // Certificates the user accepted for this server after seeing them (SHA-256 of the DER, hex):
    // only these exact certificates pass despite failed verification (net::TlsPolicy).
    void setPinnedCertificates(const QList<QByteArray> &sha256) { m_pins = sha256; }
    // Overrides for tests and tuning.
    void setSessionOptions(const std::function<void(SmtpSession::Options &)> &adjust) { m_adjust = adjust; }
    // The redacted transcript of this conversation goes (appended) to `path` (none without).
    void setTranscriptPath(const QString &path) { m_transcriptPath = path; }

    // Connects, signs in and sends every message, then QUIT. Call once.
    void send(const QList<OutgoingMessage> &messages);

    [[nodiscard]] const store::Account &account() const { return m_account; }
    // The session, once it exists (for its capabilities and TLS description).
    [[nodiscard]] SmtpSession *session() const { return m_session.get(); }

    // Whether the account authenticates with OAuth for SMTP.
    [[nodiscard]] static bool usesOAuth(const store::Account &account);
    // The session options of the account's SMTP server (Pop3AccountSetup::sessionOptions for
    // POP3): host, port, security, HELO name and who signs in, how.
    [[nodiscard]] static SmtpSession::Options sessionOptions(const store::Account &account);

signals:
    void dataStarting(const QString &messageId); // see SmtpSession::dataStarting
    void messageSent(const kurier::smtp::SendResult &result);
    // The browser / device-code sign-in needs the user (forwarded from the TokenProvider).
    void browserSignInRequired(const QUrl &url);
    void deviceCodeSignInRequired(const kurier::oauth::DeviceCodePrompt &prompt);
    void finished(const kurier::diagnostics::Diagnostic &error);

private:
    void start(const QString &password);
    void failAll(const diagnostics::Diagnostic &d);
    void failAllNow(const diagnostics::Diagnostic &d);

    store::Account m_account;
    secrets::SecretStore *m_secrets;
    QPointer<oauth::TokenProvider> m_tokens;
    QString m_sessionPassword;
    QList<QByteArray> m_pins;
    std::function<void(SmtpSession::Options &)> m_adjust;
    QString m_transcriptPath;
    QList<OutgoingMessage> m_messages;
    std::unique_ptr<net::Transcript> m_transcript;
    // The session borrows the transport: it goes first.
    std::unique_ptr<net::Transport> m_transport;
    std::unique_ptr<SmtpSession> m_session;
};

} // namespace kurier::smtp
