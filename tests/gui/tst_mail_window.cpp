// The mail window against a local store: the message list over the header index (bold unread,
// sorting, filter), the message view (decoded headers, links, cid: images, remote content
// blocked with no network request until the user asks, attachment names sanitised, no
// overwriting without asking), the composer (validation, From, Senden → Outbox), delete, reply,
// and a failing fetch and send shown in the banner with cause and fix.

#include "mail/AttachmentOpener.h"
#include "compose/ComposerWindow.h"
#include "activity/FetchScheduler.h"
#include "mail/NewMailNotifier.h"
#include "common/ErrorBanner.h"
#include "GuiTestSupport.h"
#include "mime/HeaderText.h"
#include "store/Mailbox.h"
#include "mail/MainWindow.h"
#include "activity/MailActivity.h"
#include "mail/MessageListModel.h"
#include "mail/MessageView.h"
#include "mail/SafeFileName.h"
#include "mail/SafeTextBrowser.h"
#include "mime/MessageBuilder.h"
#include "mime/MessageParser.h"
#include "store/DeletionRequests.h"
#include "store/HeaderIndex.h"
#include "store/Maildir.h"
#include "store/Outbox.h"

#include <QBuffer>
#include <QDesktopServices>
#include <QIcon>
#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QTimer>
#include <QFileInfo>
#include <QSplitter>
#include <QMenuBar>
#include <QUrl>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTextDocument>
#include <QTreeWidget>

using namespace kurier;
using kurier::test::Fixture;

namespace {

QByteArray pngBytes()
{
    QImage image(8, 8, QImage::Format_RGB32);
    image.fill(Qt::red);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

quint16 closedPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost);
    const quint16 port = s.serverPort();
    s.close();
    return port;
}

QByteArray plainMessage(const QByteArray &from, const QByteArray &subject, const QByteArray &date, const QByteArray &body)
{
    return "From: " + from + "\r\nTo: Info <info@example.com>\r\nSubject: " + subject + "\r\nDate: " + date
        + "\r\nMessage-ID: <" + QByteArray::number(qHash(subject)) + "@example.com>\r\nMIME-Version: 1.0\r\n"
          "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + body;
}

// Receives what QDesktopServices would hand to the desktop (setUrlHandler), instead of it.
class UrlCatcher : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> urls;
public slots:
    void open(const QUrl &url) { urls << url; }
};

QByteArray messageWithAttachments(const QByteArray &subject, const QList<std::pair<QByteArray, QByteArray>> &files)
{
    QByteArray m = "From: Anna <anna@example.org>\r\nTo: Info <info@example.com>, \"Desk, Front\" <front@example.com>\r\n"
                   "Subject: " + subject + "\r\nDate: Thu, 26 Nov 2026 09:00:00 +0100\r\nMIME-Version: 1.0\r\n"
                   "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n";
    for (const auto &[name, data] : files) {
        m += "--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"" + name
            + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + data.toBase64() + "\r\n";
    }
    return m + "--b--\r\n";
}

} // namespace

class TestMailWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void decodesHeaderWordsAndSanitisesNames();
    void listShowsIndexBoldUnreadSortsAndFilters();
    void largeFolderIsHandedOverInBatches();
    void selectingShowsMessageAndMarksRead();
    void markFolderReadFromItsMenu();
    void windowOpensAsItWasLeft();
    void htmlRemoteContentIsNotFetched();
    void attachmentSaveSanitisesAndAsksBeforeOverwrite();
    void attachmentListShowsTheSafeName();
    void attachmentColumnAndOpen();
    void composerValidatesAndQueuesInOutbox();
    void replyAndForwardPrefill();
    void signatureFollowsTheFromAccount();
    void draftSavedAndContinued();
    void composerAutosavesIntoDrafts();
    void forwardAsAttachment();
    void deleteMovesToTrashThenAsksThere();
    void trashRestoresAndEmpties();
    void severalMessagesAtOnce();
    void deletingLeavesTheRowAboveUnread();
    void periodicFetchAndNewMailNotification();
    void listFollowsOtherProcesses();
    void deleteMarksForServerWhenAsked();
    void fetchFailureShowsBannerWithCauseAndFix();
    void menuAcceleratorsAreUnique_data();
    void menuAcceleratorsAreUnique();
    void screenshotsGerman();

private:
    store::Account addAccount(const QString &prefix, const QString &email, bool isDefault = false);
    QString deliver(const store::Account &account, const QByteArray &message, bool indexed = true, const QString &flags = {});
    void seedInbox(const store::Account &account);
    std::unique_ptr<Fixture> m_f;
};

void TestMailWindow::initTestCase()
{
    test::LanguageScope::useEnglish();
}

void TestMailWindow::init()
{
    m_f = std::make_unique<Fixture>();
    QVERIFY(m_f->dir.isValid());
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_f->dir.path() + QStringLiteral("/data")));
}

void TestMailWindow::cleanup()
{
    m_f.reset();
}

store::Account TestMailWindow::addAccount(const QString &prefix, const QString &email, bool isDefault)
{
    store::Account a = test::sampleAccount(prefix, email);
    a.senderName = QStringLiteral("Info Desk");
    // Nothing listens there: a fetch or send fails at once, with a diagnostic.
    a.pop3.host = QStringLiteral("127.0.0.1");
    a.pop3.port = closedPort();
    a.smtp.host = QStringLiteral("127.0.0.1");
    a.smtp.port = closedPort();
    a.isDefault = isDefault;
    const auto result = m_f->save(a, test::passwordUpdate(QStringLiteral("pw")));
    if (!result.ok)
        qWarning() << "save failed" << result.error;
    return result.account;
}

QString TestMailWindow::deliver(const store::Account &account, const QByteArray &message, bool indexed, const QString &flags)
{
    const store::Maildir inbox(store::Mailbox::path(account, store::Mailbox::Kind::Inbox));
    inbox.create();
    const auto name = inbox.deliver(message);
    if (!name)
        return {};
    QString relative = QStringLiteral("new/") + *name;
    if (indexed) {
        store::HeaderIndex index(inbox.path() + QStringLiteral("/.kurier-index"));
        index.append(store::HeaderIndex::parse(message, store::HeaderIndex::baseName(*name), message.size()));
    }
    if (!flags.isEmpty())
        relative = *inbox.setFlags(relative, flags);
    return inbox.filePath(relative);
}

void TestMailWindow::seedInbox(const store::Account &account)
{
    deliver(account, plainMessage("Anna Schmidt <anna@example.org>", "Quarterly report", "Mon, 23 Nov 2026 09:00:00 +0100",
                                  "Hello,\nthe report is at https://intranet.example.org/report?q=4.\nAnna\n"));
    deliver(account, plainMessage("=?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <juergen@example.org>", "=?UTF-8?Q?Gr=C3=BC=C3=9Fe?= aus Bremen",
                                  "Tue, 24 Nov 2026 10:00:00 +0100", "Viele Gr\xc3\xbc\xc3\x9f""e!\n"),
            true, QStringLiteral("S"));
    // Not in the index (delivered by another program): read from its header.
    deliver(account, plainMessage("Bob <bob@example.net>", "Lunch?", "Wed, 25 Nov 2026 12:00:00 +0100", "At noon?\n"), false);
}

void TestMailWindow::decodesHeaderWordsAndSanitisesNames()
{
    QCOMPARE(ui::safeFileName(QStringLiteral("../../.bashrc")), QStringLiteral("bashrc"));
    QCOMPARE(ui::safeFileName(QStringLiteral("..\\..\\Windows\\evil.exe")), QStringLiteral("evil.exe"));
    QCOMPARE(ui::safeFileName(QStringLiteral("re\x07port\n.pdf")), QStringLiteral("re_port_.pdf"));
    QCOMPARE(ui::safeFileName(QStringLiteral("/")), QStringLiteral("attachment"));
    QCOMPARE(ui::safeFileName(QStringLiteral("..")), QStringLiteral("attachment"));
    QCOMPARE(ui::safeFileName(QStringLiteral("Übersicht 2026.xlsx")), QStringLiteral("Übersicht 2026.xlsx"));
    QVERIFY(ui::safeFileName(QString(500, u'a') + QStringLiteral(".pdf")).size() <= 200);
    // Bytes count, not characters: 90 Japanese characters are 270 bytes; an emoji is not split.
    const QString japanese = ui::safeFileName(QString(90, QChar(0x65E5)) + QStringLiteral(".eml"));
    QVERIFY(japanese.toUtf8().size() <= 200 && japanese.endsWith(QStringLiteral(".eml")));
    QCOMPARE(japanese.size(), 65 + 4);
    const QString emoji = ui::safeFileName(QStringLiteral("a") + QString::fromUtf8("\xF0\x9F\x99\x82").repeated(60));
    QVERIFY(emoji.toUtf8().size() <= 200);
    QVERIFY(!emoji.back().isHighSurrogate());
    QCOMPARE(QString::fromUtf8(emoji.toUtf8()), emoji);
    QVERIFY(ui::safeFileName(QString(500, u'a') + QStringLiteral(".pdf")).endsWith(QStringLiteral(".pdf")));
}

void TestMailWindow::listShowsIndexBoldUnreadSortsAndFilters()
{
    const store::Account account = addAccount(QStringLiteral("INFO"), QStringLiteral("info@example.com"), true);
    seedInbox(account);
    ui::MainWindow window(m_f->manager.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // Accounts with their four folders; the Inbox shows its unread count.
    QTreeWidgetItem *accountItem = window.folderTree()->topLevelItem(0);
    QCOMPARE(accountItem->childCount(), 5);
    QCOMPARE(accountItem->child(0)->text(0), QStringLiteral("Inbox (2)"));
    QVERIFY(accountItem->child(0)->font(0).bold());
    QCOMPARE(accountItem->child(1)->text(0), QStringLiteral("Outbox"));
    QCOMPARE(accountItem->child(2)->text(0), QStringLiteral("Sent"));
    QCOMPARE(accountItem->child(3)->text(0), QStringLiteral("Drafts"));
    QCOMPARE(accountItem->child(4)->text(0), QStringLiteral("Trash"));
    QCOMPARE(window.folderTree()->currentItem(), accountItem->child(0));

    ui::MessageListModel *model = window.messageModel();
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->headerData(0, Qt::Horizontal).toString(), QStringLiteral("From"));
    // Newest first by default; headers decoded; unread bold.
    QCOMPARE(model->index(0, ui::MessageListModel::SubjectColumn).data().toString(), QStringLiteral("Lunch?"));
    QCOMPARE(model->index(1, ui::MessageListModel::FromColumn).data().toString(), QStringLiteral("Jürgen Müller"));
    QCOMPARE(model->index(1, ui::MessageListModel::SubjectColumn).data().toString(), QStringLiteral("Grüße aus Bremen"));
    QVERIFY(model->index(0, 0).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(!model->index(1, 0).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(model->index(2, 0).data(Qt::FontRole).value<QFont>().bold());

    // Sorting by clicking the header: subject ascending.
    window.messageList()->horizontalHeader()->setSortIndicator(ui::MessageListModel::SubjectColumn, Qt::AscendingOrder);
    QCOMPARE(model->index(0, ui::MessageListModel::SubjectColumn).data().toString(), QStringLiteral("Grüße aus Bremen"));
    QCOMPARE(model->index(2, ui::MessageListModel::SubjectColumn).data().toString(), QStringLiteral("Quarterly report"));

    // Filter over sender and subject.
    window.filterEdit()->setText(QStringLiteral("müller"));
    QCOMPARE(model->rowCount(), 1);
    window.filterEdit()->clear();
    QTest::keyClicks(window.filterEdit(), QStringLiteral("REPORT"));
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, ui::MessageListModel::FromColumn).data().toString(), QStringLiteral("Anna Schmidt"));
    window.filterEdit()->clear();
    QCOMPARE(model->rowCount(), 3);
    test::screenshot(&window, QStringLiteral("mail-window-en"));
}

void TestMailWindow::largeFolderIsHandedOverInBatches()
{
    // 2,500 messages known only from the index (plus their files): the view gets them in
    // batches as it scrolls; sorting and filtering work on the whole folder.
    const QString path = m_f->dir.path() + QStringLiteral("/big");
    const store::Maildir maildir(path);
    QVERIFY(maildir.create());
    store::HeaderIndex index(path + QStringLiteral("/.kurier-index"));
    const int count = 2500;
    for (int i = 0; i < count; ++i) {
        const QString name = QStringLiteral("%1.M%2P1.test").arg(1700000000 + i).arg(i);
        QFile f(maildir.filePath(QStringLiteral("cur/") + name + QStringLiteral(":2,S")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        store::HeaderIndex::Entry e;
        e.baseName = name;
        e.size = 1000 + i;
        e.date = QDateTime::fromSecsSinceEpoch(1700000000LL + i * 60LL, Qt::UTC);
        e.from = QStringLiteral("sender%1@example.org").arg(i % 10);
        e.subject = QStringLiteral("Subject %1").arg(i, 4, 10, QLatin1Char('0'));
        QVERIFY(index.append(e));
    }
    ui::MessageListModel model;
    QTableView view;
    view.setModel(&model);
    view.resize(600, 400);
    view.show();
    model.setFolder(path);
    QCOMPARE(model.totalCount(), count);
    QCOMPARE(model.rowCount(), ui::MessageListModel::batchSize);
    QVERIFY(model.canFetchMore({}));
    // Newest first over the whole folder, not only the first batch.
    QCOMPARE(model.index(0, ui::MessageListModel::SubjectColumn).data().toString(), QStringLiteral("Subject 2499"));
    view.scrollToBottom();
    QTRY_VERIFY(model.rowCount() > ui::MessageListModel::batchSize);
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), count);
    model.sort(ui::MessageListModel::SizeColumn, Qt::AscendingOrder);
    QCOMPARE(model.rowCount(), ui::MessageListModel::batchSize);
    QCOMPARE(model.index(0, ui::MessageListModel::SubjectColumn).data().toString(), QStringLiteral("Subject 0000"));
    model.setFilterText(QStringLiteral("sender3@"));
    QCOMPARE(model.matchingCount(), count / 10);
    QCOMPARE(model.rowCount(), count / 10);
    QVERIFY(!model.canFetchMore({}));

    // Several rows removed in one pass (a selection deleted), with a filter and a sort order on:
    // exactly those go, the rest keep their order.
    QStringList before;
    for (int row = 0; row < model.rowCount(); ++row)
        before << model.rowAt(row).relativePath;
    const QList<int> gone{3, 0, int(before.size()) - 1, 7};
    model.removeMessageRows(gone);
    QStringList expected = before;
    for (const int row : {int(before.size()) - 1, 7, 3, 0})
        expected.removeAt(row);
    QStringList after;
    for (int row = 0; row < model.rowCount(); ++row)
        after << model.rowAt(row).relativePath;
    QCOMPARE(after, expected);
    QCOMPARE(model.totalCount(), count - 4);
    model.setFilterText({});
    QCOMPARE(model.matchingCount(), count - 4);
    for (const int row : gone)
        QVERIFY(!model.relativePaths().contains(before.at(row)));

    // Large folders load on a pool thread: empty at once, then the rows arrive.
    ui::MessageListModel::setBackgroundThreshold(1000);
    ui::MessageListModel background;
    QSignalSpy loading(&background, &ui::MessageListModel::loadingChanged);
    background.setFolderInBackground(path);
    QVERIFY(background.isLoading());
    QCOMPARE(background.rowCount(), 0);
    QTRY_VERIFY(!background.isLoading());
    QCOMPARE(background.totalCount(), count);
    QCOMPARE(background.rowCount(), ui::MessageListModel::batchSize);
    QCOMPARE(loading.count(), 2);
    // A newer load wins over one still running.
    background.setFolderInBackground(path);
    background.setFolderInBackground(m_f->dir.path() + QStringLiteral("/missing"));
    QVERIFY(!background.isLoading());
    QCOMPARE(background.totalCount(), 0);
    QTest::qWait(300);
    QCOMPARE(background.totalCount(), 0);
    ui::MessageListModel::setBackgroundThreshold(1024 * 1024);
}

void TestMailWindow::selectingShowsMessageAndMarksRead()
{
    const store::Account account = addAccount(QStringLiteral("INFO"), QStringLiteral("info@example.com"), true);
    seedInbox(account);
    ui::MainWindow window(m_f->manager.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ui::MessageListModel *model = window.messageModel();
    window.messageList()->horizontalHeader()->setSortIndicator(ui::MessageListModel::SubjectColumn, Qt::DescendingOrder);
    QCOMPARE(model->index(0, ui::MessageListModel::SubjectColumn).data().toString(), QStringLiteral("Quarterly report"));
    window.messageList()->setCurrentIndex(model->index(0, 1));

    ui::MessageView *view = window.messageView();
    QCOMPARE(view->findChild<QLabel *>(QStringLiteral("headerFrom"))->text(), QStringLiteral("Anna Schmidt <anna@example.org>"));
    QCOMPARE(view->findChild<QLabel *>(QStringLiteral("headerSubject"))->text(), QStringLiteral("Quarterly report"));
    QCOMPARE(view->findChild<QLabel *>(QStringLiteral("headerFrom"))->textFormat(), Qt::PlainText);
    const QString html = view->browser()->toHtml();
    QVERIFY2(html.contains(QStringLiteral("href=\"https://intranet.example.org/report?q=4\"")), qPrintable(html));
    QVERIFY(view->browser()->toPlainText().contains(QStringLiteral("the report is at")));
    QVERIFY(view->remoteContentBar()->isHidden());

    // Read: the file is in cur/ with S now, bold is gone, the count went down.
    QVERIFY(model->rowAt(0).relativePath.startsWith(QStringLiteral("cur/")));
    QVERIFY(model->rowAt(0).relativePath.endsWith(QStringLiteral(":2,S")));
    QVERIFY(QFile::exists(model->filePath(0)));
    QVERIFY(!model->index(0, 0).data(Qt::FontRole).value<QFont>().bold());
    QCOMPARE(window.folderTree()->topLevelItem(0)->child(0)->text(0), QStringLiteral("Inbox (1)"));

    // Als ungelesen markieren: the S flag goes (the file stays in cur/, as Maildir readers
    // expect), bold and the count come back, the message stays shown; again marks it read.
    QAction *toggleRead = window.findChild<QAction *>(QStringLiteral("toggleReadAction"));
    QVERIFY(toggleRead->isEnabled());
    QCOMPARE(toggleRead->text(), QStringLiteral("Mark as &Unread"));
    const store::Maildir inbox(store::Mailbox::path(account, store::Mailbox::Kind::Inbox));
    const qsizetype messages = inbox.messages().size();
    toggleRead->trigger();
    QVERIFY(model->rowAt(0).unread);
    QVERIFY(model->rowAt(0).relativePath.startsWith(QStringLiteral("cur/")));
    QVERIFY(model->rowAt(0).relativePath.endsWith(QStringLiteral(":2,")));
    QVERIFY(QFile::exists(model->filePath(0)));
    QCOMPARE(inbox.messages().size(), messages);
    QVERIFY(model->index(0, 0).data(Qt::FontRole).value<QFont>().bold());
    QCOMPARE(window.folderTree()->topLevelItem(0)->child(0)->text(0), QStringLiteral("Inbox (2)"));
    QCOMPARE(view->findChild<QLabel *>(QStringLiteral("headerSubject"))->text(), QStringLiteral("Quarterly report"));
    QCOMPARE(toggleRead->text(), QStringLiteral("Mark as R&ead"));
    // It stays unread while it stays selected, also after the folder watcher has seen the rename.
    QTest::qWait(700);
    QVERIFY(model->rowAt(0).unread);
    toggleRead->trigger();
    QVERIFY(!model->rowAt(0).unread);
    QVERIFY(model->rowAt(0).relativePath.endsWith(QStringLiteral(":2,S")));
    QCOMPARE(window.folderTree()->topLevelItem(0)->child(0)->text(0), QStringLiteral("Inbox (1)"));
    QCOMPARE(toggleRead->text(), QStringLiteral("Mark as &Unread"));

    // Als wichtig markieren: the F flag joins S (one rename, nothing copied), the subject gets
    // the flag, the action offers to remove it; again removes it and keeps the message read.
    QAction *toggleFlag = window.findChild<QAction *>(QStringLiteral("toggleFlagAction"));
    QVERIFY(toggleFlag->isEnabled());
    QCOMPARE(toggleFlag->text(), QStringLiteral("Mark as F&lagged"));
    QVERIFY(model->index(0, ui::MessageListModel::SubjectColumn).data(Qt::DecorationRole).isNull());
    toggleFlag->trigger();
    QVERIFY(model->rowAt(0).flagged);
    QVERIFY(model->rowAt(0).relativePath.endsWith(QStringLiteral(":2,FS")));
    QVERIFY(QFile::exists(model->filePath(0)));
    QCOMPARE(inbox.messages().size(), messages);
    QVERIFY(!model->index(0, ui::MessageListModel::SubjectColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(model->index(0, ui::MessageListModel::SubjectColumn).data(Qt::AccessibleTextRole).toString(),
             QStringLiteral("Flagged: Quarterly report"));
    QCOMPARE(toggleFlag->text(), QStringLiteral("Remove F&lag"));
    test::screenshot(&window, QStringLiteral("mail-window-flagged-en"));
    // It stays flagged after the folder watcher has seen the rename and the list reloaded.
    QTest::qWait(700);
    QTRY_VERIFY(model->rowAt(0).flagged);
    toggleFlag->trigger();
    QVERIFY(!model->rowAt(0).flagged);
    QVERIFY(!model->rowAt(0).unread);
    QVERIFY(model->rowAt(0).relativePath.endsWith(QStringLiteral(":2,S")));
    QCOMPARE(toggleFlag->text(), QStringLiteral("Mark as F&lagged"));

    // The list's context menu offers the message's actions.
    const QRect rowRect = window.messageList()->visualRect(model->index(0, ui::MessageListModel::SubjectColumn));
    emit window.messageList()->customContextMenuRequested(rowRect.center());
    QMenu *menu = nullptr;
    QTRY_VERIFY((menu = window.findChild<QMenu *>(QStringLiteral("messageContextMenu"))) && menu->isVisible());
    QStringList names;
    for (const QAction *a : menu->actions()) {
        if (!a->isSeparator())
            names << a->objectName();
    }
    QCOMPARE(names, (QStringList{QStringLiteral("replyAction"), QStringLiteral("replyAllAction"), QStringLiteral("forwardAction"),
                                 QStringLiteral("forwardAsAttachmentAction"), QStringLiteral("saveMessageAction"),
                                 QStringLiteral("toggleReadAction"), QStringLiteral("toggleFlagAction"),
                                 QStringLiteral("deleteAction")}));
    test::screenshot(menu, QStringLiteral("mail-window-context-menu-en"));
    menu->close();

    // Speichern unter: the message byte for byte as received, named after its subject; saving
    // again asks before replacing; the window's status line says where it went.
    QAction *save = window.findChild<QAction *>(QStringLiteral("saveMessageAction"));
    QVERIFY(save->isEnabled());
    QCOMPARE(view->messageFileName(), QStringLiteral("Quarterly report.eml"));
    const QString target = m_f->dir.path() + QStringLiteral("/saved");
    QVERIFY(QDir().mkpath(target));
    QFile original(model->filePath(0));
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QByteArray raw = original.readAll();
    view->saveMessageTo(target);
    QFile eml(target + QStringLiteral("/Quarterly report.eml"));
    QVERIFY(eml.open(QIODevice::ReadOnly));
    QCOMPARE(eml.readAll(), raw);
    eml.close();
    QCOMPARE(window.statusText()->text(), QStringLiteral("Saved as ") + QDir::toNativeSeparators(eml.fileName()));
    view->saveMessageTo(target);
    QTRY_VERIFY(view->overwriteQuestion() && view->overwriteQuestion()->isVisible());
    view->overwriteQuestion()->button(QMessageBox::Cancel)->click();
    QCOMPARE(QDir(target).entryList(QDir::Files | QDir::Hidden).size(), 1);

    // A folder that is not there (permissions would not stop root): the reason, in the status line.
    view->saveMessageTo(target + QStringLiteral("/missing"));
    QVERIFY2(window.statusText()->text().startsWith(QStringLiteral("Could not save ")), qPrintable(window.statusText()->text()));

    // Nothing shown, nothing to save.
    window.messageList()->setCurrentIndex({});
    QVERIFY(!save->isEnabled());

    // The proposed name: a subject's slashes are not directories; no subject, a plain name.
    ui::MessageView other;
    other.showMessage("From: a@example.org\r\nSubject: Zahlen Q3/Q4 \\ =?utf-8?q?K=C3=B6ln?=\r\n\r\nx\r\n");
    QCOMPARE(other.messageFileName(), QStringLiteral("Zahlen Q3-Q4 - Köln.eml"));
    other.showMessage("From: a@example.org\r\n\r\nx\r\n");
    QCOMPARE(other.messageFileName(), QStringLiteral("message.eml"));
}

void TestMailWindow::markFolderReadFromItsMenu()
{
    const store::Account account = addAccount(QStringLiteral("INFO"), QStringLiteral("info@example.com"), true);
    seedInbox(account);
    const store::Maildir inbox(store::Mailbox::path(account, store::Mailbox::Kind::Inbox));
    const qsizetype messages = inbox.messages().size();
    ui::MainWindow window(m_f->manager.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTreeWidgetItem *inboxItem = window.folderTree()->folderItem(account.id, store::Mailbox::Kind::Inbox);
    QCOMPARE(inboxItem->text(0), QStringLiteral("Inbox (2)"));
    QTRY_COMPARE(window.messageModel()->rowCount(), int(messages));

    const auto folderMenuAction = [&](QTreeWidgetItem *item) -> QAction * {
        emit window.folderTree()->customContextMenuRequested(window.folderTree()->visualItemRect(item).center());
        QMenu *menu = nullptr;
        for (QMenu *m : window.findChildren<QMenu *>(QStringLiteral("accountContextMenu"))) {
            if (m->isVisible())
                menu = m;
        }
        if (!menu)
            return nullptr;
        for (QAction *a : menu->actions()) {
            if (a->text() == u"Mark Folder &Read")
                return a;
        }
        return nullptr;
    };
    QAction *markRead = folderMenuAction(inboxItem);
    QVERIFY(markRead && markRead->isEnabled());
    markRead->trigger();
    QCOMPARE(inboxItem->text(0), QStringLiteral("Inbox"));
    QTRY_VERIFY(!window.messageModel()->isLoading());
    for (int row = 0; row < window.messageModel()->rowCount(); ++row)
        QVERIFY(!window.messageModel()->rowAt(row).unread);
    const QStringList files = inbox.messages();
    QCOMPARE(files.size(), messages); // renamed, none lost or doubled
    for (const QString &f : files)
        QVERIFY2(f.startsWith(QStringLiteral("cur/")) && store::Maildir::flagsOf(f).contains(u'S'), qPrintable(f));
    qDeleteAll(window.findChildren<QMenu *>(QStringLiteral("accountContextMenu")));

    // Nothing left to mark: offered, but not enabled. Sent and Drafts count nothing: not offered.
    markRead = folderMenuAction(inboxItem);
    QVERIFY(markRead && !markRead->isEnabled());
    qDeleteAll(window.findChildren<QMenu *>(QStringLiteral("accountContextMenu")));
    QVERIFY(!folderMenuAction(window.folderTree()->folderItem(account.id, store::Mailbox::Kind::Sent)));
    qDeleteAll(window.findChildren<QMenu *>(QStringLiteral("accountContextMenu")));
}

void TestMailWindow::windowOpensAsItWasLeft()
{
    addAccount(QStringLiteral("INFO"), QStringLiteral("info@example.com"), true);
    const store::Account sales = addAccount(QStringLiteral("SALES"), QStringLiteral("sales@example.com"));
    const QString statePath = QFileInfo(m_f->manager->settingsFilePath()).dir().filePath(QStringLiteral("window-state.ini"));
    QList<int> folderSizes;
    QList<int> listSizes;
    {
        ui::MainWindow window(m_f->manager.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(940, 610);
        auto *folderSplitter = window.findChild<QSplitter *>(QStringLiteral("folderSplitter"));
        auto *listSplitter = window.findChild<QSplitter *>(QStringLiteral("listViewSplitter"));
        folderSplitter->setSizes({200, 700});
        listSplitter->setSizes({150, 350});
        folderSizes = folderSplitter->sizes();
        listSizes = listSplitter->sizes();
        window.messageList()->horizontalHeader()->setSortIndicator(ui::MessageListModel::SubjectColumn, Qt::AscendingOrder);
        window.messageList()->setColumnWidth(ui::MessageListModel::DateColumn, 171);
        window.selectFolder(sales.id, store::Mailbox::Kind::Sent);
        // The composer keeps its own size.
        QPointer<ui::ComposerWindow> composer = window.composing()->compose();
        QTRY_VERIFY(composer->isVisible());
        QCOMPARE(composer->size(), QSize(720, 560));
        composer->resize(805, 590);
        QVERIFY(composer->close());
        composer = window.composing()->compose();
        QTRY_VERIFY(composer->isVisible());
        QCOMPARE(composer->size(), QSize(805, 590));
        QVERIFY(composer->close());
        QVERIFY(window.close());
    }
    QVERIFY(QFile::exists(statePath));
    QVERIFY(!QFileInfo(m_f->manager->settingsFilePath()).exists() || !m_f->iniContents().contains("geometry"));

    {
        ui::MainWindow window(m_f->manager.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.size(), QSize(940, 610));
        QCOMPARE(window.findChild<QSplitter *>(QStringLiteral("folderSplitter"))->sizes(), folderSizes);
        QCOMPARE(window.findChild<QSplitter *>(QStringLiteral("listViewSplitter"))->sizes(), listSizes);
        QHeaderView *header = window.messageList()->horizontalHeader();
        QCOMPARE(header->sortIndicatorSection(), int(ui::MessageListModel::SubjectColumn));
        QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
        QCOMPARE(window.messageList()->columnWidth(ui::MessageListModel::DateColumn), 171);
        QCOMPARE(window.folderTree()->currentItem(), window.folderTree()->folderItem(sales.id, store::Mailbox::Kind::Sent));
        // Sent shows the recipients, as it does when chosen by hand.
        QVERIFY(!window.messageList()->isColumnHidden(ui::MessageListModel::ToColumn));
    }

    // A damaged file, or one naming an account that is gone: the defaults, nothing else.
    QFile damaged(statePath);
    QVERIFY(damaged.open(QIODevice::WriteOnly | QIODevice::Truncate));
    damaged.write("[mainWindow]\ngeometry=@ByteArray(\x01\x02garbage)\nlistHeader=@ByteArray(xx)\naccount=gone\nfolder=99\n\0\xff");
    damaged.close();
    ui::MainWindow window(m_f->manager.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.size(), QSize(1100, 720));
    QCOMPARE(window.messageList()->horizontalHeader()->sortIndicatorSection(), int(ui::MessageListModel::DateColumn));
    QCOMPARE(window.folderTree()->currentItem()->data(0, Qt::DisplayRole).toString(), QStringLiteral("Inbox"));
}

void TestMailWindow::htmlRemoteContentIsNotFetched()
{
    // A "tracking server" on loopback: any connection to it is a network fetch from mail.
    QTcpServer tracker;
    QVERIFY(tracker.listen(QHostAddress::LocalHost));
    QSignalSpy connections(&tracker, &QTcpServer::newConnection);
    QList<QTcpSocket *> accepted;
    connect(&tracker, &QTcpServer::newConnection, &tracker, [&] {
        while (QTcpSocket *s = tracker.nextPendingConnection()) {
            accepted << s;
            connect(s, &QTcpSocket::readyRead, s, [s] {
                s->readAll();
                s->write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                s->disconnectFromHost();
            });
        }
    });
    const QByteArray base = "http://127.0.0.1:" + QByteArray::number(tracker.serverPort());
    const QByteArray png = pngBytes().toBase64();
    const QByteArray message =
        "From: Newsletter <news@shop.example>\r\nTo: info@example.com\r\nSubject: Angebote\r\n"
        "Date: Thu, 26 Nov 2026 08:00:00 +0100\r\nMessage-ID: <news1@shop.example>\r\nMIME-Version: 1.0\r\n"
        "Content-Type: multipart/related; boundary=\"rel\"\r\n\r\n--rel\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
        "<html><head><link rel=\"stylesheet\" href=\"" + base + "/style.css\"><script>document.write('x')</script></head>"
        "<body style=\"background-image: url(" + base + "/bg.png)\"><h1>Offers</h1><p>Our logo: <img src=\"cid:logo@shop.example\"></p>"
        "<p><img src=\"" + base + "/track.png?u=info\" width=\"1\" height=\"1\"><img src=\"file:///etc/hostname\">"
        "<img src=\"../../etc/hostname\"><a href=\"https://shop.example/deal\">Deal</a></p></body></html>\r\n"
        "--rel\r\nContent-Type: image/png\r\nContent-ID: <logo@shop.example>\r\nContent-Disposition: inline; filename=\"logo.png\"\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n" + png + "\r\n--rel--\r\n";

    ui::MessageView view;
    view.resize(720, 520);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showMessage(message);
    QCoreApplication::processEvents();
    QTRY_VERIFY(view.remoteContentBar()->isVisible());
    QTest::qWait(500); // time for a fetch that must not happen
    QCOMPARE(connections.count(), 0);
    QVERIFY(view.browser()->blockedUrls().contains(QUrl(QString::fromLatin1(base + "/track.png?u=info"))));
    QVERIFY(!view.browser()->remoteContentAllowed());
    // The inline image comes from the message; local files never.
    const QVariant logo = view.browser()->loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("cid:logo@shop.example")));
    QVERIFY(!logo.value<QImage>().isNull());
    QCOMPARE(logo.value<QImage>().size(), QSize(8, 8));
    QVERIFY(view.browser()->loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("file:///etc/hostname"))).isNull());
    QVERIFY(view.browser()->loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("../../etc/hostname"))).isNull());
    // The inline logo is part of the body, not an attachment; no script text shows up.
    QVERIFY(view.listedAttachments().isEmpty());
    QVERIFY(!view.browser()->toPlainText().contains(QStringLiteral("document.write")));
    test::screenshot(&view, QStringLiteral("message-view-remote-blocked-en"));
    {
        test::LanguageScope german(QStringLiteral("de"));
        ui::MessageView de;
        de.resize(720, 520);
        de.show();
        QVERIFY(QTest::qWaitForWindowExposed(&de));
        de.showMessage(message);
        QTRY_VERIFY(de.remoteContentBar()->isVisible());
        QCOMPARE(test::shownText(de.findChild<QPushButton *>(QStringLiteral("loadRemoteContent"))->text()),
                 QStringLiteral("Externe Inhalte laden"));
        test::screenshot(&de, QStringLiteral("message-view-remote-blocked-de"));
    }
    QTest::qWait(100);
    QCOMPARE(connections.count(), 0);

    // Only on the user's word, and then it really does fetch (the tracker sees it).
    QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("loadRemoteContent")), Qt::LeftButton);
    QVERIFY(view.remoteContentBar()->isHidden());
    QTRY_VERIFY(connections.count() >= 1);
    qDeleteAll(accepted);
}

void TestMailWindow::attachmentColumnAndOpen()
{
    const store::Account account = addAccount(QStringLiteral("INFO"), QStringLiteral("info@example.com"), true);
    seedInbox(account);
    const QByteArray pdf = "%PDF-1.4\n% a report\n";
    const QByteArray script = "#!/bin/sh\necho pwned\n";
    deliver(account, messageWithAttachments("Report and tool", {{"../../Bericht Q4.pdf", pdf}, {"tool.sh", script}}));
    ui::MainWindow window(m_f->manager.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ui::MessageListModel *model = window.messageModel();
    QCOMPARE(model->totalCount(), 4);

    // The paperclip comes from the index (the header), no file is opened for it.
    window.messageList()->horizontalHeader()->setSortIndicator(ui::MessageListModel::AttachmentColumn, Qt::DescendingOrder);
    QCOMPARE(model->index(0, ui::MessageListModel::SubjectColumn).data().toString(), QStringLiteral("Report and tool"));
    QVERIFY(!model->index(0, ui::MessageListModel::AttachmentColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(model->index(0, ui::MessageListModel::AttachmentColumn).data(Qt::ToolTipRole).toString(), QStringLiteral("Has attachments"));
    for (int row = 1; row < 4; ++row)
        QVERIFY(model->index(row, ui::MessageListModel::AttachmentColumn).data(Qt::DecorationRole).isNull());
    QVERIFY(!window.messageList()->isColumnHidden(ui::MessageListModel::AttachmentColumn));
    // To: names of every recipient (a comma inside quotes is no separator); shown in Sent & co.
    QCOMPARE(model->index(0, ui::MessageListModel::ToColumn).data().toString(), QStringLiteral("Info, Desk, Front"));
    QVERIFY(window.messageList()->isColumnHidden(ui::MessageListModel::ToColumn));
    window.selectFolder(account.id, store::Mailbox::Kind::Sent);
    QVERIFY(!window.messageList()->isColumnHidden(ui::MessageListModel::ToColumn));
    QVERIFY(window.messageList()->isColumnHidden(ui::MessageListModel::FromColumn));
    window.selectFolder(account.id, store::Mailbox::Kind::Inbox);
    window.messageList()->horizontalHeader()->setSortIndicator(ui::MessageListModel::AttachmentColumn, Qt::DescendingOrder);
    window.messageList()->setCurrentIndex(model->index(0, 0));
    test::screenshot(&window, QStringLiteral("mail-window-attachments-en"));
    QCOMPARE(window.messageView()->findChild<QLabel *>(QStringLiteral("headerTo"))->text(),
             QStringLiteral("Info <info@example.com>, \"Desk, Front\" <front@example.com>"));
    // Allen antworten: a name with a comma stays one address in the Cc field.
    ui::ComposerWindow *all = window.composing()->replyAll();
    QCOMPARE(all->ccEdit()->text(), QStringLiteral("\"Desk, Front\" <front@example.com>"));
    QList<mime::MailAddress> cc;
    QCOMPARE(ui::ComposerWindow::checkAddresses(all->ccEdit()->text(), &cc), QString());
    QCOMPARE(cc, (QList<mime::MailAddress>{{QStringLiteral("Desk, Front"), QStringLiteral("front@example.com")}}));
    all->close();
    if (all->discardQuestion())
        all->discardQuestion()->findChild<QPushButton *>(QStringLiteral("discardButton"))->click();

    // Öffnen: a sanitised read-only copy in a private directory, handed to the desktop.
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &catcher, "open");
    ui::MessageView *view = window.messageView();
    QCOMPARE(view->listedAttachments().size(), 2);
    QSignalSpy opened(view, &ui::MessageView::attachmentOpened);
    view->attachmentList()->setCurrentRow(0);
    view->findChild<QPushButton *>(QStringLiteral("openAttachment"))->click();
    QCOMPARE(opened.count(), 1);
    const QString path = opened.first().first().toString();
    QCOMPARE(QFileInfo(path).fileName(), QStringLiteral("Bericht Q4.pdf"));
    QCOMPARE(catcher.urls, QList<QUrl>{QUrl::fromLocalFile(path)});
    const QString privateDir = view->opener().directory();
    QVERIFY(path.startsWith(privateDir + u'/'));
    QCOMPARE(QFileInfo(privateDir).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
                                                     | QFileDevice::WriteOther | QFileDevice::ExeGroup | QFileDevice::ExeOther),
             QFileDevice::Permissions());
    QVERIFY(!(QFileInfo(path).permissions() & QFileDevice::WriteOwner));
    {
        QFile copy(path);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), pdf);
    }

    // A script asks first; Cancel opens nothing, "Open Anyway" opens it.
    view->openAttachment(1);
    QTRY_VERIFY(view->openQuestion() && view->openQuestion()->isVisible());
    QCOMPARE(opened.count(), 1);
    view->openQuestion()->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!view->openQuestion());
    QCOMPARE(opened.count(), 1);
    view->openAttachment(1);
    QTRY_VERIFY(view->openQuestion() && view->openQuestion()->isVisible());
    view->openQuestion()->findChild<QPushButton *>(QStringLiteral("confirmOpen"))->click();
    QCOMPARE(opened.count(), 2);
    QCOMPARE(catcher.urls.size(), 2);
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));

    // What counts as a program: by name, and by content under an innocent name.
    QVERIFY(ui::AttachmentOpener::looksExecutable(QStringLiteral("setup.EXE"), "x"));
    QVERIFY(ui::AttachmentOpener::looksExecutable(QStringLiteral("invoice.pdf"), "\x7f" "ELF\x02\x01"));
    QVERIFY(ui::AttachmentOpener::looksExecutable(QStringLiteral("notes.txt"), "#!/usr/bin/python3\n"));
    QVERIFY(ui::AttachmentOpener::looksExecutable(QStringLiteral("start.desktop"), "[Desktop Entry]\n"));
    QVERIFY(!ui::AttachmentOpener::looksExecutable(QStringLiteral("Bericht.pdf"), pdf));
    QVERIFY(!ui::AttachmentOpener::looksExecutable(QStringLiteral("photo.png"), pngBytes()));
}

void TestMailWindow::attachmentListShowsTheSafeName()
{
    // U+202E turns "Rechnung<RLO>fdp.exe" into what looks like "Rechnungexe.pdf".
    const QString rlo = QStringLiteral("Rechnung") + QChar(0x202E) + QStringLiteral("fdp.exe");
    const QByteArray message = "From: evil@example.net\r\nTo: info@example.com\r\nSubject: invoice\r\nMIME-Version: 1.0\r\n"
                               "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
                               "--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename*=UTF-8''"
        + QUrl::toPercentEncoding(rlo) + "\r\n\r\nMZ\r\n--b\r\nContent-Type: text/plain\r\n"
        "Content-Disposition: attachment; filename=\"notes.txt\"\r\n\r\nplain\r\n--b--\r\n";
    ui::MessageView view;
    view.showMessage(message);
    QCOMPARE(view.attachmentList()->count(), 2);
    QVERIFY(view.attachmentList()->item(0)->text().startsWith(QStringLiteral("Rechnung_fdp.exe  (")));
    QCOMPARE(view.attachmentList()->item(0)->toolTip(), QStringLiteral("application/octet-stream\nThe sender named it: Rechnung")
                                                          + QChar(QChar::ReplacementCharacter) + QStringLiteral("fdp.exe"));
    // A harmless name is shown as sent, without a second line.
    QVERIFY(view.attachmentList()->item(1)->text().startsWith(QStringLiteral("notes.txt  (")));
    QCOMPARE(view.attachmentList()->item(1)->toolTip(), QStringLiteral("text/plain"));
}

void TestMailWindow::attachmentSaveSanitisesAndAsksBeforeOverwrite()
{
    const QByteArray payload = "alias ls='rm -rf ~'\n";
    const QByteArray message = "From: evil@example.net\r\nTo: info@example.com\r\nSubject: dotfiles\r\nMIME-Version: 1.0\r\n"
                               "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
                               "--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"../../.bashrc\"\r\n"
                               "Content-Transfer-Encoding: base64\r\n\r\n" + payload.toBase64() + "\r\n--b--\r\n";
    ui::MessageView view;
    view.resize(640, 480);
    view.show();
    view.showMessage(message);
    QCOMPARE(view.listedAttachments().size(), 1);
    QCOMPARE(view.attachmentList()->count(), 1);
    QVERIFY(view.attachmentList()->isVisible());
    // Listed under the name Save will use; the sender's path trick only in the tooltip.
    QVERIFY(view.attachmentList()->item(0)->text().startsWith(QStringLiteral("bashrc  (")));
    QCOMPARE(view.attachmentList()->item(0)->toolTip(),
             QStringLiteral("application/octet-stream\nThe sender named it: ../../.bashrc"));

    const QString target = m_f->dir.path() + QStringLiteral("/downloads/inner");
    QVERIFY(QDir().mkpath(target));
    QSignalSpy saved(&view, &ui::MessageView::saved);
    view.saveAttachmentTo(0, target);
    QCOMPARE(saved.count(), 1);
    QCOMPARE(saved.first().first().toString(), target + QStringLiteral("/bashrc"));
    QFile f(target + QStringLiteral("/bashrc"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), payload);
    f.close();
    QVERIFY(!QFile::exists(m_f->dir.path() + QStringLiteral("/.bashrc")));
    QVERIFY(!QFile::exists(target + QStringLiteral("/.bashrc")));
    QCOMPARE(QDir(target).entryList(QDir::Files | QDir::Hidden).size(), 1);

    // The file exists now: saving again asks and changes nothing until "Replace".
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("mine\n");
    f.close();
    view.saveAttachmentTo(0, target);
    QCOMPARE(saved.count(), 1);
    QTRY_VERIFY(view.overwriteQuestion() && view.overwriteQuestion()->isVisible());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("mine\n"));
    f.close();
    // Cancel keeps the file.
    view.overwriteQuestion()->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!view.overwriteQuestion());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("mine\n"));
    f.close();
    // Replace writes it.
    view.saveAttachmentTo(0, target);
    QTRY_VERIFY(view.overwriteQuestion() && view.overwriteQuestion()->isVisible());
    view.overwriteQuestion()->findChild<QPushButton *>(QStringLiteral("replaceButton"))->click();
    QCOMPARE(saved.count(), 2);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), payload);
}

void TestMailWindow::composerValidatesAndQueuesInOutbox()
{
    addAccount(QStringLiteral("INFO"), QStringLiteral("info@example.com"));
    const store::Account sales = addAccount(QStringLiteral("SALES"), QStringLiteral("sales@example.com"), true);
    ui::MainWindow window(m_f->manager.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.findChild<QAction *>(QStringLiteral("composeAction"))->trigger();
    ui::ComposerWindow *composer = window.composing()->lastComposer();
    QVERIFY(composer);
    QTRY_VERIFY(composer->isVisible());
    // The default account is preselected and listed first.
    QCOMPARE(composer->fromBox()->count(), 2);
    QCOMPARE(composer->fromBox()->currentData().toString(), sales.id);

    // No recipient; then an invalid one; then an invalid Cc.
    QVERIFY(!composer->send());
    QVERIFY(composer->problemLabel()->isVisible());
    QCOMPARE(composer->problemLabel()->text(), QStringLiteral("Enter at least one recipient."));
    QTest::keyClicks(composer->toEdit(), QStringLiteral("Anna Schmidt <anna@example.org>, bob"));
    QVERIFY(!composer->send());
    QCOMPARE(composer->problemLabel()->text(), QStringLiteral("\"bob\" is not a valid e-mail address."));
    composer->toEdit()->setText(QStringLiteral("\"Schmidt, Anna\" <anna@example.org>, bob@example.net"));
    composer->ccEdit()->setText(QStringLiteral("carol@"));
    QVERIFY(!composer->send());
    QVERIFY(composer->problemLabel()->text().contains(QStringLiteral("carol@")));
    composer->ccEdit()->clear();
    composer->bccEdit()->setText(QStringLiteral("archive@example.com"));
    composer->subjectEdit()->setText(QStringLiteral("Angebot für Müller"));
    composer->bodyEdit()->setPlainText(QStringLiteral("Guten Tag,\nanbei das Angebot.\n"));
    const QString file = m_f->dir.path() + QStringLiteral("/Angebot Müller.txt");
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Position 1: 100 EUR\n");
    }
    composer->addAttachmentFile(file);
    QCOMPARE(composer->attachmentList()->count(), 1);
    QVERIFY(composer->attachmentList()->item(0)->text().startsWith(QStringLiteral("Angebot Müller.txt")));
    test::screenshot(composer, QStringLiteral("composer-en"));

    QSignalSpy queued(composer, &ui::ComposerWindow::queued);
    QTest::mouseClick(composer->findChild<QPushButton *>(QStringLiteral("composerSend")), Qt::LeftButton);
    QCOMPARE(queued.count(), 1);
    QCOMPARE(queued.first().first().toString(), sales.id);
    QTRY_VERIFY(!window.composing()->lastComposer()); // closed without asking: it was sent

    store::Outbox outbox(store::Mailbox::accountRoot(sales));
    QVERIFY(outbox.open());
    const auto entries = outbox.entries();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().reversePath, QStringLiteral("sales@example.com"));
    QCOMPARE(entries.first().recipients,
             (QStringList{QStringLiteral("anna@example.org"), QStringLiteral("bob@example.net"), QStringLiteral("archive@example.com")}));
    const QByteArray data = outbox.messageData(entries.first().id);
    QVERIFY(!data.contains("archive@example.com")); // Bcc only in the envelope
    QVERIFY(data.contains("Info Desk"));

    // The sender runs at once; nothing listens on the SMTP port: deferred, banner with the cause.
    QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 15000);
    QTRY_VERIFY(window.banner()->isVisible());
    QVERIFY2(window.banner()->text().contains(QStringLiteral("Not sent from SALES yet; Kurier tries again at")),
             qPrintable(window.banner()->text()));
    QCOMPARE(outbox.entries().first().state, store::Outbox::State::Deferred);
    QTreeWidgetItem *outboxItem = window.folderTree()->folderItem(sales.id, store::Mailbox::Kind::Outbox);
    QCOMPARE(outboxItem->text(0), QStringLiteral("Outbox (1)"));
    window.selectFolder(sales.id, store::Mailbox::Kind::Outbox);
    QCOMPARE(window.messageModel()->rowCount(), 1);
    QCOMPARE(window.messageModel()->index(0, ui::MessageListModel::SubjectColumn).data().toString(), QStringLiteral("Angebot für Müller"));

    // Selecting it in the Outbox says why it is still there; Send Again tries at once.
    window.banner()->hide();
    QAction *retry = window.findChild<QAction *>(QStringLiteral("retryAction"));
    QVERIFY(!retry->isEnabled());
    window.messageList()->setCurrentIndex(window.messageModel()->index(0, 0));
    QVERIFY(window.banner()->isVisible());
    QVERIFY2(window.banner()->text().contains(QStringLiteral("Not sent yet")), qPrintable(window.banner()->text()));
    QVERIFY(retry->isEnabled());
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("toggleReadAction"))->isEnabled()); // "unread" there means waiting
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("toggleFlagAction"))->isEnabled());
    const int attempts = outbox.entries().first().attempts;
    retry->trigger();
    QVERIFY(window.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 15000);
    QCOMPARE(outbox.entries().size(), 1);
    QVERIFY(outbox.entries().first().attempts > attempts);
    QCOMPARE(outbox.entries().first().state, store::Outbox::State::Deferred);
}

void TestMailWindow::signatureFollowsTheFromAccount()
{
    store::Account info = addAccount(QStringLiteral("INFO"), QStringLiteral("info@example.com"), true);
    info.signature = QStringLiteral("Info Desk\nTel. +49 421 1");
    QVERIFY(m_f->save(info).ok);
    store::Account sales = addAccount(QStringLiteral("SALES"), QStringLiteral("sales@example.com"));
    sales.signature = QStringLiteral("Vertrieb\u00a0Nord"); // a no-break space, as a pasted signature may have
    QVERIFY(m_f->save(sales).ok);
    const store::Account plain = addAccount(QStringLiteral("PLAIN"), QStringLiteral("plain@example.com"));
    const QString infoBlock = QStringLiteral("\n\n-- \nInfo Desk\nTel. +49 421 1");
    const QString salesBlock = QStringLiteral("\n\n-- \nVertrieb Nord"); // the editor shows it as a plain space
    deliver(info, "From: Anna <anna@example.org>\r\nTo: info@example.com\r\nSubject: Termin\r\nMessage-ID: <s1@example.org>\r\n"
                  "Date: Fri, 27 Nov 2026 10:00:00 +0100\r\n\r\nPasst Montag?\r\n-- \r\nAnna Schmidt, ACME\r\n");
    ui::MainWindow window(m_f->manager.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const auto chooseFrom = [](ui::ComposerWindow *c, const store::Account &a) {
        c->fromBox()->setCurrentIndex(c->fromBox()->findData(a.id));
    };

    // A new message: the default account's signature, the cursor above it; closing it
    // untouched does not ask (the signature alone is nothing written).
    QPointer<ui::ComposerWindow> c = window.composing()->compose();
    QTRY_VERIFY(c->isVisible());
    QCOMPARE(c->bodyEdit()->toPlainText(), infoBlock);
    QCOMPARE(c->bodyEdit()->textCursor().position(), 0);
    // Choosing another From is not writing: no autosave, no question on closing.
    const store::Maildir salesDrafts(store::Mailbox::path(sales, store::Mailbox::Kind::Drafts));
    chooseFrom(c, sales);
    QCOMPARE(c->bodyEdit()->toPlainText(), salesBlock);
    c->autosave();
    QVERIFY(salesDrafts.messages().isEmpty());
    chooseFrom(c, info);
    QVERIFY(c->close());
    QVERIFY(!c->discardQuestion());

    // Another From swaps it under what was written; an account without one removes it.
    c = window.composing()->compose();
    QTRY_VERIFY(c->isVisible());
    c->bodyEdit()->setFocus();
    QTest::keyClicks(c->bodyEdit(), QStringLiteral("Hallo"));
    QCOMPARE(c->bodyEdit()->toPlainText(), QStringLiteral("Hallo") + infoBlock);
    chooseFrom(c, sales);
    QCOMPARE(c->bodyEdit()->toPlainText(), QStringLiteral("Hallo") + salesBlock);
    QCOMPARE(c->bodyEdit()->textCursor().position(), 5); // still after "Hallo"
    c->bodyEdit()->undo(); // an edit like any other
    QCOMPARE(c->bodyEdit()->toPlainText(), QStringLiteral("Hallo") + infoBlock);
    c->bodyEdit()->redo();
    QCOMPARE(c->bodyEdit()->toPlainText(), QStringLiteral("Hallo") + salesBlock);
    chooseFrom(c, plain);
    QCOMPARE(c->bodyEdit()->toPlainText(), QStringLiteral("Hallo"));
    chooseFrom(c, info);
    QCOMPARE(c->bodyEdit()->toPlainText(), QStringLiteral("Hallo") + infoBlock);
    QVERIFY(c->draft().text.endsWith(QStringLiteral("\n-- \nInfo Desk\nTel. +49 421 1")));
    // A signature the user changed is theirs: From leaves it alone.
    c->bodyEdit()->moveCursor(QTextCursor::End);
    QTest::keyClicks(c->bodyEdit(), QStringLiteral(" (mobil)"));
    chooseFrom(c, sales);
    QCOMPARE(c->bodyEdit()->toPlainText(), QStringLiteral("Hallo") + infoBlock + QStringLiteral(" (mobil)"));
    QVERIFY(!c->close());
    QTRY_VERIFY(c->discardQuestion() && c->discardQuestion()->isVisible());
    c->discardQuestion()->findChild<QPushButton *>(QStringLiteral("discardButton"))->click();
    QTRY_VERIFY(!c || !c->isVisible());

    // A reply: the answer on top, then the signature, then the quote — without the sender's
    // own signature. Swapping From keeps the quote.
    window.messageList()->setCurrentIndex(window.messageModel()->index(0, 0));
    ui::ComposerWindow *r = window.composing()->reply();
    const QString quote = QStringLiteral("\n\nAnna <anna@example.org> wrote:\n> Passt Montag?");
    QCOMPARE(r->bodyEdit()->toPlainText(), infoBlock + quote);
    QCOMPARE(r->bodyEdit()->textCursor().position(), 0);
    test::screenshot(r, QStringLiteral("composer-reply-signature-en"));
    chooseFrom(r, sales);
    QCOMPARE(r->bodyEdit()->toPlainText(), salesBlock + quote);
    chooseFrom(r, plain);
    QCOMPARE(r->bodyEdit()->toPlainText(), quote);
    chooseFrom(r, info);
    QCOMPARE(r->bodyEdit()->toPlainText(), infoBlock + quote); // back above the quote

    // A mailto: body comes first, the signature under it.
    ui::ComposerWindow *m = window.composing()->composeMailto(QStringLiteral("mailto:bob@example.org?body=Zeile%201"));
    QVERIFY(m);
    QCOMPARE(m->bodyEdit()->toPlainText(), QStringLiteral("Zeile 1") + infoBlock);
}

void TestMailWindow::replyAndForwardPrefill()
{
    const store::Account account = addAccount(QStringLiteral("INFO"), QStringLiteral("info@example.com"), true);
    deliver(account, "From: Anna <anna@example.org>\r\nTo: info@example.com, Carol <carol@example.org>\r\nCc: dave@example.org\r\n"
                     "Subject: Termin\r\nMessage-ID: <t1@example.org>\r\nDate: Fri, 27 Nov 2026 10:00:00 +0100\r\n\r\nPasst Montag?\r\n");
    ui::MainWindow window(m_f->manager.get());
    window.show();
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("replyAction"))->isEnabled());
    window.messageList()->setCurrentIndex(window.messageModel()->index(0, 0));
    QVERIFY(window.findChild<QAction *>(QStringLiteral("replyAction"))->isEnabled());

    ui::ComposerWindow *r = window.composing()->reply();
    QCOMPARE(r->toEdit()->text(), QStringLiteral("Anna <anna@example.org>"));
    QVERIFY(r->ccEdit()->text().isEmpty());
    QCOMPARE(r->subjectEdit()->text(), QStringLiteral("Re: Termin"));
    QVERIFY(r->bodyEdit()->toPlainText().contains(QStringLiteral("> Passt Montag?")));
    QCOMPARE(r->draft().inReplyTo, QStringLiteral("t1@example.org"));
    QCOMPARE(r->fromBox()->currentData().toString(), account.id);

    ui::ComposerWindow *all = window.composing()->replyAll();
    QCOMPARE(all->ccEdit()->text(), QStringLiteral("Carol <carol@example.org>, dave@example.org")); // not ourselves

    // Addresses seen are offered while typing; only the address being typed is replaced.
    ui::ComposerWindow *fresh = window.composing()->compose();
    QTRY_VERIFY(fresh->isVisible());
    fresh->toEdit()->setFocus();
    QTest::keyClicks(fresh->toEdit(), QStringLiteral("bob@example.net, ann"));
    QCompleter *completer = fresh->completer(fresh->toEdit());
    QVERIFY(completer);
    QTRY_VERIFY(completer->popup()->isVisible());
    QCOMPARE(completer->currentCompletion(), QStringLiteral("Anna <anna@example.org>"));
    emit completer->activated(completer->currentCompletion());
    QCOMPARE(fresh->toEdit()->text(), QStringLiteral("bob@example.net, Anna <anna@example.org>, "));
    QList<mime::MailAddress> parsed;
    QCOMPARE(ui::ComposerWindow::checkAddresses(fresh->toEdit()->text(), &parsed), QString());
    QCOMPARE(parsed.size(), 2);
    completer->popup()->hide();
    fresh->close();

    ui::ComposerWindow *fwd = window.composing()->forward();
    QCOMPARE(fwd->subjectEdit()->text(), QStringLiteral("Fwd: Termin"));
    QVERIFY(fwd->toEdit()->text().isEmpty());
    QVERIFY(fwd->bodyEdit()->toPlainText().contains(QStringLiteral("Passt Montag?")));

    // Closing with text asks; Discard closes.
    QVERIFY(!fwd->close());
    QTRY_VERIFY(fwd->discardQuestion() && fwd->discardQuestion()->isVisible());
    QPointer<ui::ComposerWindow> guard(fwd);
    fwd->discardQuestion()->findChild<QPushButton *>(QStringLiteral("discardButton"))->click();
    QTRY_VERIFY(!guard || !guard->isVisible());
}

void TestMailWindow::draftSavedAndContinued()
{
    const store::Account account = addAccount(QStringLiteral("INFO"), QStringLiteral("info@example.com"), true);
    ui::MainWindow window(m_f->manager.get());
    window.show();
    ui::ComposerWindow *c = window.composing()->compose();
    c->toEdit()->setText(QStringLiteral("Anna <anna@example.org>"));
    c->subjectEdit()->setText(QStringLiteral("Entwurf für später"));
    c->bccEdit()->setText(QStringLiteral("Chefin <chefin@example.org>"));
    c->bodyEdit()->setPlainText(QStringLiteral("Noch nicht fertig.\n"));
    c->addAttachment({QStringLiteral("notiz.txt"), QByteArray("eins\n"), {}, {}});
    QVERIFY(c->saveDraft());
    QTRY_VERIFY(!window.composing()->lastComposer());

    window.selectFolder(account.id, store::Mailbox::Kind::Drafts);
    QCOMPARE(window.messageModel()->rowCount(), 1);
    const QString draftFile = window.messageModel()->filePath(0);
    QVERIFY(window.messageModel()->rowAt(0).relativePath.endsWith(QStringLiteral(":2,DS")));
    ui::ComposerWindow *again = window.composing()->openDraft(0);
    QVERIFY(again);
    QCOMPARE(again->toEdit()->text(), QStringLiteral("Anna <anna@example.org>"));
    QCOMPARE(again->subjectEdit()->text(), QStringLiteral("Entwurf für später"));
    QVERIFY(again->bodyEdit()->toPlainText().startsWith(QStringLiteral("Noch nicht fertig.")));
    QCOMPARE(again->attachmentList()->count(), 1);
    // Bcc is kept in the draft (only there).
    QCOMPARE(again->bccEdit()->text(), QStringLiteral("Chefin <chefin@example.org>"));
    // Sent: into the Outbox, and the draft is gone.
    QVERIFY(again->send());
    QVERIFY(!QFile::exists(draftFile));
    QTRY_COMPARE(window.messageModel()->rowCount(), 0);
    store::Outbox outbox(store::Mailbox::accountRoot(account));
    QVERIFY(outbox.open());
    QCOMPARE(outbox.entries().size(), 1);
    // The Bcc recipient is in the envelope, never in the message sent.
    QVERIFY(outbox.entries().first().recipients.contains(QStringLiteral("chefin@example.org")));
    const store::Maildir outboxDir(store::Mailbox::path(account, store::Mailbox::Kind::Outbox));
    QCOMPARE(outboxDir.messages().size(), 1);
    QFile sent(outboxDir.filePath(outboxDir.messages().first()));
    QVERIFY(sent.open(QIODevice::ReadOnly));
    const QByteArray sentBytes = sent.readAll();
    QVERIFY(!sentBytes.contains("chefin@example.org"));
    QVERIFY(!sentBytes.toLower().contains("\nbcc:"));
    QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 15000);
}

void TestMailWindow::composerAutosavesIntoDrafts()
{
    const store::Account account = addAccount(QStringLiteral("INFO"), QStringLiteral("info@example.com"), true);
    const store::Maildir drafts(store::Mailbox::path(account, store::Mailbox::Kind::Drafts));
    ui::MainWindow window(m_f->manager.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const auto draftTexts = [&] {
        QStringList texts;
        for (const QString &m : drafts.messages()) {
            QFile f(drafts.filePath(m));
            if (f.open(QIODevice::ReadOnly))
                texts << mime::MessageParser::parse(f.readAll()).text.trimmed();
        }
        return texts;
    };

    // Every interval, when something was typed since: one copy in Drafts, replaced by the next.
    QPointer<ui::ComposerWindow> c = window.composing()->compose();
    QTRY_VERIFY(c->isVisible());
    QCOMPARE(c->findChild<QTimer *>(QStringLiteral("autosaveTimer"))->interval(), 2 * 60 * 1000);
    c->setAutosaveInterval(50);
    QTest::qWait(200);
    QVERIFY(drafts.messages().isEmpty()); // nothing typed yet
    c->bodyEdit()->setFocus();
    QTest::keyClicks(c->bodyEdit(), QStringLiteral("Erster Satz."));
    QTRY_COMPARE(drafts.messages().size(), 1);
    QCOMPARE(draftTexts(), QStringList{QStringLiteral("Erster Satz.")});
    QVERIFY(store::Maildir::flagsOf(drafts.messages().first()) == u"DS");
    const QString first = c->autosaveFile();
    QTest::keyClicks(c->bodyEdit(), QStringLiteral(" Zweiter."));
    QTRY_VERIFY(c->autosaveFile() != first);
    QCOMPARE(draftTexts(), QStringList{QStringLiteral("Erster Satz. Zweiter.")});
    QVERIFY(!QFile::exists(first));

    // Discarding removes the copy.
    QVERIFY(!c->close());
    QTRY_VERIFY(c->discardQuestion() && c->discardQuestion()->isVisible());
    c->discardQuestion()->findChild<QPushButton *>(QStringLiteral("discardButton"))->click();
    QTRY_VERIFY(!c);
    QVERIFY(drafts.messages().isEmpty());

    // Sending removes it too; a crash (the window gone without closing) keeps it.
    c = window.composing()->compose();
    c->setAutosaveInterval(50);
    c->toEdit()->setText(QStringLiteral("anna@example.org"));
    c->bodyEdit()->setFocus();
    QTest::keyClicks(c->bodyEdit(), QStringLiteral("Gleich weg."));
    QTRY_COMPARE(drafts.messages().size(), 1);
    QVERIFY(c->send());
    QVERIFY(drafts.messages().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 15000);

    c = window.composing()->compose();
    c->setAutosaveInterval(50);
    c->bodyEdit()->setFocus();
    QTest::keyClicks(c->bodyEdit(), QStringLiteral("Stromausfall."));
    QTRY_COMPARE(drafts.messages().size(), 1);
    delete c.data();
    QCOMPARE(draftTexts(), QStringList{QStringLiteral("Stromausfall.")});

    // Closing the mail window closes its composers first: one with text asks, and the window stays.
    c = window.composing()->compose();
    c->bodyEdit()->setFocus();
    QTest::keyClicks(c->bodyEdit(), QStringLiteral("Noch offen."));
    QVERIFY(!window.close());
    QVERIFY(window.isVisible());
    QTRY_VERIFY(c->discardQuestion() && c->discardQuestion()->isVisible());
    c->discardQuestion()->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!c->discardQuestion());
    QVERIFY(c->isVisible());
    QPointer<ui::ComposerWindow> empty = window.composing()->compose(); // nothing typed: closes without a word
    QVERIFY(!window.close());
    QTRY_VERIFY(c->discardQuestion() && c->discardQuestion()->isVisible());
    c->discardQuestion()->findChild<QPushButton *>(QStringLiteral("discardButton"))->click();
    QTRY_VERIFY(!c);
    QVERIFY(window.close());
    QTRY_VERIFY(!empty);
    window.show();

    // A draft opened again stays as it was while the copy is made beside it; discarding the
    // changes keeps the draft, saving replaces both.
    window.selectFolder(account.id, store::Mailbox::Kind::Drafts);
    QTRY_COMPARE(window.messageModel()->rowCount(), 1);
    c = window.composing()->openDraft(0);
    QVERIFY(c);
    c->setAutosaveInterval(50);
    c->bodyEdit()->setFocus();
    c->bodyEdit()->moveCursor(QTextCursor::End);
    QTest::keyClicks(c->bodyEdit(), QStringLiteral(" Nachtrag."));
    QTRY_COMPARE(drafts.messages().size(), 2);
    QVERIFY(c->saveDraft());
    QTRY_VERIFY(!c);
    QCOMPARE(draftTexts(), QStringList{QStringLiteral("Stromausfall.\n Nachtrag.")});
}

void TestMailWindow::forwardAsAttachment()
{
    const store::Account account = addAccount(QStringLiteral("INFO"), QStringLiteral("info@example.com"), true);
    seedInbox(account);
    ui::MainWindow window(m_f->manager.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.messageList()->horizontalHeader()->setSortIndicator(ui::MessageListModel::SubjectColumn, Qt::DescendingOrder);
    QCOMPARE(window.messageModel()->index(0, ui::MessageListModel::SubjectColumn).data().toString(), QStringLiteral("Quarterly report"));
    window.messageList()->setCurrentIndex(window.messageModel()->index(0, 0));
    QFile originalFile(window.messageModel()->filePath(0));
    QVERIFY(originalFile.open(QIODevice::ReadOnly));
    const QByteArray original = originalFile.readAll();
    QAction *action = window.findChild<QAction *>(QStringLiteral("forwardAsAttachmentAction"));
    QVERIFY(action && action->isEnabled());
    action->trigger();
    ui::ComposerWindow *c = window.composing()->lastComposer();
    QVERIFY(c);
    QCOMPARE(c->subjectEdit()->text(), QStringLiteral("Fwd: Quarterly report"));
    QVERIFY(c->bodyEdit()->toPlainText().isEmpty());
    QCOMPARE(c->attachmentList()->count(), 1);
    QVERIFY(c->attachmentList()->item(0)->text().startsWith(QStringLiteral("Quarterly report.eml")));
    QCOMPARE(c->draft().attachments.first().mimeType, QStringLiteral("message/rfc822"));
    QCOMPARE(c->draft().attachments.first().data, original);
    c->toEdit()->setText(QStringLiteral("bea@example.org"));
    c->bodyEdit()->setPlainText(QStringLiteral("Zur Info.\n"));
    test::screenshot(c, QStringLiteral("composer-forward-attachment-en"));

    // Built: a message/rfc822 part with the original inside, not base64 (RFC 2046 §5.2.1).
    const mime::MessageBuilder::Result built = mime::MessageBuilder::build(c->draft());
    QVERIFY2(built.ok(), qPrintable(built.error));
    const qsizetype part = built.data.indexOf("Content-Type: message/rfc822");
    QVERIFY2(part > 0, built.data.constData());
    const QByteArray inner = built.data.mid(part);
    QVERIFY(inner.contains("Subject: Quarterly report"));
    QVERIFY(inner.contains("the report is at https://intranet.example.org/report?q=4."));
    QVERIFY(!inner.left(inner.indexOf("\r\n\r\n")).contains("base64"));
    // Read back, the forward shows the original as an attachment of type message/rfc822.
    const mime::ParsedMessage parsed = mime::MessageParser::parse(built.data);
    QCOMPARE(parsed.text.trimmed(), QStringLiteral("Zur Info."));
    bool found = false;
    for (const mime::ParsedPart &p : parsed.attachments)
        found = found || p.mimeType == QStringLiteral("message/rfc822");
    QVERIFY(found);
    QVERIFY(c->send());
    QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 15000);

    // Several selected: the shown one names the subject, all go along unchanged, in list order.
    window.messageList()->setCurrentIndex(window.messageModel()->index(1, 0));
    window.messageList()->selectAll();
    action->trigger();
    ui::ComposerWindow *several = window.composing()->lastComposer();
    QVERIFY(several); // a new one: the first was sent and closed (and may share its address)
    const int rows = window.messageModel()->rowCount();
    QCOMPARE(several->attachmentList()->count(), rows);
    QCOMPARE(several->subjectEdit()->text(), QStringLiteral("Fwd: ") + window.messageModel()->rowAt(1).entry.subject);
    QStringList expected;
    for (int row = 0; row < rows; ++row) {
        if (row != 1)
            expected << window.messageModel()->rowAt(row).entry.subject;
        QFile f(window.messageModel()->filePath(row));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        const auto &attached = several->draft().attachments;
        QVERIFY(std::any_of(attached.begin(), attached.end(), [&](const mime::DraftAttachment &a) {
            return a.data == bytes && a.mimeType == u"message/rfc822";
        }));
    }
    for (int i = 1; i < rows; ++i)
        QVERIFY(several->attachmentList()->item(i)->text().startsWith(ui::safeFileName(expected.at(i - 1) + QStringLiteral(".eml"))));
}

void TestMailWindow::periodicFetchAndNewMailNotification()
{
    activity::FetchScheduler::setMinuteMs(150);
    store::Account every = addAccount(QStringLiteral("OFT"), QStringLiteral("oft@example.com"), true);
    every.pop3.fetchIntervalMinutes = 1;
    QVERIFY(m_f->save(every).ok);
    const store::Account never = addAccount(QStringLiteral("NIE"), QStringLiteral("nie@example.com"));
    ui::MainWindow window(m_f->manager.get());
    window.show();
    activity::FetchScheduler *scheduler = window.activity()->scheduler();
    QVERIFY(scheduler->isScheduled(every.id));
    QCOMPARE(scheduler->intervalMs(every.id), 150);
    QVERIFY(!scheduler->isScheduled(never.id));

    // Due: fetched without anyone asking (it fails here: nothing listens on its port).
    QSignalSpy due(scheduler, &activity::FetchScheduler::fetchDue);
    const QString transcript = store::Mailbox::accountRoot(every) + QStringLiteral("/last-fetch-transcript.txt");
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(transcript), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(due.count() >= 3, 10000);
    QVERIFY(!QFile::exists(store::Mailbox::accountRoot(never) + QStringLiteral("/last-fetch-transcript.txt")));
    // While its fetch runs or waits, a due account is not queued a second time.
    window.activity()->fetch(every.id);
    QVERIFY(window.isBusy());
    emit scheduler->fetchDue(every.id);
    emit scheduler->fetchDue(every.id);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 15000);

    // Switched off in the account: no timer any more.
    every.pop3.fetchIntervalMinutes = 0;
    QVERIFY(m_f->save(every).ok);
    QTRY_VERIFY(!scheduler->isScheduled(every.id));

    // An account that needs a browser sign-in: the automatic fetch opens no browser, it says
    // what to do; Abrufen by the user does open it.
    UrlCatcher browser;
    QDesktopServices::setUrlHandler(QStringLiteral("https"), &browser, "open");
    QDesktopServices::setUrlHandler(QStringLiteral("http"), &browser, "open");
    // A POP3 server on loopback that offers XOAUTH2 (plain TCP; the account consents), so that
    // the sign-in is what the fetch waits for.
    QTcpServer pop3;
    QVERIFY(pop3.listen(QHostAddress::LocalHost));
    QList<QTcpSocket *> clients;
    connect(&pop3, &QTcpServer::newConnection, &pop3, [&pop3, &clients] {
        while (QTcpSocket *s = pop3.nextPendingConnection()) {
            clients << s;
            s->write("+OK POP3 ready\r\n");
            QObject::connect(s, &QTcpSocket::readyRead, s, [s] {
                while (s->canReadLine()) {
                    const QByteArray line = s->readLine().trimmed().toUpper();
                    if (line == "CAPA")
                        s->write("+OK\r\nSASL XOAUTH2\r\nUIDL\r\n.\r\n");
                    else
                        s->write("-ERR no\r\n");
                }
            });
        }
    });
    store::Account web = never;
    web.pop3.host = QStringLiteral("127.0.0.1");
    web.pop3.port = pop3.serverPort();
    web.pop3.security = store::Security::None;
    web.pop3.acceptUnencrypted = true;
    web.oauth.enabled = true;
    web.oauth.method = oauth::SignInMethod::Browser;
    web.oauth.tokenEndpoint = QStringLiteral("https://login.example.com/tenant/oauth2/v2.0/token");
    web.oauth.authorizationEndpoint = QStringLiteral("https://login.example.com/tenant/oauth2/v2.0/authorize");
    web.oauth.clientId = QStringLiteral("6b29fc40-ca47-1067-b31d-00dd010662da");
    web.oauth.scope = QStringLiteral("https://outlook.office365.com/.default");
    web.pop3.fetchIntervalMinutes = 1;
    const auto savedWeb = m_f->save(web);
    QVERIFY2(savedWeb.ok, qPrintable(savedWeb.error));
    QTRY_VERIFY(scheduler->isScheduled(web.id));
    QTRY_VERIFY_WITH_TIMEOUT(window.banner()->isVisible()
                                 && window.banner()->text().contains(QStringLiteral("automatic fetch needs you to sign in")),
                             10000);
    QTRY_VERIFY(!window.isBusy());
    QVERIFY(browser.urls.isEmpty());
    web.pop3.fetchIntervalMinutes = 0;
    QVERIFY(m_f->save(web).ok);
    QTRY_VERIFY(!scheduler->isScheduled(web.id));
    window.activity()->fetch(web.id);
    QTRY_COMPARE_WITH_TIMEOUT(browser.urls.size(), 1, 10000);
    QVERIFY(browser.urls.first().toString().startsWith(QStringLiteral("https://login.example.com/tenant/oauth2/v2.0/authorize")));
    window.activity()->cancel();
    QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
    QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
    activity::FetchScheduler::setMinuteMs(60 * 1000);

    // New mail: a notification per fetch that stored messages, none for an empty one.
    ui::NewMailNotifier *notifier = window.newMailNotifier();
    QSignalSpy newMail(notifier, &ui::NewMailNotifier::newMail);
    notifier->fetched(QStringLiteral("OFT"), 0);
    QCOMPARE(newMail.count(), 0);
    notifier->fetched(QStringLiteral("OFT"), 3);
    QCOMPARE(newMail.count(), 1);
    QCOMPARE(newMail.first().at(0).toString(), QStringLiteral("New mail for OFT"));
    QCOMPARE(newMail.first().at(1).toString(), QStringLiteral("3 new messages"));
    QCOMPARE(notifier->notificationCount(), 1);
}

void TestMailWindow::listFollowsOtherProcesses()
{
    const store::Account account = addAccount(QStringLiteral("INFO"), QStringLiteral("info@example.com"), true);
    seedInbox(account);
    ui::MainWindow window(m_f->manager.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ui::MessageListModel *model = window.messageModel();
    window.messageList()->horizontalHeader()->setSortIndicator(ui::MessageListModel::SubjectColumn, Qt::AscendingOrder);
    window.messageList()->setCurrentIndex(model->index(2, 0)); // "Quarterly report"
    QCOMPARE(window.messageView()->message().subject, QStringLiteral("Quarterly report"));
    QCOMPARE(window.folderTree()->folderItem(account.id, store::Mailbox::Kind::Inbox)->text(0), QStringLiteral("Inbox (1)"));

    // Another process (kurierctl fetch, a second Kurier) stores a message: the list and the
    // count follow by themselves, the message shown stays.
    const store::Maildir inbox(store::Mailbox::path(account, store::Mailbox::Kind::Inbox));
    QVERIFY(inbox.deliver(plainMessage("Zoe <zoe@example.org>", "Aardvark news", "Thu, 26 Nov 2026 08:00:00 +0100", "x\n")));
    QTRY_COMPARE_WITH_TIMEOUT(model->totalCount(), 4, 5000);
    QCOMPARE(model->index(0, ui::MessageListModel::SubjectColumn).data().toString(), QStringLiteral("Aardvark news"));
    QCOMPARE(window.messageView()->message().subject, QStringLiteral("Quarterly report"));
    QCOMPARE(model->rowAt(window.messageList()->currentIndex().row()).entry.subject, QStringLiteral("Quarterly report"));
    QCOMPARE(window.folderTree()->folderItem(account.id, store::Mailbox::Kind::Inbox)->text(0), QStringLiteral("Inbox (2)"));

    // A folder that did not exist yet (the Trash) is picked up too.
    const store::Maildir trash(store::Mailbox::path(account, store::Mailbox::Kind::Trash));
    QVERIFY(trash.create());
    QVERIFY(trash.deliver(plainMessage("a@example.org", "Old", "Thu, 26 Nov 2026 08:00:00 +0100", "x\n")));
    QTRY_COMPARE_WITH_TIMEOUT(window.folderTree()->folderItem(account.id, store::Mailbox::Kind::Trash)->text(0), QStringLiteral("Trash (1)"), 5000);
    QVERIFY(trash.deliver(plainMessage("b@example.org", "Older", "Thu, 26 Nov 2026 07:00:00 +0100", "x\n")));
    QTRY_COMPARE_WITH_TIMEOUT(window.folderTree()->folderItem(account.id, store::Mailbox::Kind::Trash)->text(0), QStringLiteral("Trash (2)"), 5000);

    // Removed elsewhere: the row goes.
    QFile::remove(inbox.filePath(model->rowAt(0).relativePath)); // "Aardvark news"
    QTRY_COMPARE_WITH_TIMEOUT(model->totalCount(), 3, 5000);
    QCOMPARE(window.messageView()->message().subject, QStringLiteral("Quarterly report"));
}

void TestMailWindow::deleteMovesToTrashThenAsksThere()
{
    const store::Account account = addAccount(QStringLiteral("INFO"), QStringLiteral("info@example.com"), true);
    seedInbox(account);
    ui::MainWindow window(m_f->manager.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.messageModel()->rowCount(), 3);
    window.messageList()->horizontalHeader()->setSortIndicator(ui::MessageListModel::SubjectColumn, Qt::AscendingOrder);
    // "Grüße aus Bremen" (read) goes; the Trash shows it, with its flags and name.
    window.messageList()->setCurrentIndex(window.messageModel()->index(0, 0));
    const QString path = window.messageModel()->filePath(0);
    const QString name = QFileInfo(path).fileName();
    window.findChild<QAction *>(QStringLiteral("deleteAction"))->trigger();
    QVERIFY(!window.operations()->deleteQuestion());
    QVERIFY(!QFile::exists(path));
    QCOMPARE(window.messageModel()->totalCount(), 2);
    QCOMPARE(window.statusText()->text(), QStringLiteral("Moved to the Trash."));
    // The next message is shown (and so read): "Lunch?" was unread.
    QCOMPARE(window.messageList()->currentIndex().row(), 0);
    QCOMPARE(window.messageView()->message().subject, QStringLiteral("Lunch?"));
    QCOMPARE(window.folderTree()->folderItem(account.id, store::Mailbox::Kind::Inbox)->text(0), QStringLiteral("Inbox (1)"));

    // "Lunch?" goes too (read now).
    const QString second = window.messageModel()->filePath(0);
    window.operations()->deleteSelected();
    QVERIFY(!QFile::exists(second));
    QCOMPARE(window.folderTree()->folderItem(account.id, store::Mailbox::Kind::Trash)->text(0), QStringLiteral("Trash"));
    // No "delete on server" for this account: nothing is marked for the server.
    QVERIFY(!QFileInfo::exists(store::Mailbox::accountRoot(account) + QStringLiteral("/delete-on-server")));

    window.selectFolder(account.id, store::Mailbox::Kind::Trash);
    ui::MessageListModel *model = window.messageModel();
    QCOMPARE(model->totalCount(), 2);
    QStringList subjects{model->rowAt(0).entry.subject, model->rowAt(1).entry.subject};
    subjects.sort();
    QCOMPARE(subjects, (QStringList{QStringLiteral("Grüße aus Bremen"), QStringLiteral("Lunch?")}));
    const QString trashed = store::Mailbox::path(account, store::Mailbox::Kind::Trash) + QStringLiteral("/cur/") + name;
    QVERIFY2(QFile::exists(trashed), qPrintable(trashed));
    // Indexed on the way: the Trash list needs no file opened.
    QCOMPARE(store::HeaderIndex(store::Mailbox::path(account, store::Mailbox::Kind::Trash) + QStringLiteral("/.kurier-index")).load().size(), 2);
    test::screenshot(&window, QStringLiteral("mail-window-trash-en"));

    // In the Trash, Löschen asks and deletes for good.
    int row = model->rowAt(0).entry.subject == QStringLiteral("Grüße aus Bremen") ? 0 : 1;
    window.messageList()->setCurrentIndex(model->index(row, 0));
    window.findChild<QAction *>(QStringLiteral("deleteAction"))->trigger();
    QTRY_VERIFY(window.operations()->deleteQuestion() && window.operations()->deleteQuestion()->isVisible());
    QVERIFY(QFile::exists(trashed));
    window.operations()->deleteQuestion()->findChild<QPushButton *>(QStringLiteral("confirmDelete"))->click();
    QVERIFY(!QFile::exists(trashed));
    QCOMPARE(model->totalCount(), 1);
}

void TestMailWindow::severalMessagesAtOnce()
{
    store::Account account = addAccount(QStringLiteral("INFO"), QStringLiteral("info@example.com"), true);
    account.pop3.deleteWhenDeletedLocally = true;
    QVERIFY(m_f->save(account).ok);
    const store::Maildir inbox(store::Mailbox::path(account, store::Mailbox::Kind::Inbox));
    const store::Maildir trash(store::Mailbox::path(account, store::Mailbox::Kind::Trash));
    QVERIFY(inbox.create());
    for (int i = 0; i < 4; ++i) {
        const QByteArray n = QByteArray::number(i);
        QVERIFY(inbox.deliver(plainMessage("a@example.org", "Nummer " + n, "Mon, 23 Nov 2026 0" + n + ":00:00 +0100", n + "\n"),
                              QByteArray(16, char('a' + i))));
    }
    ui::MainWindow window(m_f->manager.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ui::MessageListModel *model = window.messageModel();
    QTRY_COMPARE(model->rowCount(), 4);
    QCOMPARE(window.messageList()->selectionMode(), QAbstractItemView::ExtendedSelection);
    const store::DeletionRequests requests(store::Mailbox::accountRoot(account));

    // Löschen with three selected: all three to the Trash, each marked for the server.
    window.messageList()->setCurrentIndex(model->index(0, 0));
    for (int row : {1, 2})
        window.messageList()->selectionModel()->select(model->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    window.operations()->deleteSelected();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(inbox.messages().size(), 1);
    QCOMPARE(trash.messages().size(), 3);
    QCOMPARE(requests.keys().size(), 3);
    QCOMPARE(window.statusText()->text(),
             QStringLiteral("3 messages moved to the Trash; they will be deleted on the server at the next fetch."));
    QCOMPARE(window.messageList()->currentIndex().row(), 0); // the one left is shown
    QCOMPARE(window.messageList()->selectionModel()->selectedRows().size(), 1);

    // In the Trash: all marked unread and read again; the shown one decides which.
    window.selectFolder(account.id, store::Mailbox::Kind::Trash);
    QTRY_COMPARE(model->rowCount(), 3);
    window.messageList()->setCurrentIndex(model->index(0, 0)); // shown, so read
    window.messageList()->selectAll();
    QAction *toggleRead = window.findChild<QAction *>(QStringLiteral("toggleReadAction"));
    toggleRead->trigger();
    for (int row = 0; row < 3; ++row)
        QVERIFY(model->rowAt(row).unread);
    QCOMPARE(window.folderTree()->folderItem(account.id, store::Mailbox::Kind::Trash)->text(0), QStringLiteral("Trash (3)"));
    toggleRead->trigger();
    for (int row = 0; row < 3; ++row)
        QVERIFY(!model->rowAt(row).unread);
    QCOMPARE(window.folderTree()->folderItem(account.id, store::Mailbox::Kind::Trash)->text(0), QStringLiteral("Trash"));

    // Two restored: back in the Inbox, no longer to be deleted on the server.
    window.messageList()->setCurrentIndex(model->index(0, 0));
    window.messageList()->selectionModel()->select(model->index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    window.operations()->restoreSelected();
    QCOMPARE(window.statusText()->text(), QStringLiteral("2 messages restored to the folders they came from."));
    QCOMPARE(inbox.messages().size(), 3);
    QCOMPARE(requests.keys().size(), 1);

    // Ctrl+A selects the whole folder, also the rows not yet handed to the view.
    {
        const store::Maildir sent(store::Mailbox::path(account, store::Mailbox::Kind::Sent));
        QVERIFY(sent.create());
        const int many = ui::MessageListModel::batchSize + 50;
        for (int i = 0; i < many; ++i) {
            QFile f(sent.filePath(QStringLiteral("cur/%1.M1P1Q%1.bench:2,S").arg(1600000000 + i)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("From: info@example.com\r\nTo: b@example.org\r\nSubject: viele\r\n\r\nx\r\n");
        }
        window.selectFolder(account.id, store::Mailbox::Kind::Sent);
        QTRY_COMPARE(model->totalCount(), many);
        QCOMPARE(model->rowCount(), ui::MessageListModel::batchSize);
        window.messageList()->findChild<QAction *>(QStringLiteral("selectAllMessages"))->trigger();
        QCOMPARE(window.messageList()->selectionModel()->selectedRows().size(), many);
        window.selectFolder(account.id, store::Mailbox::Kind::Trash);
        QTRY_COMPARE(model->rowCount(), 1);
    }

    // Deleting for good asks once for all of them.
    window.messageList()->selectAll();
    window.operations()->deleteSelected();
    QTRY_VERIFY(window.operations()->deleteQuestion() && window.operations()->deleteQuestion()->isVisible());
    QVERIFY2(window.operations()->deleteQuestion()->text().startsWith(QStringLiteral("Delete \"Nummer ")), // one left: named
             qPrintable(window.operations()->deleteQuestion()->text()));
    window.operations()->deleteQuestion()->findChild<QPushButton *>(QStringLiteral("confirmDelete"))->click();
    QVERIFY(trash.messages().isEmpty());
    QCOMPARE(model->rowCount(), 0);

    // Two at once for good, in the Inbox's Trash again.
    window.selectFolder(account.id, store::Mailbox::Kind::Inbox);
    QTRY_COMPARE(model->rowCount(), 3);
    window.messageList()->selectAll();
    window.operations()->deleteSelected();
    QCOMPARE(trash.messages().size(), 3); // selected without a current message: still all of them
    window.selectFolder(account.id, store::Mailbox::Kind::Trash);
    QTRY_COMPARE(model->rowCount(), 3);
    window.messageList()->setCurrentIndex(model->index(0, 0));
    window.messageList()->selectionModel()->select(model->index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    window.operations()->deleteSelected();
    QTRY_VERIFY(window.operations()->deleteQuestion() && window.operations()->deleteQuestion()->isVisible());
    QCOMPARE(window.operations()->deleteQuestion()->text(), QStringLiteral("Delete these 2 messages for good?"));
    window.operations()->deleteQuestion()->findChild<QPushButton *>(QStringLiteral("confirmDelete"))->click();
    QCOMPARE(trash.messages().size(), 1);
    QCOMPARE(model->rowCount(), 1);
}

void TestMailWindow::deletingLeavesTheRowAboveUnread()
{
    // Deleting must not show (and so mark read) any message but the one that comes next: the one
    // below, or the one above when the last row went.
    const store::Account account = addAccount(QStringLiteral("INFO"), QStringLiteral("info@example.com"), true);
    const store::Maildir inbox(store::Mailbox::path(account, store::Mailbox::Kind::Inbox));
    QVERIFY(inbox.create());
    for (int i = 0; i < 3; ++i) {
        const QByteArray n = QByteArray::number(i);
        QVERIFY(inbox.deliver(plainMessage("a@example.org", "Nummer " + n, "Mon, 23 Nov 2026 0" + n + ":00:00 +0100", n + "\n")));
    }
    ui::MainWindow window(m_f->manager.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ui::MessageListModel *model = window.messageModel();
    QTRY_COMPARE(model->rowCount(), 3);
    window.messageList()->horizontalHeader()->setSortIndicator(ui::MessageListModel::SubjectColumn, Qt::AscendingOrder);
    window.messageList()->setCurrentIndex(model->index(1, 0));
    window.operations()->deleteSelected();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->rowAt(0).entry.subject, QStringLiteral("Nummer 0"));
    QVERIFY(model->rowAt(0).unread);
    QCOMPARE(window.messageList()->currentIndex().row(), 1);
    QCOMPARE(window.messageView()->message().subject, QStringLiteral("Nummer 2"));
    QVERIFY(!model->rowAt(1).unread);
    // The last row: the one above is next and is shown.
    window.operations()->deleteSelected();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(window.messageView()->message().subject, QStringLiteral("Nummer 0"));
}

void TestMailWindow::trashRestoresAndEmpties()
{
    store::Account account = addAccount(QStringLiteral("INFO"), QStringLiteral("info@example.com"), true);
    account.pop3.deleteWhenDeletedLocally = true;
    QVERIFY(m_f->save(account).ok);
    const store::Maildir inbox(store::Mailbox::path(account, store::Mailbox::Kind::Inbox));
    const store::Maildir sent(store::Mailbox::path(account, store::Mailbox::Kind::Sent));
    const store::Maildir trash(store::Mailbox::path(account, store::Mailbox::Kind::Trash));
    QVERIFY(inbox.create() && sent.create() && trash.create());
    // As POP3 stores it (UIDL key in the name), a sent message, and one an older Kurier trashed
    // (no record of where it came from).
    QVERIFY(inbox.deliver(plainMessage("a@example.org", "From the server", "Mon, 23 Nov 2026 09:00:00 +0100", "x\n"), "00ff00ff00ff00ff"));
    QVERIFY(sent.deliver(plainMessage("info@example.com", "Our offer", "Mon, 23 Nov 2026 10:00:00 +0100", "y\n")));
    QVERIFY(trash.deliver(plainMessage("old@example.org", "Trashed long ago", "Mon, 2 Nov 2026 10:00:00 +0100", "z\n")));
    const QStringList inboxBefore = inbox.messages();
    const QStringList sentBefore = sent.messages();
    ui::MainWindow window(m_f->manager.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAction *restore = window.findChild<QAction *>(QStringLiteral("restoreAction"));
    QAction *empty = window.findChild<QAction *>(QStringLiteral("emptyTrashAction"));

    window.messageList()->setCurrentIndex(window.messageModel()->index(0, 0));
    QVERIFY(!restore->isEnabled()); // only in the Trash
    const QStringList inboxRead = inbox.messages(); // shown, so read: cur/…:2,S
    window.operations()->deleteSelected();
    QCOMPARE(store::DeletionRequests(store::Mailbox::accountRoot(account)).keys(), QList<QByteArray>{"00ff00ff00ff00ff"});
    window.selectFolder(account.id, store::Mailbox::Kind::Sent);
    QTRY_COMPARE(window.messageModel()->rowCount(), 1);
    window.messageList()->setCurrentIndex(window.messageModel()->index(0, 0));
    window.operations()->deleteSelected();
    QVERIFY(sent.messages().isEmpty());

    // Wiederherstellen: each goes back where it came from, under its own name.
    window.selectFolder(account.id, store::Mailbox::Kind::Trash);
    ui::MessageListModel *model = window.messageModel();
    QTRY_COMPARE(model->rowCount(), 3);
    window.messageList()->horizontalHeader()->setSortIndicator(ui::MessageListModel::SubjectColumn, Qt::AscendingOrder);
    QCOMPARE(model->rowAt(0).entry.subject, QStringLiteral("From the server"));
    window.messageList()->setCurrentIndex(model->index(0, 0));
    QVERIFY(restore->isEnabled());
    restore->trigger();
    QCOMPARE(window.statusText()->text(), QStringLiteral("Restored to Inbox."));
    QCOMPARE(inbox.messages(), inboxRead);
    QCOMPARE(store::HeaderIndex::baseName(inboxRead.first()), store::HeaderIndex::baseName(inboxBefore.first()));
    // Taken back before the next fetch: the server keeps it.
    QVERIFY(store::DeletionRequests(store::Mailbox::accountRoot(account)).keys().isEmpty());
    QCOMPARE(model->totalCount(), 2);
    // The next message is shown: "Our offer" goes back to Sent.
    QCOMPARE(window.messageView()->message().subject, QStringLiteral("Our offer"));
    restore->trigger();
    QCOMPARE(window.statusText()->text(), QStringLiteral("Restored to Sent."));
    QCOMPARE(sent.messages().size(), 1);
    QCOMPARE(store::HeaderIndex::baseName(sent.messages().first()), store::HeaderIndex::baseName(sentBefore.first()));
    // Without a record it goes to the Inbox.
    QCOMPARE(window.messageView()->message().subject, QStringLiteral("Trashed long ago"));
    restore->trigger();
    QCOMPARE(window.statusText()->text(), QStringLiteral("Restored to Inbox."));
    QCOMPARE(inbox.messages().size(), 2);
    QVERIFY(trash.messages().isEmpty());
    QVERIFY(!empty->isEnabled());
    QCOMPARE(window.folderTree()->folderItem(account.id, store::Mailbox::Kind::Inbox)->text(0), QStringLiteral("Inbox")); // both were read

    // Papierkorb leeren asks first; Abbrechen (the default) keeps everything.
    window.selectFolder(account.id, store::Mailbox::Kind::Inbox);
    QTRY_COMPARE(window.messageModel()->rowCount(), 2);
    for (int i = 0; i < 2; ++i) {
        window.messageList()->setCurrentIndex(window.messageModel()->index(0, 0));
        window.operations()->deleteSelected();
    }
    QCOMPARE(trash.messages().size(), 2);
    window.selectFolder(account.id, store::Mailbox::Kind::Trash);
    QTRY_COMPARE(window.messageModel()->rowCount(), 2);
    QVERIFY(empty->isEnabled());
    empty->trigger();
    QTRY_VERIFY(window.operations()->emptyTrashQuestion() && window.operations()->emptyTrashQuestion()->isVisible());
    QCOMPARE(window.operations()->emptyTrashQuestion()->text(), QStringLiteral("Delete all 2 messages in the Trash of INFO for good?"));
    test::screenshot(window.operations()->emptyTrashQuestion(), QStringLiteral("mail-window-empty-trash-en"));
    window.operations()->emptyTrashQuestion()->button(QMessageBox::Cancel)->click();
    QCOMPARE(trash.messages().size(), 2);
    empty->trigger();
    QTRY_VERIFY(window.operations()->emptyTrashQuestion() && window.operations()->emptyTrashQuestion()->isVisible());
    window.operations()->emptyTrashQuestion()->findChild<QPushButton *>(QStringLiteral("confirmEmptyTrash"))->click();
    QVERIFY(trash.messages().isEmpty());
    QVERIFY(!QFileInfo::exists(trash.path() + QStringLiteral("/.kurier-origin")));
    QCOMPARE(window.statusText()->text(), QStringLiteral("The Trash of INFO is empty."));
    QTRY_COMPARE(window.messageModel()->totalCount(), 0);
    QCOMPARE(window.folderTree()->folderItem(account.id, store::Mailbox::Kind::Trash)->text(0), QStringLiteral("Trash"));
    QVERIFY(!empty->isEnabled());
    // Both were from the Inbox of a "delete on server" account: still marked for the server.
    QCOMPARE(store::DeletionRequests(store::Mailbox::accountRoot(account)).keys(), QList<QByteArray>{"00ff00ff00ff00ff"});
    QVERIFY(inbox.messages().isEmpty());
}

void TestMailWindow::deleteMarksForServerWhenAsked()
{
    store::Account account = addAccount(QStringLiteral("INFO"), QStringLiteral("info@example.com"), true);
    account.pop3.deleteWhenDeletedLocally = true;
    QVERIFY(m_f->save(account).ok);
    // As POP3 stores it: with the UIDL key in the file name.
    const store::Maildir inbox(store::Mailbox::path(account, store::Mailbox::Kind::Inbox));
    QVERIFY(inbox.create());
    QVERIFY(inbox.deliver(plainMessage("a@example.org", "From the server", "Mon, 23 Nov 2026 09:00:00 +0100", "x\n"), "00ff00ff00ff00ff"));
    ui::MainWindow window(m_f->manager.get());
    window.show();
    QCOMPARE(window.messageModel()->rowCount(), 1);
    window.messageList()->setCurrentIndex(window.messageModel()->index(0, 0));
    window.operations()->deleteSelected();
    QCOMPARE(store::DeletionRequests(store::Mailbox::accountRoot(account)).keys(), QList<QByteArray>{"00ff00ff00ff00ff"});
    QVERIFY(window.statusText()->text().contains(QStringLiteral("deleted on the server at the next fetch")));
}

void TestMailWindow::fetchFailureShowsBannerWithCauseAndFix()
{
    addAccount(QStringLiteral("INFO"), QStringLiteral("info@example.com"), true);
    const store::Account second = addAccount(QStringLiteral("ZWEI"), QStringLiteral("zwei@example.com"));
    ui::MainWindow window(m_f->manager.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.findChild<QAction *>(QStringLiteral("fetchAction"))->trigger();
    QVERIFY(window.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 15000);
    QTRY_VERIFY(window.banner()->isVisible());
    const QString text = window.banner()->text();
    QVERIFY2(text.contains(QStringLiteral("Fetching mail for")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("What to do:")) || text.contains(QStringLiteral("Cause:")), qPrintable(text));
    // Both accounts were tried, one after the other; the status bar is quiet again.
    QVERIFY(QFile::exists(store::Mailbox::accountRoot(second) + QStringLiteral("/last-fetch-transcript.txt")));
    QVERIFY(window.statusText()->text().contains(QStringLiteral("failed")));
    QVERIFY(window.findChild<QProgressBar *>(QStringLiteral("statusProgress"))->isHidden());
    QVERIFY(!window.banner()->detailsView()->toPlainText().isEmpty());
    window.banner()->findChild<QPushButton *>(QStringLiteral("bannerDetails"))->click();
    QVERIFY(window.banner()->detailsView()->isVisible());
    test::screenshot(&window, QStringLiteral("mail-window-fetch-failed-en"));
}

void TestMailWindow::menuAcceleratorsAreUnique_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("de") << QStringLiteral("de");
}

void TestMailWindow::menuAcceleratorsAreUnique()
{
    // Alt+letter must reach exactly one entry: in the menu bar and in each menu, both languages.
    QFETCH(QString, language);
    test::LanguageScope scope(language);
    addAccount(QStringLiteral("INFO"), QStringLiteral("info@example.com"), true);
    ui::MainWindow window(m_f->manager.get());
    const QString clash = test::mnemonicClashes(&window);
    QVERIFY2(clash.isEmpty(), qPrintable(clash));
}

void TestMailWindow::screenshotsGerman()
{
    test::LanguageScope german(QStringLiteral("de"));
    const store::Account account = addAccount(QStringLiteral("INFO"), QStringLiteral("info@example.com"), true);
    addAccount(QStringLiteral("VERTRIEB"), QStringLiteral("vertrieb@example.com"));
    seedInbox(account);
    deliver(account, messageWithAttachments("Angebot mit Anlagen", {{"Angebot 2027.pdf", "%PDF-1.4\n"}, {"Preisliste.xlsx", "PK"}}));
    // Something in the Papierkorb, unread.
    const store::Maildir trash(store::Mailbox::path(account, store::Mailbox::Kind::Trash));
    QVERIFY(trash.create());
    QVERIFY(trash.deliver(plainMessage("werbung@example.net", "Sonderangebot", "Mon, 23 Nov 2026 08:00:00 +0100", "x\n")));
    ui::MainWindow window(m_f->manager.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.folderTree()->topLevelItem(0)->child(0)->text(0), QStringLiteral("Posteingang (3)"));
    QCOMPARE(window.folderTree()->topLevelItem(0)->child(1)->text(0), QStringLiteral("Postausgang"));
    QCOMPARE(window.folderTree()->topLevelItem(0)->child(2)->text(0), QStringLiteral("Gesendet"));
    QCOMPARE(window.folderTree()->topLevelItem(0)->child(3)->text(0), QStringLiteral("Entwürfe"));
    QStringList headers;
    for (int c = 0; c < ui::MessageListModel::ColumnCount; ++c)
        headers << window.messageModel()->headerData(c, Qt::Horizontal).toString();
    QCOMPARE(headers, (QStringList{QStringLiteral("Von"), QStringLiteral("An"), QStringLiteral("Betreff"), QString(),
                                   QStringLiteral("Datum"), QStringLiteral("Größe")}));
    QCOMPARE(window.messageModel()->headerData(ui::MessageListModel::AttachmentColumn, Qt::Horizontal, Qt::ToolTipRole).toString(),
             QStringLiteral("Anhänge"));
    QStringList actions;
    for (const char *name : {"fetchAction", "composeAction", "replyAction", "replyAllAction", "forwardAction", "deleteAction"})
        actions << test::shownText(window.findChild<QAction *>(QLatin1String(name))->text());
    QCOMPARE(actions, (QStringList{QStringLiteral("Abrufen"), QStringLiteral("Verfassen"), QStringLiteral("Antworten"),
                                   QStringLiteral("Allen antworten"), QStringLiteral("Weiterleiten"), QStringLiteral("Löschen")}));
    QCOMPARE(window.folderTree()->topLevelItem(0)->child(4)->text(0), QStringLiteral("Papierkorb (1)"));
    window.messageList()->horizontalHeader()->setSortIndicator(ui::MessageListModel::SubjectColumn, Qt::DescendingOrder);
    window.messageList()->setCurrentIndex(window.messageModel()->index(0, 0));
    test::screenshot(&window, QStringLiteral("mail-window-de"));

    // Als Anhang weiterleiten, with the message that has attachments shown.
    window.messageList()->horizontalHeader()->setSortIndicator(ui::MessageListModel::AttachmentColumn, Qt::DescendingOrder);
    window.messageList()->setCurrentIndex(window.messageModel()->index(0, 0));
    QCOMPARE(window.messageView()->message().subject, QStringLiteral("Angebot mit Anlagen"));
    test::screenshot(&window, QStringLiteral("mail-window-attachments-de"));
    QAction *forwardAttached = window.findChild<QAction *>(QStringLiteral("forwardAsAttachmentAction"));
    QCOMPARE(test::shownText(forwardAttached->text()), QStringLiteral("Als Anhang weiterleiten"));
    forwardAttached->trigger();
    ui::ComposerWindow *forwarded = window.composing()->lastComposer();
    QVERIFY(forwarded);
    forwarded->toEdit()->setText(QStringLiteral("Bea Berger <bea@example.org>"));
    forwarded->bodyEdit()->setPlainText(QStringLiteral("Zur Kenntnis.\n"));
    QTRY_VERIFY(forwarded->isVisible());
    test::screenshot(forwarded, QStringLiteral("composer-forward-attachment-de"));
    forwarded->findChild<QPushButton *>(QStringLiteral("composerSaveDraft"))->click();
    QTRY_VERIFY(!window.composing()->lastComposer() || window.composing()->lastComposer() != forwarded);

    ui::ComposerWindow *c = window.composing()->reply();
    c->addAttachment({QStringLiteral("Bericht Q4.pdf"), QByteArray(120000, 'x'), {}, {}});
    QTRY_VERIFY(c->isVisible());
    test::screenshot(c, QStringLiteral("composer-de"));

    // A failing Abrufen in German: the banner with Ursache and Abhilfe.
    window.activity()->fetch(account.id);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 15000);
    QTRY_VERIFY(window.banner()->isVisible());
    QVERIFY2(window.banner()->text().contains(QStringLiteral("Abrufen für INFO fehlgeschlagen")), qPrintable(window.banner()->text()));
    test::screenshot(&window, QStringLiteral("mail-window-fetch-failed-de"));

    // Papierkorb leeren, asked in German; Abbrechen keeps the message.
    window.selectFolder(account.id, store::Mailbox::Kind::Trash);
    QAction *empty = window.findChild<QAction *>(QStringLiteral("emptyTrashAction"));
    QCOMPARE(test::shownText(empty->text()), QStringLiteral("Papierkorb leeren"));
    QCOMPARE(test::shownText(window.findChild<QAction *>(QStringLiteral("restoreAction"))->text()), QStringLiteral("Wiederherstellen"));
    empty->trigger();
    QTRY_VERIFY(window.operations()->emptyTrashQuestion() && window.operations()->emptyTrashQuestion()->isVisible());
    QCOMPARE(window.operations()->emptyTrashQuestion()->text(), QStringLiteral("Die Nachricht im Papierkorb von INFO endgültig löschen?"));
    test::screenshot(window.operations()->emptyTrashQuestion(), QStringLiteral("mail-window-empty-trash-de"));
    window.operations()->emptyTrashQuestion()->button(QMessageBox::Cancel)->click();
    QCOMPARE(trash.messages().size(), 1);
}

QTEST_MAIN(TestMailWindow)
#include "tst_mail_window.moc"
