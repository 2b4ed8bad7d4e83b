// store::Mailbox without a window: the message operations on an account's Maildirs, each checked
// on disk (where the file is, its flags, that nothing is lost or doubled).
#include "mime/Draft.h"
#include "store/Mailbox.h"
#include "store/DeletionRequests.h"
#include "store/Maildir.h"
#include "store/HeaderIndex.h"
#include "store/MessageSummary.h"
#include "store/Outbox.h"

#include <QDir>
#include <algorithm>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace kurier;
using store::Mailbox;

namespace {

// Puts a message file into a folder of the account ("new/x" or "cur/x:2,FS").
void put(const store::Account &account, Mailbox::Kind kind, const QString &relative)
{
    const store::Maildir maildir(Mailbox::path(account, kind));
    QVERIFY(maildir.create());
    QFile f(maildir.filePath(relative));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("From: a@example.org\r\nSubject: " + relative.toUtf8() + "\r\n\r\nbody\r\n");
}

QStringList files(const store::Account &account, Mailbox::Kind kind)
{
    QStringList list = store::Maildir(Mailbox::path(account, kind)).messages();
    list.sort();
    return list;
}

} // namespace

class TestMailbox : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void setRead_data();
    void setRead();
    void mark_data();
    void mark();
    void markReportsWhatStayed();
    void trashAndRestore_data();
    void trashAndRestore();
    void trashMarksForServer_data();
    void trashMarksForServer();
    void markAllReadAndCounts();
    void emptyTrash();
    void removeForGood_data();
    void removeForGood();
    void outboxRemovalKeepsWhatIsBeingSent();
    void queueAndDrafts();
    void summariesDecodeAndFillGaps();

private:
    std::unique_ptr<QTemporaryDir> m_data;
    store::Account m_account;
};

void TestMailbox::init()
{
    m_data = std::make_unique<QTemporaryDir>();
    QVERIFY(m_data->isValid());
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_data->path()));
    m_account = {};
    m_account.prefix = QStringLiteral("INFO");
}

void TestMailbox::setRead_data()
{
    QTest::addColumn<QString>("relative");
    QTest::addColumn<bool>("read");
    QTest::addColumn<QString>("expected");
    QTest::newRow("new becomes read") << QStringLiteral("new/1.a") << true << QStringLiteral("cur/1.a:2,S");
    QTest::newRow("cur unread becomes read") << QStringLiteral("cur/2.a:2,") << true << QStringLiteral("cur/2.a:2,S");
    QTest::newRow("other flags kept, in order") << QStringLiteral("cur/3.a:2,FR") << true << QStringLiteral("cur/3.a:2,FRS");
    QTest::newRow("read becomes unread, stays in cur") << QStringLiteral("cur/4.a:2,S") << false << QStringLiteral("cur/4.a:2,");
    QTest::newRow("unread keeps flagged") << QStringLiteral("cur/5.a:2,FS") << false << QStringLiteral("cur/5.a:2,F");
}

void TestMailbox::setRead()
{
    QFETCH(QString, relative);
    QFETCH(bool, read);
    QFETCH(QString, expected);
    put(m_account, Mailbox::Kind::Inbox, relative);
    QString error;
    const auto moved = Mailbox::setRead(Mailbox::path(m_account, Mailbox::Kind::Inbox), relative, read, &error);
    QVERIFY2(moved, qPrintable(error));
    QCOMPARE(*moved, expected);
    QCOMPARE(files(m_account, Mailbox::Kind::Inbox), QStringList{expected}); // moved, not copied
    QCOMPARE(Mailbox::isUnread(*moved), !read);
}

void TestMailbox::mark_data()
{
    // Several messages of the Inbox, one flag for all; what each file is called afterwards.
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<int>("flag"); // Mailbox::Flag
    QTest::addColumn<bool>("on");
    QTest::addColumn<QStringList>("after");
    const int seen = int(Mailbox::Flag::Seen);
    const int flagged = int(Mailbox::Flag::Flagged);
    QTest::newRow("flag a new message: to cur, still unread")
        << QStringList{QStringLiteral("new/1.a")} << flagged << true << QStringList{QStringLiteral("cur/1.a:2,F")};
    QTest::newRow("flag keeps seen and replied, sorted")
        << QStringList{QStringLiteral("cur/2.a:2,RS")} << flagged << true << QStringList{QStringLiteral("cur/2.a:2,FRS")};
    QTest::newRow("unflag keeps the rest")
        << QStringList{QStringLiteral("cur/3.a:2,FS")} << flagged << false << QStringList{QStringLiteral("cur/3.a:2,S")};
    QTest::newRow("flag twice is a no-op")
        << QStringList{QStringLiteral("cur/4.a:2,F")} << flagged << true << QStringList{QStringLiteral("cur/4.a:2,F")};
    QTest::newRow("several read at once")
        << QStringList{QStringLiteral("new/5.a"), QStringLiteral("cur/6.a:2,F"), QStringLiteral("cur/7.a:2,")} << seen << true
        << QStringList{QStringLiteral("cur/5.a:2,S"), QStringLiteral("cur/6.a:2,FS"), QStringLiteral("cur/7.a:2,S")};
    QTest::newRow("several unread at once")
        << QStringList{QStringLiteral("cur/8.a:2,S"), QStringLiteral("cur/9.a:2,FS")} << seen << false
        << QStringList{QStringLiteral("cur/8.a:2,"), QStringLiteral("cur/9.a:2,F")};
}

void TestMailbox::mark()
{
    QFETCH(QStringList, before);
    QFETCH(int, flag);
    QFETCH(bool, on);
    QFETCH(QStringList, after);
    for (const QString &relative : before)
        put(m_account, Mailbox::Kind::Inbox, relative);
    const QString inbox = Mailbox::path(m_account, Mailbox::Kind::Inbox);
    const Mailbox::Marked marked = Mailbox::mark(inbox, before, Mailbox::Flag(flag), on);
    QVERIFY2(marked.error.isEmpty(), qPrintable(marked.error));
    QCOMPARE(marked.from, before);
    QCOMPARE(marked.to, after);
    QStringList sorted = after;
    sorted.sort();
    QCOMPARE(files(m_account, Mailbox::Kind::Inbox), sorted); // renamed, none copied or lost
    for (const QString &relative : after) {
        if (Mailbox::Flag(flag) == Mailbox::Flag::Flagged)
            QCOMPARE(Mailbox::isFlagged(relative), on);
        else
            QCOMPARE(Mailbox::isUnread(relative), !on);
    }
    // The list's rows say the same.
    for (const store::MessageSummary &row : Mailbox::summaries(inbox)) {
        QCOMPARE(row.flagged, Mailbox::isFlagged(row.relativePath));
        QCOMPARE(row.unread, Mailbox::isUnread(row.relativePath));
    }
}

void TestMailbox::markReportsWhatStayed()
{
    // A message another program moved away meanwhile: the others are marked, that one is named.
    put(m_account, Mailbox::Kind::Inbox, QStringLiteral("cur/1.a:2,"));
    put(m_account, Mailbox::Kind::Inbox, QStringLiteral("cur/3.a:2,"));
    const QString inbox = Mailbox::path(m_account, Mailbox::Kind::Inbox);
    const Mailbox::Marked marked = Mailbox::mark(
        inbox, {QStringLiteral("cur/1.a:2,"), QStringLiteral("cur/2.a:2,"), QStringLiteral("cur/3.a:2,")},
        Mailbox::Flag::Flagged, true);
    QCOMPARE(marked.from, (QStringList{QStringLiteral("cur/1.a:2,"), QStringLiteral("cur/3.a:2,")}));
    QCOMPARE(marked.to, (QStringList{QStringLiteral("cur/1.a:2,F"), QStringLiteral("cur/3.a:2,F")}));
    QVERIFY2(marked.error.contains(u"2.a"), qPrintable(marked.error));
    QCOMPARE(files(m_account, Mailbox::Kind::Inbox), (QStringList{QStringLiteral("cur/1.a:2,F"), QStringLiteral("cur/3.a:2,F")}));
}

void TestMailbox::trashAndRestore_data()
{
    QTest::addColumn<Mailbox::Kind>("from");
    QTest::addColumn<QString>("relative");
    QTest::newRow("inbox, unread") << Mailbox::Kind::Inbox << QStringLiteral("new/10.a");
    QTest::newRow("inbox, read") << Mailbox::Kind::Inbox << QStringLiteral("cur/11.a:2,S");
    QTest::newRow("sent") << Mailbox::Kind::Sent << QStringLiteral("cur/12.a:2,S");
    QTest::newRow("drafts") << Mailbox::Kind::Drafts << QStringLiteral("cur/13.a:2,DS");
}

void TestMailbox::trashAndRestore()
{
    QFETCH(Mailbox::Kind, from);
    QFETCH(QString, relative);
    put(m_account, from, relative);
    QString error;
    const auto trashed = Mailbox::moveToTrash(m_account, Mailbox::path(m_account, from), relative, &error);
    QVERIFY2(trashed, qPrintable(error));
    QCOMPARE(*trashed, relative); // same name: flags and the UIDL key stay
    QVERIFY(files(m_account, from).isEmpty());
    QCOMPARE(files(m_account, Mailbox::Kind::Trash), QStringList{relative});
    QCOMPARE(Mailbox::messageCount(m_account, Mailbox::Kind::Trash), 1);

    const auto restored = Mailbox::restoreFromTrash(m_account, relative, &error);
    QVERIFY2(restored, qPrintable(error));
    QCOMPARE(restored->folder, from); // back where it came from
    QCOMPARE(files(m_account, from), QStringList{relative});
    QVERIFY(files(m_account, Mailbox::Kind::Trash).isEmpty());
}

void TestMailbox::trashMarksForServer_data()
{
    QTest::addColumn<Mailbox::Kind>("from");
    QTest::addColumn<bool>("deleteOnServer");
    QTest::addColumn<bool>("marked");
    QTest::newRow("inbox, deletes on server") << Mailbox::Kind::Inbox << true << true;
    QTest::newRow("inbox, keeps on server") << Mailbox::Kind::Inbox << false << false;
    QTest::newRow("sent never goes to the server") << Mailbox::Kind::Sent << true << false;
}

void TestMailbox::trashMarksForServer()
{
    QFETCH(Mailbox::Kind, from);
    QFETCH(bool, deleteOnServer);
    QFETCH(bool, marked);
    m_account.pop3.deleteWhenDeletedLocally = deleteOnServer;
    const QStringList names{QStringLiteral("new/40.a,K=6b6579303031"), QStringLiteral("cur/41.a,K=6b6579303032:2,S"),
                            QStringLiteral("new/42.a")}; // the last was not fetched by POP3: no key
    for (const QString &name : names)
        put(m_account, from, name);
    const Mailbox::Trashed trashed = Mailbox::trash(m_account, from, names);
    QCOMPARE(trashed.moved, names);
    QVERIFY2(trashed.error.isEmpty() && trashed.serverError.isEmpty(), qPrintable(trashed.error + trashed.serverError));
    QCOMPARE(trashed.forServer, marked);
    QCOMPARE(files(m_account, Mailbox::Kind::Trash).size(), 3);
    QList<QByteArray> keys = store::DeletionRequests(Mailbox::accountRoot(m_account)).keys();
    std::sort(keys.begin(), keys.end());
    const QList<QByteArray> expected = marked ? QList<QByteArray>{store::Maildir::keyOf(names[0]), store::Maildir::keyOf(names[1])}
                                              : QList<QByteArray>{};
    QCOMPARE(keys, expected);
    if (marked) {
        QVERIFY(!expected[0].isEmpty());
        // Taken back from the Trash: the server keeps its copy after all.
        QVERIFY(Mailbox::restoreFromTrash(m_account, names[0]));
        QCOMPARE(store::DeletionRequests(Mailbox::accountRoot(m_account)).keys(), QList<QByteArray>{expected[1]});
    }
}

void TestMailbox::markAllReadAndCounts()
{
    put(m_account, Mailbox::Kind::Inbox, QStringLiteral("new/20.a"));
    put(m_account, Mailbox::Kind::Inbox, QStringLiteral("cur/21.a:2,F"));
    put(m_account, Mailbox::Kind::Inbox, QStringLiteral("cur/22.a:2,S"));
    QCOMPARE(Mailbox::unreadCount(m_account, Mailbox::Kind::Inbox), 2);
    QCOMPARE(Mailbox::messageCount(m_account, Mailbox::Kind::Inbox), 3);
    QString error;
    QCOMPARE(Mailbox::markAllRead(m_account, Mailbox::Kind::Inbox, &error), 2);
    QCOMPARE(Mailbox::unreadCount(m_account, Mailbox::Kind::Inbox), 0);
    QCOMPARE(files(m_account, Mailbox::Kind::Inbox),
             (QStringList{QStringLiteral("cur/20.a:2,S"), QStringLiteral("cur/21.a:2,FS"), QStringLiteral("cur/22.a:2,S")}));
    QCOMPARE(Mailbox::markAllRead(m_account, Mailbox::Kind::Inbox, &error), 0); // nothing left to mark
}

void TestMailbox::emptyTrash()
{
    QCOMPARE(Mailbox::emptyTrash(m_account), 0); // no Trash yet
    for (const QString &name : {QStringLiteral("new/30.a"), QStringLiteral("cur/31.a:2,S")}) {
        put(m_account, Mailbox::Kind::Inbox, name);
        QVERIFY(Mailbox::moveToTrash(m_account, Mailbox::path(m_account, Mailbox::Kind::Inbox), name));
    }
    put(m_account, Mailbox::Kind::Inbox, QStringLiteral("new/32.a"));
    QString error;
    QCOMPARE(Mailbox::emptyTrash(m_account, &error), 2);
    QVERIFY(files(m_account, Mailbox::Kind::Trash).isEmpty());
    QCOMPARE(files(m_account, Mailbox::Kind::Inbox), QStringList{QStringLiteral("new/32.a")}); // the Inbox untouched
}

// Löschen for good in the Trash: per message gone or not, a missing one named.
void TestMailbox::removeForGood_data()
{
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<QStringList>("asked");
    QTest::addColumn<QStringList>("removed");
    QTest::addColumn<bool>("error");
    const QString a = QStringLiteral("cur/1.a:2,S"), b = QStringLiteral("new/2.b"), gone = QStringLiteral("cur/3.c:2,");
    QTest::newRow("one") << QStringList{a, b} << QStringList{a} << QStringList{a} << false;
    QTest::newRow("both") << QStringList{a, b} << QStringList{a, b} << QStringList{a, b} << false;
    QTest::newRow("one already gone") << QStringList{a} << QStringList{gone, a} << QStringList{a} << true;
}

void TestMailbox::removeForGood()
{
    QFETCH(QStringList, present);
    QFETCH(QStringList, asked);
    QFETCH(QStringList, removed);
    QFETCH(bool, error);
    for (const QString &r : std::as_const(present))
        put(m_account, Mailbox::Kind::Trash, r);
    const Mailbox::Removed result = Mailbox::remove(m_account, Mailbox::Kind::Trash, asked);
    QCOMPARE(result.removed, removed);
    QCOMPARE(!result.error.isEmpty(), error);
    QStringList left = present;
    for (const QString &r : std::as_const(removed))
        left.removeAll(r);
    left.sort();
    QCOMPARE(files(m_account, Mailbox::Kind::Trash), left);
}

// An Outbox message goes with its envelope; one the sender has marked Sending stays.
void TestMailbox::outboxRemovalKeepsWhatIsBeingSent()
{
    const QString root = Mailbox::accountRoot(m_account);
    QString waiting, sending;
    {
        store::Outbox outbox(root);
        QVERIFY(outbox.open());
        waiting = outbox.enqueue(QStringLiteral("a@example.org"), {QStringLiteral("b@example.org")}, "Subject: 1\r\n\r\nx\r\n").value_or(QString());
        sending = outbox.enqueue(QStringLiteral("a@example.org"), {QStringLiteral("c@example.org")}, "Subject: 2\r\n\r\ny\r\n").value_or(QString());
        QVERIFY(!waiting.isEmpty() && !sending.isEmpty());
        QVERIFY(outbox.markSending(sending));
    }
    QStringList relatives = files(m_account, Mailbox::Kind::Outbox);
    QCOMPARE(relatives.size(), 2);
    const Mailbox::Removed result = Mailbox::remove(m_account, Mailbox::Kind::Outbox, relatives);
    QCOMPARE(result.removed.size(), 1);
    QCOMPARE(store::HeaderIndex::baseName(result.removed.first()), waiting);
    QVERIFY(result.error.contains(QStringLiteral("being sent")));
    store::Outbox outbox(root);
    QVERIFY(outbox.open());
    QVERIFY(!outbox.entry(waiting));
    QVERIFY(outbox.entry(sending));
    QCOMPARE(files(m_account, Mailbox::Kind::Outbox).size(), 1);
}

// Senden builds the message and puts it with its envelope (Bcc there only) into the Outbox,
// From the account's when the draft has none; a draft that cannot be built queues nothing; a
// draft lands in Drafts flagged D and S; discarding one touches only the account's own Drafts.
void TestMailbox::queueAndDrafts()
{
    m_account.email = QStringLiteral("info@example.com");
    m_account.senderName = QStringLiteral("Info Desk");
    mime::Draft composed;
    composed.to = {{QStringLiteral("Bea"), QStringLiteral("b@example.org")}};
    composed.bcc = {{QString(), QStringLiteral("hidden@example.org")}};
    composed.subject = QStringLiteral("Q");
    composed.text = QStringLiteral("q\n");
    QString error;
    const auto id = Mailbox::queue(m_account, composed, &error);
    QVERIFY2(id, qPrintable(error));
    store::Outbox outbox(Mailbox::accountRoot(m_account));
    QVERIFY(outbox.open());
    QCOMPARE(outbox.entry(*id)->reversePath, QStringLiteral("info@example.com"));
    QCOMPARE(outbox.entry(*id)->recipients, (QStringList{QStringLiteral("b@example.org"), QStringLiteral("hidden@example.org")}));
    const QByteArray data = outbox.messageData(*id);
    QVERIFY2(data.contains("From: Info Desk <info@example.com>\r\n"), data.constData());
    QVERIFY2(data.contains("Subject: Q\r\n"), data.constData());
    QVERIFY(!data.contains("hidden@example.org"));

    mime::Draft broken = composed;
    broken.to.clear(); // nobody to send it to
    broken.bcc.clear();
    error.clear();
    QVERIFY(!Mailbox::queue(m_account, broken, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(outbox.entries().size(), 1);

    const auto draft = Mailbox::saveDraft(m_account, "Subject: D\r\n\r\nd\r\n", &error);
    QVERIFY2(draft, qPrintable(error));
    QVERIFY(draft->endsWith(QStringLiteral(":2,DS")));
    QCOMPARE(Mailbox::messageCount(m_account, Mailbox::Kind::Drafts), 1);
    QTemporaryDir elsewhere;
    const QString foreign = elsewhere.path() + QStringLiteral("/keep.eml");
    QFile f(foreign);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    QVERIFY(!Mailbox::discardDraft(m_account, foreign));
    QVERIFY(QFile::exists(foreign));
    QVERIFY(!Mailbox::discardDraft(m_account, Mailbox::path(m_account, Mailbox::Kind::Drafts) + QStringLiteral("/../../../") + QFileInfo(foreign).fileName()));
    QVERIFY(Mailbox::discardDraft(m_account, *draft));
    QCOMPARE(Mailbox::messageCount(m_account, Mailbox::Kind::Drafts), 0);
}

// The list's rows: from the header index where it has the message, from the file's header
// block where it has not; RFC 2047 decoded, display names, unread from the flags.
void TestMailbox::summariesDecodeAndFillGaps()
{
    const QString folder = Mailbox::path(m_account, Mailbox::Kind::Inbox);
    const store::Maildir maildir(folder);
    QVERIFY(maildir.create());
    const QByteArray indexed = "From: =?UTF-8?Q?J=C3=BCrgen?= <j@example.org>\r\nTo: \"B, C\" <b@example.org>, d@example.org\r\n"
                               "Subject: =?ISO-8859-1?Q?Gr=FC=DFe?=\r\nDate: Tue, 1 Dec 2026 10:00:00 +0100\r\n\r\nx\r\n";
    const QByteArray unindexed = "From: Anna <a@example.org>\r\nSubject: Ohne Index\r\n\r\ny\r\n";
    for (const auto &[name, data] : {std::pair{QStringLiteral("cur/1.i:2,S"), indexed}, std::pair{QStringLiteral("new/2.u"), unindexed}}) {
        QFile f(maildir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
    }
    store::HeaderIndex index(folder + QStringLiteral("/.kurier-index"));
    QVERIFY(index.append(store::HeaderIndex::parse(indexed, QStringLiteral("1.i"), indexed.size())));

    QList<store::MessageSummary> rows = Mailbox::summaries(folder);
    QCOMPARE(rows.size(), 2);
    std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.relativePath < b.relativePath; });
    QCOMPARE(rows[0].relativePath, QStringLiteral("cur/1.i:2,S"));
    QCOMPARE(rows[0].fromName, QStringLiteral("Jürgen"));
    QCOMPARE(rows[0].entry.subject, QStringLiteral("Grüße"));
    QCOMPARE(rows[0].toNames, QStringLiteral("B, C, d@example.org"));
    QVERIFY(!rows[0].unread);
    QCOMPARE(rows[1].relativePath, QStringLiteral("new/2.u"));
    QCOMPARE(rows[1].fromName, QStringLiteral("Anna"));
    QCOMPARE(rows[1].entry.subject, QStringLiteral("Ohne Index"));
    QVERIFY(rows[1].unread);
    QCOMPARE(Mailbox::files(folder), (QSet<QString>{QStringLiteral("cur/1.i:2,S"), QStringLiteral("new/2.u")}));
    QString error;
    QCOMPARE(Mailbox::read(folder, QStringLiteral("new/2.u"), &error).value_or(QByteArray()), unindexed);
    QVERIFY(!Mailbox::read(folder, QStringLiteral("new/missing"), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(Mailbox::summaries(QString()).isEmpty());
}

QTEST_GUILESS_MAIN(TestMailbox)
#include "tst_mailbox.moc"
