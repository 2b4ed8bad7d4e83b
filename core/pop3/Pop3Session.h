#pragma once

#include "diagnostics/Diagnostic.h"
#include "pop3/Pop3Capabilities.h"
#include "pop3/Pop3Parser.h"
#include "pop3/Pop3Reply.h"
#include "sasl/Mechanism.h"
#include "sasl/TokenSource.h"
#include "store/Security.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QTimer>
#include <functional>
#include <optional>

namespace kurier::net {
class Transport;
class Transcript;
} // namespace kurier::net
namespace kurier::oauth {
class TokenProvider;
}

namespace kurier::pop3 {

// One POP3 conversation (RFC 1939) over a Transport: greeting, CAPA (RFC 2449), STLS
// (RFC 2595), AUTH (RFC 5034) or USER/PASS, then the TRANSACTION state in which callers queue
// commands with send(). Commands are pipelined (RFC 2449 §6.6) when the server announces
// PIPELINING: up to pipelineHigh in flight, topped up when pipelineLow remain.
//
// The connection state is one enum, handled in one place (onReply of the login steps). The
// session ends in finished() exactly once (as SmtpSession): an empty diagnostic after QUIT, else
// what broke it; no handler is called after it.
class Pop3Session : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Disconnected,
        Connecting,
        Greeting,
        Capabilities,        // CAPA before TLS (STARTTLS) or on the TLS port
        StartTlsIssued,      // STLS sent / handshake running
        CapabilitiesAfterTls,
        Authenticating,
        Transaction,         // RFC 1939 §5
        Quitting,            // QUIT sent: RFC 1939 §6 UPDATE state
        Closed,
        Failed,
    };
    Q_ENUM(State)

    struct Options {
        QString host;
        quint16 port = 995;
        store::Security security = store::Security::Tls;
        bool acceptUnencrypted = false; // explicit consent for Security::None
        QString user;
        bool useOAuth = false;
        bool appOnly = false;           // client-credentials token (diagnostics only)
        qsizetype maxLineLength = Pop3Parser::DefaultMaxLineLength;
        // The body of a multi-line reply other than RETR (CAPA, LIST, UIDL, TOP): a server that
        // never ends one must not fill memory. 100 000 messages make about 3 MB of UIDL.
        qsizetype maxListingBytes = 64LL * 1024 * 1024;
        // A reply (status line and body) must be complete within replyTimeoutMs, extended by one
        // second for every minBytesPerSecond bytes of it received. So a large RETR over a slow
        // link goes on, while a server that trickles a byte a second (which would keep any idle
        // timer alive forever) is cut off after about replyTimeoutMs.
        int replyTimeoutMs = 60000;
        qint64 minBytesPerSecond = 1024;
        // Up to pipelineHigh commands in flight; more are sent once no more than pipelineLow
        // are (mpop: 100 and 20). Topping up at 80 keeps the pipe full when a round trip
        // takes longer than the server needs for the last 20 small messages.
        int pipelineHigh = 100;
        int pipelineLow = 80;
        // Exchange Online: its catch-all "-ERR Authentication failure" gets the Microsoft
        // diagnostic. Defaults to isMicrosoftHost(host) when not set.
        std::optional<bool> microsoft;
        // Discovery's probe: stop after CAPA (after STLS where asked for), send QUIT and finish
        // without signing in; capabilities() then holds what the server offers. Nothing secret
        // is sent.
        bool capabilitiesOnly = false;
    };

    using ReplyHandler = std::function<void(const Pop3Reply &)>;
    using DataHandler = std::function<void(const QByteArray &)>;
    using EndHandler = std::function<void()>;

    // The session does not own the transport (tests keep their fake); abort() closes it.
    Pop3Session(net::Transport *transport, Options options, QObject *parent = nullptr);
    ~Pop3Session() override;

    void setPassword(const QString &password) { m_password = password; }
    // Where OAuth access tokens come from (sasl::TokenSource; usually the account's TokenProvider).
    using TokenCallback = sasl::TokenCallback;
    using TokenSource = sasl::TokenSource;
    void setTokenSource(TokenSource source) { m_tokenSource = std::move(source); }
    void setTranscript(net::Transcript *transcript) { m_transcript = transcript; }

    // Connects and logs in; ready(), or finished() with the reason.
    void open();
    // In TRANSACTION state: queues a command (without CRLF). onReply gets the status line;
    // for a MultiLine command after +OK, onData gets the body in chunks and onEnd follows.
    void send(const QByteArray &command, Pop3Parser::Expect expect, ReplyHandler onReply, DataHandler onData = {},
              EndHandler onEnd = {});
    // QUIT (RFC 1939 §6: DELEs take effect only now); finished() with an empty diagnostic after
    // the server's reply.
    void quit();
    // Back-pressure: while paused, nothing is read from the transport (TCP makes the server
    // wait once the socket buffers are full).
    void setReceivePaused(bool paused);
    // Stops at once (no QUIT: the server rolls back every DELE), without finished(): the caller
    // is the one who ended it.
    void abort();
    // Ends the session with this diagnostic (e.g. a local write error): aborts, emits finished().
    void fail(const diagnostics::Diagnostic &diagnostic);

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] const Pop3Capabilities &capabilities() const { return m_caps; }
    [[nodiscard]] bool isPipelining() const { return m_caps.pipelining; }
    [[nodiscard]] QString tlsDescription() const;
    [[nodiscard]] QByteArray authMethod() const { return m_authMethod; } // "XOAUTH2", "USER/PASS" …
    [[nodiscard]] const Options &options() const { return m_options; }
    [[nodiscard]] qsizetype commandsInFlight() const { return m_inFlight.size(); }
    [[nodiscard]] const diagnostics::Diagnostic &diagnostic() const { return m_diagnostic; }

signals:
    void stateChanged(kurier::pop3::Pop3Session::State state);
    // A human-readable step for `kurierctl check` ("TLS: TLSv1.3, …", "capabilities: …").
    void step(const QString &text);
    void ready();
    // The session is over: empty diagnostic after QUIT, else what broke it.
    void finished(const kurier::diagnostics::Diagnostic &error);

private:
    struct Command {
        Command(QByteArray l, Pop3Parser::Expect e, ReplyHandler r, DataHandler d = {}, EndHandler n = {})
            : line(std::move(l)), expect(e), onReply(std::move(r)), onData(std::move(d)), onEnd(std::move(n))
        {
        }
        QByteArray line; // empty: the greeting (nothing to send)
        Pop3Parser::Expect expect = Pop3Parser::Expect::SingleLine;
        ReplyHandler onReply;
        DataHandler onData;
        EndHandler onEnd;
        bool transcribeData = true;
        bool carriesMessage = false; // RETR: bounded by the fetch's maximum message size
    };

    void setState(State state);
    void enqueue(Command command);
    void pump();
    void writeLine(const QByteArray &line, bool secret = false);
    void onConnected();
    void onEncrypted();
    void onDataReceived();
    void onTransportFailed();
    void onDisconnected();
    void onReplyTimeout();
    // The reply deadline (see Options::replyTimeoutMs) starts over for a new head-of-line command.
    void restartReplyDeadline();
    void armReplyDeadline();

    void requestCapabilities(State state);
    void onCapabilities(const Pop3Reply &reply, const QByteArray &body);
    void startTls();
    void authenticate();
    void requestToken(bool forceNew);
    void authenticateWithToken(const QString &accessToken);
    void authenticateSasl(sasl::Mechanism mechanism, const QByteArray &firstResponse);
    void authenticateUserPass();
    void onAuthReply(const Pop3Reply &reply);
    void authenticated();
    void authRefused(const Pop3Reply &reply);

    net::Transport *m_transport;
    Options m_options;
    Pop3Parser m_parser;
    Pop3Capabilities m_caps;
    QQueue<Command> m_queue;
    QQueue<Command> m_inFlight;
    QTimer m_replyTimer;
    QElapsedTimer m_replyClock; // since the head-of-line command became due
    qint64 m_replyBytes = 0;    // bytes received for it since then
    qsizetype m_bodyBytes = 0;  // body of the current multi-line reply
    State m_state = State::Disconnected;
    QString m_password;
    TokenSource m_tokenSource;
    net::Transcript *m_transcript = nullptr;
    diagnostics::Diagnostic m_diagnostic;
    QByteArray m_authMethod;
    QByteArray m_capaBody;
    QByteArray m_dataTranscript;
    qint64 m_dataBytes = 0;
    bool m_parserReset = false;
    bool m_pumpScheduled = false;
    bool m_receivePaused = false;
    // SASL exchange
    std::optional<sasl::Mechanism> m_mechanism;
    QList<QByteArray> m_saslResponses; // still to send, in order, on "+ " continuations
    bool m_saslErrorChallenge = false;
    int m_saslContinuations = 0; // "+ " lines in this AUTH exchange
    bool m_tokenRetried = false;
    QByteArray m_oauthFailure;
};

} // namespace kurier::pop3
