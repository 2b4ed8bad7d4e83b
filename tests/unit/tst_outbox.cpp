// The Outbox: durable queueing, state changes, Sent, crash recovery, one sender at a time.
#include "store/Outbox.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kurier;
using store::Outbox;

class TestOutbox : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void enqueueKeepsEnvelope();
    void sentMovesFile();
    void deferWithBackoff();
    void backoffSteps();
    void failedKeepsDiagnostic();
    void interruptedSendingBecomesUnknown();
    void onlyOneSender();
    void orphanStateFilesRemoved();
    void foreignFilesAreSafe();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    const QByteArray m_message = "From: a@kurier.test\r\nSubject: Test\r\nTo: b@kurier.test\r\n\r\nbody\r\n";
};

void TestOutbox::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestOutbox::enqueueKeepsEnvelope()
{
    Outbox outbox(m_dir->path());
    QVERIFY(outbox.open());
    const auto id = outbox.enqueue(QStringLiteral("a@kurier.test"),
                                   {QStringLiteral("b@kurier.test"), QStringLiteral("hidden-bcc@kurier.test")}, m_message);
    QVERIFY(id);
    // A Maildir: the message in new/, nothing left in tmp/.
    QCOMPARE(QDir(outbox.outboxPath() + QStringLiteral("/new")).entryList(QDir::Files), QStringList{*id});
    QVERIFY(QDir(outbox.outboxPath() + QStringLiteral("/tmp")).entryList(QDir::Files).isEmpty());
    const QList<Outbox::Entry> entries = Outbox(m_dir->path()).entries(); // another instance reads the same
    QCOMPARE(entries.size(), 1);
    const Outbox::Entry &e = entries.first();
    QCOMPARE(e.id, *id);
    QCOMPARE(e.state, Outbox::State::Queued);
    QCOMPARE(e.reversePath, QStringLiteral("a@kurier.test"));
    QCOMPARE(e.recipients, (QStringList{QStringLiteral("b@kurier.test"), QStringLiteral("hidden-bcc@kurier.test")}));
    QCOMPARE(e.subject, QStringLiteral("Test"));
    QVERIFY(e.isDue(QDateTime::currentDateTimeUtc()));
    QCOMPARE(outbox.messageData(*id), m_message);
}

void TestOutbox::sentMovesFile()
{
    Outbox outbox(m_dir->path());
    QVERIFY(outbox.open());
    const auto id = outbox.enqueue(QStringLiteral("a@kurier.test"), {QStringLiteral("b@kurier.test")}, m_message);
    QVERIFY(outbox.markSending(*id));
    const auto name = outbox.moveToSent(*id);
    QVERIFY(name);
    QCOMPARE(*name, *id + QStringLiteral(":2,S"));
    QVERIFY(outbox.entries().isEmpty());
    QFile sent(outbox.sentPath() + QStringLiteral("/cur/") + *name);
    QVERIFY(sent.open(QIODevice::ReadOnly));
    QCOMPARE(sent.readAll(), m_message);
    QVERIFY(QDir(outbox.outboxPath() + QStringLiteral("/kurier-state")).entryList({QStringLiteral("*.json")}).isEmpty());
}

void TestOutbox::deferWithBackoff()
{
    Outbox outbox(m_dir->path());
    QVERIFY(outbox.open());
    const auto id = outbox.enqueue(QStringLiteral("a@kurier.test"), {QStringLiteral("b@kurier.test")}, m_message);
    diagnostics::Diagnostic d;
    d.summary = QStringLiteral("The connection to the SMTP server was lost");
    d.retryable = true;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(outbox.defer(*id, d, now.addSecs(60)));
    const auto e = outbox.entry(*id);
    QCOMPARE(e->state, Outbox::State::Deferred);
    QCOMPARE(e->attempts, 1);
    QCOMPARE(e->lastError.summary, d.summary);
    QVERIFY(!e->isDue(now));
    QVERIFY(e->isDue(now.addSecs(61)));
    QCOMPARE(outbox.nextAttemptDue(), std::optional<QDateTime>(now.addSecs(60)));
    QVERIFY(outbox.markFailed(*id, d));
    QVERIFY(!outbox.nextAttemptDue()); // failed messages wait for the user, not a timer
}

void TestOutbox::backoffSteps()
{
    QCOMPARE(Outbox::backoffSeconds(1), 60);
    QCOMPARE(Outbox::backoffSeconds(2), 300);
    QCOMPARE(Outbox::backoffSeconds(3), 900);
    QCOMPARE(Outbox::backoffSeconds(5), 3600);
    QCOMPARE(Outbox::backoffSeconds(50), 3600);
}

void TestOutbox::failedKeepsDiagnostic()
{
    Outbox outbox(m_dir->path());
    QVERIFY(outbox.open());
    const auto id = outbox.enqueue(QStringLiteral("a@kurier.test"), {QStringLiteral("b@kurier.test")}, m_message);
    diagnostics::Diagnostic d;
    d.stage = diagnostics::Diagnostic::Stage::Authentication;
    d.summary = QStringLiteral("SMTP AUTH is switched off");
    d.serverText = QStringLiteral("535 5.7.139 Authentication unsuccessful, SmtpClientAuthenticationDisabled");
    d.fix = QStringLiteral("Set-CASMailbox …");
    d.code = QStringLiteral("5.7.139");
    QVERIFY(outbox.markFailed(*id, d));
    const auto e = Outbox(m_dir->path()).entry(*id);
    QCOMPARE(e->state, Outbox::State::Failed);
    QCOMPARE(e->lastError.serverText, d.serverText);
    QCOMPARE(e->lastError.code, d.code);
    QCOMPARE(e->lastError.stage, d.stage);
    QVERIFY(!e->isDue(QDateTime::currentDateTimeUtc().addYears(1))); // never on its own
    QVERIFY(outbox.retry(*id));
    QVERIFY(outbox.entry(*id)->isDue(QDateTime::currentDateTimeUtc()));
}

void TestOutbox::interruptedSendingBecomesUnknown()
{
    QString id;
    {
        // A process marks a message Sending and dies (the lock goes with it).
        Outbox outbox(m_dir->path());
        QVERIFY(outbox.open());
        id = *outbox.enqueue(QStringLiteral("a@kurier.test"), {QStringLiteral("b@kurier.test")}, m_message);
        QVERIFY(outbox.beginSending());
        QVERIFY(outbox.markSending(id));
    }
    Outbox next(m_dir->path());
    QVERIFY(next.open());
    QCOMPARE(next.entry(id)->state, Outbox::State::Sending); // just reading changes nothing
    QVERIFY(next.beginSending());
    const auto e = next.entry(id);
    QCOMPARE(e->state, Outbox::State::Unknown);
    QCOMPARE(e->lastError.code, QStringLiteral("interrupted"));
    QVERIFY(!e->isDue(QDateTime::currentDateTimeUtc().addDays(1))); // not sent twice on its own
    QVERIFY(next.retry(id)); // the user's word
    QVERIFY(next.entry(id)->isDue(QDateTime::currentDateTimeUtc()));
}

void TestOutbox::onlyOneSender()
{
    Outbox a(m_dir->path());
    Outbox b(m_dir->path());
    QVERIFY(a.open() && b.open());
    const auto id = a.enqueue(QStringLiteral("a@kurier.test"), {QStringLiteral("b@kurier.test")}, m_message);
    QVERIFY(a.beginSending());
    QVERIFY(a.markSending(*id));
    QVERIFY(!b.beginSending()); // and so b does not take a's message for an interrupted one
    QVERIFY(!b.errorString().isEmpty());
    QCOMPARE(b.entry(*id)->state, Outbox::State::Sending);
    a.endSending();
    QVERIFY(b.beginSending());
}

void TestOutbox::orphanStateFilesRemoved()
{
    Outbox outbox(m_dir->path());
    QVERIFY(outbox.open());
    const QString stateDir = outbox.outboxPath() + QStringLiteral("/kurier-state/");
    for (const char *name : {"old.json", "fresh.json"}) {
        QFile f(stateDir + QLatin1String(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"state\":\"queued\"}");
    }
    {
        QFile old(stateDir + QStringLiteral("old.json"));
        QVERIFY(old.open(QIODevice::ReadWrite));
        QVERIFY(old.setFileTime(QDateTime::currentDateTime().addDays(-1), QFileDevice::FileModificationTime));
    }
    QVERIFY(outbox.beginSending());
    QVERIFY(!QFile::exists(stateDir + QStringLiteral("old.json")));
    QVERIFY(QFile::exists(stateDir + QStringLiteral("fresh.json"))); // perhaps being written right now
}

void TestOutbox::foreignFilesAreSafe()
{
    Outbox outbox(m_dir->path());
    QVERIFY(outbox.open());
    // A half-written file in tmp/ (a crash during enqueue) is not a message.
    QFile partial(outbox.outboxPath() + QStringLiteral("/tmp/123.M1P1Q1.host"));
    QVERIFY(partial.open(QIODevice::WriteOnly));
    partial.write("From: a@kurier");
    partial.close();
    QVERIFY(outbox.entries().isEmpty());
    // A message put into new/ by someone else has no envelope: kept, not sent (Bcc unknown).
    QFile foreign(outbox.outboxPath() + QStringLiteral("/new/999.M1P1Q1.host"));
    QVERIFY(foreign.open(QIODevice::WriteOnly));
    foreign.write(m_message);
    foreign.close();
    const QList<Outbox::Entry> entries = outbox.entries();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries[0].state, Outbox::State::Failed);
    QVERIFY(!entries[0].isDue(QDateTime::currentDateTimeUtc()));
}

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
