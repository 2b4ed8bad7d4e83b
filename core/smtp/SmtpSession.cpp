#include "smtp/SmtpSession.h"

#include "net/Transcript.h"
#include "sasl/SaslMessages.h"
#include "secrets/SecureErase.h"
#include "smtp/DotStuffing.h"
#include "smtp/SmtpLog.h"

#include <QCoreApplication>
#include <QSysInfo>

namespace kurier::smtp {

using diagnostics::Diagnostic;

struct SmtpSession::Transaction {
    OutgoingMessage message;
    SendResult result;
    QByteArray wire; // dot-stuffed data with the final ".\r\n"
    bool smtpUtf8 = false;
    bool eightBit = false;
    // Commands not yet written (without PIPELINING they go one reply at a time).
    struct Command {
        QByteArray line;
        Expect expect;
        int recipient;
    };
    QList<Command> unsent;
    SmtpReply mailReply;
    SmtpReply dataReply;
    bool pastData = false;   // the DATA reply was handled: the next envelope may follow
    bool dataSent = false;   // the end-of-data dot was written: from here on the outcome is unknown
    bool abandoned = false;  // DATA was accepted although nothing may be sent: only "." went
    bool done = false;
};

namespace {

bool isAscii(const QString &s)
{
    for (QChar c : s) {
        if (c.unicode() > 0x7f)
            return false;
    }
    return true;
}

// RFC 5321 §4.1.2 path; refusing control characters, spaces and angle brackets also keeps an
// address from smuggling a second command into the stream.
bool isSafeAddress(const QString &address)
{
    if (address.isEmpty() || !address.contains(u'@'))
        return false;
    for (QChar c : address) {
        if (c.unicode() <= 0x20 || c == u'<' || c == u'>' || c.unicode() == 0x7f)
            return false;
    }
    return true;
}

bool hasEightBit(const QByteArray &data)
{
    for (char c : data) {
        if (static_cast<unsigned char>(c) > 0x7f)
            return true;
    }
    return false;
}

} // namespace

SmtpSession::SmtpSession(net::Transport *transport, Options options, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_options(std::move(options))
{
    connect(transport, &net::Transport::connected, this, &SmtpSession::onConnected);
    connect(transport, &net::Transport::encrypted, this, &SmtpSession::onEncrypted);
    connect(transport, &net::Transport::dataReceived, this, &SmtpSession::onDataReceived);
    connect(transport, &net::Transport::failed, this, &SmtpSession::onTransportFailed);
    connect(transport, &net::Transport::disconnected, this, &SmtpSession::onDisconnected);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        fail(SmtpDiagnostics::timeout(m_options.host));
    });
}

SmtpSession::~SmtpSession() = default;

QString SmtpSession::tlsDescription() const
{
    return m_transport ? m_transport->tlsDescription() : QString();
}

net::CertificateProblem SmtpSession::certificateProblem() const
{
    return m_transport ? m_transport->certificateProblem() : net::CertificateProblem{};
}

bool SmtpSession::isEncrypted() const
{
    return m_transport && m_transport->isEncrypted();
}

void SmtpSession::setState(State state)
{
    m_state = state;
}

void SmtpSession::open()
{
    if (m_state != State::Disconnected)
        return;
    if (m_options.security == store::Security::None && !m_options.acceptUnencrypted) {
        setState(State::Connecting);
        QMetaObject::invokeMethod(this, [this] {
            fail(SmtpDiagnostics::unencryptedNotAccepted());
        }, Qt::QueuedConnection);
        return;
    }
    setState(State::Connecting);
    qCDebug(lcSmtp) << "connecting to" << m_options.host << m_options.port << store::securityToKey(m_options.security);
    m_transport->connectToHost(m_options.host, m_options.port, m_options.security == store::Security::Tls);
    armTimer(m_options.replyTimeoutMs);
}

void SmtpSession::send(const OutgoingMessage &message)
{
    if (m_state == State::Finished) {
        SendResult r;
        r.id = message.id;
        r.status = SendResult::Status::TemporaryFailure;
        r.diagnostic.summary = tr("The SMTP connection is closed");
        r.diagnostic.stage = Diagnostic::Stage::Network;
        r.diagnostic.retryable = true;
        QMetaObject::invokeMethod(this, [this, r] { emit messageSent(r); }, Qt::QueuedConnection);
        return;
    }
    m_queue.append(message);
    if (m_state == State::Ready)
        QMetaObject::invokeMethod(this, &SmtpSession::pump, Qt::QueuedConnection);
}

void SmtpSession::quit()
{
    m_quitRequested = true;
    if (m_state == State::Disconnected) {
        QMetaObject::invokeMethod(this, [this] { endSession({}); }, Qt::QueuedConnection);
        return;
    }
    if (m_state == State::Ready)
        QMetaObject::invokeMethod(this, &SmtpSession::pump, Qt::QueuedConnection);
}

void SmtpSession::abort()
{
    fail(SmtpDiagnostics::cancelled());
}

QByteArray SmtpSession::heloName() const
{
    // RFC 5321 §4.1.4: the client's FQDN or an address literal.
    QString name = m_options.heloName.isEmpty() ? QSysInfo::machineHostName() : m_options.heloName;
    QByteArray out;
    for (QChar c : name) {
        if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'.' || c == u'-'
            || c == u'[' || c == u']' || c == u':')
            out += char(c.unicode());
    }
    return out.isEmpty() ? QByteArrayLiteral("localhost") : out;
}

void SmtpSession::writeCommand(const QByteArray &line, Expect expect, std::shared_ptr<Transaction> t, int recipient,
                               bool secret)
{
    if (!m_transport)
        return;
    const QByteArray shown = secret ? sasl::redactAuthCommand(line) : line;
    if (m_transcript)
        m_transcript->client(shown);
    m_transport->write(line + "\r\n");
    m_expected.append({expect, std::move(t), recipient});
    armTimer(expect == Expect::EndOfData ? m_options.endOfDataTimeoutMs : m_options.replyTimeoutMs);
}

void SmtpSession::armTimer(int ms)
{
    m_timer.start(ms);
}

void SmtpSession::onConnected()
{
    if (m_state != State::Connecting)
        return;
    setState(State::Greeting);
    // RFC 5321 §3.1: the server speaks first.
    m_expected.append({Expect::Greeting, {}, -1});
    armTimer(m_options.replyTimeoutMs);
}

void SmtpSession::onEncrypted()
{
    if (m_state != State::TlsHandshake)
        return;
    qCDebug(lcSmtp) << "TLS established:" << tlsDescription();
    // RFC 3207 §4.2: forget everything learned before the handshake, greet again.
    m_capabilities = {};
    setState(State::HelloAfterTls);
    sendEhlo();
}

void SmtpSession::onDataReceived()
{
    if (!m_transport || m_state == State::Finished)
        return;
    const QByteArray bytes = m_transport->readAll();
    if (m_state == State::TlsHandshake) {
        // Whatever arrives before the handshake completes is not from the TLS peer.
        qCWarning(lcSmtp) << "discarding" << bytes.size() << "bytes received during the TLS handshake";
        return;
    }
    m_parser.feed(bytes);
    while (m_parser.hasReply() && m_state != State::Finished && m_state != State::TlsHandshake) {
        const SmtpReply reply = m_parser.takeReply();
        // SASL challenges are left out (LOGIN's are harmless, but a server may echo data).
        const QString shown = reply.code == 334 ? QStringLiteral("334 <challenge>") : reply.toDisplayString().left(2000);
        if (m_transcript)
            m_transcript->server(shown.toUtf8());
        handleReply(reply);
    }
    if (m_parser.hasError() && m_state != State::Finished)
        failProtocol(m_parser.errorText());
}

void SmtpSession::handleReply(const SmtpReply &reply)
{
    if (m_expected.isEmpty()) {
        failProtocol(QStringLiteral("unexpected reply \"%1\"").arg(reply.toDisplayString().left(200)));
        return;
    }
    const Expectation e = m_expected.takeFirst();
    if (m_expected.isEmpty())
        m_timer.stop();
    else
        armTimer(m_expected.first().what == Expect::EndOfData ? m_options.endOfDataTimeoutMs : m_options.replyTimeoutMs);
    switch (e.what) {
    case Expect::Greeting: handleGreeting(reply); break;
    case Expect::Ehlo: handleEhlo(reply); break;
    case Expect::StartTls: handleStartTls(reply); break;
    case Expect::Auth: handleAuth(reply); break;
    case Expect::MailFrom:
    case Expect::Rcpt:
    case Expect::Data:
    case Expect::EndOfData:
    case Expect::Rset: handleTransactionReply(e, reply); break;
    case Expect::Quit:
        if (m_transport)
            m_transport->close();
        endSession({});
        break;
    }
}

void SmtpSession::handleGreeting(const SmtpReply &reply)
{
    // RFC 5321 §3.1: 220 welcomes, 554 turns the client away.
    if (reply.code != 220) {
        failWithReply(reply, SmtpDiagnostics::Step::Greeting);
        return;
    }
    setState(State::Hello);
    sendEhlo();
}

void SmtpSession::sendEhlo()
{
    writeCommand("EHLO " + heloName(), Expect::Ehlo);
}

void SmtpSession::handleEhlo(const SmtpReply &reply)
{
    if (!reply.isPositiveCompletion()) {
        failWithReply(reply, SmtpDiagnostics::Step::Hello);
        return;
    }
    m_capabilities = SmtpCapabilities::fromEhloReply(reply);
    if (m_state == State::Hello && m_options.security == store::Security::StartTls) {
        // RFC 3207 §4: never fall back to plain text when STARTTLS is missing.
        if (!m_capabilities.has(SmtpCapabilities::StartTls)) {
            fail(SmtpDiagnostics::startTlsMissing(m_options.host));
            return;
        }
        setState(State::StartTlsIssued);
        writeCommand("STARTTLS", Expect::StartTls);
        return;
    }
    afterHello();
}

void SmtpSession::handleStartTls(const SmtpReply &reply)
{
    if (reply.code != 220) {
        failWithReply(reply, SmtpDiagnostics::Step::StartTls);
        return;
    }
    // RFC 3207 §4.2 / §6: anything after the 220 was sent in plain text before the handshake
    // and may have been injected; it is dropped, never interpreted.
    if (m_parser.hasReply() || m_parser.hasPartialData())
        qCWarning(lcSmtp) << "discarding data the server sent after 220 to STARTTLS (possible injection)";
    m_parser.reset();
    m_expected.clear();
    setState(State::TlsHandshake);
    armTimer(m_options.replyTimeoutMs);
    m_transport->startTls();
}

void SmtpSession::afterHello()
{
    if (m_options.capabilitiesOnly) {
        setState(State::Quitting);
        writeCommand("QUIT", Expect::Quit);
        return;
    }
    if (!authenticates()) {
        authSucceeded();
        return;
    }
    startAuthentication();
}

void SmtpSession::startAuthentication()
{
    const bool oauth = m_options.useOAuth;
    m_mechanism = sasl::chooseMechanism(m_capabilities.authMechanisms(), oauth);
    if (const auto preferred = m_options.preferredMechanism) {
        const bool preferredIsOAuth = *preferred == sasl::Mechanism::XOAuth2 || *preferred == sasl::Mechanism::OAuthBearer;
        if (preferredIsOAuth == oauth
            && m_capabilities.authMechanisms().contains(sasl::mechanismName(*preferred)))
            m_mechanism = preferred;
    }
    if (!m_mechanism) {
        fail(SmtpDiagnostics::noMechanism(m_options.host, oauth, m_capabilities.has(SmtpCapabilities::Auth),
                                          QString::fromLatin1(m_capabilities.authMechanisms().join(' '))));
        return;
    }
    if (m_options.useOAuth)
        requestToken(false);
    else
        sendAuth();
}

void SmtpSession::requestToken(bool forceNew)
{
    setState(State::WaitingForToken);
    if (!m_tokens) {
        failProtocol(QStringLiteral("no token source"));
        return;
    }
    QPointer<SmtpSession> self(this);
    // The token request may take long (browser sign-in): no reply timeout meanwhile.
    m_timer.stop();
    m_tokens(forceNew, [self](const QString &token, const Diagnostic &failure) {
        if (!self || self->m_state != State::WaitingForToken)
            return;
        if (token.isEmpty()) {
            self->fail(failure);
            return;
        }
        self->m_token = token;
        self->sendAuth();
    });
}

void SmtpSession::sendAuth()
{
    setState(State::Authenticating);
    m_tokenRejected = false;
    m_oauthChallengeText.clear();
    const QByteArray name = sasl::mechanismName(*m_mechanism);
    QByteArray response;
    const secrets::EraseOnExit eraseResponse(response);
    switch (*m_mechanism) {
    case sasl::Mechanism::Plain: response = sasl::plainMessage(m_options.user, m_password); break;
    case sasl::Mechanism::XOAuth2: response = sasl::xoauth2Message(m_options.user, m_token); break;
    case sasl::Mechanism::OAuthBearer:
        response = sasl::oauthBearerMessage(m_options.user, m_token, m_options.host, m_options.port);
        break;
    case sasl::Mechanism::Login:
        // draft-murchison-sasl-login: user name and password after one challenge each.
        m_authStep = AuthStep::SentCommand;
        writeCommand("AUTH LOGIN", Expect::Auth);
        return;
    }
    // RFC 4954 §4: an initial response saves a round trip; too long a line is refused by some
    // servers, so the response then follows the empty 334 challenge.
    QByteArray encoded = response.toBase64();
    const secrets::EraseOnExit eraseEncoded(encoded);
    QByteArray line = "AUTH " + name + ' ' + encoded;
    const secrets::EraseOnExit eraseLine(line);
    if (line.size() + 2 <= m_options.maxInitialResponseLine) {
        m_authStep = AuthStep::SentResponse;
        writeCommand(line, Expect::Auth, {}, -1, true);
    } else {
        m_authStep = AuthStep::SentCommand;
        writeCommand("AUTH " + name, Expect::Auth);
    }
}

void SmtpSession::handleAuth(const SmtpReply &reply)
{
    if (reply.code == 235) { // RFC 4954 §6
        authSucceeded();
        return;
    }
    if (reply.code == 334) {
        const QByteArray challenge = reply.lines.value(0).trimmed();
        switch (m_authStep) {
        case AuthStep::SentCommand:
            if (*m_mechanism == sasl::Mechanism::Login) {
                m_authStep = AuthStep::SentLoginUser;
                writeCommand(m_options.user.toUtf8().toBase64(), Expect::Auth, {}, -1, true);
                return;
            }
            m_authStep = AuthStep::SentResponse;
            {
                QByteArray response;
                const secrets::EraseOnExit erase(response);
                if (*m_mechanism == sasl::Mechanism::Plain)
                    response = sasl::plainMessage(m_options.user, m_password);
                else if (*m_mechanism == sasl::Mechanism::XOAuth2)
                    response = sasl::xoauth2Message(m_options.user, m_token);
                else
                    response = sasl::oauthBearerMessage(m_options.user, m_token, m_options.host, m_options.port);
                writeCommand(response.toBase64(), Expect::Auth, {}, -1, true);
            }
            return;
        case AuthStep::SentLoginUser:
            m_authStep = AuthStep::SentLoginPassword;
            writeCommand(m_password.toUtf8().toBase64(), Expect::Auth, {}, -1, true);
            return;
        case AuthStep::SentResponse:
        case AuthStep::SentLoginPassword:
            m_authStep = AuthStep::SentErrorAck;
            if (m_options.useOAuth) {
                // RFC 7628 §3.2.2: the server's error as base64 JSON; the client answers with a
                // dummy response (^A for OAUTHBEARER, an empty line for XOAUTH2) and gets the
                // final failure.
                if (const auto failure = sasl::parseOAuthFailure(challenge)) {
                    m_tokenRejected = failure->tokenRejected();
                    m_oauthChallengeText = QString::fromUtf8(QByteArray::fromBase64(challenge));
                }
                writeCommand(*m_mechanism == sasl::Mechanism::OAuthBearer ? QByteArrayLiteral("AQ==") : QByteArray(),
                             Expect::Auth, {}, -1, true);
            } else {
                // RFC 4954 §4: "*" cancels an exchange we cannot continue.
                writeCommand("*", Expect::Auth);
            }
            return;
        case AuthStep::SentErrorAck:
        case AuthStep::None:
            failProtocol(QStringLiteral("unexpected 334 challenge"));
            return;
        }
    }
    // A failure. One fresh token is worth a try when the server said the token was refused.
    if (m_options.useOAuth && m_tokenRejected && !m_tokenRetried && reply.isFailure()) {
        qCDebug(lcSmtp) << "token refused; asking for a new one";
        m_tokenRetried = true;
        m_authStep = AuthStep::None;
        requestToken(true);
        return;
    }
    Diagnostic d = SmtpDiagnostics::diagnose(reply, SmtpDiagnostics::Step::Authentication);
    if (!m_oauthChallengeText.isEmpty())
        d.serverText += QStringLiteral(" (%1)").arg(m_oauthChallengeText);
    fail(d);
}

void SmtpSession::authSucceeded()
{
    secrets::secureErase(m_password);
    secrets::secureErase(m_token);
    m_authStep = AuthStep::None;
    setState(State::Ready);
    qCDebug(lcSmtp) << "ready; pipelining:" << m_capabilities.has(SmtpCapabilities::Pipelining);
    QPointer<SmtpSession> self(this);
    emit ready();
    // cppcheck-suppress knownConditionTrueFalse ; a slot of the signal may have deleted us (QPointer)
    if (self)
        pump();
}

QByteArray SmtpSession::mailFromCommand(const Transaction &t) const
{
    QByteArray line = "MAIL FROM:<" + t.message.reversePath.toUtf8() + '>';
    if (m_capabilities.has(SmtpCapabilities::Size)) // RFC 1870 §6
        line += " SIZE=" + QByteArray::number(t.wire.size());
    if (t.eightBit && m_capabilities.has(SmtpCapabilities::EightBitMime)) // RFC 6152 §3
        line += " BODY=8BITMIME";
    if (t.smtpUtf8) // RFC 6531 §3.4
        line += " SMTPUTF8";
    return line;
}

void SmtpSession::pump()
{
    if (m_state != State::Ready)
        return;
    const bool pipelining = m_capabilities.has(SmtpCapabilities::Pipelining);
    while (!m_queue.isEmpty()) {
        // A new envelope may follow once no transaction waits for its DATA reply (the server
        // would take the commands for message text); without PIPELINING, only when idle.
        for (const auto &t : std::as_const(m_inFlight)) {
            if (!pipelining || !t->pastData)
                return;
        }
        auto t = std::make_shared<Transaction>();
        t->message = m_queue.takeFirst();
        t->result.id = t->message.id;
        for (const QString &r : std::as_const(t->message.recipients))
            t->result.recipients.append({r, {}});
        startTransaction(t);
        if (m_state != State::Ready)
            return;
    }
    if (m_quitRequested && m_inFlight.isEmpty() && m_expected.isEmpty()) {
        setState(State::Quitting);
        writeCommand("QUIT", Expect::Quit);
    }
}

void SmtpSession::startTransaction(const std::shared_ptr<Transaction> &t)
{
    auto refuse = [this, &t](const QString &summary, const QString &cause, const QString &fix, const QString &code) {
        t->result.status = SendResult::Status::PermanentFailure;
        t->result.diagnostic.stage = Diagnostic::Stage::Configuration;
        t->result.diagnostic.summary = summary;
        t->result.diagnostic.cause = cause;
        t->result.diagnostic.fix = fix;
        t->result.diagnostic.code = code;
        t->done = true;
        emit messageSent(t->result);
    };
    const OutgoingMessage &m = t->message;
    if (m.recipients.isEmpty()) {
        refuse(tr("The message has no recipients"), {}, tr("Add at least one recipient."), QStringLiteral("no-recipients"));
        return;
    }
    QStringList all = m.recipients;
    all.prepend(m.reversePath);
    for (const QString &a : std::as_const(all)) {
        if (!isSafeAddress(a)) {
            refuse(tr("Invalid address \"%1\"").arg(a), tr("An address needs a local part, \"@\" and a domain, without spaces or angle brackets."),
                   tr("Correct the address."), QStringLiteral("invalid-address"));
            return;
        }
        if (!isAscii(a))
            t->smtpUtf8 = true;
    }
    if (t->smtpUtf8 && !m_capabilities.has(SmtpCapabilities::SmtpUtf8)) {
        refuse(tr("The server cannot send to internationalised addresses"),
               tr("An address contains non-ASCII characters, and %1 does not support SMTPUTF8 (RFC 6531).").arg(m_options.host),
               tr("Use the ASCII form of the address if the recipient has one."), QStringLiteral("smtputf8-unsupported"));
        return;
    }
    t->wire = dotStuff(m.data);
    t->eightBit = hasEightBit(m.data);
    // RFC 6152 §3: 8-bit data only to a server that announced 8BITMIME (SMTPUTF8 implies it).
    if (t->eightBit && !m_capabilities.has(SmtpCapabilities::EightBitMime) && !m_capabilities.has(SmtpCapabilities::SmtpUtf8)) {
        refuse(tr("The server cannot take this message's 8-bit text"),
               tr("The message contains bytes outside ASCII without a transfer encoding, and %1 does not support 8BITMIME.")
                   .arg(m_options.host),
               tr("Compose the message with Kurier (it encodes such text), or encode it as quoted-printable or base64."),
               QStringLiteral("8bitmime-unsupported"));
        return;
    }
    const qint64 limit = m_capabilities.sizeLimit();
    if (limit > 0 && t->wire.size() > limit) {
        // RFC 1870 §6: a client that knows the message is too large does not send it.
        refuse(tr("The message is too large for the server"),
               tr("The message has %1 KB; %2 accepts at most %3 KB.")
                   .arg(t->wire.size() / 1024)
                   .arg(m_options.host)
                   .arg(limit / 1024),
               tr("Remove or shrink attachments, or share large files by link."), QStringLiteral("size-exceeded"));
        return;
    }
    t->unsent.append({mailFromCommand(*t), Expect::MailFrom, -1});
    for (int i = 0; i < m.recipients.size(); ++i)
        t->unsent.append({"RCPT TO:<" + m.recipients[i].toUtf8() + '>', Expect::Rcpt, i});
    t->unsent.append({"DATA", Expect::Data, -1});
    m_inFlight.append(t);
    flushTransactionCommands(t);
}

void SmtpSession::flushTransactionCommands(const std::shared_ptr<Transaction> &t)
{
    // RFC 2920 §3.1: MAIL, RCPT… and DATA may go in one group; DATA ends it.
    const bool pipelining = m_capabilities.has(SmtpCapabilities::Pipelining);
    while (!t->unsent.isEmpty()) {
        const Transaction::Command c = t->unsent.takeFirst();
        writeCommand(c.line, c.expect, t, c.recipient);
        if (!pipelining)
            break;
    }
}

void SmtpSession::handleTransactionReply(const Expectation &e, const SmtpReply &reply)
{
    const std::shared_ptr<Transaction> &t = e.transaction;
    const bool pipelining = m_capabilities.has(SmtpCapabilities::Pipelining);
    auto validRecipients = [&t] {
        int n = 0;
        for (const RecipientResult &r : std::as_const(t->result.recipients))
            n += r.accepted() ? 1 : 0;
        return n;
    };
    auto failEnvelope = [this, &t, &validRecipients] {
        // Why no data went: the MAIL reply, else the recipients' replies.
        if (!t->mailReply.isPositiveCompletion()) {
            t->result.reply = t->mailReply;
            t->result.diagnostic = SmtpDiagnostics::diagnose(t->mailReply, SmtpDiagnostics::Step::MailFrom);
        } else if (validRecipients() == 0) {
            bool anyTransient = false;
            for (const RecipientResult &r : std::as_const(t->result.recipients)) {
                if (r.reply.isTransientFailure())
                    anyTransient = true;
            }
            const RecipientResult &first = t->result.recipients.first();
            t->result.reply = first.reply;
            t->result.diagnostic = SmtpDiagnostics::diagnose(first.reply, SmtpDiagnostics::Step::Recipient);
            t->result.diagnostic.retryable = anyTransient;
        } else {
            t->result.reply = t->dataReply;
            t->result.diagnostic = SmtpDiagnostics::diagnose(t->dataReply, SmtpDiagnostics::Step::Data);
        }
        t->result.status = t->result.diagnostic.retryable ? SendResult::Status::TemporaryFailure
                                                          : SendResult::Status::PermanentFailure;
    };

    switch (e.what) {
    case Expect::MailFrom:
        t->mailReply = reply;
        if (!reply.isPositiveCompletion() && !pipelining) {
            t->unsent.clear();
            t->pastData = true;
            failEnvelope();
            finishTransaction(t);
            return;
        }
        flushTransactionCommands(t);
        return;
    case Expect::Rcpt:
        if (e.recipient >= 0 && e.recipient < t->result.recipients.size())
            t->result.recipients[e.recipient].reply = reply;
        if (!pipelining && t->unsent.size() == 1 && validRecipients() == 0) {
            // Only DATA is left and nobody would get the message: don't start the data phase.
            t->unsent.clear();
            t->pastData = true;
            failEnvelope();
            writeCommand("RSET", Expect::Rset, t);
            return;
        }
        flushTransactionCommands(t);
        return;
    case Expect::Data:
        t->dataReply = reply;
        if (reply.code == 354) {
            t->pastData = true;
            if (t->mailReply.isPositiveCompletion() && validRecipients() > 0) {
                QPointer<SmtpSession> self(this);
                emit dataStarting(t->message.id);
                // cppcheck-suppress knownConditionTrueFalse ; a slot of the signal may have deleted us (QPointer)
                if (!self || m_state == State::Finished)
                    return;
                if (m_transcript)
                    m_transcript->note(QByteArray(QByteArray::number(t->wire.size()) + " bytes of message data"));
                m_transport->write(t->wire);
                t->dataSent = true;
            } else {
                // RFC 2920 §3.1: DATA accepted with no valid recipient: send only the dot.
                t->abandoned = true;
                m_transport->write(".\r\n");
            }
            m_expected.append({Expect::EndOfData, t, -1});
            armTimer(m_expected.first().what == Expect::EndOfData ? m_options.endOfDataTimeoutMs : m_options.replyTimeoutMs);
            pump(); // the next envelope may go now
            return;
        }
        t->pastData = true;
        failEnvelope();
        if (t->mailReply.isPositiveCompletion())
            writeCommand("RSET", Expect::Rset, t);
        else
            finishTransaction(t);
        return;
    case Expect::EndOfData:
        if (t->abandoned) {
            failEnvelope();
            writeCommand("RSET", Expect::Rset, t);
            return;
        }
        t->result.reply = reply;
        if (reply.isPositiveCompletion()) {
            t->result.status = SendResult::Status::Sent;
        } else {
            t->result.diagnostic = SmtpDiagnostics::diagnose(reply, SmtpDiagnostics::Step::EndOfData);
            t->result.status = reply.isTransientFailure() ? SendResult::Status::TemporaryFailure
                                                          : SendResult::Status::PermanentFailure;
        }
        finishTransaction(t);
        return;
    case Expect::Rset:
        finishTransaction(t);
        return;
    default:
        return;
    }
}

void SmtpSession::finishTransaction(const std::shared_ptr<Transaction> &t)
{
    if (t->done)
        return;
    t->done = true;
    m_inFlight.removeOne(t);
    QPointer<SmtpSession> self(this);
    emit messageSent(t->result);
    // cppcheck-suppress knownConditionTrueFalse ; a slot of the signal may have deleted us (QPointer)
    if (self)
        pump();
}

void SmtpSession::onTransportFailed()
{
    if (m_state == State::Finished || !m_transport)
        return;
    fail(SmtpDiagnostics::transportFailed(*m_transport, m_options.host, m_options.port, m_state == State::Connecting));
}

void SmtpSession::onDisconnected()
{
    if (m_state == State::Finished)
        return;
    if (m_state == State::Quitting) {
        endSession({});
        return;
    }
    fail(SmtpDiagnostics::closed(m_transport ? m_transport->errorText() : QString()));
}

void SmtpSession::failWithReply(const SmtpReply &reply, SmtpDiagnostics::Step step)
{
    fail(SmtpDiagnostics::diagnose(reply, step));
}

void SmtpSession::failProtocol(const QString &what)
{
    fail(SmtpDiagnostics::protocol(what));
}

void SmtpSession::fail(const Diagnostic &diagnostic)
{
    if (m_state == State::Finished)
        return;
    qCDebug(lcSmtp).noquote() << "session failed:" << diagnostic.summary << diagnostic.serverText;
    if (m_transport) {
        // abort() may report the disconnection at once; this failure is the one that counts.
        disconnect(m_transport, nullptr, this, nullptr);
        m_transport->abort();
    }
    endSession(diagnostic);
}

void SmtpSession::endSession(const Diagnostic &error)
{
    if (m_state == State::Finished)
        return;
    setState(State::Finished);
    m_timer.stop();
    m_expected.clear();
    secrets::secureErase(m_password);
    secrets::secureErase(m_token);
    QList<SendResult> results;
    for (const auto &t : std::as_const(m_inFlight)) {
        if (t->done)
            continue;
        t->done = true;
        SendResult r = t->result;
        r.diagnostic = error;
        if (t->dataSent) {
            // The data went; the reply did not come. The server may have taken the message.
            r.status = SendResult::Status::Unknown;
            r.diagnostic.summary = tr("Unknown whether the message was sent");
            r.diagnostic.cause = tr("The connection ended after the message was transmitted and before the server "
                                    "confirmed it (%1).")
                                     .arg(error.summary);
            r.diagnostic.fix = tr("Ask the recipients whether it arrived; send it again only if it did not.");
            r.diagnostic.retryable = false;
        } else {
            r.status = error.retryable ? SendResult::Status::TemporaryFailure : SendResult::Status::PermanentFailure;
        }
        results.append(r);
    }
    m_inFlight.clear();
    for (const OutgoingMessage &m : std::as_const(m_queue)) {
        SendResult r;
        r.id = m.id;
        for (const QString &a : m.recipients)
            r.recipients.append({a, {}});
        r.diagnostic = error;
        if (r.diagnostic.isEmpty()) {
            r.diagnostic.summary = tr("The SMTP connection was closed before the message was sent");
            r.diagnostic.retryable = true;
        }
        r.status = r.diagnostic.retryable ? SendResult::Status::TemporaryFailure : SendResult::Status::PermanentFailure;
        results.append(r);
    }
    m_queue.clear();
    QPointer<SmtpSession> self(this);
    for (const SendResult &r : std::as_const(results)) {
        emit messageSent(r);
        // cppcheck-suppress knownConditionTrueFalse ; a slot of the signal may have deleted us (QPointer)
        if (!self)
            return;
    }
    emit finished(error);
}

} // namespace kurier::smtp
