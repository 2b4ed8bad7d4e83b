// "Killing the program at any moment loses nothing and sends nothing twice": kurierctl is killed
// (SIGKILL) while sending to a scripted SMTP server in this test — once after the message data
// went out and before the server's answer, once before the data. Afterwards the Outbox still has
// the message: in the first case as "unknown outcome", not sent again by --flush, only by
// --retry; in the second case queued, and --flush sends it exactly once.
#include "support/FakeSmtpServer.h"

#include <QDir>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using kurier::test::FakeSmtpServer;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestSendCrash : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void killedAfterDataIsNeverResentOnItsOwn();
    void killedBeforeDataIsSentOnceLater();
    void temporarilyRefusedRecipientKeptForLater();

private:
    QProcess *start(const QStringList &args, const QByteArray &stdinData = {});
    Run kurierctl(const QStringList &args, const QByteArray &stdinData = {});
    void addAccount(quint16 port);

    std::unique_ptr<QTemporaryDir> m_config;
    std::unique_ptr<QTemporaryDir> m_data;
};

void TestSendCrash::init()
{
    m_config = std::make_unique<QTemporaryDir>();
    m_data = std::make_unique<QTemporaryDir>();
}

QProcess *TestSendCrash::start(const QStringList &args, const QByteArray &stdinData)
{
    auto *p = new QProcess(this);
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config->path());
    e.insert(QStringLiteral("XDG_DATA_HOME"), m_data->path());
    e.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    e.remove(QStringLiteral("QT_LOGGING_RULES"));
    p->setProcessEnvironment(e);
    p->start(QStringLiteral(KURIER_KURIERCTL_PATH), args);
    if (!p->waitForStarted(10000))
        qFatal("kurierctl did not start");
    p->write(stdinData);
    p->closeWriteChannel();
    return p;
}

Run TestSendCrash::kurierctl(const QStringList &args, const QByteArray &stdinData)
{
    QProcess *p = start(args, stdinData);
    // The fake server lives in this event loop: wait without blocking it.
    if (!QTest::qWaitFor([p] { return p->state() == QProcess::NotRunning; }, 30000))
        qFatal("kurierctl did not finish");
    Run r;
    r.exitCode = p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -1;
    r.out = QString::fromUtf8(p->readAllStandardOutput());
    r.err = QString::fromUtf8(p->readAllStandardError());
    delete p;
    return r;
}

void TestSendCrash::addAccount(quint16 port)
{
    const Run add = kurierctl({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--prefix"), QStringLiteral("Crash"),
                               QStringLiteral("--email"), QStringLiteral("crash@kurier.test"), QStringLiteral("--pop3-host"),
                               QStringLiteral("127.0.0.1"), QStringLiteral("--smtp-host"), QStringLiteral("127.0.0.1"),
                               QStringLiteral("--smtp-port"), QString::number(port), QStringLiteral("--smtp-security"),
                               QStringLiteral("none"), QStringLiteral("--smtp-auth"), QStringLiteral("none"),
                               QStringLiteral("--accept-unencrypted"), QStringLiteral("--no-keychain")});
    QVERIFY2(add.exitCode == 0, qPrintable(add.err));
}

void TestSendCrash::killedAfterDataIsNeverResentOnItsOwn()
{
    FakeSmtpServer server;
    server.mode = FakeSmtpServer::Mode::HangAfterData;
    addAccount(server.port());
    QProcess *p = start({QStringLiteral("send"), QStringLiteral("Crash"), QStringLiteral("--to"), QStringLiteral("x@kurier.test"),
                         QStringLiteral("--subject"), QStringLiteral("killed after the data")},
                        "body\n");
    QTRY_VERIFY_WITH_TIMEOUT(server.dataComplete, 20000);
    p->kill(); // SIGKILL: no chance to clean up
    QTRY_VERIFY(p->state() == QProcess::NotRunning);
    delete p;

    const Run list = kurierctl({QStringLiteral("send"), QStringLiteral("Crash"), QStringLiteral("--list")});
    QVERIFY2(list.out.contains(u"  sending  killed after the data"), qPrintable(list.out)); // as the dead process left it
    const QString id = list.out.section(u' ', 0, 0).trimmed();

    // The next sender finds it: its outcome is unknown, so it does not go out again on its own.
    server.mode = FakeSmtpServer::Mode::Accept;
    const int mailsBefore = server.mailCommands;
    const Run flush = kurierctl({QStringLiteral("send"), QStringLiteral("Crash"), QStringLiteral("--flush")});
    QCOMPARE(flush.exitCode, 0);
    QCOMPARE(server.mailCommands, mailsBefore);
    const Run after = kurierctl({QStringLiteral("send"), QStringLiteral("Crash"), QStringLiteral("--list")});
    QVERIFY2(after.out.contains(u"  unknown outcome  killed after the data"), qPrintable(after.out));
    QVERIFY(after.out.contains(u"Kurier ended while this message was being sent"));

    // Only the user's word sends it again.
    const Run retry = kurierctl({QStringLiteral("send"), QStringLiteral("Crash"), QStringLiteral("--retry"), id});
    QVERIFY2(retry.exitCode == 0, qPrintable(retry.out + retry.err));
    QCOMPARE(server.messagesAccepted, 1);
    QVERIFY(kurierctl({QStringLiteral("send"), QStringLiteral("Crash"), QStringLiteral("--list")}).out.contains(u"The Outbox is empty."));
}

void TestSendCrash::killedBeforeDataIsSentOnceLater()
{
    FakeSmtpServer server;
    server.mode = FakeSmtpServer::Mode::HangAfterRcpt;
    addAccount(server.port());
    QProcess *p = start({QStringLiteral("send"), QStringLiteral("Crash"), QStringLiteral("--to"), QStringLiteral("x@kurier.test"),
                         QStringLiteral("--subject"), QStringLiteral("killed before the data")},
                        "body\n");
    QTRY_VERIFY_WITH_TIMEOUT(server.rcptSeen, 20000);
    p->kill();
    QTRY_VERIFY(p->state() == QProcess::NotRunning);
    delete p;
    QVERIFY(!server.dataComplete);

    // Nothing went out, so the message is still simply queued and the next run sends it, once.
    const Run list = kurierctl({QStringLiteral("send"), QStringLiteral("Crash"), QStringLiteral("--list")});
    QVERIFY2(list.out.contains(u"  queued  killed before the data"), qPrintable(list.out));
    server.mode = FakeSmtpServer::Mode::Accept;
    const Run flush = kurierctl({QStringLiteral("send"), QStringLiteral("Crash"), QStringLiteral("--flush")});
    QVERIFY2(flush.exitCode == 0 && flush.out.contains(u": sent ("), qPrintable(flush.out + flush.err));
    QCOMPARE(server.messagesAccepted, 1);
    const Run again = kurierctl({QStringLiteral("send"), QStringLiteral("Crash"), QStringLiteral("--flush")});
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(server.messagesAccepted, 1);
    // And it is in Sent.
    QCOMPARE(QDir(m_data->filePath(QStringLiteral("kurier/Crash/Sent/cur"))).entryList(QDir::Files).size(), 1);
}

void TestSendCrash::temporarilyRefusedRecipientKeptForLater()
{
    // One recipient gets the message, the other is greylisted (450): sent, and a copy for the
    // greylisted one alone stays in the Outbox, deferred. Nobody vanishes, nobody gets it twice.
    FakeSmtpServer server;
    addAccount(server.port());
    const Run r = kurierctl({QStringLiteral("send"), QStringLiteral("Crash"), QStringLiteral("--to"), QStringLiteral("ok@kurier.test"),
                             QStringLiteral("--to"), QStringLiteral("greylisted@kurier.test"), QStringLiteral("--subject"),
                             QStringLiteral("greylisting")},
                            "body\n");
    QCOMPARE(r.exitCode, 75);
    QVERIFY2(r.out.contains(u"ok@kurier.test: accepted"), qPrintable(r.out));
    QVERIFY2(r.out.contains(u"greylisted@kurier.test: not now: 450 4.2.0"), qPrintable(r.out));
    QCOMPARE(server.messagesAccepted, 1);
    const Run list = kurierctl({QStringLiteral("send"), QStringLiteral("Crash"), QStringLiteral("--list")});
    QVERIFY2(list.out.contains(u"  deferred  greylisting"), qPrintable(list.out));
    QVERIFY(list.out.contains(u"to: greylisted@kurier.test\n"));
    QVERIFY(!list.out.contains(u"ok@kurier.test"));
    QCOMPARE(QDir(m_data->filePath(QStringLiteral("kurier/Crash/Sent/cur"))).entryList(QDir::Files).size(), 1);
}

QTEST_GUILESS_MAIN(TestSendCrash)
#include "tst_send_crash.moc"
