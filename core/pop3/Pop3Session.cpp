#include "pop3/Pop3Session.h"

#include "net/Transcript.h"
#include "net/Transport.h"
#include "pop3/Pop3Diagnostics.h"
#include "pop3/Pop3Log.h"
#include "sasl/SaslMessages.h"
#include "secrets/SecureErase.h"

#include <QCoreApplication>

#include <limits>

namespace kurier::pop3 {

namespace {

// RFC 5034 §4: the AUTH command line, initial response included, must fit 255 octets.
constexpr qsizetype MaxAuthLineWithInitialResponse = 255;
constexpr int MaxSaslContinuations = 8;

bool isSecretCommand(const QByteArray &line)
{
    return line.startsWith("PASS ") || line.startsWith("AUTH ") || line.startsWith("APOP ");
}

} // namespace

Pop3Session::Pop3Session(net::Transport *transport, Options options, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_options(std::move(options))
{
    if (!m_options.microsoft)
        m_options.microsoft = Pop3Diagnostics::isMicrosoftHost(m_options.host);
    m_parser.setMaxLineLength(m_options.maxLineLength);
    m_replyTimer.setSingleShot(true);
    connect(&m_replyTimer, &QTimer::timeout, this, &Pop3Session::onReplyTimeout);
    connect(m_transport, &net::Transport::connected, this, &Pop3Session::onConnected);
    connect(m_transport, &net::Transport::encrypted, this, &Pop3Session::onEncrypted);
    connect(m_transport, &net::Transport::dataReceived, this, &Pop3Session::onDataReceived);
    connect(m_transport, &net::Transport::failed, this, &Pop3Session::onTransportFailed);
    connect(m_transport, &net::Transport::disconnected, this, &Pop3Session::onDisconnected);
}

Pop3Session::~Pop3Session()
{
    secrets::secureErase(m_password);
    for (QByteArray &response : m_saslResponses)
        secrets::secureErase(response);
    if (m_transport)
        m_transport->disconnect(this);
}

QString Pop3Session::tlsDescription() const
{
    return m_transport->tlsDescription();
}

void Pop3Session::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    qCDebug(lcPop3) << m_options.host << "state" << state;
    emit stateChanged(state);
}

void Pop3Session::open()
{
    setState(State::Connecting);
    const bool implicitTls = m_options.security == store::Security::Tls;
    if (m_transcript)
        m_transcript->note(QStringLiteral("connecting to %1:%2 (%3)")
                               .arg(m_options.host)
                               .arg(m_options.port)
                               .arg(store::securityToKey(m_options.security))
                               .toUtf8());
    emit step(QCoreApplication::translate("Pop3Session", "Connecting to %1:%2 …").arg(m_options.host).arg(m_options.port));
    m_transport->connectToHost(m_options.host, m_options.port, implicitTls);
}

void Pop3Session::send(const QByteArray &command, Pop3Parser::Expect expect, ReplyHandler onReply, DataHandler onData,
                       EndHandler onEnd)
{
    if (m_state != State::Transaction) {
        qCWarning(lcPop3) << "command outside the TRANSACTION state ignored:" << command.left(4);
        return;
    }
    enqueue(Command{command, expect, std::move(onReply), std::move(onData), std::move(onEnd)});
}

void Pop3Session::quit()
{
    if (m_state != State::Transaction)
        return;
    enqueue(Command{QByteArrayLiteral("QUIT"), Pop3Parser::Expect::SingleLine, [this](const Pop3Reply &) {
                        // RFC 1939 §6: +OK means the deletions were carried out; -ERR that some
                        // were not. Either way the session is over.
                        m_replyTimer.stop();
                        m_transport->close();
                        setState(State::Closed);
                        emit finished({});
                    }});
    setState(State::Quitting);
}

void Pop3Session::abort()
{
    m_replyTimer.stop();
    m_queue.clear();
    m_inFlight.clear();
    if (m_state != State::Failed)
        setState(State::Closed);
    m_transport->abort();
}

void Pop3Session::fail(const diagnostics::Diagnostic &diagnostic)
{
    if (m_state == State::Failed || m_state == State::Closed)
        return;
    m_diagnostic = diagnostic;
    qCInfo(lcPop3).noquote() << m_options.host << "failed:" << diagnostic.summary << diagnostic.serverText;
    if (m_transcript)
        m_transcript->note(QString(u"failed: " + diagnostic.summary).toUtf8());
    m_replyTimer.stop();
    m_queue.clear();
    m_inFlight.clear();
    setState(State::Failed);
    m_transport->abort();
    emit finished(diagnostic);
}

void Pop3Session::enqueue(Command command)
{
    if (!command.line.isEmpty()) {
        const QByteArray verb = command.line.left(4).toUpper();
        // TOP n 0 (the Message-ID fallback) is only a header: it gets the listing limit.
        command.carriesMessage = verb == "RETR";
        command.transcribeData = verb != "RETR" && verb != "TOP ";
    }
    m_queue.append(std::move(command)); // QQueue::enqueue() only copies (its callback too)
    if (m_state == State::Transaction || m_state == State::Quitting) {
        // Callers queue commands in bursts (a RETR for every new message): write them together
        // on the next event-loop turn, one TCP segment instead of one each.
        if (!m_pumpScheduled) {
            m_pumpScheduled = true;
            QMetaObject::invokeMethod(this, [this] {
                m_pumpScheduled = false;
                pump();
            }, Qt::QueuedConnection);
        }
        return;
    }
    pump();
}

void Pop3Session::pump()
{
    if (m_state == State::Failed || m_state == State::Closed || m_queue.isEmpty())
        return;
    // Outside TRANSACTION (and without PIPELINING) strictly one command at a time: the login
    // steps depend on each other, and STLS must be the last plaintext command (RFC 2595 §4).
    const bool pipelined = m_caps.pipelining && (m_state == State::Transaction || m_state == State::Quitting);
    if (!pipelined && !m_inFlight.isEmpty())
        return;
    if (pipelined && m_inFlight.size() > m_options.pipelineLow)
        return;
    const qsizetype limit = pipelined ? m_options.pipelineHigh : 1;
    QByteArray out;
    while (!m_queue.isEmpty() && m_inFlight.size() < limit) {
        Command command = m_queue.dequeue();
        m_parser.expect(command.expect);
        if (!command.line.isEmpty()) {
            out += command.line;
            out += "\r\n";
            if (m_transcript)
                m_transcript->client(isSecretCommand(command.line) ? sasl::redactAuthCommand(command.line) : command.line);
        }
        m_inFlight.append(std::move(command)); // not enqueue(): that copies
    }
    if (!out.isEmpty())
        m_transport->write(out);
    if (!m_inFlight.isEmpty() && !m_replyTimer.isActive())
        restartReplyDeadline();
}

void Pop3Session::restartReplyDeadline()
{
    m_replyClock.start();
    m_replyBytes = 0;
    m_replyTimer.start(m_options.replyTimeoutMs);
}

void Pop3Session::armReplyDeadline()
{
    // Partial progress earns time in proportion to the bytes, never a fresh full timeout:
    // otherwise one byte a second would hold the session open for ever.
    const qint64 credit = m_options.minBytesPerSecond > 0 ? m_replyBytes * 1000 / m_options.minBytesPerSecond : 0;
    const qint64 remaining = m_options.replyTimeoutMs + credit - m_replyClock.elapsed();
    m_replyTimer.start(int(qBound(qint64(0), remaining, qint64(std::numeric_limits<int>::max()))));
}

void Pop3Session::writeLine(const QByteArray &line, bool secret)
{
    if (m_transcript)
        m_transcript->client(secret ? QByteArrayLiteral("<redacted>") : line);
    m_transport->write(line + "\r\n");
    restartReplyDeadline();
}

void Pop3Session::onConnected()
{
    if (m_state != State::Connecting)
        return;
    if (m_transport->isEncrypted())
        emit step(QCoreApplication::translate("Pop3Session", "TLS: %1").arg(m_transport->tlsDescription()));
    setState(State::Greeting);
    // RFC 1939 §4: the server speaks first.
    enqueue(Command{{}, Pop3Parser::Expect::SingleLine, [this](const Pop3Reply &reply) {
                        if (!reply.isOk()) {
                            fail(Pop3Diagnostics::greetingRefused(m_options.host, reply));
                            return;
                        }
                        emit step(QCoreApplication::translate("Pop3Session", "Greeting: %1")
                                      .arg(QString::fromUtf8(reply.toLine())));
                        requestCapabilities(State::Capabilities);
                    }});
}

void Pop3Session::onEncrypted()
{
    if (m_state != State::StartTlsIssued)
        return;
    emit step(QCoreApplication::translate("Pop3Session", "TLS: %1").arg(m_transport->tlsDescription()));
    if (m_transcript)
        m_transcript->note(QByteArray("TLS established: " + m_transport->tlsDescription().toUtf8()));
    // RFC 2595 §4: forget what was learnt before TLS and ask again.
    requestCapabilities(State::CapabilitiesAfterTls);
}

void Pop3Session::requestCapabilities(State state)
{
    setState(state);
    m_capaBody.clear();
    enqueue(Command{QByteArrayLiteral("CAPA"), Pop3Parser::Expect::MultiLine,
                    [this](const Pop3Reply &reply) {
                        if (!reply.isOk())
                            onCapabilities(reply, {}); // RFC 1939-only server: no CAPA
                    },
                    [this](const QByteArray &data) { m_capaBody += data; },
                    [this] { onCapabilities(Pop3Reply(Pop3Reply::Status::Ok, {}), m_capaBody); }});
}

void Pop3Session::onCapabilities(const Pop3Reply &reply, const QByteArray &body)
{
    m_caps = reply.isOk() ? Pop3Capabilities::parse(body) : Pop3Capabilities{};
    emit step(QCoreApplication::translate("Pop3Session", "Capabilities: %1").arg(QString::fromLatin1(m_caps.toString())));
    if (m_options.security == store::Security::StartTls && !m_transport->isEncrypted()) {
        // RFC 2595 §4 and the account's setting: never go on in plain text.
        if (!m_caps.stls) {
            fail(Pop3Diagnostics::startTlsNotOffered(m_options.host));
            return;
        }
        startTls();
        return;
    }
    if (m_options.capabilitiesOnly) {
        // RFC 1939 §5: QUIT in the AUTHORIZATION state just ends the session.
        setState(State::Quitting);
        enqueue(Command{QByteArrayLiteral("QUIT"), Pop3Parser::Expect::SingleLine, [this](const Pop3Reply &) {
                            m_replyTimer.stop();
                            m_transport->close();
                            setState(State::Closed);
                            emit finished({});
                        }});
        return;
    }
    authenticate();
}

void Pop3Session::startTls()
{
    setState(State::StartTlsIssued);
    enqueue(Command{QByteArrayLiteral("STLS"), Pop3Parser::Expect::SingleLine, [this](const Pop3Reply &reply) {
                        if (!reply.isOk()) {
                            fail(Pop3Diagnostics::startTlsRefused(m_options.host, reply));
                            return;
                        }
                        // Anything after the +OK is unprotected plaintext someone may have
                        // injected: the parser forgets it, the transport drops what it holds.
                        m_parser.reset();
                        m_parserReset = true;
                        m_caps = {};
                        m_transport->startTls();
                    }});
}

void Pop3Session::authenticate()
{
    setState(State::Authenticating);
    const bool consentedPlain = m_options.security == store::Security::None && m_options.acceptUnencrypted;
    if (!m_transport->isEncrypted() && !consentedPlain) {
        fail(Pop3Diagnostics::unencryptedNotAccepted(m_options.host));
        return;
    }
    if (m_options.useOAuth) {
        m_mechanism = sasl::chooseMechanism(m_caps.saslMechanisms, true);
        if (!m_mechanism) {
            fail(Pop3Diagnostics::noMechanism(m_options.host, true, m_caps.saslMechanisms.join(' ')));
            return;
        }
        requestToken(false);
        return;
    }
    m_mechanism = sasl::chooseMechanism(m_caps.saslMechanisms, false);
    if (m_mechanism) {
        if (*m_mechanism == sasl::Mechanism::Plain) {
            QByteArray message = sasl::plainMessage(m_options.user, m_password);
            const secrets::EraseOnExit erase(message);
            authenticateSasl(*m_mechanism, message.toBase64());
        } else {
            // LOGIN: the user name, then the password, each after its "+ " prompt.
            authenticateSasl(*m_mechanism, m_options.user.toUtf8().toBase64());
            m_saslResponses << m_password.toUtf8().toBase64();
        }
        return;
    }
    if (m_caps.user || !m_caps.known) {
        authenticateUserPass();
        return;
    }
    fail(Pop3Diagnostics::noMechanism(m_options.host, false, m_caps.saslMechanisms.join(' ')));
}

void Pop3Session::requestToken(bool forceNew)
{
    if (!m_tokenSource) {
        fail(Pop3Diagnostics::noMechanism(m_options.host, true, m_caps.saslMechanisms.join(' ')));
        return;
    }
    QPointer<Pop3Session> self(this);
    m_tokenSource(forceNew, [self](const QString &accessToken, const diagnostics::Diagnostic &failure) {
        if (!self || self->m_state != State::Authenticating)
            return;
        if (accessToken.isEmpty()) {
            self->fail(Pop3Diagnostics::tokenFailed(failure));
            return;
        }
        self->authenticateWithToken(accessToken);
    });
}

void Pop3Session::authenticateWithToken(const QString &accessToken)
{
    QByteArray message = *m_mechanism == sasl::Mechanism::XOAuth2
        ? sasl::xoauth2Message(m_options.user, accessToken)
        : sasl::oauthBearerMessage(m_options.user, accessToken, m_options.host, m_options.port);
    const secrets::EraseOnExit erase(message);
    authenticateSasl(*m_mechanism, message.toBase64());
}

void Pop3Session::authenticateSasl(sasl::Mechanism mechanism, const QByteArray &firstResponse)
{
    m_authMethod = sasl::mechanismName(mechanism);
    m_saslResponses = {firstResponse};
    m_saslErrorChallenge = false;
    m_saslContinuations = 0;
    QByteArray command = "AUTH " + m_authMethod;
    // XOAUTH2 goes after the "+ " continuation: Exchange Online does not accept it as an
    // initial response, and tokens never fit the 255 octets anyway (RFC 5034 §4).
    if (mechanism == sasl::Mechanism::Plain && command.size() + 1 + firstResponse.size() <= MaxAuthLineWithInitialResponse)
        command += ' ' + m_saslResponses.takeFirst();
    emit step(QCoreApplication::translate("Pop3Session", "Signing in as %1 with %2 …")
                  .arg(m_options.user, QString::fromLatin1(m_authMethod)));
    enqueue(Command{command, Pop3Parser::Expect::Auth, [this](const Pop3Reply &reply) { onAuthReply(reply); }});
}

void Pop3Session::onAuthReply(const Pop3Reply &reply)
{
    if (reply.isContinuation()) {
        // Every mechanism we speak needs at most three rounds. A server that keeps sending
        // "+ " would have us answer each one ("*") into a send buffer nobody reads.
        if (++m_saslContinuations > MaxSaslContinuations) {
            fail(Pop3Diagnostics::protocolViolation(
                m_options.host, QStringLiteral("more than %1 AUTH continuations").arg(MaxSaslContinuations)));
            return;
        }
        if (!m_saslResponses.isEmpty()) {
            writeLine(m_saslResponses.takeFirst(), true);
            return;
        }
        if (m_mechanism == sasl::Mechanism::XOAuth2 || m_mechanism == sasl::Mechanism::OAuthBearer) {
            // RFC 7628 §3.2.3: the error challenge; answer with an empty response (XOAUTH2) or
            // %x01 (OAUTHBEARER), the server then sends -ERR.
            m_oauthFailure = reply.text();
            if (const auto failure = sasl::parseOAuthFailure(reply.text()))
                qCInfo(lcPop3) << m_options.host << "token refused, status" << failure->status;
            writeLine(m_mechanism == sasl::Mechanism::XOAuth2 ? QByteArray() : QByteArrayLiteral("AQ=="));
            return;
        }
        writeLine(QByteArrayLiteral("*")); // RFC 5034 §4: cancel an exchange we cannot continue
        return;
    }
    if (reply.isOk()) {
        authenticated();
        return;
    }
    authRefused(reply);
}

void Pop3Session::authenticateUserPass()
{
    m_authMethod = QByteArrayLiteral("USER/PASS");
    emit step(QCoreApplication::translate("Pop3Session", "Signing in as %1 with USER/PASS …").arg(m_options.user));
    // RFC 1939 §7
    enqueue(Command{"USER " + m_options.user.toUtf8(), Pop3Parser::Expect::SingleLine, [this](const Pop3Reply &reply) {
                        if (!reply.isOk()) {
                            authRefused(reply);
                            return;
                        }
                        enqueue(Command{"PASS " + m_password.toUtf8(), Pop3Parser::Expect::SingleLine,
                                        [this](const Pop3Reply &passReply) {
                                            if (passReply.isOk())
                                                authenticated();
                                            else
                                                authRefused(passReply);
                                        }});
                    }});
}

void Pop3Session::authRefused(const Pop3Reply &reply)
{
    const QByteArray &code = reply.code();
    const bool temporary = code == "IN-USE" || code == "LOGIN-DELAY" || code == "SYS/TEMP" || code == "SYS/PERM";
    if (m_options.useOAuth && !m_tokenRetried && !temporary && m_tokenSource) {
        // The cached token may have been revoked or expired early: one fresh token, one retry.
        m_tokenRetried = true;
        emit step(QCoreApplication::translate("Pop3Session", "The server refused the token; getting a new one …"));
        requestToken(true);
        return;
    }
    diagnostics::Diagnostic d = Pop3Diagnostics::authenticationFailed(m_options.host, reply, m_options.useOAuth,
                                                                     m_options.microsoft.value_or(false), m_options.appOnly);
    if (!m_oauthFailure.isEmpty()) {
        if (const auto failure = sasl::parseOAuthFailure(m_oauthFailure))
            d.serverText += QStringLiteral(" (OAuth status %1)").arg(failure->status);
    }
    fail(d);
}

void Pop3Session::authenticated()
{
    for (QByteArray &response : m_saslResponses)
        secrets::secureErase(response);
    m_saslResponses.clear();
    secrets::secureErase(m_password);
    setState(State::Transaction);
    emit step(QCoreApplication::translate("Pop3Session", "Signed in (%1).").arg(QString::fromLatin1(m_authMethod)));
    emit ready();
    pump();
}

void Pop3Session::setReceivePaused(bool paused)
{
    m_receivePaused = paused;
    if (paused) {
        m_replyTimer.stop(); // waiting for our own disk is no server timeout
    } else {
        if (!m_inFlight.isEmpty())
            restartReplyDeadline(); // the time spent waiting for our disk does not count
        QMetaObject::invokeMethod(this, &Pop3Session::onDataReceived, Qt::QueuedConnection);
    }
}

void Pop3Session::onDataReceived()
{
    if (m_receivePaused)
        return;
    const QByteArray bytes = m_transport->readAll();
    if (bytes.isEmpty() || m_state == State::Failed || m_state == State::Closed)
        return;
    m_parser.feed(bytes);
    const QList<Pop3Parser::Event> events = m_parser.takeEvents();
    m_parserReset = false;
    m_replyBytes += bytes.size();
    bool headDone = false;
    for (const Pop3Parser::Event &event : events) {
        if (m_state == State::Failed || m_state == State::Closed || m_parserReset)
            break;
        switch (event.type) {
        case Pop3Parser::Event::Type::Reply: {
            if (m_transcript)
                m_transcript->server(event.reply.toLine());
            const bool bodyFollows = m_inFlight.head().expect == Pop3Parser::Expect::MultiLine && event.reply.isOk();
            if (event.reply.isContinuation() || bodyFollows) {
                m_dataBytes = 0;
                m_bodyBytes = 0;
                const ReplyHandler handler = m_inFlight.head().onReply;
                if (handler)
                    handler(event.reply);
            } else {
                const Command done = m_inFlight.dequeue();
                headDone = true;
                if (done.onReply)
                    done.onReply(event.reply);
            }
            break;
        }
        case Pop3Parser::Event::Type::Data: {
            const Command &current = m_inFlight.head();
            m_bodyBytes += event.data.size();
            if (!current.carriesMessage && m_bodyBytes > m_options.maxListingBytes) {
                // RETR is bounded by the fetch (maximum message size, streamed to disk);
                // CAPA, LIST, UIDL and TOP are kept in memory (TOP's up to a limit).
                fail(Pop3Diagnostics::protocolViolation(
                    m_options.host, QStringLiteral("the reply to %1 exceeds %2 bytes")
                                        .arg(QString::fromLatin1(current.line.left(4).trimmed()))
                                        .arg(m_options.maxListingBytes)));
                return;
            }
            if (m_transcript) {
                if (current.transcribeData) {
                    for (const QByteArray &line : event.data.split('\n')) {
                        if (!line.isEmpty())
                            m_transcript->server(line);
                    }
                } else {
                    m_dataBytes += event.data.size();
                }
            }
            if (current.onData) {
                const DataHandler handler = current.onData;
                handler(event.data);
            }
            break;
        }
        case Pop3Parser::Event::Type::End: {
            const Command done = m_inFlight.dequeue();
            headDone = true;
            if (m_transcript) {
                if (!done.transcribeData)
                    m_transcript->server(QByteArray(QByteArray::number(m_dataBytes) + " bytes of message data"));
                m_transcript->server(".");
            }
            if (done.onEnd)
                done.onEnd();
            break;
        }
        case Pop3Parser::Event::Type::Error:
            fail(Pop3Diagnostics::protocolViolation(m_options.host, event.error));
            return;
        }
    }
    if (m_state == State::Failed || m_state == State::Closed)
        return;
    if (m_inFlight.isEmpty())
        m_replyTimer.stop();
    else if (headDone)
        restartReplyDeadline(); // the next command's reply starts now (its bytes may be here already)
    else
        armReplyDeadline();
    pump();
}

void Pop3Session::onTransportFailed()
{
    if (m_state == State::Failed || m_state == State::Closed)
        return;
    if (m_state == State::Quitting && m_inFlight.size() == 1) {
        setState(State::Closed);
        emit finished({});
        return;
    }
    fail(Pop3Diagnostics::transportFailed(*m_transport, m_options.host, m_options.port));
}

void Pop3Session::onDisconnected()
{
    if (m_state == State::Failed || m_state == State::Closed)
        return;
    if (m_state == State::Quitting && m_inFlight.size() == 1) {
        // Closed right after QUIT without a reply; RFC 1939 §6 leaves the UPDATE state to the
        // server, there is nothing more we could do.
        setState(State::Closed);
        emit finished({});
        return;
    }
    const QString during = m_inFlight.isEmpty() ? QCoreApplication::translate("Pop3Session", "the session")
                                                : QString::fromLatin1(m_inFlight.head().line.left(4).isEmpty()
                                                                          ? QByteArrayLiteral("the greeting")
                                                                          : m_inFlight.head().line.left(4));
    fail(Pop3Diagnostics::connectionClosed(m_options.host, during));
}

void Pop3Session::onReplyTimeout()
{
    if (m_replyBytes > 0) {
        // Something came, just far too slowly for the reply to be finished in time.
        fail(Pop3Diagnostics::tooSlow(m_options.host, m_replyBytes, m_replyClock.elapsed()));
        return;
    }
    fail(Pop3Diagnostics::replyTimeout(m_options.host, m_options.replyTimeoutMs));
}

} // namespace kurier::pop3
