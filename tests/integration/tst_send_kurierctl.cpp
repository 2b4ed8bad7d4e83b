// `kurierctl send` as a user runs it: a real process, the real keychain (private GNOME Keyring
// via tests/support/with-keyring), its own XDG directories, the real Postfix of tests/servers.
#include "support/TestAccounts.h"
#include "support/TestServers.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

const kurier::test::TestServers &servers()
{
    return kurier::test::TestServers::instance();
}

QString env(const char *key)
{
    return servers().value(key);
}


} // namespace

class TestSendKurierctl : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void composeWithAttachmentAndBcc();
    void rawMessagesLikeSendmail();
    void refusedRecipientIsKeptAndListed();
    void unreachableServerIsDeferred();
    void usageErrors_data();
    void usageErrors();

private:
    Run kurierctl(const QStringList &args, const QByteArray &stdinData = {}) const;
    void addAccount(quint16 smtpPort);
    static QList<QByteArray> maildir(const QString &address, int count) { return kurier::test::waitForMail(address, count, 15000); }
    [[nodiscard]] QString mailRoot() const { return m_data->filePath(QStringLiteral("kurier/Bob")); }

    std::unique_ptr<QTemporaryDir> m_config;
    std::unique_ptr<QTemporaryDir> m_data;
};

void TestSendKurierctl::initTestCase()
{
    KURIER_REQUIRE_TEST_SERVERS(servers());
    QVERIFY(qEnvironmentVariableIsSet("KURIER_IN_PRIVATE_BUS"));
}

void TestSendKurierctl::init()
{
    m_config = std::make_unique<QTemporaryDir>();
    m_data = std::make_unique<QTemporaryDir>();
}

Run TestSendKurierctl::kurierctl(const QStringList &args, const QByteArray &stdinData) const
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config->path());
    e.insert(QStringLiteral("XDG_DATA_HOME"), m_data->path());
    e.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    e.remove(QStringLiteral("LANGUAGE"));
    e.remove(QStringLiteral("QT_LOGGING_RULES"));
    p.setProcessEnvironment(e);
    p.start(QStringLiteral(KURIER_KURIERCTL_PATH), args);
    if (!p.waitForStarted(10000))
        qFatal("kurierctl did not start");
    p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000))
        qFatal("kurierctl did not finish");
    Run r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

void TestSendKurierctl::addAccount(quint16 smtpPort)
{
    const Run add = kurierctl({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--prefix"), QStringLiteral("Bob"),
                               QStringLiteral("--email"), env("PASSWORD_USER"), QStringLiteral("--name"), QStringLiteral("Bob Bäcker"),
                               QStringLiteral("--pop3-host"), servers().host(), QStringLiteral("--smtp-host"), servers().host(),
                               QStringLiteral("--smtp-port"), QString::number(smtpPort), QStringLiteral("--smtp-security"),
                               QStringLiteral("starttls"), QStringLiteral("--ca-file"), env("KURIER_TEST_CA"),
                               QStringLiteral("--password-stdin")},
                              env("PASSWORD_USER_PASSWORD").toUtf8() + '\n');
    QVERIFY2(add.exitCode == 0, qPrintable(add.err));
}

void TestSendKurierctl::composeWithAttachmentAndBcc()
{
    addAccount(servers().port("SMTP_SUBMISSION_PORT"));
    const QString to = servers().uniqueAddress(QStringLiteral("to"));
    const QString cc = servers().uniqueAddress(QStringLiteral("cc"));
    const QString bcc = servers().uniqueAddress(QStringLiteral("bcc"));
    const QString attachment = m_data->filePath(QStringLiteral("Übersicht März.txt"));
    {
        QFile f(attachment);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Grüße im Anhang\n");
    }
    const Run r = kurierctl({QStringLiteral("send"), QStringLiteral("Bob"), QStringLiteral("--to"),
                             QStringLiteral("Anna Müller <%1>").arg(to), QStringLiteral("--cc"), cc, QStringLiteral("--bcc"), bcc,
                             QStringLiteral("--subject"), QStringLiteral("Grüße per kurierctl"), QStringLiteral("--attach"), attachment},
                            "Hallo Anna,\nviele Grüße!\n");
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(u": sent (250 2.0.0 Ok: queued as"), qPrintable(r.out));
    for (const QString &a : {to, cc, bcc})
        QVERIFY2(r.out.contains(QStringLiteral("  %1: accepted").arg(a)), qPrintable(r.out));
    QVERIFY(!r.err.contains(u"kurier.smtp")); // no SMTP debug noise by default

    const QList<QByteArray> got = maildir(to, 1);
    QCOMPARE(got.size(), 1);
    QVERIFY(got[0].contains("Subject: =?UTF-8?"));
    QVERIFY(got[0].toLower().contains("filename*=utf-8''%c3%9cbersicht%20m%c3%a4rz.txt"));
    QVERIFY(!got[0].contains(bcc.toUtf8()));
    QCOMPARE(maildir(cc, 1).size(), 1);
    const QList<QByteArray> hidden = maildir(bcc, 1);
    QCOMPARE(hidden.size(), 1);
    QVERIFY(!hidden[0].contains(bcc.toUtf8()));
    // Outbox empty, the message in Sent.
    for (const char *sub : {"/Outbox/new", "/Outbox/cur"})
        QVERIFY(QDir(mailRoot() + QLatin1String(sub)).entryList(QDir::Files).isEmpty());
    QCOMPARE(QDir(mailRoot() + QStringLiteral("/Sent/cur")).entryList(QDir::Files).size(), 1);
}

void TestSendKurierctl::rawMessagesLikeSendmail()
{
    addAccount(servers().port("SMTP_SUBMISSION_PORT"));
    const QString a = servers().uniqueAddress(QStringLiteral("raw-a"));
    const QString hidden = servers().uniqueAddress(QStringLiteral("raw-hidden"));
    QStringList files;
    for (int i = 0; i < 3; ++i) {
        const QString path = m_data->filePath(QStringLiteral("m%1.eml").arg(i));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("From: " + env("PASSWORD_USER").toUtf8() + "\nTo: " + a.toUtf8() + "\nBcc: " + hidden.toUtf8()
                + ",\n  " + hidden.toUtf8() + "\nSubject: raw " + QByteArray::number(i) + "\n\n.dot line\nbody\n");
        files << path;
    }
    // With the transcript switch every command knows: the conversation, the password not in it.
    const QString transcript = m_data->filePath(QStringLiteral("send-transcript.txt"));
    const Run r = kurierctl(QStringList{QStringLiteral("send"), QStringLiteral("Bob"), QStringLiteral("--raw"),
                                        QStringLiteral("--transcript"), transcript}
                            + files);
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QCOMPARE(r.out.count(u": sent ("), 3);
    QFile log(transcript);
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray conversation = log.readAll();
    QVERIFY2(conversation.contains("C: STARTTLS") && conversation.contains("C: AUTH PLAIN")
                 && conversation.count("C: MAIL FROM:<") == 3 && conversation.contains("C: QUIT"),
             conversation.constData());
    QVERIFY(!conversation.contains(env("PASSWORD_USER_PASSWORD").toUtf8()));
    QVERIFY(!conversation.contains(QByteArray('\0' + env("PASSWORD_USER").toUtf8() + '\0' + env("PASSWORD_USER_PASSWORD").toUtf8()).toBase64()));
    QVERIFY(!conversation.contains(".dot line")); // message data is summarised, not written
    const QList<QByteArray> got = maildir(a, 3);
    QCOMPARE(got.size(), 3);
    for (const QByteArray &m : got) {
        QVERIFY(!m.contains("Bcc"));
        QVERIFY(m.contains("\n.dot line\n"));
    }
    QCOMPARE(maildir(hidden, 3).size(), 3); // each once, although named twice
}

void TestSendKurierctl::refusedRecipientIsKeptAndListed()
{
    addAccount(servers().port("SMTP_SUBMISSION_PORT"));
    const Run r = kurierctl({QStringLiteral("send"), QStringLiteral("Bob"), QStringLiteral("--to"),
                             QStringLiteral("someone@elsewhere.example"), QStringLiteral("--subject"), QStringLiteral("x")},
                            "x\n");
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(u"someone@elsewhere.example: refused: 550 5.1.1"), qPrintable(r.out));
    QVERIFY2(r.err.contains(u"Unknown recipient") && r.err.contains(u"What to do:"), qPrintable(r.err));
    const QString id = r.out.section(u':', 0, 0).trimmed();
    QVERIFY(!id.isEmpty());

    const Run list = kurierctl({QStringLiteral("send"), QStringLiteral("Bob"), QStringLiteral("--list")});
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.out.contains(id + QStringLiteral("  failed  x")), qPrintable(list.out));
    QVERIFY(list.out.contains(u"550 5.1.1"));

    // --flush leaves failed messages alone; --retry is the user's word.
    const Run flush = kurierctl({QStringLiteral("send"), QStringLiteral("Bob"), QStringLiteral("--flush")});
    QCOMPARE(flush.exitCode, 0);
    QVERIFY(!flush.out.contains(id));
    const Run retry = kurierctl({QStringLiteral("send"), QStringLiteral("Bob"), QStringLiteral("--retry"), id});
    QCOMPARE(retry.exitCode, 1);
    QVERIFY(retry.out.contains(id + QStringLiteral(": not sent")));
}

void TestSendKurierctl::unreachableServerIsDeferred()
{
    QTcpServer placeholder;
    QVERIFY(placeholder.listen(QHostAddress(servers().host())));
    const quint16 closedPort = placeholder.serverPort();
    placeholder.close();
    addAccount(closedPort);
    const QString to = servers().uniqueAddress(QStringLiteral("later"));
    const Run r = kurierctl({QStringLiteral("send"), QStringLiteral("Bob"), QStringLiteral("--to"), to, QStringLiteral("--subject"),
                             QStringLiteral("später")},
                            "x\n");
    QCOMPARE(r.exitCode, 75); // EX_TEMPFAIL, as sendmail
    QVERIFY2(r.out.contains(u"deferred"), qPrintable(r.out));
    QVERIFY2(r.err.contains(u"refused the connection"), qPrintable(r.err));
    const Run list = kurierctl({QStringLiteral("send"), QStringLiteral("Bob"), QStringLiteral("--list")});
    QVERIFY2(list.out.contains(u"deferred") && list.out.contains(u"next attempt:"), qPrintable(list.out));

    // The server is back (the account fixed): --retry sends it now instead of waiting.
    const Run edit = kurierctl({QStringLiteral("account"), QStringLiteral("edit"), QStringLiteral("Bob"), QStringLiteral("--smtp-port"),
                                QString::number(servers().port("SMTP_SUBMISSION_PORT"))});
    QVERIFY2(edit.exitCode == 0, qPrintable(edit.err));
    const QString id = r.out.section(u':', 0, 0).trimmed();
    const Run retry = kurierctl({QStringLiteral("send"), QStringLiteral("Bob"), QStringLiteral("--retry"), id});
    QVERIFY2(retry.exitCode == 0, qPrintable(retry.out + retry.err));
    QCOMPARE(maildir(to, 1).size(), 1);
}

void TestSendKurierctl::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no-prefix") << QStringList{QStringLiteral("send")};
    QTest::newRow("no-recipient") << QStringList{QStringLiteral("send"), QStringLiteral("Bob"), QStringLiteral("--subject"), QStringLiteral("x")};
    QTest::newRow("no-subject") << QStringList{QStringLiteral("send"), QStringLiteral("Bob"), QStringLiteral("--to"), QStringLiteral("a@b.test")};
    QTest::newRow("missing-attachment") << QStringList{QStringLiteral("send"), QStringLiteral("Bob"), QStringLiteral("--to"), QStringLiteral("a@b.test"),
                                                       QStringLiteral("--subject"), QStringLiteral("x"), QStringLiteral("--attach"), QStringLiteral("/nonexistent")};
    QTest::newRow("unknown-option") << QStringList{QStringLiteral("send"), QStringLiteral("Bob"), QStringLiteral("--frobnicate")};
}

void TestSendKurierctl::usageErrors()
{
    QFETCH(QStringList, args);
    addAccount(servers().port("SMTP_SUBMISSION_PORT"));
    const Run r = kurierctl(args, "x\n");
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(u"kurierctl send"));
    for (const char *sub : {"/Outbox/new", "/Outbox/cur"}) // nothing queued
        QVERIFY(QDir(mailRoot() + QLatin1String(sub)).entryList(QDir::Files).isEmpty());
}

QTEST_GUILESS_MAIN(TestSendKurierctl)
#include "tst_send_kurierctl.moc"
