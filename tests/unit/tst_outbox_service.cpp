// OutboxService: "Send" queues and sends at once; a temporary failure is retried by the timer
// without anyone asking; failed messages wait for retry(); a send during a run is not lost.
// Against the scripted SMTP server of tests/support (plain text on loopback, accepted for the
// test account), so it needs no test servers.
#include "secrets/MemorySecretStore.h"
#include "smtp/OutboxService.h"
#include "store/Mailbox.h"
#include "support/FakeSmtpServer.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace kurier;
using kurier::test::FakeSmtpServer;

class TestOutboxService : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void submitSendsAtOnce();
    void temporaryFailureRetriedByTimer();
    void permanentFailureWaitsForRetry();
    void submitDuringRunIsSentToo();

private:
    std::unique_ptr<smtp::OutboxService> makeService(quint16 port);
    static mime::Draft draft(const QString &subject, const QList<mime::MailAddress> &to = {{QString(), QStringLiteral("anna@kurier.test")}});

    std::unique_ptr<QTemporaryDir> m_dir;
    store::Account m_account;
    secrets::MemorySecretStore m_secrets;
};

void TestOutboxService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_dir->path())); // the account's mail folder
}

std::unique_ptr<smtp::OutboxService> TestOutboxService::makeService(quint16 port)
{
    store::Account a;
    a.id = store::newAccountId();
    a.prefix = QStringLiteral("Svc");
    a.email = QStringLiteral("me@kurier.test");
    a.senderName = QStringLiteral("Mé");
    a.smtp.host = QStringLiteral("127.0.0.1");
    a.smtp.port = port;
    a.smtp.security = store::Security::None;
    a.smtp.acceptUnencrypted = true;
    a.smtp.auth = store::SmtpAuth::None;
    m_account = a;
    auto service = std::make_unique<smtp::OutboxService>(a, &m_secrets);
    if (!service->open())
        qFatal("cannot open the Outbox");
    return service;
}

mime::Draft TestOutboxService::draft(const QString &subject, const QList<mime::MailAddress> &to)
{
    mime::Draft d;
    d.to = to;
    d.bcc = {{QString(), QStringLiteral("hidden@kurier.test")}};
    d.subject = subject;
    d.text = QStringLiteral("Grüße\n");
    return d;
}

void TestOutboxService::submitSendsAtOnce()
{
    FakeSmtpServer server;
    auto service = makeService(server.port());
    QSignalSpy finished(service.get(), &smtp::OutboxService::messageFinished);
    const auto id = service->submit(draft(QStringLiteral("at once")));
    QVERIFY(id);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished[0][0].value<smtp::SendResult>().status, smtp::SendResult::Status::Sent);
    QCOMPARE(server.messagesAccepted, 1);
    QCOMPARE(server.recipients, (QList<QByteArray>{"<anna@kurier.test>", "<hidden@kurier.test>"}));
    QVERIFY(server.messages[0].contains("From: =?UTF-8?"));
    QVERIFY(!server.messages[0].contains("hidden@kurier.test")); // Bcc only in the envelope
    QTRY_VERIFY(!service->isSending());
    QVERIFY(service->entries().isEmpty());
    QVERIFY(!service->nextRun().isValid()); // nothing waits
    QCOMPARE(QDir(store::Mailbox::path(m_account, store::Mailbox::Kind::Sent) + QStringLiteral("/cur")).entryList(QDir::Files).size(), 1);
}

void TestOutboxService::temporaryFailureRetriedByTimer()
{
    FakeSmtpServer server;
    server.mode = FakeSmtpServer::Mode::Refuse421; // "421 try again later"
    auto service = makeService(server.port());
    service->setBackoff([](int) { return 1; }); // one second instead of one minute
    QSignalSpy finished(service.get(), &smtp::OutboxService::messageFinished);
    const auto id = service->submit(draft(QStringLiteral("later")));
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished[0][0].value<smtp::SendResult>().status, smtp::SendResult::Status::TemporaryFailure);
    QTRY_VERIFY(!service->isSending());
    QCOMPARE(service->entries().value(0).state, store::Outbox::State::Deferred);
    QVERIFY(service->nextRun().isValid());
    QVERIFY(service->nextRun() <= QDateTime::currentDateTimeUtc().addSecs(2));

    // The server is back; nobody calls anything: the timer sends it.
    server.mode = FakeSmtpServer::Mode::Accept;
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
    QCOMPARE(finished[1][0].value<smtp::SendResult>().status, smtp::SendResult::Status::Sent);
    QCOMPARE(server.messagesAccepted, 1);
    QTRY_VERIFY(service->entries().isEmpty());
}

void TestOutboxService::permanentFailureWaitsForRetry()
{
    FakeSmtpServer server;
    auto service = makeService(server.port());
    service->setBackoff([](int) { return 1; });
    QSignalSpy finished(service.get(), &smtp::OutboxService::messageFinished);
    mime::Draft d = draft(QStringLiteral("nobody"), {{QString(), QStringLiteral("unknown@kurier.test")}});
    d.bcc.clear();
    const auto id = service->submit(d);
    QVERIFY(id);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished[0][0].value<smtp::SendResult>().status, smtp::SendResult::Status::PermanentFailure);
    QTRY_VERIFY(!service->isSending());
    QCOMPARE(service->entries().value(0).state, store::Outbox::State::Failed);
    QVERIFY(!service->nextRun().isValid()); // no timer for it
    QTest::qWait(1500);
    QCOMPARE(finished.size(), 1); // and nothing happened on its own
    QCOMPARE(service->entries().value(0).lastError.code, QStringLiteral("5.1.1"));
    QVERIFY(service->retry(*id)); // the user's word: tried again at once (and refused again)
    QTRY_COMPARE(finished.size(), 2);
    QCOMPARE(server.mailCommands, 2);
    QTRY_VERIFY(!service->isSending());
    QVERIFY(service->discard(*id));
    QVERIFY(service->entries().isEmpty());
}

void TestOutboxService::submitDuringRunIsSentToo()
{
    FakeSmtpServer server;
    auto service = makeService(server.port());
    QSignalSpy finished(service.get(), &smtp::OutboxService::messageFinished);
    QVERIFY(service->submit(draft(QStringLiteral("first"))));
    QTRY_VERIFY(service->isSending());
    QVERIFY(service->submit(draft(QStringLiteral("second")))); // while the first run is on
    QTRY_COMPARE(finished.size(), 2);
    QCOMPARE(server.messagesAccepted, 2);
    QTRY_VERIFY(service->entries().isEmpty());
}

QTEST_GUILESS_MAIN(TestOutboxService)
#include "tst_outbox_service.moc"
