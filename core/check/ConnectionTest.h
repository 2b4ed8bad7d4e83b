#pragma once

#include "sasl/TokenSource.h"

#include "check/ConnectionStep.h"
#include "diagnostics/Diagnostic.h"
#include "oauth/DeviceCodeFlow.h"
#include "pop3/Pop3Session.h"
#include "store/Account.h"
#include "store/SecretUpdate.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>
#include <optional>

namespace kurier::net {
class Transcript;
class Transport;
struct TlsPolicy;
} // namespace kurier::net
namespace kurier::oauth {
class TokenProvider;
}
namespace kurier::secrets {
class SecretStore;
}
namespace kurier::smtp {
class SmtpSession;
}

namespace kurier::check {

// "Verbindung testen": checks an account step by step — name resolution of both servers, TCP,
// TLS (chain and host name), what the servers offer (STLS/STARTTLS, SASL mechanisms), the token
// request and the token's claims, POP3 and SMTP sign-in — and reports every step as a
// ConnectionStep with its diagnostic. It reuses the real sessions (Pop3Session, SmtpSession over
// SslTransport), so what passes here is what fetching and sending do.
//
// Never fetches, deletes or sends anything: POP3 ends with QUIT right after the sign-in (no
// STAT/RETR/DELE), SMTP with QUIT right after AUTH. Works on unsaved form values: the account
// need not be stored, and typed secrets are used before stored ones. Nothing is written to the
// keychain for password and client-credentials sign-in (a fresh token request every time, so a
// wrong password shows); browser and device-code accounts use the account's stored refresh token
// the way fetching does (it rotates, so it must be kept).
//
// Single use: start() once, then stepStarted()/stepFinished() per step and finished() once.
class ConnectionTest : public QObject
{
    Q_OBJECT
public:
    enum class Server { Pop3, Smtp };
    Q_ENUM(Server)

    using LookupDone = std::function<void(const QList<QHostAddress> &addresses, const QString &error)>;
    using Resolver = std::function<void(const QString &host, LookupDone done)>;
    using TransportFactory = std::function<net::Transport *(Server server, const net::TlsPolicy &policy)>;
    using TokenCallback = sasl::TokenCallback;
    using TokenSource = sasl::TokenSource;

    ConnectionTest(store::Account account, secrets::SecretStore *secrets, QObject *parent = nullptr);
    ~ConnectionTest() override;

    // Secrets the user typed in the form; they win over stored ones (an empty value: none).
    void setTypedSecrets(const store::SecretUpdate &typed) { m_typed = typed; }
    // Seams for tests (defaults: QHostInfo, SslTransport, the account's TokenProvider).
    void setResolver(Resolver resolver) { m_resolver = std::move(resolver); }
    void setTransportFactory(TransportFactory factory) { m_transportFactory = std::move(factory); }
    void setTokenSource(TokenSource source) { m_tokenSource = std::move(source); }
    // Per reply and for TCP + TLS; a test should not wait a minute for a dead server.
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // The redacted POP3 and SMTP transcript also goes there (kurierctl check --transcript).
    void setTranscript(net::Transcript *transcript) { m_transcript = transcript; }

    void start();
    // Stops at once; the steps not finished become Skipped, finished(false) follows.
    void cancel();

    [[nodiscard]] const store::Account &account() const { return m_account; }
    // Every step of this account, in display order, with its current state.
    [[nodiscard]] const QList<ConnectionStep> &steps() const { return m_steps; }
    [[nodiscard]] ConnectionStep step(ConnectionStep::Id id) const;
    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] bool isFinished() const { return m_finished; }
    // The first failed step, if any.
    [[nodiscard]] std::optional<ConnectionStep> firstFailure() const;

    // The steps an account gets (Token/TokenClaims only with OAuth), titles filled in.
    [[nodiscard]] static QList<ConnectionStep> plannedSteps(const store::Account &account);
    [[nodiscard]] static QString title(ConnectionStep::Id id, const store::Account &account);

signals:
    void stepStarted(const kurier::check::ConnectionStep &step);
    void stepFinished(const kurier::check::ConnectionStep &step);
    // The browser or device-code sign-in needs the user (no stored refresh token yet).
    void browserSignInRequired(const QUrl &url);
    void deviceCodeSignInRequired(const kurier::oauth::DeviceCodePrompt &prompt);
    // allPassed: no step failed.
    void finished(bool allPassed);

private:
    struct TokenWaiter {
        Server server;
        TokenCallback done;
    };

    ConnectionStep &at(ConnectionStep::Id id);
    [[nodiscard]] bool has(ConnectionStep::Id id) const;
    void begin(ConnectionStep::Id id);
    void finishStep(ConnectionStep::Id id, ConnectionStep::Status status, const QString &detail,
                    const diagnostics::Diagnostic &diagnostic = {});
    void failStep(ConnectionStep::Id id, const diagnostics::Diagnostic &diagnostic);
    void skipPending(const QList<ConnectionStep::Id> &ids, const QString &reason);

    void readSecrets();
    void readSecret(store::SecretName name, const std::function<void()> &next);
    [[nodiscard]] QString secret(store::SecretName name) const { return m_secrets.value(name); }
    void lookUp(ConnectionStep::Id id, const QString &host, const std::function<void()> &next);
    [[nodiscard]] bool makePolicy(Server server, net::TlsPolicy *policy);

    void startPop3();
    void onPop3State(pop3::Pop3Session::State state);
    void onPop3Failed(const diagnostics::Diagnostic &diagnostic);
    void pop3Done();

    void startSmtp();
    void onSmtpConnected();
    void onSmtpEncrypted();
    void smtpCapabilitiesKnown(bool beginAuth);
    void onSmtpReady();
    void onSmtpFinished(const diagnostics::Diagnostic &diagnostic);

    void requestToken(Server server, bool forceNew, TokenCallback done);
    void onToken(const QString &accessToken, const diagnostics::Diagnostic &failure);
    // A transport failure during the connect or TLS step: which step it really belongs to (an
    // implicit-TLS handshake error means TCP worked), with the certificate kept for the TLS step.
    [[nodiscard]] ConnectionStep::Id settleTransportFailure(ConnectionStep::Id step, ConnectionStep::Id connectStep,
                                                            ConnectionStep::Id tlsStep, const net::Transport *transport,
                                                            const QString &host);
    [[nodiscard]] QString tlsDetail(const net::Transport *transport, const QString &host) const;
    void finish();

    store::Account m_account;
    secrets::SecretStore *m_secretStore;
    store::SecretUpdate m_typed;
    QHash<store::SecretName, QString> m_secrets;
    QList<ConnectionStep> m_steps;
    Resolver m_resolver;
    TransportFactory m_transportFactory;
    TokenSource m_tokenSource;
    int m_timeoutMs = 20000;
    net::Transcript *m_transcript = nullptr;
    bool m_running = false;
    bool m_finished = false;
    bool m_cancelled = false;
    bool m_pop3Reachable = false;
    bool m_smtpReachable = false;

    std::unique_ptr<net::Transport> m_pop3Transport;
    std::unique_ptr<pop3::Pop3Session> m_pop3;
    ConnectionStep::Id m_pop3Step = ConnectionStep::Id::Pop3Connect;
    bool m_pop3Done = false;

    std::unique_ptr<net::Transport> m_smtpTransport;
    std::unique_ptr<smtp::SmtpSession> m_smtp;
    ConnectionStep::Id m_smtpStep = ConnectionStep::Id::SmtpConnect;
    bool m_smtpMissingPassword = false;

    oauth::TokenProvider *m_tokens = nullptr;
    QString m_accessToken;
    diagnostics::Diagnostic m_tokenFailure;
    bool m_tokenRequested = false;
    bool m_tokenDone = false;
    QList<TokenWaiter> m_tokenWaiters;
};

} // namespace kurier::check
