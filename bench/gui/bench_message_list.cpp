// Benchmark: the message list with a large folder (default 100,000 messages). Creates a Maildir
// with N small messages and their header index in a temporary directory, then measures, offscreen:
//   open    MessageListModel::setFolder (read the index, list new/ and cur/) + first paint
//   scroll  page by page through the first 200 pages, each followed by a paint
//   jump    to the end of the list (the view fetches the remaining batches) + paint
//   sort    by subject, then by date; filter typed into the filter (one keystroke's work)
//   select  a message in the middle and show it (parse + view)
// Run: bench/gui/run [BUILD_DIR] [--messages N]
#include "store/Mailbox.h"
#include "mail/MessageListModel.h"
#include "mail/MessageView.h"
#include "store/HeaderIndex.h"
#include "store/Maildir.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <cstdio>

using namespace kurier;

namespace {

double ms(QElapsedTimer &t)
{
    const double v = double(t.nsecsElapsed()) / 1e6;
    t.restart();
    return v;
}

void settle()
{
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    int count = 100000;
    const QStringList args = app.arguments();
    const qsizetype at = args.indexOf(QStringLiteral("--messages"));
    if (at > 0 && at + 1 < args.size())
        count = args[at + 1].toInt();

    QTemporaryDir dir;
    const QString path = dir.path() + QStringLiteral("/INBOX");
    store::Maildir maildir(path);
    maildir.create();
    store::HeaderIndex index(path + QStringLiteral("/.kurier-index"));
    QElapsedTimer t;
    t.start();
    const QDateTime base = QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
    for (int i = 0; i < count; ++i) {
        const QString name = QStringLiteral("%1.M%2P1Q%3.bench").arg(1600000000 + i).arg(i).arg(i);
        const bool read = i % 3 != 0;
        const QString relative = read ? QStringLiteral("cur/") + name + QStringLiteral(":2,S") : QStringLiteral("new/") + name;
        const QByteArray message = "From: =?UTF-8?Q?J=C3=BCrgen_" + QByteArray::number(i % 977) + "?= <j" + QByteArray::number(i % 977)
            + "@example.org>\r\nSubject: Message number " + QByteArray::number(i) + " about topic " + QByteArray::number(i % 131)
            + "\r\nDate: " + base.addSecs(qint64(i) * 600).toString(Qt::RFC2822Date).toLatin1() + "\r\nMessage-ID: <" + QByteArray::number(i)
            + "@bench>\r\n\r\nBody of message " + QByteArray::number(i) + "\r\n";
        QFile f(maildir.filePath(relative));
        if (!f.open(QIODevice::WriteOnly) || f.write(message) != message.size()) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(f.fileName()));
            return 1;
        }
        f.close();
        index.append(store::HeaderIndex::parse(message, name, message.size()));
    }
    std::printf("setup: %d messages written in %.0f ms\n", count, ms(t));

    ui::MessageListModel model;
    QTableView view;
    view.setModel(&model);
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.verticalHeader()->setDefaultSectionSize(view.fontMetrics().height() + 8);
    view.setSortingEnabled(true);
    view.resize(1000, 700);
    view.show();
    settle();

    t.restart();
    const auto entries = index.load();
    const double indexLoad = ms(t);
    const auto files = maildir.messages();
    const double listing = ms(t);
    std::printf("parts:  HeaderIndex::load %.1f ms (%lld entries), Maildir::messages %.1f ms (%lld files)\n", indexLoad,
                qlonglong(entries.size()), listing, qlonglong(files.size()));

    t.restart();
    model.setFolder(path);
    const double load = ms(t);
    settle();
    const double paint = ms(t);
    std::printf("open:   load %.1f ms + first paint %.1f ms = %.1f ms (%d of %d rows handed to the view)\n", load, paint, load + paint,
                model.rowCount(), model.matchingCount());

    // As the window opens a folder: on a pool thread; the event loop keeps running meanwhile.
    {
        ui::MessageListModel background;
        QTableView other;
        other.setModel(&background);
        other.resize(1000, 700);
        other.show();
        settle();
        t.restart();
        background.setFolderInBackground(path);
        const double blocked = ms(t);
        double longestTurn = 0;
        QElapsedTimer turn;
        while (background.isLoading()) {
            turn.restart();
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            longestTurn = std::max(longestTurn, double(turn.nsecsElapsed()) / 1e6);
        }
        const double ready = ms(t);
        other.viewport()->repaint();
        settle();
        std::printf("open in the background: UI blocked %.1f ms, list ready after %.1f ms, longest event-loop turn meanwhile %.1f ms\n",
                    blocked, blocked + ready, longestTurn);
    }

    QScrollBar *bar = view.verticalScrollBar();
    double worst = 0;
    QElapsedTimer total;
    total.start();
    for (int page = 0; page < 200; ++page) {
        t.restart();
        bar->triggerAction(QAbstractSlider::SliderPageStepAdd);
        view.viewport()->repaint();
        settle();
        worst = std::max(worst, ms(t));
    }
    std::printf("scroll: 200 pages in %.1f ms (%.2f ms per page, worst %.2f ms), %d rows handed over\n",
                double(total.nsecsElapsed()) / 1e6, double(total.nsecsElapsed()) / 1e6 / 200, worst, model.rowCount());

    t.restart();
    while (model.canFetchMore({})) {
        bar->setValue(bar->maximum());
        settle();
    }
    bar->setValue(bar->maximum());
    view.viewport()->repaint();
    const double jump = ms(t);
    std::printf("jump:   to the end (all %d rows) %.1f ms\n", model.rowCount(), jump);

    t.restart();
    view.sortByColumn(ui::MessageListModel::SubjectColumn, Qt::AscendingOrder);
    view.viewport()->repaint();
    settle();
    const double sortSubject = ms(t);
    view.sortByColumn(ui::MessageListModel::DateColumn, Qt::DescendingOrder);
    view.viewport()->repaint();
    settle();
    const double sortDate = ms(t);
    std::printf("sort:   by subject %.1f ms, by date %.1f ms\n", sortSubject, sortDate);

    t.restart();
    model.setFilterText(QStringLiteral("topic 7"));
    view.viewport()->repaint();
    settle();
    const double filter = ms(t);
    const int matches = model.matchingCount();
    model.setFilterText(QString());
    settle();
    const double unfilter = ms(t);
    std::printf("filter: \"topic 7\" %.1f ms (%d matches), cleared %.1f ms\n", filter, matches, unfilter);

    ui::MessageView messageView;
    messageView.resize(800, 500);
    messageView.show();
    t.restart();
    QFile f(model.filePath(model.rowCount() / 2));
    f.open(QIODevice::ReadOnly);
    messageView.showMessage(f.readAll());
    messageView.repaint();
    settle();
    std::printf("select: open one message %.1f ms\n", ms(t));

    // Löschen with many selected: the rows leave the list in one pass (MainWindow::rowsLeft).
    model.setFilterText({});
    settle();
    while (model.canFetchMore({}) && model.rowCount() < 20000)
        model.fetchMore({});
    QList<int> every;
    for (int row = std::min(model.rowCount(), 20000) - 2; row >= 0; row -= 2)
        every << row;
    const int before = model.totalCount();
    t.restart();
    model.removeMessageRows(every);
    view.repaint();
    settle();
    std::printf("remove: %lld selected rows (every other of the first 20,000) in %.1f ms; %d of %d left\n",
                qlonglong(every.size()), ms(t), model.totalCount(), before);
    // For comparison, the way single rows go (Löschen of one message), 1,000 times.
    t.restart();
    for (int i = 0; i < 1000; ++i)
        model.removeMessageRow(0);
    view.repaint();
    settle();
    std::printf("remove: 1000 rows one at a time in %.1f ms\n", ms(t));

    // The files behind a Löschen: each message is renamed into the Trash, gets its line in the
    // Trash's index and a record of where it came from (store::Mailbox::moveToTrash).
    qputenv("XDG_DATA_HOME", QFile::encodeName(dir.path() + QStringLiteral("/data")));
    store::Account account;
    account.id = QStringLiteral("bench");
    account.prefix = QStringLiteral("BENCH");
    const store::Maildir accountInbox(store::Mailbox::path(account, store::Mailbox::Kind::Inbox));
    accountInbox.create();
    for (int i = 0; i < 1000; ++i)
        accountInbox.deliver("From: a@example.org\r\nSubject: " + QByteArray::number(i) + "\r\n\r\nx\r\n");
    const QStringList toTrash = accountInbox.messages();
    t.restart();
    for (const QString &relative : toTrash)
        store::Mailbox::moveToTrash(account, accountInbox.path(), relative);
    std::printf("trash:  %lld messages moved to the Trash (files, index, origins) in %.1f ms\n", qlonglong(toTrash.size()), ms(t));
    return 0;
}
