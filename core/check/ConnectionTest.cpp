#include "check/ConnectionTest.h"

#include "check/CapabilitiesCheck.h"
#include "check/ClaimsCheck.h"
#include "check/CheckLog.h"
#include "net/AccountTlsPolicy.h"
#include "net/SslTransport.h"
#include "oauth/JwtClaims.h"
#include "oauth/SignInMethod.h"
#include "oauth/TokenProvider.h"
#include "pop3/Pop3AccountSetup.h"
#include "pop3/Pop3Diagnostics.h"
#include "sasl/Mechanism.h"
#include "secrets/SecretStore.h"
#include "smtp/SmtpSession.h"
#include "smtp/Submission.h"

#include <QHostInfo>
#include <QLocale>
#include <QUrl>

namespace kurier::check {

using diagnostics::Diagnostic;
using Id = ConnectionStep::Id;
using Status = ConnectionStep::Status;
using store::SecretName;

namespace {

const QList<Id> kPop3Chain{Id::Pop3Connect, Id::Pop3Tls, Id::Pop3Capabilities, Id::Pop3Auth};
const QList<Id> kSmtpChain{Id::SmtpConnect, Id::SmtpTls, Id::SmtpCapabilities, Id::SmtpAuth};

bool isTlsFailure(net::Transport::Error error)
{
    return error == net::Transport::Error::TlsCertificate || error == net::Transport::Error::TlsHandshake;
}

// Password and client-credentials sign-in can be repeated at will; the browser and device-code
// methods rely on the stored (rotating) refresh token.
bool signsInAgainEachTime(const store::Account &account)
{
    return account.oauth.method == oauth::SignInMethod::Password
        || account.oauth.method == oauth::SignInMethod::ClientCredentials;
}

} // namespace

ConnectionTest::ConnectionTest(store::Account account, secrets::SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_secretStore(secrets)
    , m_steps(plannedSteps(m_account))
{
    qRegisterMetaType<kurier::check::ConnectionStep>();
}

ConnectionTest::~ConnectionTest()
{
    // The sessions refer to their transports: end them first.
    m_pop3.reset();
    m_pop3Transport.reset();
    m_smtp.reset();
    m_smtpTransport.reset();
}

QString ConnectionTest::title(Id id, const store::Account &a)
{
    switch (id) {
    case Id::Pop3Lookup: return tr("Name resolution of the POP3 server %1").arg(a.pop3.host);
    case Id::SmtpLookup: return tr("Name resolution of the SMTP server %1").arg(a.smtp.host);
    case Id::Pop3Connect: return tr("Connection to %1, port %2 (POP3)").arg(a.pop3.host).arg(a.pop3.effectivePort());
    case Id::Pop3Tls: return tr("Encryption and certificate (POP3)");
    case Id::Pop3Capabilities: return tr("What the POP3 server offers");
    case Id::Token: return tr("Token request (OAuth 2.0)");
    case Id::TokenClaims: return tr("Token contents: audience, scopes, tenant, expiry");
    case Id::Pop3Auth: return tr("POP3 sign-in as %1").arg(a.pop3User());
    case Id::SmtpConnect: return tr("Connection to %1, port %2 (SMTP)").arg(a.smtp.host).arg(a.smtp.effectivePort());
    case Id::SmtpTls: return tr("Encryption and certificate (SMTP)");
    case Id::SmtpCapabilities: return tr("What the SMTP server offers");
    case Id::SmtpAuth: return tr("SMTP sign-in as %1").arg(a.smtpUser());
    }
    return {};
}

QList<ConnectionStep> ConnectionTest::plannedSteps(const store::Account &account)
{
    QList<ConnectionStep> steps;
    const QList<Id> ids{Id::Pop3Lookup, Id::SmtpLookup, Id::Pop3Connect, Id::Pop3Tls, Id::Pop3Capabilities,
                        Id::Token,      Id::TokenClaims, Id::Pop3Auth,   Id::SmtpConnect, Id::SmtpTls,
                        Id::SmtpCapabilities, Id::SmtpAuth};
    for (Id id : ids) {
        if ((id == Id::Token || id == Id::TokenClaims) && !account.oauth.enabled)
            continue;
        ConnectionStep s;
        s.id = id;
        s.title = title(id, account);
        const bool smtp = id == Id::SmtpLookup || kSmtpChain.contains(id);
        s.host = smtp ? account.smtp.host : account.pop3.host;
        steps.append(s);
    }
    return steps;
}

ConnectionStep &ConnectionTest::at(Id id)
{
    for (ConnectionStep &s : m_steps) {
        if (s.id == id)
            return s;
    }
    Q_UNREACHABLE();
}

bool ConnectionTest::has(Id id) const
{
    return std::any_of(m_steps.cbegin(), m_steps.cend(), [id](const ConnectionStep &s) { return s.id == id; });
}

ConnectionStep ConnectionTest::step(Id id) const
{
    for (const ConnectionStep &s : m_steps) {
        if (s.id == id)
            return s;
    }
    return {};
}

std::optional<ConnectionStep> ConnectionTest::firstFailure() const
{
    for (const ConnectionStep &s : m_steps) {
        if (s.isFailure())
            return s;
    }
    return std::nullopt;
}

void ConnectionTest::begin(Id id)
{
    if (!has(id) || m_finished)
        return;
    ConnectionStep &s = at(id);
    if (s.isFinished())
        return;
    s.status = Status::Running;
    qCDebug(lcCheck) << "step" << id << "started";
    emit stepStarted(s);
}

void ConnectionTest::finishStep(Id id, Status status, const QString &detail, const Diagnostic &diagnostic)
{
    if (!has(id) || m_finished)
        return;
    ConnectionStep &s = at(id);
    if (s.isFinished())
        return;
    if (s.status == Status::Pending) {
        s.status = Status::Running;
        emit stepStarted(s);
    }
    s.status = status;
    s.detail = detail;
    s.diagnostic = diagnostic;
    qCDebug(lcCheck).noquote() << "step" << id << status << detail << diagnostic.summary;
    emit stepFinished(s);
}

void ConnectionTest::failStep(Id id, const Diagnostic &diagnostic)
{
    finishStep(id, Status::Failed, {}, diagnostic);
}

void ConnectionTest::skipPending(const QList<Id> &ids, const QString &reason)
{
    for (Id id : ids) {
        if (has(id) && !at(id).isFinished())
            finishStep(id, Status::Skipped, reason);
    }
}

// --- start: secrets, then names ---------------------------------------------------------------

void ConnectionTest::start()
{
    if (m_running || m_finished)
        return;
    m_running = true;
    if (!m_resolver) {
        m_resolver = [this](const QString &host, const LookupDone &done) {
            QHostInfo::lookupHost(host, this, [done](const QHostInfo &info) {
                done(info.addresses(), info.error() == QHostInfo::NoError ? QString() : info.errorString());
            });
        };
    }
    if (!m_transportFactory)
        m_transportFactory = [](Server, const net::TlsPolicy &policy) { return new net::SslTransport(policy); };
    QMetaObject::invokeMethod(this, &ConnectionTest::readSecrets, Qt::QueuedConnection);
}

void ConnectionTest::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true; // what the aborted parts report now is not a finding
    if (m_tokens)
        m_tokens->cancel();
    if (m_pop3)
        m_pop3->abort();
    if (m_smtp) {
        m_smtp->disconnect(this);
        m_smtp->abort();
    }
    QList<Id> all;
    for (const ConnectionStep &s : std::as_const(m_steps))
        all << s.id;
    skipPending(all, tr("Cancelled."));
    finish();
}

void ConnectionTest::readSecret(SecretName name, const std::function<void()> &next)
{
    if (const auto typed = m_typed.value(name)) {
        m_secrets.insert(name, *typed);
        next();
        return;
    }
    if (!m_secretStore || m_account.id.isEmpty() || !m_account.hasSecret(name)) {
        next();
        return;
    }
    QPointer<ConnectionTest> self(this);
    m_secretStore->read(secrets::SecretStore::keyFor(m_account.id, name),
                        [self, name, next](const secrets::SecretStore::Result &r) {
                            if (!self)
                                return;
                            if (r.ok())
                                self->m_secrets.insert(name, r.value);
                            else
                                qCInfo(lcCheck).noquote() << "secret" << store::secretNameToKey(name)
                                                          << "not readable:" << r.message;
                            next();
                        });
}

void ConnectionTest::readSecrets()
{
    QList<SecretName> names{SecretName::Pop3Password, SecretName::OAuthClientSecret};
    if (m_account.smtp.auth == store::SmtpAuth::Password)
        names << SecretName::SmtpPassword;
    // Chained reads: the keychain serialises them anyway, and one callback at a time is simpler.
    // The step holds itself only weakly; the pending read's callback holds it strongly, so the
    // chain is freed however it ends (a strong self-capture leaked when the test was cancelled
    // or failed midway: found by LeakSanitizer in tst_connection_test_dialog).
    auto chain = std::make_shared<std::function<void(qsizetype)>>();
    const std::weak_ptr<std::function<void(qsizetype)>> weakChain = chain;
    QPointer<ConnectionTest> self(this);
    *chain = [self, names, weakChain](qsizetype i) {
        const auto step = weakChain.lock();
        if (!step || !self || self->m_finished)
            return;
        if (i == names.size()) {
            self->lookUp(Id::Pop3Lookup, self->m_account.pop3.host, [self] {
                if (!self)
                    return;
                self->lookUp(Id::SmtpLookup, self->m_account.smtp.host, [self] {
                    if (self)
                        self->startPop3();
                });
            });
            return;
        }
        self->readSecret(names.at(i), [step, i] { (*step)(i + 1); });
    };
    (*chain)(0);
}

void ConnectionTest::lookUp(Id id, const QString &host, const std::function<void()> &next)
{
    begin(id);
    const bool pop3 = id == Id::Pop3Lookup;
    if (host.trimmed().isEmpty()) {
        Diagnostic d;
        d.stage = Diagnostic::Stage::Configuration;
        d.summary = pop3 ? tr("No POP3 server is set") : tr("No SMTP server is set");
        d.fix = tr("Enter the server name in the account settings.");
        d.code = QStringLiteral("no-host");
        failStep(id, d);
        next();
        return;
    }
    if (QHostAddress literal; literal.setAddress(host.trimmed())) {
        (pop3 ? m_pop3Reachable : m_smtpReachable) = true;
        finishStep(id, Status::Passed, tr("%1 is an IP address: nothing to resolve").arg(literal.toString()));
        next();
        return;
    }
    QPointer<ConnectionTest> self(this);
    m_resolver(host, [self, id, host, pop3, next](const QList<QHostAddress> &addresses, const QString &error) {
        if (!self || self->m_finished)
            return;
        if (addresses.isEmpty()) {
            Diagnostic d;
            d.stage = Diagnostic::Stage::Network;
            d.summary = tr("The name %1 cannot be resolved").arg(host);
            d.serverText = error;
            d.cause = tr("The name is misspelt, it does not exist, or this computer has no network or name service.");
            d.fix = pop3 ? tr("Check the POP3 server name in the account (e.g. outlook.office365.com) and the network "
                              "connection.")
                         : tr("Check the SMTP server name in the account (e.g. smtp.office365.com) and the network "
                              "connection.");
            d.code = QStringLiteral("dns");
            d.retryable = true;
            self->failStep(id, d);
        } else {
            QStringList shown;
            for (const QHostAddress &a : addresses.mid(0, 4))
                shown << a.toString();
            if (addresses.size() > 4)
                shown << QStringLiteral("…");
            (pop3 ? self->m_pop3Reachable : self->m_smtpReachable) = true;
            self->finishStep(id, Status::Passed, shown.join(QStringLiteral(", ")));
        }
        next();
    });
}

bool ConnectionTest::makePolicy(Server server, net::TlsPolicy *policy)
{
    QString error;
    if (net::tlsPolicyForAccount(m_account, policy, &error)) {
        policy->connectTimeoutMs = m_timeoutMs;
        return true;
    }
    Diagnostic d;
    d.stage = Diagnostic::Stage::Configuration;
    d.summary = tr("The account's CA file cannot be used");
    d.cause = error;
    d.fix = tr("Choose a PEM file with the certificate authority in the account settings, or clear the field.");
    d.code = QStringLiteral("ca-file");
    const bool pop3 = server == Server::Pop3;
    skipPending({pop3 ? Id::Pop3Connect : Id::SmtpConnect}, tr("Not tried: the TLS settings are unusable."));
    failStep(pop3 ? Id::Pop3Tls : Id::SmtpTls, d);
    return false;
}

QString ConnectionTest::tlsDetail(const net::Transport *transport, const QString &host) const
{
    return tr("%1; certificate valid for %2").arg(transport->tlsDescription(), host);
}

// --- POP3 ------------------------------------------------------------------------------------

void ConnectionTest::startPop3()
{
    const QString notTried = tr("Not tried after the earlier failure.");
    net::TlsPolicy policy;
    if (!m_pop3Reachable || !makePolicy(Server::Pop3, &policy)) {
        skipPending(kPop3Chain, notTried);
        startSmtp();
        return;
    }
    m_pop3Transport.reset(m_transportFactory(Server::Pop3, policy));
    pop3::Pop3Session::Options options = pop3::Pop3AccountSetup::sessionOptions(m_account);
    options.replyTimeoutMs = m_timeoutMs;
    m_pop3 = std::make_unique<pop3::Pop3Session>(m_pop3Transport.get(), options);
    m_pop3->setTranscript(m_transcript);
    if (m_account.oauth.enabled) {
        QPointer<ConnectionTest> self(this);
        m_pop3->setTokenSource([self](bool forceNew, pop3::Pop3Session::TokenCallback done) {
            if (self)
                self->requestToken(Server::Pop3, forceNew, std::move(done));
        });
    } else {
        m_pop3->setPassword(secret(SecretName::Pop3Password));
    }
    connect(m_pop3.get(), &pop3::Pop3Session::stateChanged, this, &ConnectionTest::onPop3State);
    connect(m_pop3.get(), &pop3::Pop3Session::finished, this, [this](const diagnostics::Diagnostic &d) {
        if (d.isEmpty())
            pop3Done();
        else
            onPop3Failed(d);
    });
    m_pop3Step = Id::Pop3Connect;
    begin(Id::Pop3Connect);
    m_pop3->open();
}

void ConnectionTest::onPop3State(pop3::Pop3Session::State state)
{
    using State = pop3::Pop3Session::State;
    const store::Security security = m_account.pop3.security;
    switch (state) {
    case State::Greeting:
        finishStep(Id::Pop3Connect, Status::Passed,
                   tr("Connected to %1").arg(m_pop3Transport ? m_account.pop3.host : QString()));
        if (security == store::Security::Tls) {
            finishStep(Id::Pop3Tls, Status::Passed, tlsDetail(m_pop3Transport.get(), m_account.pop3.host));
            m_pop3Step = Id::Pop3Capabilities;
        } else if (security == store::Security::StartTls) {
            m_pop3Step = Id::Pop3Tls; // the first CAPA only asks whether STLS is there
        } else {
            finishStep(Id::Pop3Tls, Status::Warning,
                       tr("Not encrypted: the account allows an unencrypted connection. Anyone on the network can read "
                          "the password and the mail."));
            m_pop3Step = Id::Pop3Capabilities;
        }
        begin(m_pop3Step);
        return;
    case State::CapabilitiesAfterTls:
        finishStep(Id::Pop3Tls, Status::Passed,
                   tr("STARTTLS: %1").arg(tlsDetail(m_pop3Transport.get(), m_account.pop3.host)));
        m_pop3Step = Id::Pop3Capabilities;
        begin(Id::Pop3Capabilities);
        return;
    case State::Authenticating: {
        const ConnectionStep verdict = CapabilitiesCheck::pop3(m_pop3->capabilities(), m_account);
        finishStep(Id::Pop3Capabilities, verdict.status, verdict.detail, verdict.diagnostic);
        if (verdict.isFailure()) {
            skipPending({Id::Pop3Auth}, tr("Not tried: the server offers no suitable sign-in."));
            QMetaObject::invokeMethod(this, [this] {
                if (m_pop3)
                    m_pop3->abort();
                pop3Done();
            }, Qt::QueuedConnection);
            return;
        }
        if (!m_account.oauth.enabled && secret(SecretName::Pop3Password).isEmpty()) {
            Diagnostic d;
            d.stage = Diagnostic::Stage::Configuration;
            d.summary = tr("No POP3 password was entered");
            d.fix = tr("Enter the password in the account settings.");
            d.code = QStringLiteral("no-password");
            failStep(Id::Pop3Auth, d);
            QMetaObject::invokeMethod(this, [this] {
                if (m_pop3)
                    m_pop3->abort();
                pop3Done();
            }, Qt::QueuedConnection);
            return;
        }
        if (!m_account.oauth.enabled) {
            m_pop3Step = Id::Pop3Auth;
            begin(Id::Pop3Auth);
        }
        // With OAuth the session asks requestToken() next, which shows the token steps.
        return;
    }
    case State::Transaction:
        finishStep(Id::Pop3Auth, Status::Passed,
                   tr("Signed in with %1; nothing was fetched or deleted").arg(QString::fromLatin1(m_pop3->authMethod())));
        m_pop3->quit(); // RFC 1939 §6: no DELE was sent, so the UPDATE state changes nothing
        return;
    default:
        return;
    }
}

ConnectionStep::Id ConnectionTest::settleTransportFailure(Id step, Id connectStep, Id tlsStep, const net::Transport *transport,
                                                          const QString &host)
{
    const net::Transport::Error error = transport ? transport->error() : net::Transport::Error::None;
    if (step == connectStep && isTlsFailure(error)) {
        // Implicit TLS: the socket reports "connected" only after the handshake, so a TLS error
        // means TCP itself worked.
        finishStep(connectStep, Status::Passed, tr("Connected to %1").arg(host));
        step = tlsStep;
    }
    if (step == tlsStep && error == net::Transport::Error::TlsCertificate) {
        // Kept with the step so the dialog can offer "Show certificate…" and pin exactly it.
        ConnectionStep &tls = at(tlsStep);
        tls.certificate = transport->certificateProblem();
        if (tls.certificate.host.isEmpty())
            tls.certificate.host = host;
    }
    return step;
}

void ConnectionTest::onPop3Failed(const Diagnostic &diagnostic)
{
    if (m_cancelled)
        return;
    const Id step = settleTransportFailure(m_pop3Step, Id::Pop3Connect, Id::Pop3Tls, m_pop3Transport.get(), m_account.pop3.host);
    if (step != Id::Token)
        failStep(step, diagnostic);
    skipPending(kPop3Chain, tr("Not tried after the earlier failure."));
    QMetaObject::invokeMethod(this, &ConnectionTest::pop3Done, Qt::QueuedConnection);
}

void ConnectionTest::pop3Done()
{
    if (m_pop3Done || m_finished)
        return;
    m_pop3Done = true;
    startSmtp();
}

// --- SMTP ------------------------------------------------------------------------------------

void ConnectionTest::startSmtp()
{
    net::TlsPolicy policy;
    if (!m_smtpReachable || !makePolicy(Server::Smtp, &policy)) {
        skipPending(kSmtpChain, tr("Not tried after the earlier failure."));
        finish();
        return;
    }
    m_smtp.reset();
    m_smtpTransport.reset(m_transportFactory(Server::Smtp, policy));
    net::Transport *transport = m_smtpTransport.get();
    smtp::SmtpSession::Options settings = smtp::Submission::sessionOptions(m_account);
    settings.replyTimeoutMs = m_timeoutMs;
    if (settings.useOAuth) {
        m_smtp = std::make_unique<smtp::SmtpSession>(transport, settings);
        QPointer<ConnectionTest> self(this);
        m_smtp->setTokenSource([self](bool forceNew, smtp::SmtpSession::TokenCallback done) {
            if (!self)
                return;
            if (self->m_smtpStep == Id::SmtpCapabilities)
                self->smtpCapabilitiesKnown(false);
            self->requestToken(Server::Smtp, forceNew, std::move(done));
        });
    } else {
        const QString password = settings.user.isEmpty()
            ? QString()
            : secret(m_account.smtp.auth == store::SmtpAuth::Password ? SecretName::SmtpPassword : SecretName::Pop3Password);
        // Without a password the session runs without AUTH; the sign-in step then says why.
        m_smtpMissingPassword = !settings.user.isEmpty() && password.isEmpty();
        if (m_smtpMissingPassword)
            settings.user.clear();
        m_smtp = std::make_unique<smtp::SmtpSession>(transport, settings);
        m_smtp->setPassword(password);
    }
    m_smtp->setTranscript(m_transcript);
    connect(transport, &net::Transport::connected, this, &ConnectionTest::onSmtpConnected);
    connect(transport, &net::Transport::encrypted, this, &ConnectionTest::onSmtpEncrypted);
    connect(m_smtp.get(), &smtp::SmtpSession::ready, this, &ConnectionTest::onSmtpReady);
    connect(m_smtp.get(), &smtp::SmtpSession::finished, this, &ConnectionTest::onSmtpFinished);
    m_smtpStep = Id::SmtpConnect;
    begin(Id::SmtpConnect);
    m_smtp->open();
}

void ConnectionTest::onSmtpConnected()
{
    if (m_smtpStep != Id::SmtpConnect)
        return;
    finishStep(Id::SmtpConnect, Status::Passed, tr("Connected to %1").arg(m_account.smtp.host));
    switch (m_account.smtp.security) {
    case store::Security::Tls:
        finishStep(Id::SmtpTls, Status::Passed, tlsDetail(m_smtpTransport.get(), m_account.smtp.host));
        m_smtpStep = Id::SmtpCapabilities;
        break;
    case store::Security::StartTls:
        m_smtpStep = Id::SmtpTls; // EHLO, then STARTTLS
        break;
    case store::Security::None:
        finishStep(Id::SmtpTls, Status::Warning,
                   tr("Not encrypted: the account allows an unencrypted connection. Anyone on the network can read "
                      "the password and the mail."));
        m_smtpStep = Id::SmtpCapabilities;
        break;
    }
    begin(m_smtpStep);
}

void ConnectionTest::onSmtpEncrypted()
{
    if (m_smtpStep != Id::SmtpTls || !m_smtpTransport)
        return;
    finishStep(Id::SmtpTls, Status::Passed, tr("STARTTLS: %1").arg(tlsDetail(m_smtpTransport.get(), m_account.smtp.host)));
    m_smtpStep = Id::SmtpCapabilities;
    begin(Id::SmtpCapabilities);
}

void ConnectionTest::smtpCapabilitiesKnown(bool beginAuth)
{
    const ConnectionStep verdict = CapabilitiesCheck::smtp(m_smtp->capabilities(), m_account);
    finishStep(Id::SmtpCapabilities, verdict.status, verdict.detail, verdict.diagnostic);
    m_smtpStep = Id::SmtpAuth;
    if (beginAuth)
        begin(Id::SmtpAuth);
}

void ConnectionTest::onSmtpReady()
{
    if (m_smtpStep == Id::SmtpCapabilities)
        smtpCapabilitiesKnown(true);
    if (m_account.smtp.auth == store::SmtpAuth::None) {
        finishStep(Id::SmtpAuth, Status::Skipped, tr("Not needed: the account sends without signing in."));
    } else if (m_smtpMissingPassword) {
        Diagnostic d;
        d.stage = Diagnostic::Stage::Configuration;
        d.summary = tr("No SMTP password was entered");
        d.fix = tr("Enter the password in the account settings.");
        d.code = QStringLiteral("no-password");
        failStep(Id::SmtpAuth, d);
    } else {
        const auto mechanism = m_smtp->mechanism();
        finishStep(Id::SmtpAuth, Status::Passed,
                   tr("Signed in with %1; nothing was sent")
                       .arg(mechanism ? QString::fromLatin1(sasl::mechanismName(*mechanism)) : QString()));
    }
    m_smtp->quit(); // no message queued: QUIT right after AUTH
}

void ConnectionTest::onSmtpFinished(const Diagnostic &diagnostic)
{
    if (m_finished)
        return;
    if (diagnostic.isEmpty()) {
        finish();
        return;
    }
    Id step = settleTransportFailure(m_smtpStep, Id::SmtpConnect, Id::SmtpTls, m_smtpTransport.get(), m_account.smtp.host);
    if (step == Id::SmtpCapabilities && diagnostic.stage == Diagnostic::Stage::Authentication
        && diagnostic.code != u"no-mechanism") {
        // Password AUTH follows EHLO without a pause the test could see: an AUTH failure means
        // the capabilities were fine.
        smtpCapabilitiesKnown(true);
        step = Id::SmtpAuth;
    }
    if (step != Id::Token)
        failStep(step, diagnostic);
    skipPending(kSmtpChain, tr("Not tried after the earlier failure."));
    finish();
}

// --- tokens ----------------------------------------------------------------------------------

void ConnectionTest::requestToken(Server server, bool forceNew, TokenCallback done)
{
    if (!m_tokenSource) {
        // Password and client credentials: a copy that neither reads nor writes the keychain,
        // so the request uses exactly the values under test and always reaches the server. The
        // same for an account not saved yet: it has no keychain entries to use or to keep.
        store::Account forProvider = m_account;
        const bool detached = signsInAgainEachTime(m_account) || m_account.id.isEmpty();
        if (detached)
            forProvider.askForSecrets = true;
        m_tokens = new oauth::TokenProvider(forProvider, m_secretStore, this);
        m_tokens->setRequestTimeout(m_timeoutMs);
        for (auto it = m_secrets.cbegin(); it != m_secrets.cend(); ++it) {
            if (detached || m_typed.touches(it.key()))
                m_tokens->setSessionSecret(it.key(), it.value());
        }
        connect(m_tokens, &oauth::TokenProvider::browserSignInRequired, this, &ConnectionTest::browserSignInRequired);
        connect(m_tokens, &oauth::TokenProvider::deviceCodeSignInRequired, this, &ConnectionTest::deviceCodeSignInRequired);
        m_tokenSource = m_tokens->tokenSource();
    }
    const Id authStep = server == Server::Pop3 ? Id::Pop3Auth : Id::SmtpAuth;
    if (forceNew) {
        // The server refused the token once; the session asks for one more (not a new step).
        m_tokenSource(true, std::move(done));
        return;
    }
    if (m_tokenDone) {
        const QString token = m_accessToken;
        const Diagnostic failure = m_tokenFailure;
        if (!token.isEmpty()) {
            (server == Server::Pop3 ? m_pop3Step : m_smtpStep) = authStep;
            begin(authStep);
        } else {
            (server == Server::Pop3 ? m_pop3Step : m_smtpStep) = Id::Token;
            skipPending({authStep}, tr("Not tried: no token."));
        }
        QMetaObject::invokeMethod(this, [done, token, failure] { done(token, failure); }, Qt::QueuedConnection);
        return;
    }
    (server == Server::Pop3 ? m_pop3Step : m_smtpStep) = Id::Token;
    m_tokenWaiters.append({server, std::move(done)});
    if (m_tokenRequested)
        return;
    m_tokenRequested = true;
    begin(Id::Token);
    QPointer<ConnectionTest> self(this);
    m_tokenSource(false, [self](const QString &accessToken, const Diagnostic &failure) {
        if (self)
            self->onToken(accessToken, failure);
    });
}

void ConnectionTest::onToken(const QString &accessToken, const Diagnostic &failure)
{
    if (m_tokenDone || m_finished || m_cancelled)
        return;
    m_tokenDone = true;
    m_accessToken = accessToken;
    if (accessToken.isEmpty()) {
        m_tokenFailure = failure;
        if (m_tokenFailure.isEmpty()) {
            m_tokenFailure.stage = Diagnostic::Stage::TokenRequest;
            m_tokenFailure.summary = tr("No token was issued");
        }
        failStep(Id::Token, m_tokenFailure);
        skipPending({Id::TokenClaims}, tr("Not tried: no token."));
    } else {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto claims = oauth::JwtClaims::decode(accessToken);
        QString detail = tr("Access token received from %1").arg(QUrl(m_account.oauth.tokenEndpoint).host());
        if (claims && claims->expiresAt.isValid())
            detail = tr("Access token received from %1, valid until %2")
                         .arg(QUrl(m_account.oauth.tokenEndpoint).host(),
                              QLocale().toString(claims->expiresAt.toLocalTime().time(), QLocale::ShortFormat));
        finishStep(Id::Token, Status::Passed, detail);
        const ConnectionStep verdict = ClaimsCheck::check(accessToken, m_account, now);
        finishStep(Id::TokenClaims, verdict.status, verdict.detail, verdict.diagnostic);
    }
    const QList<TokenWaiter> waiters = std::exchange(m_tokenWaiters, {});
    for (const TokenWaiter &w : waiters) {
        const Id authStep = w.server == Server::Pop3 ? Id::Pop3Auth : Id::SmtpAuth;
        if (!accessToken.isEmpty()) {
            (w.server == Server::Pop3 ? m_pop3Step : m_smtpStep) = authStep;
            begin(authStep);
        } else {
            skipPending({authStep}, tr("Not tried: no token."));
        }
        w.done(accessToken, m_tokenFailure);
    }
}

// --- end -------------------------------------------------------------------------------------

void ConnectionTest::finish()
{
    if (m_finished)
        return;
    QList<Id> all;
    for (const ConnectionStep &s : std::as_const(m_steps))
        all << s.id;
    skipPending(all, tr("Not tried after the earlier failure."));
    m_finished = true;
    m_running = false;
    const bool ok = !firstFailure().has_value();
    qCDebug(lcCheck) << "connection test of" << m_account.prefix << (ok ? "passed" : "failed");
    emit finished(ok);
}

} // namespace kurier::check
