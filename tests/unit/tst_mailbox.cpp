// store::Mailbox without a window: the message operations on an account's Maildirs, each checked
// on disk (where the file is, its flags, that nothing is lost or doubled).
#include "store/Mailbox.h"
#include "store/DeletionRequests.h"
#include "store/Maildir.h"

#include <QDir>
#include <algorithm>
#include <QFile>
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
    void trashAndRestore_data();
    void trashAndRestore();
    void trashMarksForServer_data();
    void trashMarksForServer();
    void markAllReadAndCounts();
    void emptyTrash();

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

QTEST_GUILESS_MAIN(TestMailbox)
#include "tst_mailbox.moc"
