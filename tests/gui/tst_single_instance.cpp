// One Kurier per user: real `kurier` processes (offscreen, their own XDG_RUNTIME_DIR) — a second
// start hands its mailto: link to the first and exits 0; a crashed first start (SIGKILL, socket
// and lock file left behind) does not block the next. In-process: MainWindow::composeMailto fills
// the composer from an RFC 6068 link and lets it set nothing else.

#include "compose/ComposerWindow.h"
#include "GuiTestSupport.h"
#include "mail/MainWindow.h"

#include <QFileInfo>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <memory>

using namespace kurier;

namespace {

// One `kurier` process with its output collected.
struct Kurier {
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    QByteArray output;
    [[nodiscard]] bool saw(const QByteArray &text)
    {
        output += process->readAll();
        return output.contains(text);
    }
    [[nodiscard]] qsizetype count(const QByteArray &text)
    {
        output += process->readAll();
        return output.count(text);
    }
};

} // namespace

class TestSingleInstance : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void composeMailtoFillsTheComposer();
    void secondStartHandsOverAndExits();
    void crashLeavesNothingInTheWay();
    void staleFilesFromADeadProcess();

private:
    Kurier *start(const QStringList &arguments);
    [[nodiscard]] QString socketPath() const { return m_dir->filePath(QStringLiteral("run/kurier.socket")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::vector<std::unique_ptr<Kurier>> m_processes;
};

void TestSingleInstance::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("run")));
    QVERIFY(QFile::setPermissions(m_dir->filePath(QStringLiteral("run")),
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
}

void TestSingleInstance::cleanup()
{
    for (auto &k : m_processes) {
        if (k->process->state() != QProcess::NotRunning) {
            k->process->kill();
            k->process->waitForFinished(5000);
        }
    }
    m_processes.clear();
    m_dir.reset();
}

Kurier *TestSingleInstance::start(const QStringList &arguments)
{
    auto k = std::make_unique<Kurier>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir->filePath(QStringLiteral("run")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("kurier.ui.debug=true"));
    k->process->setProcessEnvironment(env);
    k->process->setProcessChannelMode(QProcess::MergedChannels);
    k->process->start(QStringLiteral(KURIER_KURIER_PATH), arguments);
    if (!k->process->waitForStarted(10000))
        qWarning("kurier did not start: %s", qPrintable(k->process->errorString()));
    m_processes.push_back(std::move(k));
    return m_processes.back().get();
}

void TestSingleInstance::composeMailtoFillsTheComposer()
{
    test::Fixture f;
    qputenv("XDG_DATA_HOME", QFile::encodeName(f.dir.path() + QStringLiteral("/data")));
    store::Account a = test::sampleAccount(QStringLiteral("K"), QStringLiteral("me@example.com"));
    a.isDefault = true;
    QVERIFY(f.save(a, test::passwordUpdate(QStringLiteral("pw"))).ok);
    ui::MainWindow window(f.manager.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QVERIFY(!window.composing()->composeMailto(QStringLiteral("https://example.com/?to=a@example.com")));
    ui::ComposerWindow *c = window.composing()->composeMailto(
        QStringLiteral("mailto:anna@example.com?to=bob@example.org&cc=carl@example.net&bcc=dora@example.com"
                       "&subject=Gr%C3%BC%C3%9Fe%0D%0ABcc:%20spy@example.net&body=Zeile%201%0D%0AZeile%202"
                       "&from=boss@example.com&reply-to=evil@example.net&attach=%2Fetc%2Fpasswd"));
    QVERIFY(c);
    QCOMPARE(c->toEdit()->text(), QStringLiteral("anna@example.com, bob@example.org"));
    QCOMPARE(c->ccEdit()->text(), QStringLiteral("carl@example.net"));
    QCOMPARE(c->bccEdit()->text(), QStringLiteral("dora@example.com"));
    QCOMPARE(c->subjectEdit()->text(), QStringLiteral("Grüße Bcc: spy@example.net"));
    QCOMPARE(c->bodyEdit()->toPlainText(), QStringLiteral("Zeile 1\nZeile 2"));
    // The link set nothing else: the sender is the account, no attachment.
    const mime::Draft d = c->draft();
    QCOMPARE(d.from.address, QStringLiteral("me@example.com"));
    QCOMPARE(d.attachments.size(), 0);
    QCOMPARE(d.bcc.size(), 1);
    test::screenshot(c, QStringLiteral("composer-mailto-en"));
}

void TestSingleInstance::secondStartHandsOverAndExits()
{
    Kurier *first = start({QStringLiteral("mailto:first@example.com?subject=Eins")});
    QTRY_VERIFY_WITH_TIMEOUT(first->saw("composing from a mailto: link, to: first@example.com"), 20000);
    QVERIFY(first->saw("listening on"));
    QVERIFY(QFileInfo(socketPath()).exists());
    // A window open for hours: the age of its lock does not make the lock stale.
    {
        QFile lock(socketPath() + QStringLiteral(".lock"));
        QVERIFY(lock.open(QIODevice::ReadWrite));
        QVERIFY(lock.setFileTime(QDateTime::currentDateTime().addSecs(-6 * 3600), QFileDevice::FileModificationTime));
    }

    Kurier *second = start({QStringLiteral("mailto:?to=anna@example.com,bob@example.org&subject=Zwei&from=evil@example.net")});
    QVERIFY(second->process->waitForFinished(20000));
    QCOMPARE(second->process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(second->process->exitCode(), 0);
    QVERIFY2(second->saw("handing over"), second->output.constData());
    QVERIFY(!second->saw("listening on"));
    QTRY_VERIFY_WITH_TIMEOUT(first->saw("to: anna@example.com, bob@example.org"), 10000);
    QVERIFY(first->saw("raised by another start"));

    // A plain second start only raises the window.
    Kurier *third = start({});
    QVERIFY(third->process->waitForFinished(20000));
    QCOMPARE(third->process->exitCode(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(first->count("raised by another start") == 2, 10000);
    QCOMPARE(first->process->state(), QProcess::Running);
}

void TestSingleInstance::crashLeavesNothingInTheWay()
{
    Kurier *first = start({});
    QTRY_VERIFY_WITH_TIMEOUT(first->saw("listening on"), 20000);
    first->process->kill(); // SIGKILL: no clean-up
    QVERIFY(first->process->waitForFinished(10000));
    QVERIFY(QFileInfo::exists(socketPath()));
    QVERIFY(QFileInfo::exists(socketPath() + QStringLiteral(".lock")));

    Kurier *next = start({QStringLiteral("mailto:after-crash@example.com")});
    QTRY_VERIFY_WITH_TIMEOUT(next->saw("composing from a mailto: link, to: after-crash@example.com"), 20000);
    QVERIFY2(next->saw("listening on"), next->output.constData());
    QVERIFY(!next->saw("handing over"));

    // And it is the one the next start hands over to.
    Kurier *later = start({QStringLiteral("mailto:later@example.com")});
    QVERIFY(later->process->waitForFinished(20000));
    QCOMPARE(later->process->exitCode(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(next->saw("to: later@example.com"), 10000);
}

void TestSingleInstance::staleFilesFromADeadProcess()
{
    // A lock naming a process that is gone and a leftover file where the socket goes.
    QProcess dead;
    dead.start(QStringLiteral("true"));
    QVERIFY(dead.waitForFinished(5000));
    const qint64 deadPid = dead.processId() > 0 ? dead.processId() : 999999;
    {
        QFile lock(socketPath() + QStringLiteral(".lock"));
        QVERIFY(lock.open(QIODevice::WriteOnly));
        lock.write(QByteArray::number(deadPid) + "\nkurier\n" + QSysInfo::machineHostName().toUtf8() + "\n");
        QFile leftover(socketPath());
        QVERIFY(leftover.open(QIODevice::WriteOnly));
    }
    Kurier *k = start({});
    QTRY_VERIFY_WITH_TIMEOUT(k->saw("listening on"), 20000);
    Kurier *second = start({QStringLiteral("mailto:stale@example.com")});
    QVERIFY(second->process->waitForFinished(20000));
    QCOMPARE(second->process->exitCode(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(k->saw("to: stale@example.com"), 10000);
}

QTEST_MAIN(TestSingleInstance)
#include "tst_single_instance.moc"
