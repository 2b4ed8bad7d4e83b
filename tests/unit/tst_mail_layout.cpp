// store::MailLayout: the one place that says where an account's mail lives. Each folder's
// Maildir under the account folder (names other programs read, never translated); the account
// folder under $XDG_DATA_HOME; and the Outbox, which is given only the root, writes into the
// layout's Outbox and Sent.
#include "store/MailLayout.h"
#include "store/Outbox.h"

#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using kurier::store::MailLayout;

class TestMailLayout : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void folderPath_data();
    void folderPath();
    void everyFolderOnce();
    void accountFolderUnderDataHome();
    void outboxWritesWhereTheLayoutSays();

private:
    QTemporaryDir m_data;
};

void TestMailLayout::initTestCase()
{
    QVERIFY(m_data.isValid());
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_data.path()));
}

void TestMailLayout::folderPath_data()
{
    QTest::addColumn<MailLayout::Folder>("folder");
    QTest::addColumn<QString>("expected");
    QTest::newRow("inbox") << MailLayout::Folder::Inbox << QStringLiteral("/m/A/INBOX");
    QTest::newRow("outbox") << MailLayout::Folder::Outbox << QStringLiteral("/m/A/Outbox");
    QTest::newRow("sent") << MailLayout::Folder::Sent << QStringLiteral("/m/A/Sent");
    QTest::newRow("drafts") << MailLayout::Folder::Drafts << QStringLiteral("/m/A/Drafts");
    QTest::newRow("trash") << MailLayout::Folder::Trash << QStringLiteral("/m/A/Trash");
}

void TestMailLayout::folderPath()
{
    QFETCH(MailLayout::Folder, folder);
    QFETCH(QString, expected);
    const MailLayout layout(QStringLiteral("/m/A"));
    QCOMPARE(layout.root(), QStringLiteral("/m/A"));
    QCOMPARE(layout.path(folder), expected);
}

void TestMailLayout::everyFolderOnce()
{
    const QList<MailLayout::Folder> folders = MailLayout::folders();
    QCOMPARE(folders.size(), 5);
    QCOMPARE(folders.first(), MailLayout::Folder::Inbox); // the tree shows the Inbox first
    QSet<QString> names;
    for (const MailLayout::Folder f : folders)
        names.insert(MailLayout::directoryName(f).toLower());
    QCOMPARE(names.size(), folders.size()); // distinct even on a case-insensitive file system
}

void TestMailLayout::accountFolderUnderDataHome()
{
    kurier::store::Account account;
    account.prefix = QStringLiteral("INFO");
    const MailLayout layout = MailLayout::of(account);
    QCOMPARE(layout.root(), m_data.path() + QStringLiteral("/kurier/INFO"));
    QCOMPARE(layout.path(MailLayout::Folder::Inbox), m_data.path() + QStringLiteral("/kurier/INFO/INBOX"));
}

void TestMailLayout::outboxWritesWhereTheLayoutSays()
{
    const MailLayout layout(m_data.path() + QStringLiteral("/outbox-root"));
    kurier::store::Outbox outbox(layout.root());
    QVERIFY2(outbox.open(), qPrintable(outbox.errorString()));
    for (const MailLayout::Folder f : {MailLayout::Folder::Outbox, MailLayout::Folder::Sent}) {
        for (const char *sub : {"cur", "new", "tmp"})
            QVERIFY2(QDir(layout.path(f) + u'/' + QLatin1String(sub)).exists(), qPrintable(layout.path(f)));
    }
}

QTEST_GUILESS_MAIN(TestMailLayout)
#include "tst_mail_layout.moc"
