#pragma once

#include "diagnostics/Diagnostic.h"
#include "net/Transport.h"
#include "sasl/Mechanism.h"
#include "sasl/TokenSource.h"
#include "smtp/OutgoingMessage.h"
#include "smtp/SendResult.h"
#include "smtp/SmtpCapabilities.h"
#include "smtp/SmtpDiagnostics.h"
#include "smtp/SmtpReplyParser.h"
#include "store/Security.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <memory>

namespace kurier::net {
class Transcript;
}

namespace kurier::smtp {

// One SMTP submission connection (RFC 6409) as a state machine over a Transport: greeting, EHLO,
// STARTTLS (RFC 3207) or implicit TLS (RFC 8314), AUTH (RFC 4954), then any number of messages,
// pipelined when the server allows it (RFC 2920), then QUIT. Never blocks; every outcome is a
// signal. Every message given to send() gets exactly one messageSent(), then finished() ends
// the session.
class SmtpSession : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Disconnected,
        Connecting,
        Greeting,
        Hello,          // EHLO before TLS (or the only one)
        StartTlsIssued,
        TlsHandshake,
        HelloAfterTls,  // EHLO again, earlier capabilities forgotten (RFC 3207 §4.2)
        WaitingForToken,
        Authenticating,
        Ready,          // authenticated (or no authentication); transactions run here
        Quitting,
        Finished,
    };
    Q_ENUM(State)

    struct Options {
        QString host;
        quint16 port = 587;
        store::Security security = store::Security::StartTls;
        bool acceptUnencrypted = false; // consent for Security::None
        QString heloName;               // empty: the local host name
        QString user;                   // empty: no authentication (RFC 4954 is optional)
        bool useOAuth = false;          // XOAUTH2/OAUTHBEARER with tokens from setTokenSource()
        // RFC 5321 §4.5.3.2 suggests 5 minutes for most replies and 10 for the end of data.
        int replyTimeoutMs = 5 * 60 * 1000;
        int endOfDataTimeoutMs = 10 * 60 * 1000;
        // Longer "AUTH MECH <initial response>" lines are split: AUTH MECH, then the response
        // after "334". Postfix cuts command lines at line_length_limit (2048 by default) but
        // reads SASL responses up to smtpd_sasl_response_limit (12288); OAuth tokens are 2–5 KB.
        qsizetype maxInitialResponseLine = 500;
        // Use this mechanism if the server offers it, instead of the strongest (tests, servers
        // with a broken XOAUTH2).
        std::optional<sasl::Mechanism> preferredMechanism;
        // Discovery's probe (as Pop3Session::Options): stop after EHLO (after STARTTLS where
        // asked for), send QUIT and finish without signing in or sending; capabilities() then
        // holds what the server offers. ready() is not emitted.
        bool capabilitiesOnly = false;
    };

    // Where OAuth access tokens come from (sasl::TokenSource; usually the account's TokenProvider).
    using TokenCallback = sasl::TokenCallback;
    using TokenSource = sasl::TokenSource;

    // The session does not own the transport (as Pop3Session; tests keep their fake); abort()
    // closes it.
    SmtpSession(net::Transport *transport, Options options, QObject *parent = nullptr);
    ~SmtpSession() override;

    // For Options::user without OAuth.
    void setPassword(const QString &password) { m_password = password; }
    void setTokenSource(TokenSource source) { m_tokens = std::move(source); }
    // Also writes the (redacted) transcript there — for support cases (net::Transcript::chosenPath).
    void setTranscript(net::Transcript *transcript) { m_transcript = transcript; }

    // Connects and signs in; ready() follows, or finished() with the reason.
    void open();
    // Queues a message; it goes out once the session is ready, in order.
    void send(const OutgoingMessage &message);
    // Sends QUIT once every queued message is done.
    void quit();
    // Drops the connection now; messages in flight end as Unknown or TemporaryFailure.
    void abort();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] const Options &options() const { return m_options; }
    [[nodiscard]] const SmtpCapabilities &capabilities() const { return m_capabilities; }
    [[nodiscard]] std::optional<sasl::Mechanism> mechanism() const { return m_mechanism; }
    [[nodiscard]] QString tlsDescription() const;
    [[nodiscard]] bool isEncrypted() const;
    // After a TlsCertificate failure: what the user needs to decide (and the SHA-256 to pin).
    [[nodiscard]] net::CertificateProblem certificateProblem() const;

signals:
    void ready();
    // The server said 354: the message data goes out right after this signal returns. From here
    // on a broken connection leaves the outcome unknown — the Outbox marks the message before.
    void dataStarting(const QString &messageId);
    void messageSent(const kurier::smtp::SendResult &result);
    // The session is over: empty diagnostic after QUIT, else what broke it.
    void finished(const kurier::diagnostics::Diagnostic &error);

private:
    enum class Expect { Greeting, Ehlo, StartTls, Auth, MailFrom, Rcpt, Data, EndOfData, Rset, Quit };
    struct Transaction;
    struct Expectation {
        Expect what;
        std::shared_ptr<Transaction> transaction;
        int recipient = -1;
    };
    enum class AuthStep { None, SentCommand, SentResponse, SentLoginUser, SentLoginPassword, SentErrorAck };

    void onConnected();
    void onEncrypted();
    void onDataReceived();
    void onTransportFailed();
    void onDisconnected();
    void handleReply(const SmtpReply &reply);
    void handleGreeting(const SmtpReply &reply);
    void handleEhlo(const SmtpReply &reply);
    void handleStartTls(const SmtpReply &reply);
    void handleAuth(const SmtpReply &reply);
    void handleTransactionReply(const Expectation &e, const SmtpReply &reply);

    void sendEhlo();
    void afterHello();
    void startAuthentication();
    void requestToken(bool forceNew);
    void sendAuth();
    void authSucceeded();
    void pump();
    void startTransaction(const std::shared_ptr<Transaction> &t);
    void flushTransactionCommands(const std::shared_ptr<Transaction> &t);
    void finishTransaction(const std::shared_ptr<Transaction> &t);

    void writeCommand(const QByteArray &line, Expect expect, std::shared_ptr<Transaction> t = {}, int recipient = -1,
                      bool secret = false);
    void armTimer(int ms);
    void fail(const diagnostics::Diagnostic &diagnostic);
    void failWithReply(const SmtpReply &reply, SmtpDiagnostics::Step step);
    void failProtocol(const QString &what);
    void endSession(const diagnostics::Diagnostic &error);
    void setState(State state);
    [[nodiscard]] bool authenticates() const { return !m_options.user.isEmpty(); }
    [[nodiscard]] QByteArray heloName() const;
    [[nodiscard]] QByteArray mailFromCommand(const Transaction &t) const;

    QPointer<net::Transport> m_transport;
    net::Transcript *m_transcript = nullptr;
    Options m_options;
    State m_state = State::Disconnected;
    SmtpReplyParser m_parser;
    SmtpCapabilities m_capabilities;
    QList<Expectation> m_expected;
    QTimer m_timer;

    QString m_password;
    TokenSource m_tokens;
    QString m_token;
    std::optional<sasl::Mechanism> m_mechanism;
    AuthStep m_authStep = AuthStep::None;
    bool m_tokenRejected = false;
    bool m_tokenRetried = false;
    QString m_oauthChallengeText;

    QList<OutgoingMessage> m_queue;
    QList<std::shared_ptr<Transaction>> m_inFlight;
    bool m_quitRequested = false;
    bool m_tokenRequestPending = false;
};

} // namespace kurier::smtp
