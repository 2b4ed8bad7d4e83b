// Pop3Fetch transcripts against the scripted FakeTransport: what is sent in which order, what
// lands in the Maildir, and when DELE may go out.
#include "pop3/Pop3Fetch.h"
#include "pop3/Pop3Session.h"
#include "store/HeaderIndex.h"
#include "store/Maildir.h"
#include "store/UidlState.h"
#include "support/FakeTransport.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace kurier;
using namespace kurier::pop3;
using kurier::test::FakeTransport;

namespace {

struct Rig {
    explicit Rig(Pop3Fetch::Options fetchOptions = {}, const QByteArray &caps = "+OK\r\nUIDL\r\nTOP\r\nPIPELINING\r\nSASL PLAIN\r\n.\r\n")
        : maildir(dir.filePath(QStringLiteral("INBOX")))
        , state(dir.filePath(QStringLiteral("uidl")), QStringLiteral("pop.example.org"), QStringLiteral("anna"))
        , index(dir.filePath(QStringLiteral("INBOX/.kurier-index")))
        , session(&transport, options())
        , fetch(&session, &maildir, &state, &index, fetchOptions)
    {
        maildir.create();
        session.setPassword(QStringLiteral("pw"));
        QObject::connect(&session, &Pop3Session::ready, &fetch, &Pop3Fetch::start);
        QObject::connect(&fetch, &Pop3Fetch::finished, &fetch, [this](const Pop3Fetch::Result &r) { result = r; });
        session.open();
        (void)QTest::qWaitFor([&] { return transport.port() != 0; }, 1000);
        transport.serverSays("+OK ready\r\n");
        expect("CAPA\r\n");
        transport.serverSays(caps);
        const QByteArray auth = take();
        Q_ASSERT(auth.startsWith("AUTH PLAIN"));
        transport.serverSays("+OK Logged in.\r\n");
    }
    static Pop3Session::Options options()
    {
        Pop3Session::Options o;
        o.host = QStringLiteral("pop.example.org");
        o.user = QStringLiteral("anna");
        o.microsoft = false;
        return o;
    }
    QByteArray take(int ms = 2000)
    {
        QByteArray got;
        (void)QTest::qWaitFor([&] {
            got += transport.takeWritten();
            return !got.isEmpty() || result.has_value();
        }, ms);
        return got;
    }
    void expect(const QByteArray &what) { QCOMPARE(take(), what); }
    QList<QByteArray> stored() const
    {
        QList<QByteArray> out;
        for (const QString &f : maildir.messages()) {
            QFile file(maildir.filePath(f));
            if (file.open(QIODevice::ReadOnly))
                out << file.readAll();
        }
        std::sort(out.begin(), out.end());
        return out;
    }

    QTemporaryDir dir;
    store::Maildir maildir;
    store::UidlState state;
    store::HeaderIndex index;
    FakeTransport transport;
    Pop3Session session;
    Pop3Fetch fetch;
    std::optional<Pop3Fetch::Result> result;
};

} // namespace

class TestPop3Fetch : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        qRegisterMetaType<diagnostics::Diagnostic>();
        qRegisterMetaType<Pop3Fetch::Result>();
    }
    void pipelinedFetchThenDeleteAfterQuit();
    void secondFetchSkipsKnownAndRecoversFromFileNames();
    void withoutUidlMessageIdHashes();
    void tooLargeIsSkipped();
    void retrRefusedFails();
};

void TestPop3Fetch::pipelinedFetchThenDeleteAfterQuit()
{
    Pop3Fetch::Options o;
    o.leaveOnServer = store::LeaveOnServer::DeleteAfterDownload;
    Rig rig(o);
    rig.expect("UIDL\r\nLIST\r\n"); // pipelined
    rig.transport.serverSays("+OK\r\n1 aaa\r\n2 bbb\r\n.\r\n+OK\r\n1 30\r\n2 40\r\n.\r\n");
    rig.expect("RETR 1\r\nRETR 2\r\n");
    rig.transport.serverSays("+OK\r\nSubject: one\r\n\r\n..dot\r\n.\r\n+OK\r\nSubject: two\r\n\r\nbody\r\n.\r\n");
    // Only after both are stored (and the state saved): DELE, then QUIT in one go.
    rig.expect("DELE 1\r\nDELE 2\r\nQUIT\r\n");
    QCOMPARE(rig.stored(), (QList<QByteArray>{"Subject: one\n\n.dot\n", "Subject: two\n\nbody\n"}));
    store::UidlState saved(rig.dir.filePath(QStringLiteral("uidl")), QStringLiteral("pop.example.org"), QStringLiteral("anna"));
    QVERIFY(saved.load());
    QVERIFY(saved.isFetched("aaa") && saved.isFetched("bbb"));
    rig.transport.serverSays("+OK\r\n+OK\r\n+OK bye\r\n");
    QTRY_VERIFY(rig.result.has_value());
    QVERIFY(rig.result->ok());
    QCOMPARE(rig.result->fetched, 2);
    QCOMPARE(rig.result->deleted, 2);
    QCOMPARE(rig.index.load().size(), 2);
}

void TestPop3Fetch::secondFetchSkipsKnownAndRecoversFromFileNames()
{
    Rig rig;
    rig.state.markFetched("aaa");
    // "ccc" was stored by a fetch that died before saving the state: its key is in the name.
    QVERIFY(rig.maildir.deliver("Subject: three\n\n", rig.state.messageKey("ccc")).has_value());
    rig.expect("UIDL\r\nLIST\r\n");
    rig.transport.serverSays("+OK\r\n1 aaa\r\n2 bbb\r\n3 ccc\r\n.\r\n+OK\r\n1 30\r\n2 40\r\n3 10\r\n.\r\n");
    rig.expect("RETR 2\r\n");
    rig.transport.serverSays("+OK\r\nSubject: two\r\n\r\n.\r\n");
    rig.expect("QUIT\r\n"); // Keep: no DELE
    rig.transport.serverSays("+OK\r\n");
    QTRY_VERIFY(rig.result.has_value());
    QCOMPARE(rig.result->fetched, 1);
    QCOMPARE(rig.maildir.messages().size(), 2);
    QVERIFY(rig.state.isFetched("ccc"));
}

void TestPop3Fetch::withoutUidlMessageIdHashes()
{
    Rig rig({}, "+OK\r\nTOP\r\nSASL PLAIN\r\n.\r\n"); // no PIPELINING, no UIDL
    QSignalSpy notes(&rig.fetch, &Pop3Fetch::note);
    rig.expect("UIDL\r\n");
    rig.transport.serverSays("-ERR unknown command\r\n");
    rig.expect("LIST\r\n");
    rig.transport.serverSays("+OK\r\n1 30\r\n.\r\n");
    rig.expect("TOP 1 0\r\n");
    rig.transport.serverSays("+OK\r\nMessage-ID: <x@y>\r\nSubject: s\r\n\r\n.\r\n");
    rig.expect("RETR 1\r\n");
    rig.transport.serverSays("+OK\r\nMessage-ID: <x@y>\r\nSubject: s\r\n\r\nbody\r\n.\r\n");
    rig.expect("QUIT\r\n");
    rig.transport.serverSays("+OK\r\n");
    QTRY_VERIFY(rig.result.has_value());
    QVERIFY(rig.result->ok());
    QVERIFY(rig.result->usedMessageIdFallback);
    QCOMPARE(notes.count(), 1);
    QVERIFY(notes.first().first().toString().contains(u"UIDL"));
    QCOMPARE(rig.stored(), QList<QByteArray>{"Message-ID: <x@y>\nSubject: s\n\nbody\n"});
}

void TestPop3Fetch::tooLargeIsSkipped()
{
    Pop3Fetch::Options o;
    o.maxMessageSize = 100;
    Rig rig(o);
    rig.expect("UIDL\r\nLIST\r\n");
    rig.transport.serverSays("+OK\r\n1 big\r\n2 small\r\n.\r\n+OK\r\n1 5000\r\n2 20\r\n.\r\n");
    rig.expect("RETR 2\r\n");
    rig.transport.serverSays("+OK\r\nS: x\r\n\r\n.\r\n");
    rig.expect("QUIT\r\n");
    rig.transport.serverSays("+OK\r\n");
    QTRY_VERIFY(rig.result.has_value());
    QCOMPARE(rig.result->skippedTooLarge, 1);
    QCOMPARE(rig.result->fetched, 1);
}

void TestPop3Fetch::retrRefusedFails()
{
    Pop3Fetch::Options o;
    o.leaveOnServer = store::LeaveOnServer::DeleteAfterDownload;
    Rig rig(o);
    rig.expect("UIDL\r\nLIST\r\n");
    rig.transport.serverSays("+OK\r\n1 a\r\n2 b\r\n.\r\n+OK\r\n1 10\r\n2 10\r\n.\r\n");
    rig.expect("RETR 1\r\nRETR 2\r\n");
    rig.transport.serverSays("+OK\r\nX: 1\r\n\r\n.\r\n-ERR [SYS/TEMP] disk error\r\n");
    QTRY_VERIFY(rig.result.has_value());
    QVERIFY(!rig.result->ok());
    QCOMPARE(rig.result->diagnostic.code, QStringLiteral("SYS/TEMP"));
    QVERIFY(rig.result->diagnostic.retryable);
    QCOMPARE(rig.result->fetched, 1); // the complete one is kept and recorded …
    QVERIFY(!rig.transport.allWritten().contains("DELE")); // … but nothing is deleted
    store::UidlState saved(rig.dir.filePath(QStringLiteral("uidl")), QStringLiteral("pop.example.org"), QStringLiteral("anna"));
    QVERIFY(saved.load());
    QVERIFY(saved.isFetched("a"));
    QVERIFY(!saved.isFetched("b"));
}

QTEST_GUILESS_MAIN(TestPop3Fetch)
#include "tst_pop3_fetch.moc"
