// The local store: Maildir delivery (streamed and whole), names, keys, flags, tmp/ cleanup;
// UidlState persistence; HeaderIndex parsing and rebuilding.
#include "store/DeletionRequests.h"
#include "store/HeaderIndex.h"
#include "store/Maildir.h"
#include "store/MaildirWriter.h"
#include "store/UidlState.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kurier::store;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestMaildir : public QObject
{
    Q_OBJECT
private slots:
    void createAndDeliver();
    void streamedDelivery();
    void writerDiscardsWithoutCommit();
    void uniqueNamesAndKeys();
    void flags();
    void cleanTmp();
    void uidlStateRoundTrip();
    void uidlStateMessageKey();
    void headerIndexParse();
    void headerIndexAppendLoadRebuild();
    void headerIndexToAndAttachmentMark();
    void deletionRequests();
};

void TestMaildir::createAndDeliver()
{
    QTemporaryDir dir;
    Maildir md(dir.filePath(QStringLiteral("INBOX")));
    QVERIFY(!md.exists());
    QVERIFY(md.create());
    QVERIFY(md.exists());
    QCOMPARE(QFileInfo(md.path() + QStringLiteral("/new")).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
             QFileDevice::Permissions());
    const auto name = md.deliver("Subject: hi\n\nbody\n");
    QVERIFY(name.has_value());
    QCOMPARE(md.messages(), QStringList{u"new/"_qs + *name});
    QCOMPARE(readFile(md.filePath(u"new/"_qs + *name)), QByteArray("Subject: hi\n\nbody\n"));
    QVERIFY(QDir(md.path() + QStringLiteral("/tmp")).isEmpty());
}

void TestMaildir::streamedDelivery()
{
    QTemporaryDir dir;
    Maildir md(dir.path());
    QVERIFY(md.create());
    QString error;
    auto w = md.beginDelivery("abc123", &error);
    QVERIFY2(w, qPrintable(error));
    QVERIFY(QFile::exists(md.path() + QStringLiteral("/tmp/") + w->name()));
    QVERIFY(md.messages().isEmpty()); // invisible to readers until committed
    QVERIFY(w->write("part one\n"));
    QVERIFY(w->write("part two\n"));
    QCOMPARE(w->size(), 18);
    QVERIFY(w->commit());
    QVERIFY(md.syncNewDirectory());
    QCOMPARE(md.messages().size(), 1);
    QCOMPARE(readFile(md.filePath(md.messages().first())), QByteArray("part one\npart two\n"));
    QCOMPARE(Maildir::keyOf(md.messages().first()), QByteArray("abc123"));
}

void TestMaildir::writerDiscardsWithoutCommit()
{
    QTemporaryDir dir;
    Maildir md(dir.path());
    QVERIFY(md.create());
    {
        auto w = md.beginDelivery();
        QVERIFY(w->write("half a message"));
    } // destroyed: a killed download never shows up
    QVERIFY(QDir(md.path() + QStringLiteral("/tmp")).isEmpty());
    QVERIFY(md.messages().isEmpty());
}

void TestMaildir::uniqueNamesAndKeys()
{
    Maildir md(QStringLiteral("/nonexistent"));
    QSet<QString> names;
    for (int i = 0; i < 1000; ++i)
        names.insert(md.uniqueName());
    QCOMPARE(names.size(), 1000);
    const QString name = md.uniqueName("0123456789abcdef");
    QVERIFY(!name.contains(u'/'));
    QVERIFY(!name.contains(u':'));
    QCOMPARE(Maildir::keyOf(name), QByteArray("0123456789abcdef"));
    QCOMPARE(Maildir::keyOf(u"cur/"_qs + name + u":2,S"_qs), QByteArray("0123456789abcdef"));
    QCOMPARE(Maildir::keyOf(u"cur/1.M2P3Q4.host:2,S"_qs), QByteArray());
}

void TestMaildir::flags()
{
    QTemporaryDir dir;
    Maildir md(dir.path());
    QVERIFY(md.create());
    const QString name = *md.deliver("x\n");
    const auto seen = md.setFlags(u"new/"_qs + name, QStringLiteral("SF"));
    QVERIFY(seen.has_value());
    QCOMPARE(*seen, u"cur/"_qs + name + u":2,FS"_qs); // sorted, RFC-less but maildir(5) convention
    QCOMPARE(Maildir::flagsOf(*seen), QStringLiteral("FS"));
    const auto replied = md.setFlags(*seen, QStringLiteral("RS"));
    QCOMPARE(*replied, u"cur/"_qs + name + u":2,RS"_qs);
    QCOMPARE(md.messages(), QStringList{*replied});
}

void TestMaildir::cleanTmp()
{
    QTemporaryDir dir;
    Maildir md(dir.path());
    QVERIFY(md.create());
    QFile leftover(md.path() + QStringLiteral("/tmp/leftover"));
    QVERIFY(leftover.open(QIODevice::WriteOnly));
    leftover.close();
    QCOMPARE(md.cleanTmp(), 0); // young: another deliverer may still be writing it
    QCOMPARE(md.cleanTmp(0), 1);
    QVERIFY(QDir(md.path() + QStringLiteral("/tmp")).isEmpty());
}

void TestMaildir::uidlStateRoundTrip()
{
    QTemporaryDir dir;
    const QString path = UidlState::defaultPath(dir.path(), QStringLiteral("pop.example.org"), QStringLiteral("anna/x@example.org"));
    QVERIFY(path.startsWith(dir.path() + QStringLiteral("/pop3-uidl/")));
    QVERIFY(!path.mid(dir.path().size() + 11).contains(u'/'));
    UidlState s(path, QStringLiteral("pop.example.org"), QStringLiteral("anna"));
    QVERIFY(s.load()); // missing file: empty
    s.seen("uid-1", 1000);
    s.seen("uid-2", 2000);
    s.seen("uid 3 with spaces", 3000);
    s.markFetched("uid-1");
    s.markFetched("uid 3 with spaces");
    s.seen("uid-1", 5000); // keeps the first time
    QVERIFY(s.save());
    UidlState t(path, QStringLiteral("pop.example.org"), QStringLiteral("anna"));
    QVERIFY(t.load());
    QCOMPARE(t.size(), 3);
    QVERIFY(t.isFetched("uid-1"));
    QVERIFY(!t.isFetched("uid-2"));
    QVERIFY(t.isFetched("uid 3 with spaces"));
    QCOMPARE(t.firstSeen("uid-1"), 1000);
    QCOMPARE(t.firstSeen("nope"), -1);
    t.retainOnly({"uid-2"});
    QCOMPARE(t.size(), 1);
    QVERIFY(t.isDirty());

    QFile broken(dir.filePath(QStringLiteral("broken")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("something else\n");
    broken.close();
    UidlState b(broken.fileName(), {}, {});
    QString error;
    QVERIFY(!b.load(&error));
    QVERIFY(!error.isEmpty());
}

void TestMaildir::uidlStateMessageKey()
{
    UidlState a(QStringLiteral("/x"), QStringLiteral("host"), QStringLiteral("user"));
    UidlState b(QStringLiteral("/x"), QStringLiteral("other"), QStringLiteral("user"));
    QCOMPARE(a.messageKey("1").size(), 16);
    QCOMPARE(a.messageKey("1"), a.messageKey("1"));
    QVERIFY(a.messageKey("1") != a.messageKey("2"));
    QVERIFY(a.messageKey("1") != b.messageKey("1"));
}

void TestMaildir::headerIndexParse()
{
    const QByteArray m = "Received: from x\n  by y\nFrom: Anna <anna@example.org>\nSubject: Hello\n\tfolded world\n"
                         "Date: Sat, 28 Nov 2026 10:00:00 +0100\nMessage-ID: <a@b>\nsubject: second ignored\n\n"
                         "Subject: in the body\n";
    const auto e = HeaderIndex::parse(m, QStringLiteral("name"), 123);
    QCOMPARE(e.subject, QStringLiteral("Hello folded world"));
    QCOMPARE(e.from, QStringLiteral("Anna <anna@example.org>"));
    QCOMPARE(e.messageId, QStringLiteral("<a@b>"));
    QCOMPARE(e.date.toUTC(), QDateTime(QDate(2026, 11, 28), QTime(9, 0), Qt::UTC));
    QCOMPARE(e.size, 123);
    QVERIFY(e.to.isEmpty());
    QVERIFY(!e.hasAttachment);
    QCOMPARE(HeaderIndex::headerEnd("A: b\r\n\r\nbody"), 8);
    QCOMPARE(HeaderIndex::headerEnd("A: b\n\nbody"), 6);
    QCOMPARE(HeaderIndex::headerEnd("A: b\n"), -1);
    QCOMPARE(HeaderIndex::baseName(u"cur/123.M1P2Q3.h,K=ab:2,S"_qs), u"123.M1P2Q3.h,K=ab"_qs);
}

void TestMaildir::headerIndexAppendLoadRebuild()
{
    QTemporaryDir dir;
    Maildir md(dir.filePath(QStringLiteral("INBOX")));
    QVERIFY(md.create());
    const QString n1 = *md.deliver("Subject: one\nFrom: a@x\n\nbody\n");
    const QString n2 = *md.deliver("Subject: two\twith tab\nFrom: b@x\n\nbody\n");
    HeaderIndex index(md.path() + QStringLiteral("/.kurier-index"));
    QVERIFY(index.append(HeaderIndex::parse("Subject: one\nFrom: a@x\n\n", n1, 25)));
    QCOMPARE(index.load().size(), 1);
    QVERIFY(index.rebuild(md));
    auto entries = index.load();
    QCOMPARE(entries.size(), 2);
    std::sort(entries.begin(), entries.end(), [](const auto &a, const auto &b) { return a.subject < b.subject; });
    QCOMPARE(entries[0].subject, QStringLiteral("one"));
    QCOMPARE(entries[0].baseName, n1);
    QCOMPARE(entries[1].subject, QStringLiteral("two with tab"));
    QCOMPARE(entries[1].baseName, n2);
    QCOMPARE(entries[1].size, 38);
    QVERIFY(!md.messages().join(u' ').contains(u".kurier-index")); // not a message
}

void TestMaildir::headerIndexToAndAttachmentMark()
{
    const auto mixed = HeaderIndex::parse("To: Bea <bea@example.org>,\n c@example.org\nContent-Type: Multipart/Mixed;\n"
                                          " boundary=x\n\n", QStringLiteral("m"), 1);
    QCOMPARE(mixed.to, QStringLiteral("Bea <bea@example.org>, c@example.org"));
    QVERIFY(mixed.hasAttachment);
    QVERIFY(HeaderIndex::parse("Content-Type: application/pdf\n\n", QStringLiteral("p"), 1).hasAttachment);
    QVERIFY(!HeaderIndex::parse("Content-Type: multipart/alternative; boundary=y\n\n", QStringLiteral("a"), 1).hasAttachment);
    QVERIFY(!HeaderIndex::parse("Content-Type: text/plain\n\n", QStringLiteral("t"), 1).hasAttachment);

    // Written and read back; a line of the older six-field format still loads.
    QTemporaryDir dir;
    HeaderIndex index(dir.filePath(QStringLiteral("index")));
    QVERIFY(index.append(mixed));
    {
        QFile f(index.filePath());
        QVERIFY(f.open(QIODevice::Append));
        f.write("old\t10\t\tx@y\tOld line\t<o@x>\n");
    }
    const auto entries = index.load();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries[0], mixed);
    QCOMPARE(entries[1].subject, QStringLiteral("Old line"));
    QVERIFY(!entries[1].hasAttachment);
}

void TestMaildir::deletionRequests()
{
    QTemporaryDir dir;
    const DeletionRequests requests(dir.path());
    QVERIFY(requests.keys().isEmpty());
    QVERIFY(requests.add("0123abcd"));
    QVERIFY(requests.add("ffff0000"));
    QVERIFY(requests.add("0123abcd")); // twice is once
    QVERIFY(!requests.add("../evil"));
    QVERIFY(!requests.add(""));
    auto keys = requests.keys();
    std::sort(keys.begin(), keys.end());
    QCOMPARE(keys, (QList<QByteArray>{"0123abcd", "ffff0000"}));
    requests.remove({"0123abcd"});
    QCOMPARE(requests.keys(), QList<QByteArray>{"ffff0000"});

    // The state finds the UID of a key (the ",K=" of a file name) and marks it for DELE.
    UidlState state(dir.filePath(QStringLiteral("state")), QStringLiteral("pop.example.org"), QStringLiteral("u"));
    state.seen("uid-1", 100);
    state.seen("uid-2", 100);
    const auto byKey = state.uidsByKey();
    QCOMPARE(byKey.value(state.messageKey("uid-2")), QByteArray("uid-2"));
    QVERIFY(!state.isDeletionRequested("uid-2"));
    state.requestDeletion(byKey.value(state.messageKey("uid-2")));
    QVERIFY(state.isDeletionRequested("uid-2"));
    QVERIFY(!state.isDeletionRequested("uid-1"));
}

QTEST_GUILESS_MAIN(TestMaildir)
#include "tst_maildir.moc"
