// POP3 against the real Dovecot of tests/servers: every sign-in (XOAUTH2 and OAUTHBEARER with
// tokens from the real OAuth server, PLAIN, USER/PASS), STARTTLS and implicit TLS, the token
// retry, certificate checks, and fetching real messages into a Maildir byte for byte, with each
// leave-on-server policy. TLS verification is on throughout (the run's test CA).
#include "net/SslTransport.h"
#include "pop3/Pop3Fetch.h"
#include "pop3/Pop3Session.h"
#include "store/HeaderIndex.h"
#include "store/Maildir.h"
#include "store/UidlState.h"
#include "support/TestServers.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace kurier;
using namespace kurier::pop3;

namespace {

const test::TestServers &servers()
{
    return test::TestServers::instance();
}

// A Transport decorator that edits the server's CAPA lines, so that Dovecot (which offers all
// mechanisms) can be made to look like a server with fewer: OAUTHBEARER only, or no SASL at all.
class CapaFilterTransport : public net::Transport
{
public:
    CapaFilterTransport(net::Transport *inner, std::function<QByteArray(const QByteArray &line)> edit,
                        std::function<QByteArray(const QByteArray &bytes)> editClient = {})
        : m_inner(inner)
        , m_edit(std::move(edit))
        , m_editClient(std::move(editClient))
    {
        inner->setParent(this);
        connect(inner, &Transport::connected, this, &Transport::connected);
        connect(inner, &Transport::encrypted, this, &Transport::encrypted);
        connect(inner, &Transport::dataReceived, this, &Transport::dataReceived);
        connect(inner, &Transport::failed, this, &Transport::failed);
        connect(inner, &Transport::disconnected, this, &Transport::disconnected);
    }
    void connectToHost(const QString &host, quint16 port, bool implicitTls) override { m_inner->connectToHost(host, port, implicitTls); }
    void startTls() override
    {
        m_pending.clear();
        m_inner->startTls();
    }
    void write(const QByteArray &bytes) override { m_inner->write(m_editClient ? m_editClient(bytes) : bytes); }
    QByteArray readAll() override
    {
        m_pending += m_inner->readAll();
        const qsizetype last = m_pending.lastIndexOf('\n');
        if (last < 0)
            return {};
        const QByteArray complete = m_pending.left(last + 1);
        m_pending.remove(0, last + 1);
        QByteArray out;
        for (const QByteArray &line : complete.split('\n')) {
            if (line.isEmpty())
                continue;
            const QByteArray edited = m_edit(line.endsWith('\r') ? line.chopped(1) : line);
            if (!edited.isNull())
                out += edited + "\r\n";
        }
        return out;
    }
    void close() override { m_inner->close(); }
    void abort() override { m_inner->abort(); }
    bool isEncrypted() const override { return m_inner->isEncrypted(); }
    Error error() const override { return m_inner->error(); }
    QString errorText() const override { return m_inner->errorText(); }
    net::CertificateProblem certificateProblem() const override { return m_inner->certificateProblem(); }
    QString tlsDescription() const override { return m_inner->tlsDescription(); }

private:
    net::Transport *m_inner;
    std::function<QByteArray(const QByteArray &)> m_edit;
    std::function<QByteArray(const QByteArray &)> m_editClient;
    QByteArray m_pending;
};

// Varied real-world shapes: dots at line starts, a lone "." line, long lines, 8-bit text, an
// empty body, a base64 attachment, no trailing newline.
QList<QByteArray> variedMessages()
{
    QList<QByteArray> m;
    m << QByteArray("From: Anna <anna@kurier.test>\nTo: you@kurier.test\nSubject: plain\nDate: Sat, 28 Nov 2026 10:00:00 +0000\n"
                    "Message-ID: <m1@kurier.test>\n\nHello.\n");
    m << QByteArray("From: dots@kurier.test\nSubject: dots\nMessage-ID: <m2@kurier.test>\n\n.\n..\n...three\n.leading\nend.\n");
    m << QByteArray("From: long@kurier.test\nSubject: long line\n\n") + QByteArray(20000, 'L') + "\nshort\n";
    m << QByteArray("From: =?UTF-8?Q?J=C3=BCrgen?= <j@kurier.test>\nSubject: Gr\xc3\xbc\xc3\x9f""e\nContent-Type: text/plain; charset=UTF-8\n"
                    "Content-Transfer-Encoding: 8bit\n\nSch\xc3\xb6ne Gr\xc3\xbc\xc3\x9f""e \xe2\x82\xac\n");
    m << QByteArray("From: empty@kurier.test\nSubject: empty body\n\n");
    QByteArray attachment = "From: att@kurier.test\nSubject: attachment\nMIME-Version: 1.0\n"
                            "Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nsee attached\n--b\n"
                            "Content-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n";
    QByteArray blob(300000, Qt::Uninitialized);
    for (qsizetype i = 0; i < blob.size(); ++i)
        blob[i] = char(QRandomGenerator::global()->bounded(256));
    const QByteArray encoded = blob.toBase64();
    for (qsizetype i = 0; i < encoded.size(); i += 76)
        attachment += encoded.mid(i, 76) + '\n';
    attachment += "--b--\n";
    m << attachment;
    m << QByteArray("From: folded@kurier.test\nSubject: a folded\n subject line\n\nbody\n");
    return m;
}

} // namespace

class TestPop3Dovecot : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void xoauth2ImplicitTls();
    void oauthBearerStartTls();
    void plainImplicitTls();
    void userPassStartTls();
    void revokedTokenReplacedOnce();
    void tokenOfAnotherUserRefused();
    void wrongCaRefused();
    void startTlsPortWithImplicitTlsFails();
    void fetchVariedMessagesByteForByte();
    void fetchPipelinedMailbox();
    void fetchWithoutUidlUsesMessageIds();
    void leaveOnServer_data();
    void leaveOnServer();
    void killedSessionLeavesNoDuplicates();

private:
    QString newUser(const char *tag) const;
    QString mint(const QString &user);
    void revoke(const QString &token);
    QJsonObject post(const QString &path, const QList<QPair<QString, QString>> &form);
    Pop3Session::Options options(const char *portKey, store::Security security, const QString &user, bool oauth) const;
    net::SslTransport *transport() const;
    // Opens a session and waits for ready() or failed(); returns the diagnostic (empty if ready).
    diagnostics::Diagnostic login(Pop3Session &session);
    Pop3Fetch::Result fetch(const QString &user, store::Maildir &maildir, store::UidlState &state,
                            store::HeaderIndex *index, Pop3Fetch::Options fetchOptions = {});
    QStringList serverFiles(const QString &user) const;

    QNetworkAccessManager m_nam;
};

void TestPop3Dovecot::initTestCase()
{
    KURIER_REQUIRE_TEST_SERVERS(servers());
    qRegisterMetaType<diagnostics::Diagnostic>();
    qRegisterMetaType<Pop3Fetch::Result>();
}

QString TestPop3Dovecot::newUser(const char *tag) const
{
    // Own mailboxes per test and run: tests run in parallel and the servers live for the run.
    return QStringLiteral("pop3-%1-%2@kurier.test").arg(QLatin1String(tag)).arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
}

QJsonObject TestPop3Dovecot::post(const QString &path, const QList<QPair<QString, QString>> &form)
{
    QNetworkRequest request(servers().oauthUrl(path));
    request.setSslConfiguration(servers().sslConfiguration());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/x-www-form-urlencoded"));
    QUrlQuery query;
    for (const auto &[k, v] : form)
        query.addQueryItem(k, QString::fromUtf8(QUrl::toPercentEncoding(v)));
    QNetworkReply *reply = m_nam.post(request, query.toString(QUrl::FullyEncoded).toUtf8());
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !done.wait(15000))
        qWarning() << "no answer from" << path;
    const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return json;
}

QString TestPop3Dovecot::mint(const QString &user)
{
    return post(QStringLiteral("/test/mint"), {{QStringLiteral("user"), user}}).value(u"access_token").toString();
}

void TestPop3Dovecot::revoke(const QString &token)
{
    post(QStringLiteral("/test/revoke"), {{QStringLiteral("token"), token}});
}

Pop3Session::Options TestPop3Dovecot::options(const char *portKey, store::Security security, const QString &user, bool oauth) const
{
    Pop3Session::Options o;
    o.host = servers().host();
    o.port = servers().port(portKey);
    o.security = security;
    o.user = user;
    o.useOAuth = oauth;
    o.replyTimeoutMs = 20000;
    return o;
}

net::SslTransport *TestPop3Dovecot::transport() const
{
    net::TlsPolicy policy;
    policy.extraCaCertificates = servers().caCertificates();
    policy.connectTimeoutMs = 10000;
    return new net::SslTransport(policy);
}

diagnostics::Diagnostic TestPop3Dovecot::login(Pop3Session &session)
{
    QSignalSpy ready(&session, &Pop3Session::ready);
    QSignalSpy failed(&session, &Pop3Session::finished); // before ready: a failure
    session.open();
    if (!QTest::qWaitFor([&] { return ready.count() + failed.count() > 0; }, 20000)) {
        diagnostics::Diagnostic d;
        d.summary = QStringLiteral("neither ready nor failed within 20 s");
        return d;
    }
    return failed.isEmpty() ? diagnostics::Diagnostic{} : failed.first().first().value<diagnostics::Diagnostic>();
}

void TestPop3Dovecot::xoauth2ImplicitTls()
{
    const QString user = newUser("xoauth2");
    std::unique_ptr<net::Transport> t(transport());
    Pop3Session session(t.get(), options("POP3_TLS_PORT", store::Security::Tls, user, true));
    session.setTokenSource([&](bool, Pop3Session::TokenCallback done) { done(mint(user), {}); });
    const auto d = login(session);
    QVERIFY2(d.isEmpty(), qPrintable(d.toText()));
    QCOMPARE(session.authMethod(), QByteArray("XOAUTH2"));
    QVERIFY(session.capabilities().pipelining);
    QVERIFY(session.tlsDescription().startsWith(u"TLSv1."));
}

void TestPop3Dovecot::oauthBearerStartTls()
{
    const QString user = newUser("oauthbearer");
    auto *filtered = new CapaFilterTransport(transport(), [](const QByteArray &line) {
        return line.startsWith("SASL ") ? QByteArray("SASL OAUTHBEARER") : line;
    });
    std::unique_ptr<net::Transport> t(filtered);
    Pop3Session session(t.get(), options("POP3_STARTTLS_PORT", store::Security::StartTls, user, true));
    session.setTokenSource([&](bool, Pop3Session::TokenCallback done) { done(mint(user), {}); });
    const auto d = login(session);
    QVERIFY2(d.isEmpty(), qPrintable(d.toText()));
    QCOMPARE(session.authMethod(), QByteArray("OAUTHBEARER"));
    QVERIFY(t->isEncrypted());
}

void TestPop3Dovecot::plainImplicitTls()
{
    std::unique_ptr<net::Transport> t(transport());
    Pop3Session session(t.get(), options("POP3_TLS_PORT", store::Security::Tls, servers().value("PASSWORD_USER"), false));
    session.setPassword(servers().value("PASSWORD_USER_PASSWORD"));
    const auto d = login(session);
    QVERIFY2(d.isEmpty(), qPrintable(d.toText()));
    QCOMPARE(session.authMethod(), QByteArray("PLAIN"));

    // And the wrong password: the server's words and ours.
    std::unique_ptr<net::Transport> t2(transport());
    Pop3Session wrong(t2.get(), options("POP3_TLS_PORT", store::Security::Tls, servers().value("PASSWORD_USER"), false));
    wrong.setPassword(QStringLiteral("not-the-password"));
    const auto refused = login(wrong);
    QCOMPARE(refused.stage, diagnostics::Diagnostic::Stage::Authentication);
    QVERIFY2(refused.serverText.startsWith(u"-ERR [AUTH]"), qPrintable(refused.serverText));
}

void TestPop3Dovecot::userPassStartTls()
{
    auto *filtered = new CapaFilterTransport(transport(), [](const QByteArray &line) {
        return line.startsWith("SASL") ? QByteArray() : line; // a server with USER only
    });
    std::unique_ptr<net::Transport> t(filtered);
    Pop3Session session(t.get(), options("POP3_STARTTLS_PORT", store::Security::StartTls, servers().value("PASSWORD_USER"), false));
    session.setPassword(servers().value("PASSWORD_USER_PASSWORD"));
    const auto d = login(session);
    QVERIFY2(d.isEmpty(), qPrintable(d.toText()));
    QCOMPARE(session.authMethod(), QByteArray("USER/PASS"));
}

void TestPop3Dovecot::revokedTokenReplacedOnce()
{
    const QString user = newUser("revoked");
    const QString stale = mint(user);
    revoke(stale);
    QList<bool> asked;
    std::unique_ptr<net::Transport> t(transport());
    Pop3Session session(t.get(), options("POP3_TLS_PORT", store::Security::Tls, user, true));
    session.setTokenSource([&](bool forceNew, Pop3Session::TokenCallback done) {
        asked << forceNew;
        done(forceNew ? mint(user) : stale, {});
    });
    const auto d = login(session);
    QVERIFY2(d.isEmpty(), qPrintable(d.toText()));
    QCOMPARE(asked, (QList<bool>{false, true}));
}

void TestPop3Dovecot::tokenOfAnotherUserRefused()
{
    const QString user = newUser("victim");
    const QString other = newUser("other");
    int asked = 0;
    std::unique_ptr<net::Transport> t(transport());
    Pop3Session session(t.get(), options("POP3_STARTTLS_PORT", store::Security::StartTls, user, true));
    session.setTokenSource([&](bool, Pop3Session::TokenCallback done) {
        ++asked;
        done(mint(other), {});
    });
    const auto d = login(session);
    QCOMPARE(asked, 2); // one fresh token, then give up
    QCOMPARE(d.stage, diagnostics::Diagnostic::Stage::Authentication);
    QVERIFY2(d.serverText.contains(u"-ERR [AUTH] Authentication failed."), qPrintable(d.serverText));
    QVERIFY2(d.serverText.contains(u"OAuth status 401"), qPrintable(d.serverText));
    QVERIFY(!d.fix.isEmpty());
}

void TestPop3Dovecot::wrongCaRefused()
{
    for (const char *port : {"POP3_TLS_PORT", "POP3_STARTTLS_PORT"}) {
        net::TlsPolicy noTestCa; // system CAs only
        auto *t = new net::SslTransport(noTestCa);
        std::unique_ptr<net::Transport> owner(t);
        const auto security = qstrcmp(port, "POP3_TLS_PORT") == 0 ? store::Security::Tls : store::Security::StartTls;
        Pop3Session session(t, options(port, security, servers().value("PASSWORD_USER"), false));
        session.setPassword(servers().value("PASSWORD_USER_PASSWORD"));
        const auto d = login(session);
        QCOMPARE(d.stage, diagnostics::Diagnostic::Stage::Tls);
        QCOMPARE(t->error(), net::Transport::Error::TlsCertificate);
        const auto problem = t->certificateProblem();
        QCOMPARE(problem.sha256.size(), 64);
        QVERIFY2(d.cause.contains(QString::fromLatin1(problem.sha256)), qPrintable(d.cause));

        // The user trusts exactly this certificate: pinned, it is accepted.
        net::TlsPolicy pinned;
        pinned.pinnedSha256 = {problem.sha256};
        std::unique_ptr<net::Transport> t2(new net::SslTransport(pinned));
        Pop3Session again(t2.get(), options(port, security, servers().value("PASSWORD_USER"), false));
        again.setPassword(servers().value("PASSWORD_USER_PASSWORD"));
        const auto ok = login(again);
        QVERIFY2(ok.isEmpty(), qPrintable(ok.toText()));
    }
}

void TestPop3Dovecot::startTlsPortWithImplicitTlsFails()
{
    std::unique_ptr<net::Transport> t(transport());
    auto o = options("POP3_STARTTLS_PORT", store::Security::Tls, servers().value("PASSWORD_USER"), false);
    Pop3Session session(t.get(), o);
    const auto d = login(session);
    QCOMPARE(d.stage, diagnostics::Diagnostic::Stage::Tls);
}

Pop3Fetch::Result TestPop3Dovecot::fetch(const QString &user, store::Maildir &maildir, store::UidlState &state,
                                         store::HeaderIndex *index, Pop3Fetch::Options fetchOptions)
{
    std::unique_ptr<net::Transport> t(transport());
    Pop3Session session(t.get(), options("POP3_TLS_PORT", store::Security::Tls, user, true));
    session.setTokenSource([this, user](bool, Pop3Session::TokenCallback done) { done(mint(user), {}); });
    Pop3Fetch job(&session, &maildir, &state, index, fetchOptions);
    std::optional<Pop3Fetch::Result> result;
    connect(&job, &Pop3Fetch::finished, this, [&](const Pop3Fetch::Result &r) { result = r; });
    connect(&session, &Pop3Session::ready, &job, &Pop3Fetch::start);
    connect(&session, &Pop3Session::finished, this, [&](const diagnostics::Diagnostic &d) {
        if (!result && !d.isEmpty()) {
            Pop3Fetch::Result r;
            r.diagnostic = d;
            result = r;
        }
    });
    session.open();
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 60000)) {
        Pop3Fetch::Result r;
        r.diagnostic.summary = QStringLiteral("fetch did not finish within 60 s");
        return r;
    }
    return *result;
}

QStringList TestPop3Dovecot::serverFiles(const QString &user) const
{
    const QString maildir = servers().value("MAILDIR_ROOT") + u'/' + user.toLower() + QStringLiteral("/Maildir");
    return QDir(maildir + QStringLiteral("/new")).entryList(QDir::Files) + QDir(maildir + QStringLiteral("/cur")).entryList(QDir::Files);
}

void TestPop3Dovecot::fetchVariedMessagesByteForByte()
{
    const QString user = newUser("varied");
    const QList<QByteArray> originals = variedMessages();
    QCOMPARE(servers().deliver(user, originals, test::TestServers::Delivery::Maildir), QString());
    QTemporaryDir dir;
    store::Maildir maildir(dir.filePath(QStringLiteral("INBOX")));
    QVERIFY(maildir.create());
    store::UidlState state(dir.filePath(QStringLiteral("uidl")), servers().host(), user);
    store::HeaderIndex index(dir.filePath(QStringLiteral("INBOX/.kurier-index")));

    const auto first = fetch(user, maildir, state, &index);
    QVERIFY2(first.ok(), qPrintable(first.diagnostic.toText()));
    QCOMPARE(first.fetched, originals.size());
    QCOMPARE(first.onServer, originals.size());
    QCOMPARE(first.deleted, 0);

    // Stored: LF line ends and otherwise exactly the bytes.
    QList<QByteArray> stored;
    for (const QString &file : maildir.messages()) {
        QFile f(maildir.filePath(file));
        QVERIFY(f.open(QIODevice::ReadOnly));
        stored << f.readAll();
        QVERIFY(!store::Maildir::keyOf(file).isEmpty());
    }
    QList<QByteArray> expected;
    for (const QByteArray &m : originals)
        expected << m;
    std::sort(stored.begin(), stored.end());
    std::sort(expected.begin(), expected.end());
    QCOMPARE(stored.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i)
        QVERIFY2(stored[i] == expected[i], qPrintable(QStringLiteral("message %1 differs (%2 vs %3 bytes)")
                                                          .arg(i).arg(stored[i].size()).arg(expected[i].size())));
    QVERIFY(QDir(maildir.path() + QStringLiteral("/tmp")).isEmpty());

    // The header index, built as they arrived.
    const QList<store::HeaderIndex::Entry> entries = index.load();
    QCOMPARE(entries.size(), originals.size());
    QStringList subjects;
    for (const auto &e : entries)
        subjects << e.subject;
    QVERIFY(subjects.contains(u"a folded subject line"_qs));
    QVERIFY(subjects.contains(u"plain"_qs));

    // Second fetch: nothing new, nothing deleted (Keep).
    store::UidlState reloaded(dir.filePath(QStringLiteral("uidl")), servers().host(), user);
    QVERIFY(reloaded.load());
    const auto second = fetch(user, maildir, reloaded, &index);
    QVERIFY2(second.ok(), qPrintable(second.diagnostic.toText()));
    QCOMPARE(second.fetched, 0);
    QCOMPARE(maildir.messages().size(), originals.size());
    QCOMPARE(serverFiles(user).size(), originals.size());
}

void TestPop3Dovecot::fetchPipelinedMailbox()
{
    const QString user = newUser("many");
    QCOMPARE(servers().generate(user, 500, 3000), QString());
    QTemporaryDir dir;
    store::Maildir maildir(dir.filePath(QStringLiteral("INBOX")));
    QVERIFY(maildir.create());
    store::UidlState state(dir.filePath(QStringLiteral("uidl")), servers().host(), user);
    QElapsedTimer clock;
    clock.start();
    const auto r = fetch(user, maildir, state, nullptr);
    QVERIFY2(r.ok(), qPrintable(r.diagnostic.toText()));
    QCOMPARE(r.fetched, 500);
    QCOMPARE(maildir.messages().size(), 500);
    qInfo() << "500 messages," << r.bytes << "bytes in" << clock.elapsed() << "ms";
}

void TestPop3Dovecot::fetchWithoutUidlUsesMessageIds()
{
    // Dovecot always has UIDL; renaming the command on its way makes it answer "-ERR unknown
    // command", as an RFC 1939-minimal server would.
    const QString user = newUser("nouidl");
    QCOMPARE(servers().generate(user, 12, 2000), QString());
    QTemporaryDir dir;
    store::Maildir maildir(dir.filePath(QStringLiteral("INBOX")));
    QVERIFY(maildir.create());
    auto once = [&](int expectFetched) {
        store::UidlState state(dir.filePath(QStringLiteral("uidl")), servers().host(), user);
        QVERIFY(state.load());
        auto *t = new CapaFilterTransport(
            transport(), [](const QByteArray &line) { return line == "UIDL" ? QByteArray() : line; },
            [](const QByteArray &bytes) {
                QByteArray b = bytes;
                return b.replace("UIDL\r\n", "XUIDL\r\n");
            });
        std::unique_ptr<net::Transport> owner(t);
        Pop3Session session(t, options("POP3_TLS_PORT", store::Security::Tls, user, true));
        session.setTokenSource([this, user](bool, Pop3Session::TokenCallback done) { done(mint(user), {}); });
        Pop3Fetch job(&session, &maildir, &state, nullptr, {});
        std::optional<Pop3Fetch::Result> result;
        connect(&job, &Pop3Fetch::finished, this, [&](const Pop3Fetch::Result &r) { result = r; });
        connect(&session, &Pop3Session::ready, &job, &Pop3Fetch::start);
        session.open();
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000);
        QVERIFY2(result->ok(), qPrintable(result->diagnostic.toText()));
        QVERIFY(result->usedMessageIdFallback);
        QCOMPARE(result->fetched, expectFetched);
    };
    once(12);
    once(0); // recognised again by their Message-ID hashes
    QCOMPARE(maildir.messages().size(), 12);
}

void TestPop3Dovecot::leaveOnServer_data()
{
    QTest::addColumn<int>("policy");
    QTest::addColumn<int>("days");
    QTest::addColumn<int>("leftOnServer");
    QTest::newRow("keep") << int(store::LeaveOnServer::Keep) << 0 << 3;
    QTest::newRow("delete after download") << int(store::LeaveOnServer::DeleteAfterDownload) << 0 << 0;
    QTest::newRow("delete after 14 days (new)") << int(store::LeaveOnServer::DeleteAfterDays) << 14 << 3;
    QTest::newRow("delete after 0 days") << int(store::LeaveOnServer::DeleteAfterDays) << 0 << 0;
}

void TestPop3Dovecot::leaveOnServer()
{
    QFETCH(int, policy);
    QFETCH(int, days);
    QFETCH(int, leftOnServer);
    const QString user = newUser("policy");
    QCOMPARE(servers().generate(user, 3, 1500), QString());
    QTemporaryDir dir;
    store::Maildir maildir(dir.filePath(QStringLiteral("INBOX")));
    QVERIFY(maildir.create());
    store::UidlState state(dir.filePath(QStringLiteral("uidl")), servers().host(), user);
    Pop3Fetch::Options o;
    o.leaveOnServer = store::LeaveOnServer(policy);
    o.deleteAfterDays = days;
    const auto r = fetch(user, maildir, state, nullptr, o);
    QVERIFY2(r.ok(), qPrintable(r.diagnostic.toText()));
    QCOMPARE(r.fetched, 3);
    QCOMPARE(r.deleted, 3 - leftOnServer);
    QCOMPARE(serverFiles(user).size(), leftOnServer);
    QCOMPARE(maildir.messages().size(), 3);

    // "After N days" counts from the first time the message was seen, as kept in the state file.
    if (store::LeaveOnServer(policy) == store::LeaveOnServer::DeleteAfterDays && leftOnServer > 0) {
        QFile f(dir.filePath(QStringLiteral("uidl")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray content = f.readAll();
        f.close();
        const QByteArray now = QByteArray::number(QDateTime::currentSecsSinceEpoch()).left(6);
        QVERIFY(content.contains(QByteArray('\n' + now)));
        // Pretend they were first seen 15 days ago.
        const qint64 old = QDateTime::currentSecsSinceEpoch() - 15 * 86400;
        QList<QByteArray> lines = content.split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i) {
            if (!lines[i].isEmpty())
                lines[i] = QByteArray::number(old) + lines[i].mid(lines[i].indexOf(' '));
        }
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(lines.join('\n'));
        f.close();
        store::UidlState aged(dir.filePath(QStringLiteral("uidl")), servers().host(), user);
        QVERIFY(aged.load());
        const auto again = fetch(user, maildir, aged, nullptr, o);
        QVERIFY2(again.ok(), qPrintable(again.diagnostic.toText()));
        QCOMPARE(again.fetched, 0);
        QCOMPARE(again.deleted, 3);
        QCOMPARE(serverFiles(user).size(), 0);
    }
}

void TestPop3Dovecot::killedSessionLeavesNoDuplicates()
{
    // The connection dies in the middle of the mailbox (in-process: the transport is aborted
    // after some messages); the next fetch completes it without duplicates, and a DELE policy
    // deletes nothing that was not stored (DELE only after QUIT).
    const QString user = newUser("interrupted");
    QCOMPARE(servers().generate(user, 60, 4000), QString());
    QTemporaryDir dir;
    store::Maildir maildir(dir.filePath(QStringLiteral("INBOX")));
    QVERIFY(maildir.create());
    Pop3Fetch::Options o;
    o.leaveOnServer = store::LeaveOnServer::DeleteAfterDownload;
    o.commitEvery = 7;
    {
        store::UidlState state(dir.filePath(QStringLiteral("uidl")), servers().host(), user);
        std::unique_ptr<net::Transport> t(transport());
        Pop3Session session(t.get(), options("POP3_TLS_PORT", store::Security::Tls, user, true));
        session.setTokenSource([this, user](bool, Pop3Session::TokenCallback done) { done(mint(user), {}); });
        Pop3Fetch job(&session, &maildir, &state, nullptr, o);
        std::optional<Pop3Fetch::Result> result;
        connect(&job, &Pop3Fetch::finished, this, [&](const Pop3Fetch::Result &r) { result = r; });
        connect(&session, &Pop3Session::ready, &job, &Pop3Fetch::start);
        connect(&job, &Pop3Fetch::progress, this, [&](int done, int, qint64, qint64) {
            if (done == 25)
                t->abort(); // the network goes away
        });
        session.open();
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000);
        QVERIFY(!result->ok());
        QVERIFY(result->fetched >= 25 && result->fetched <= 60); // those on their way to disk still arrive
        QCOMPARE(serverFiles(user).size(), 60); // nothing deleted: no QUIT
    }
    store::UidlState state(dir.filePath(QStringLiteral("uidl")), servers().host(), user);
    QVERIFY(state.load());
    const auto r = fetch(user, maildir, state, nullptr, o);
    QVERIFY2(r.ok(), qPrintable(r.diagnostic.toText()));
    QCOMPARE(maildir.messages().size(), 60);
    QCOMPARE(r.deleted, 60);
    QCOMPARE(serverFiles(user).size(), 0);
}

QTEST_GUILESS_MAIN(TestPop3Dovecot)
#include "tst_pop3_dovecot.moc"
