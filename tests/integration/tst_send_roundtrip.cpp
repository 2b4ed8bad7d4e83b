// The whole way, in CI: a message composed with attachments (UTF-8 subject, umlaut file name,
// 5 MB attachment, HTML with an inline image, Bcc) goes into the Outbox, out through the real
// Postfix with an OAuth token (XOAUTH2), into Sent — and comes back over POP3, fetched by
// Kurier's own Pop3Session with the same token, parsing back to the same headers, bodies and
// attachment bytes. Also: a temporary failure stays in the Outbox, deferred.
#include "mime/MessageBuilder.h"
#include "mime/MessageParser.h"
#include "net/SslTransport.h"
#include "oauth/TokenProvider.h"
#include "pop3/Pop3Session.h"
#include "secrets/MemorySecretStore.h"
#include "smtp/OutboxSender.h"
#include "store/Outbox.h"
#include "support/Sync.h"
#include "support/TestAccounts.h"
#include "support/TestServers.h"

#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace kurier;

using kurier::test::env;
using kurier::test::servers;

class TestSendRoundTrip : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void composedMessageComesBackIntact();
    void temporaryFailureIsDeferred();

private:
    store::Account oauthAccount(const QString &user, const QString &password);
    QByteArray fetchOverPop3(const store::Account &account, oauth::TokenProvider *tokens);

    secrets::MemorySecretStore m_secrets;
    QNetworkAccessManager m_network;
    QTemporaryDir m_data;
};

void TestSendRoundTrip::initTestCase()
{
    KURIER_REQUIRE_TEST_SERVERS(servers());
    QVERIFY(m_data.isValid());
}

store::Account TestSendRoundTrip::oauthAccount(const QString &user, const QString &password)
{
    store::Account a = test::oauthTestAccount(QStringLiteral("RT"), user);
    a.id = store::newAccountId();
    a.senderName = QStringLiteral("Jürgen Größe");
    test::waitFor([&](auto cb) {
        m_secrets.write(secrets::SecretStore::keyFor(a.id, store::SecretName::Pop3Password), password, cb);
    });
    return a;
}

QByteArray TestSendRoundTrip::fetchOverPop3(const store::Account &account, oauth::TokenProvider *tokens)
{
    net::TlsPolicy policy;
    policy.extraCaCertificates = net::SslTransport::loadCaFile(account.extraCaFile);
    net::SslTransport transport(policy);
    pop3::Pop3Session::Options options;
    options.host = account.pop3.host;
    options.port = quint16(account.pop3.effectivePort());
    options.security = account.pop3.security;
    options.user = account.pop3User();
    options.useOAuth = true;
    pop3::Pop3Session session(&transport, options);
    session.setTokenSource(tokens->tokenSource());
    QByteArray message;
    bool done = false;
    QString error;
    connect(&session, &pop3::Pop3Session::finished, this, [&](const diagnostics::Diagnostic &d) {
        if (d.isEmpty())
            return;
        error = d.toText();
        done = true;
    });
    connect(&session, &pop3::Pop3Session::ready, this, [&] {
        session.send("RETR 1", pop3::Pop3Parser::Expect::MultiLine,
                     [&](const pop3::Pop3Reply &reply) {
                         if (!reply.isOk()) {
                             error = QStringLiteral("RETR refused");
                             done = true;
                         }
                     },
                     [&](const QByteArray &chunk) { message += chunk; },
                     [&] {
                         session.quit();
                         done = true;
                     });
    });
    session.open();
    if (!QTest::qWaitFor([&] { return done; }, 60000))
        qWarning("POP3 fetch did not finish");
    if (!error.isEmpty())
        qWarning("POP3: %s", qPrintable(error));
    return message;
}

void TestSendRoundTrip::composedMessageComesBackIntact()
{
    const QString password = test::newTestPassword();
    const QString user = test::newOAuthUser(m_network, QStringLiteral("rt"), password);
    const store::Account account = oauthAccount(user, password);
    const QString bccAddress = servers().uniqueAddress(QStringLiteral("bcc"));

    mime::Draft draft;
    draft.from = {account.senderName, account.email};
    draft.to = {{QStringLiteral("Ich selbst"), user}};
    draft.bcc = {{QStringLiteral("Geheim"), bccAddress}};
    draft.subject = QStringLiteral("Grüße aus Köln – Anhang „Übersicht“ ✓");
    draft.text = QStringLiteral("Hallo,\n\nanbei die Übersicht und das Logo.\n.Zeile mit Punkt am Anfang\nFrom here\n\nGrüße\n");
    draft.html = QStringLiteral("<p>Hallo, <b>Grüße</b> <img src=\"cid:logo@kurier\"></p>");
    QByteArray big(5 * 1024 * 1024, Qt::Uninitialized);
    QRandomGenerator rng(6);
    rng.fillRange(reinterpret_cast<quint32 *>(big.data()), big.size() / 4);
    const QByteArray png = QByteArray::fromBase64(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    draft.attachments = {{QStringLiteral("Übersicht März 2026.bin"), big, {}, {}},
                         {QStringLiteral("notiz.txt"), QByteArray("Zeile 1\r\nZeile 2 äöü\n"), {}, {}},
                         {QStringLiteral("logo.png"), png, {}, QStringLiteral("logo@kurier")}};
    const mime::MessageBuilder::Result built = mime::MessageBuilder::build(draft);
    QVERIFY(built.ok());

    store::Outbox outbox(m_data.filePath(QStringLiteral("rt")));
    QVERIFY(outbox.open());
    const auto id = outbox.enqueue(built.reversePath, built.recipients, built.data);
    QVERIFY(id);
    oauth::TokenProvider tokens(account, &m_secrets);
    smtp::OutboxSender sender(account, &outbox, &m_secrets, &tokens);
    QList<smtp::SendResult> results;
    std::optional<diagnostics::Diagnostic> finished;
    connect(&sender, &smtp::OutboxSender::messageFinished, this, [&](const smtp::SendResult &r) { results << r; });
    connect(&sender, &smtp::OutboxSender::finished, this, [&](const diagnostics::Diagnostic &d) { finished = d; });
    sender.send();
    QTRY_VERIFY_WITH_TIMEOUT(finished.has_value(), 60000);
    QVERIFY2(finished->isEmpty(), qPrintable(finished->toText()));
    QCOMPARE(results.size(), 1);
    QVERIFY2(results[0].isSent(), qPrintable(results[0].diagnostic.toText()));
    QCOMPARE(results[0].recipients.size(), 2);
    QVERIFY(results[0].rejected().isEmpty());
    // Out of the Outbox, into Sent, byte for byte.
    QVERIFY(outbox.entries().isEmpty());
    const QStringList sentFiles = QDir(outbox.sentPath() + QStringLiteral("/cur")).entryList(QDir::Files);
    QCOMPARE(sentFiles, QStringList{*id + QStringLiteral(":2,S")});
    QFile sentFile(outbox.sentPath() + QStringLiteral("/cur/") + sentFiles.first());
    QVERIFY(sentFile.open(QIODevice::ReadOnly));
    QCOMPARE(sentFile.readAll(), built.data);

    // The Bcc recipient got it; nobody can see that.
    const QList<QByteArray> bccCopy = test::waitForMail(bccAddress, 1, 20000);
    QCOMPARE(bccCopy.size(), 1);
    QVERIFY(!bccCopy[0].contains(bccAddress.toUtf8()));
    QVERIFY(test::waitForMail(user, 1, 20000).size() == 1);

    // Back over POP3 with the same token.
    const QByteArray fetched = fetchOverPop3(account, &tokens);
    QVERIFY(!fetched.isEmpty());
    QByteArray sentLf = built.data;
    sentLf.replace("\r\n", "\n");
    QByteArray fetchedLf = fetched;
    fetchedLf.replace("\r\n", "\n");
    // Postfix only prepends Return-Path/Received; everything we sent arrives unchanged.
    QVERIFY2(fetchedLf.endsWith(sentLf), fetchedLf.left(600).constData());
    QVERIFY(!fetched.contains("Bcc:"));

    const mime::ParsedMessage parsed = mime::MessageParser::parse(fetched);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.subject, draft.subject);
    QCOMPARE(parsed.from, draft.from);
    QCOMPARE(parsed.to, draft.to);
    QVERIFY(parsed.cc.isEmpty());
    QCOMPARE(parsed.messageId, built.messageId);
    QCOMPARE(parsed.text, draft.text);
    QCOMPARE(parsed.html, draft.html + u'\n');
    QCOMPARE(parsed.attachments.size(), 3); // the inline logo (inside the alternative) first
    QCOMPARE(parsed.attachments[1].fileName, QStringLiteral("Übersicht März 2026.bin"));
    QCOMPARE(parsed.attachments[1].mimeType, QStringLiteral("application/octet-stream"));
    QVERIFY(!parsed.attachments[1].isInline);
    QVERIFY(parsed.attachments[1].data == big);
    QCOMPARE(parsed.attachments[2].fileName, QStringLiteral("notiz.txt"));
    QCOMPARE(parsed.attachments[2].data, QByteArray("Zeile 1\r\nZeile 2 äöü\n"));
    const mime::ParsedPart *logo = parsed.partByContentId(QStringLiteral("logo@kurier"));
    QVERIFY(logo);
    QVERIFY(logo->isInline);
    QCOMPARE(logo->fileName, QStringLiteral("logo.png"));
    QCOMPARE(logo->data, png);
}

void TestSendRoundTrip::temporaryFailureIsDeferred()
{
    // A port where nobody listens: connection refused, a temporary failure.
    QTcpServer placeholder;
    QVERIFY(placeholder.listen(QHostAddress(servers().host())));
    const quint16 closedPort = placeholder.serverPort();
    placeholder.close();

    store::Account account;
    account.id = store::newAccountId();
    account.prefix = QStringLiteral("Down");
    account.email = env("PASSWORD_USER");
    account.smtp.host = servers().host();
    account.smtp.port = closedPort;
    account.smtp.security = store::Security::Tls;
    account.smtp.auth = store::SmtpAuth::None;
    store::Outbox outbox(m_data.filePath(QStringLiteral("down")));
    QVERIFY(outbox.open());
    const auto id = outbox.enqueue(account.email, {servers().uniqueAddress(QStringLiteral("never"))}, "Subject: x\r\n\r\nx\r\n");
    smtp::OutboxSender sender(account, &outbox, &m_secrets);
    std::optional<smtp::SendResult> result;
    bool finished = false;
    connect(&sender, &smtp::OutboxSender::messageFinished, this, [&](const smtp::SendResult &r) { result = r; });
    connect(&sender, &smtp::OutboxSender::finished, this, [&] { finished = true; });
    const QDateTime before = QDateTime::currentDateTimeUtc();
    sender.send();
    QTRY_VERIFY_WITH_TIMEOUT(finished, 20000);
    QVERIFY(result.has_value());
    QCOMPARE(result->status, smtp::SendResult::Status::TemporaryFailure);
    const auto entry = outbox.entry(*id);
    QVERIFY(entry);
    QCOMPARE(entry->state, store::Outbox::State::Deferred);
    QCOMPARE(entry->attempts, 1);
    QVERIFY(entry->nextAttempt >= before.addSecs(59));
    QVERIFY(!entry->lastError.summary.isEmpty());
    // Not due yet: a second run sends nothing.
    std::optional<smtp::SendResult> second;
    bool finished2 = false;
    smtp::OutboxSender again(account, &outbox, &m_secrets);
    connect(&again, &smtp::OutboxSender::messageFinished, this, [&](const smtp::SendResult &r) { second = r; });
    connect(&again, &smtp::OutboxSender::finished, this, [&] { finished2 = true; });
    again.send();
    QTRY_VERIFY(finished2);
    QVERIFY(!second.has_value());
}

QTEST_GUILESS_MAIN(TestSendRoundTrip)
#include "tst_send_roundtrip.moc"
