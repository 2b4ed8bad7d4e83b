// `kurierctl fetch` and `kurierctl check` end to end: a real account (OAuth password grant
// against the test OAuth server, tokens in a private GNOME Keyring), real Dovecot, the real
// Maildir under XDG_DATA_HOME. And the crash test: kurierctl killed with SIGKILL at random
// moments, again and again, then a fetch to completion — the stored set must equal the server's
// set exactly, without duplicates, with nothing left in tmp/ (KURIER_KILL_TRIALS, default 20;
// bench/pop3/kill-test runs 100).
#include "store/Maildir.h"
#include "support/TestAccounts.h"
#include "support/TestServers.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace kurier;

class TestFetchKurierctl : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void fetchThenNothingNew();
    void checkPrintsEachStep();
    void transcriptHasNoSecrets();
    void trustedCertificateForAccount();
    void unknownAccount();
    void failureReportedOnce();
    void killedAtRandomMoments();

private:
    struct Run {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run kurierctl(const QStringList &args, const QByteArray &input = {});
    QProcessEnvironment environment() const;
    QString env(const char *key) const { return test::TestServers::instance().value(key); }
    QString createUser(const char *tag);
    void addAccount(const QString &prefix, const QString &user, const QString &leaveOnServer = QStringLiteral("keep"));
    QString inbox(const QString &prefix) const;
    QStringList serverFiles(const QString &user) const;
    static QByteArray messageId(const QString &path);

    QTemporaryDir m_home;
    QNetworkAccessManager m_nam;
    QHash<QString, QString> m_passwords;
};

void TestFetchKurierctl::initTestCase()
{
    KURIER_REQUIRE_TEST_SERVERS(test::TestServers::instance());
    QVERIFY(qEnvironmentVariableIsSet("KURIER_IN_PRIVATE_BUS"));
    QVERIFY(m_home.isValid());
}

QProcessEnvironment TestFetchKurierctl::environment() const
{
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    e.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    e.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    e.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    e.remove(QStringLiteral("LANGUAGE"));
    e.remove(QStringLiteral("QT_LOGGING_RULES"));
    e.remove(QStringLiteral("KURIER_TRANSCRIPT"));
    return e;
}

TestFetchKurierctl::Run TestFetchKurierctl::kurierctl(const QStringList &args, const QByteArray &input)
{
    QProcess p;
    p.setProcessEnvironment(environment());
    p.start(QStringLiteral(KURIER_KURIERCTL_PATH), args);
    p.waitForStarted();
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000))
        qFatal("kurierctl hung");
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

QString TestFetchKurierctl::createUser(const char *tag)
{
    const QString user = QStringLiteral("ctl-%1-%2@kurier.test").arg(QLatin1String(tag)).arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    const QString password = QStringLiteral("pw-%1").arg(QRandomGenerator::global()->generate());
    test::postToOAuthServer(m_nam, QStringLiteral("/test/users"),
                            {{QStringLiteral("user"), user}, {QStringLiteral("password"), password}});
    m_passwords.insert(user, password);
    return user;
}

void TestFetchKurierctl::addAccount(const QString &prefix, const QString &user, const QString &leaveOnServer)
{
    const Run r = kurierctl({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--prefix"), prefix,
                             QStringLiteral("--email"), user, QStringLiteral("--pop3-host"), env("KURIER_TEST_HOST"),
                             QStringLiteral("--pop3-port"), env("POP3_TLS_PORT"), QStringLiteral("--pop3-security"),
                             QStringLiteral("tls"), QStringLiteral("--leave-on-server"), leaveOnServer,
                             QStringLiteral("--smtp-host"), env("KURIER_TEST_HOST"), QStringLiteral("--ca-file"),
                             env("KURIER_TEST_CA"), QStringLiteral("--oauth"), QStringLiteral("--oauth-endpoint"),
                             env("OAUTH_TOKEN_URL"), QStringLiteral("--oauth-client-id"), env("OAUTH_PUBLIC_CLIENT_ID"),
                             QStringLiteral("--oauth-scope"), env("OAUTH_SCOPE_POP"), QStringLiteral("--password-stdin")},
                            m_passwords.value(user).toUtf8() + '\n');
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
}

QString TestFetchKurierctl::inbox(const QString &prefix) const
{
    return m_home.filePath(QStringLiteral("data/kurier/") + prefix + QStringLiteral("/INBOX"));
}

QStringList TestFetchKurierctl::serverFiles(const QString &user) const
{
    const QString maildir = env("MAILDIR_ROOT") + u'/' + user.toLower() + QStringLiteral("/Maildir");
    return QDir(maildir + QStringLiteral("/new")).entryList(QDir::Files) + QDir(maildir + QStringLiteral("/cur")).entryList(QDir::Files);
}

QByteArray TestFetchKurierctl::messageId(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    while (!f.atEnd()) {
        const QByteArray line = f.readLine();
        if (line.startsWith("Message-ID:"))
            return line.mid(11).trimmed();
        if (line == "\n")
            break;
    }
    return {};
}

void TestFetchKurierctl::fetchThenNothingNew()
{
    const QString user = createUser("fetch");
    addAccount(QStringLiteral("Fetch"), user);
    QCOMPARE(test::TestServers::instance().generate(user, 40, 5000), QString());
    const Run r = kurierctl({QStringLiteral("fetch"), QStringLiteral("Fetch")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QString last = r.out.trimmed().split(u'\n').last();
    QVERIFY2(QRegularExpression(QStringLiteral("^fetched 40 messages \\(\\d+ bytes\\) in \\d+\\.\\d\\d s$")).match(last).hasMatch(),
             qPrintable(last));
    QVERIFY2(r.err.contains(u"40/40 messages"), qPrintable(r.err));
    QVERIFY(r.err.contains(u"MB/s"));
    store::Maildir maildir(inbox(QStringLiteral("Fetch")));
    QCOMPARE(maildir.messages().size(), 40);
    QVERIFY(QFile::exists(maildir.path() + QStringLiteral("/.kurier-index")));

    const Run again = kurierctl({QStringLiteral("fetch"), QStringLiteral("Fetch")});
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    QVERIFY2(again.out.trimmed().startsWith(u"fetched 0 messages (0 bytes) in "), qPrintable(again.out));
    QCOMPARE(maildir.messages().size(), 40);

    // --all fetches every account, one line each, then the total.
    const Run all = kurierctl({QStringLiteral("fetch"), QStringLiteral("--all")});
    QVERIFY2(all.exitCode == 0, qPrintable(all.err));
    QVERIFY2(all.out.contains(u"Fetch: fetched 0 messages"), qPrintable(all.out));
}

void TestFetchKurierctl::checkPrintsEachStep()
{
    // kurierctl check is the GUI's connection test: POP3 and SMTP, so the account gets the
    // submission port and a scope for both.
    const QString user = createUser("check");
    const Run add = kurierctl({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--prefix"), QStringLiteral("Check"),
                               QStringLiteral("--email"), user, QStringLiteral("--pop3-host"), env("KURIER_TEST_HOST"),
                               QStringLiteral("--pop3-port"), env("POP3_TLS_PORT"), QStringLiteral("--pop3-security"),
                               QStringLiteral("tls"), QStringLiteral("--smtp-host"), env("KURIER_TEST_HOST"),
                               QStringLiteral("--smtp-port"), env("SMTP_SUBMISSION_PORT"), QStringLiteral("--smtp-security"),
                               QStringLiteral("starttls"), QStringLiteral("--ca-file"), env("KURIER_TEST_CA"),
                               QStringLiteral("--oauth"), QStringLiteral("--oauth-endpoint"), env("OAUTH_TOKEN_URL"),
                               QStringLiteral("--oauth-client-id"), env("OAUTH_PUBLIC_CLIENT_ID"), QStringLiteral("--oauth-scope"),
                               env("OAUTH_SCOPE_POP") + u' ' + env("OAUTH_SCOPE_SMTP"), QStringLiteral("--password-stdin")},
                              m_passwords.value(user).toUtf8() + '\n');
    QVERIFY2(add.exitCode == 0, qPrintable(add.err));
    const Run r = kurierctl({QStringLiteral("check"), QStringLiteral("Check")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    QVERIFY2(r.out.contains(u"✔ Encryption and certificate (POP3) — TLSv1."), qPrintable(r.out));
    QVERIFY(r.out.contains(u"✔ What the POP3 server offers — ") && r.out.contains(u"PIPELINING") && r.out.contains(u"XOAUTH2"));
    QVERIFY(r.out.contains(u"✔ Token contents: audience, scopes, tenant, expiry — audience https://outlook.office.com"));
    QVERIFY(r.out.contains(u"✔ POP3 sign-in as " + user + u" — Signed in with XOAUTH2"));
    QVERIFY(r.out.contains(u"✔ SMTP sign-in as " + user + u" — Signed in with XOAUTH2"));
    QVERIFY(!r.out.contains(u"✘"));
    QVERIFY(r.out.trimmed().endsWith(u"The account works."));

    // A wrong password: the token step fails, with Microsoft's code, and the exit code says so.
    const Run wrong = kurierctl({QStringLiteral("check"), QStringLiteral("Check"), QStringLiteral("--password-stdin")},
                                QByteArrayLiteral("wrong\n"));
    QCOMPARE(wrong.exitCode, 1);
    QVERIFY2(wrong.out.contains(u"✘ Token request (OAuth 2.0)"), qPrintable(wrong.out));
    QVERIFY(wrong.out.contains(u"AADSTS50126"));
    QVERIFY(wrong.out.contains(u"– POP3 sign-in as "));
}

void TestFetchKurierctl::transcriptHasNoSecrets()
{
    const QString user = createUser("transcript");
    addAccount(QStringLiteral("Trans"), user);
    QCOMPARE(test::TestServers::instance().generate(user, 2, 1000), QString());
    const QString path = m_home.filePath(QStringLiteral("transcript.log"));
    const Run r = kurierctl({QStringLiteral("fetch"), QStringLiteral("Trans"), QStringLiteral("--transcript"), path});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray log = f.readAll();
    QVERIFY2(log.contains("C: AUTH XOAUTH2"), log.constData());
    QVERIFY(log.contains("C: <redacted>"));
    QVERIFY(log.contains("C: RETR 1"));
    QVERIFY(log.contains("bytes of message data"));
    QVERIFY(!log.contains("dXNlcj")); // base64 of "user=…auth=Bearer …"
    QVERIFY(!log.contains("Bearer"));
    QVERIFY(!log.contains(m_passwords.value(user).toUtf8()));
    QVERIFY(!log.contains("Lorem ipsum")); // message bodies are summarised, not written
}

void TestFetchKurierctl::trustedCertificateForAccount()
{
    // Without the test CA the server's certificate is refused, and its fingerprint printed; the
    // user trusts exactly that certificate for this account, and the fetch goes through.
    const QString user = createUser("pin");
    addAccount(QStringLiteral("Pin"), user);
    QCOMPARE(kurierctl({QStringLiteral("account"), QStringLiteral("edit"), QStringLiteral("Pin"), QStringLiteral("--ca-file"),
                        QString()}).exitCode, 0);
    QCOMPARE(test::TestServers::instance().generate(user, 3, 2000), QString());
    const Run refused = kurierctl({QStringLiteral("fetch"), QStringLiteral("Pin")});
    QCOMPARE(refused.exitCode, 1);
    const auto match = QRegularExpression(QStringLiteral("SHA-256 ([0-9a-f]{64})")).match(refused.err);
    QVERIFY2(match.hasMatch(), qPrintable(refused.err));
    QVERIFY(QDir(inbox(QStringLiteral("Pin")) + QStringLiteral("/new")).isEmpty());

    const Run bad = kurierctl({QStringLiteral("account"), QStringLiteral("edit"), QStringLiteral("Pin"),
                               QStringLiteral("--trust-certificate"), QStringLiteral("not-a-fingerprint")});
    QCOMPARE(bad.exitCode, 2);
    // Upper case with colons, as other tools print it, is understood.
    QString colons;
    for (int i = 0; i < 64; i += 2)
        colons += (i ? QStringLiteral(":") : QString()) + match.captured(1).mid(i, 2).toUpper();
    const Run trust = kurierctl({QStringLiteral("account"), QStringLiteral("edit"), QStringLiteral("Pin"),
                                 QStringLiteral("--trust-certificate"), colons});
    QVERIFY2(trust.exitCode == 0, qPrintable(trust.err));
    const Run fetched = kurierctl({QStringLiteral("fetch"), QStringLiteral("Pin")});
    QVERIFY2(fetched.exitCode == 0, qPrintable(fetched.err));
    QVERIFY2(fetched.out.contains(QStringLiteral("fetched 3 messages")), qPrintable(fetched.out));

    // Forgotten again: refused again.
    QCOMPARE(kurierctl({QStringLiteral("account"), QStringLiteral("edit"), QStringLiteral("Pin"),
                        QStringLiteral("--untrust-certificates")}).exitCode, 0);
    QCOMPARE(kurierctl({QStringLiteral("fetch"), QStringLiteral("Pin")}).exitCode, 1);
}

void TestFetchKurierctl::unknownAccount()
{
    const Run r = kurierctl({QStringLiteral("fetch"), QStringLiteral("Nope")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(u"no account with prefix"));
    const Run usage = kurierctl({QStringLiteral("fetch")});
    QCOMPARE(usage.exitCode, 2);
}

void TestFetchKurierctl::failureReportedOnce()
{
    const QString user = createUser("tlsfail");
    const Run added = kurierctl({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--prefix"), QStringLiteral("Wrong"),
                                 QStringLiteral("--email"), user, QStringLiteral("--pop3-host"), env("KURIER_TEST_HOST"),
                                 QStringLiteral("--pop3-port"), env("POP3_STARTTLS_PORT"), QStringLiteral("--pop3-security"),
                                 QStringLiteral("tls"), QStringLiteral("--smtp-host"), env("KURIER_TEST_HOST"),
                                 QStringLiteral("--ca-file"), env("KURIER_TEST_CA"), QStringLiteral("--password-stdin")},
                                "irrelevant\n");
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    // SSL/TLS against the STARTTLS port: the handshake fails; one diagnostic, exit 1.
    const Run r = kurierctl({QStringLiteral("fetch"), QStringLiteral("Wrong")});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err.count(u"kurierctl: Wrong: "), 1);
    QVERIFY2(r.err.contains(u"No secure connection"), qPrintable(r.err));
    QVERIFY(r.err.contains(u"What to do: "));
    QCOMPARE(r.out.count(u"fetched 0 messages"), 1);
}

void TestFetchKurierctl::killedAtRandomMoments()
{
    const int trials = qEnvironmentVariableIsSet("KURIER_KILL_TRIALS") ? qEnvironmentVariableIntValue("KURIER_KILL_TRIALS") : 20;
    const int perTrial = 100;
    const QString user = createUser("kill");
    // Delete after download: a fetch that lost or duplicated a message could not hide it.
    addAccount(QStringLiteral("Kill"), user, QStringLiteral("delete-after-download"));
    const QString serverMaildir = env("MAILDIR_ROOT") + u'/' + user.toLower() + QStringLiteral("/Maildir/");
    QSet<QByteArray> delivered;
    auto collectNew = [&] {
        for (const QString &f : QDir(serverMaildir + QStringLiteral("new")).entryList(QDir::Files))
            delivered.insert(messageId(serverMaildir + QStringLiteral("new/") + f));
    };

    // Calibration: one uninterrupted run (it also puts the token into the keychain) tells how
    // long a fetch of one trial's mail takes; the kills then fall anywhere in that span.
    QCOMPARE(test::TestServers::instance().generate(user, perTrial, 6000, test::TestServers::Delivery::Maildir,
                                                    QStringLiteral("Kill test warm-up")),
             QString());
    collectNew();
    QElapsedTimer clock;
    clock.start();
    const Run warmUp = kurierctl({QStringLiteral("fetch"), QStringLiteral("Kill"), QStringLiteral("--quiet")});
    QVERIFY2(warmUp.exitCode == 0, qPrintable(warmUp.err));
    const int span = int(qMax<qint64>(50, clock.elapsed()));

    int killedMidway = 0;
    int killedWhileStoring = 0;
    int completed = 0;
    qsizetype storedBefore = store::Maildir(inbox(QStringLiteral("Kill"))).messages().size();
    for (int trial = 0; trial < trials; ++trial) {
        // New mail for every trial, so that each run has work to be interrupted in.
        QCOMPARE(test::TestServers::instance().generate(user, perTrial, 6000, test::TestServers::Delivery::Maildir,
                                                        QStringLiteral("Kill test %1").arg(trial)),
                 QString());
        collectNew();
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(QStringLiteral(KURIER_KURIERCTL_PATH), {QStringLiteral("fetch"), QStringLiteral("Kill"), QStringLiteral("--quiet")});
        QVERIFY(p.waitForStarted());
        p.closeWriteChannel();
        const int delay = QRandomGenerator::global()->bounded(5, span + span / 5);
        if (p.waitForFinished(delay)) {
            ++completed;
            continue;
        }
        p.kill(); // SIGKILL: no cleanup, no QUIT
        QVERIFY(p.waitForFinished(10000));
        ++killedMidway;
        const qsizetype now = store::Maildir(inbox(QStringLiteral("Kill"))).messages().size();
        if (now > storedBefore && now < delivered.size())
            ++killedWhileStoring;
        storedBefore = now;
    }
    qInfo() << "a full fetch takes" << span << "ms;" << trials << "trials:" << killedMidway << "killed," << killedWhileStoring << "of them while storing messages,"
            << completed << "finished before the kill";

    const Run last = kurierctl({QStringLiteral("fetch"), QStringLiteral("Kill")});
    QVERIFY2(last.exitCode == 0, qPrintable(last.err));
    store::Maildir local(inbox(QStringLiteral("Kill")));
    const QStringList files = local.messages();
    QSet<QByteArray> stored;
    for (const QString &f : files)
        stored.insert(messageId(local.filePath(f)));
    QCOMPARE(delivered.size(), (trials + 1) * perTrial);
    QCOMPARE(files.size(), delivered.size()); // none duplicated …
    QCOMPARE(stored, delivered);              // … none lost
    QCOMPARE(serverFiles(user).size(), 0);    // and every one deleted on the server, after storing
    QVERIFY(QDir(local.path() + QStringLiteral("/tmp")).isEmpty());
    QVERIFY(killedWhileStoring > 0);
}

QTEST_GUILESS_MAIN(TestFetchKurierctl)
#include "tst_fetch_kurierctl.moc"
