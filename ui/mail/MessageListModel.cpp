#include "mail/MessageListModel.h"

#include "mime/HeaderText.h"
#include "store/Mailbox.h"

#include <QFutureWatcher>
#include <QPromise>
#include <QThreadPool>
#include <QFont>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QHash>
#include <QLocale>
#include <algorithm>
#include <atomic>
#include <limits>
#include <memory>
#include <vector>

namespace kurier::ui {

MessageListModel::MessageListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void MessageListModel::setFolder(const QString &maildirPath)
{
    m_folder = maildirPath;
    reload();
}

namespace {
// About 100 bytes an index line: more than ~10,000 messages load in the background.
std::atomic<qint64> s_backgroundThreshold = 1024 * 1024;
} // namespace

void MessageListModel::setBackgroundThreshold(qint64 indexBytes)
{
    s_backgroundThreshold = indexBytes;
}

bool MessageListModel::isLarge(const QString &folder)
{
    return store::Mailbox::indexSize(folder) > s_backgroundThreshold;
}

void MessageListModel::reload()
{
    ++m_generation; // a load still running in the background is stale now
    m_loading = false;
    setRows(store::Mailbox::summaries(m_folder));
}

void MessageListModel::reloadInBackground()
{
    const quint64 generation = ++m_generation;
    if (!m_loading) {
        m_loading = true;
        emit loadingChanged(true);
    }
    // The rows are built on a pool thread (no QObject there); the watcher delivers them here.
    // Sorted and filtered there as well, with the settings of now (re-done here if they change).
    struct Loaded {
        QList<Row> rows;
        QList<int> visible;
        int column;
        Qt::SortOrder order;
        QString filter;
    };
    auto promise = std::make_shared<QPromise<Loaded>>();
    promise->start();
    auto *watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation || watcher->future().resultCount() == 0)
            return;
        m_loading = false;
        Loaded loaded = watcher->future().takeResult();
        beginResetModel();
        m_rows = std::move(loaded.rows);
        if (loaded.column == m_sortColumn && loaded.order == m_sortOrder && loaded.filter == m_filter) {
            m_visible = std::move(loaded.visible);
            m_exposed = int(std::min<qsizetype>(m_visible.size(), batchSize));
        } else {
            applyOrderAndFilter();
        }
        endResetModel();
        emit loadingChanged(false);
    });
    watcher->setFuture(promise->future());
    QThreadPool::globalInstance()->start([promise, folder = m_folder, column = m_sortColumn, order = m_sortOrder, filter = m_filter] {
        Loaded loaded{store::Mailbox::summaries(folder), {}, column, order, filter};
        loaded.visible = ordered(loaded.rows, column, order, filter);
        promise->addResult(std::move(loaded));
        promise->finish();
    });
}

void MessageListModel::setFolderInBackground(const QString &maildirPath)
{
    m_folder = maildirPath;
    if (!isLarge(maildirPath)) {
        const bool wasLoading = m_loading;
        reload();
        if (wasLoading)
            emit loadingChanged(false);
        return;
    }
    setRows({}); // the previous folder's messages go away at once
    reloadInBackground();
}

void MessageListModel::setRows(QList<Row> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_exposed = 0;
    applyOrderAndFilter();
    endResetModel();
}

QList<int> MessageListModel::ordered(const QList<Row> &rows, int column, Qt::SortOrder order, const QString &filter)
{
    QList<int> visible;
    visible.reserve(rows.size());
    for (int i = 0; i < rows.size(); ++i) {
        const Row &r = rows[i];
        if (filter.isEmpty() || r.entry.from.contains(filter, Qt::CaseInsensitive)
            || r.entry.subject.contains(filter, Qt::CaseInsensitive) || r.entry.to.contains(filter, Qt::CaseInsensitive))
            visible.append(i);
    }
    // Dates and sizes: sort contiguous keys, not the rows (cache-friendly).
    const bool descending = order == Qt::DescendingOrder;
    if (column == FromColumn || column == SubjectColumn || column == ToColumn) {
        auto text = [column](const Row &r) -> const QString & {
            return column == FromColumn ? r.fromName : column == ToColumn ? r.toNames : r.entry.subject;
        };
        std::stable_sort(visible.begin(), visible.end(), [&rows, &text, descending](int a, int b) {
            const Row &x = rows[descending ? b : a];
            const Row &y = rows[descending ? a : b];
            const int c = text(x).compare(text(y), Qt::CaseInsensitive);
            return c != 0 ? c < 0 : x.time < y.time;
        });
    } else {
        std::vector<std::pair<qint64, int>> keys;
        keys.reserve(visible.size());
        for (const int i : std::as_const(visible))
            keys.emplace_back(column == SizeColumn         ? rows[i].entry.size
                              : column == AttachmentColumn ? qint64(rows[i].entry.hasAttachment)
                                                           : rows[i].time,
                              i);
        std::stable_sort(keys.begin(), keys.end(), [descending](const auto &x, const auto &y) {
            return descending ? y.first < x.first : x.first < y.first;
        });
        for (qsizetype k = 0; k < qsizetype(keys.size()); ++k)
            visible[k] = keys[k].second;
    }
    return visible;
}

void MessageListModel::applyOrderAndFilter()
{
    m_visible = ordered(m_rows, m_sortColumn, m_sortOrder, m_filter);
    m_exposed = int(std::min<qsizetype>(m_visible.size(), batchSize));
}

void MessageListModel::setFilterText(const QString &text)
{
    if (text == m_filter)
        return;
    beginResetModel();
    m_filter = text;
    applyOrderAndFilter();
    endResetModel();
}

void MessageListModel::sort(int column, Qt::SortOrder order)
{
    beginResetModel();
    m_sortColumn = column;
    m_sortOrder = order;
    applyOrderAndFilter();
    endResetModel();
}

QString MessageListModel::filePath(int row) const
{
    return m_folder + u'/' + rowAt(row).relativePath;
}

std::optional<QByteArray> MessageListModel::messageData(int row, QString *error) const
{
    return store::Mailbox::read(m_folder, rowAt(row).relativePath, error);
}

void MessageListModel::setRelativePath(int row, const QString &relativePath)
{
    Row &r = m_rows[m_visible[row]];
    r.relativePath = relativePath;
    r.unread = store::Mailbox::isUnread(relativePath);
    r.flagged = store::Mailbox::isFlagged(relativePath);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void MessageListModel::removeMessageRow(int row)
{
    beginRemoveRows({}, row, row);
    const int removed = m_visible[row];
    m_rows.removeAt(removed);
    m_visible.removeAt(row);
    for (int &v : m_visible) {
        if (v > removed)
            --v;
    }
    --m_exposed;
    endRemoveRows();
}

void MessageListModel::removeMessageRows(const QList<int> &rows)
{
    if (rows.size() == 1) {
        removeMessageRow(rows.first());
        return;
    }
    if (rows.isEmpty())
        return;
    // One pass over the rows, not one per removed row: select all and delete in a folder of
    // 100,000 would otherwise move the arrays 100,000 times.
    std::vector<bool> gone(size_t(m_rows.size()), false);
    int removed = 0;
    for (const int row : rows) {
        if (row < 0 || row >= m_visible.size() || gone[size_t(m_visible[row])])
            continue;
        gone[size_t(m_visible[row])] = true;
        ++removed;
    }
    beginResetModel();
    std::vector<int> newIndex(gone.size(), -1);
    QList<Row> kept;
    kept.reserve(m_rows.size() - removed);
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (!gone[size_t(i)]) {
            newIndex[size_t(i)] = int(kept.size());
            kept.append(std::move(m_rows[i]));
        }
    }
    m_rows = std::move(kept);
    QList<int> visible;
    visible.reserve(m_visible.size() - removed);
    for (const int v : std::as_const(m_visible)) {
        if (newIndex[size_t(v)] >= 0)
            visible.append(newIndex[size_t(v)]);
    }
    m_visible = std::move(visible);
    // Removed rows had been handed to the view (they were selected there).
    m_exposed = int(std::clamp<qsizetype>(m_exposed - removed, std::min<qsizetype>(m_visible.size(), batchSize), m_visible.size()));
    endResetModel();
}

QSet<QString> MessageListModel::relativePaths() const
{
    QSet<QString> paths;
    paths.reserve(m_rows.size());
    for (const Row &r : m_rows)
        paths.insert(r.relativePath);
    return paths;
}

int MessageListModel::exposeRowOf(const QString &baseName)
{
    for (int row = 0; row < m_visible.size(); ++row) {
        if (store::HeaderIndex::baseName(m_rows[m_visible[row]].relativePath) != baseName)
            continue;
        if (row >= m_exposed) {
            beginInsertRows({}, m_exposed, row);
            m_exposed = row + 1;
            endInsertRows();
        }
        return row;
    }
    return -1;
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_exposed;
}

int MessageListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool MessageListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_exposed < m_visible.size();
}

void MessageListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid())
        return;
    // Growing batches: scrolling to the end of 100,000 rows takes a few steps, not a hundred.
    const int more = int(std::min<qsizetype>(std::max(batchSize, m_exposed), m_visible.size() - m_exposed));
    if (more <= 0)
        return;
    beginInsertRows({}, m_exposed, m_exposed + more - 1);
    m_exposed += more;
    endInsertRows();
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_exposed)
        return {};
    const Row &r = rowAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case FromColumn: return r.fromName;
        case ToColumn: return r.toNames;
        case SubjectColumn: return r.entry.subject;
        case DateColumn: {
            if (!r.entry.date.isValid())
                return QString();
            const QDateTime local = r.entry.date.toLocalTime();
            return local.date() == QDate::currentDate() ? QLocale().toString(local.time(), QLocale::ShortFormat)
                                                        : QLocale().toString(local, QLocale::ShortFormat);
        }
        case SizeColumn: return QLocale().formattedDataSize(r.entry.size, 0);
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == AttachmentColumn && r.entry.hasAttachment)
            return attachmentIcon();
        if (index.column() == SubjectColumn && r.flagged)
            return flagIcon();
        break;
    case Qt::AccessibleTextRole:
        if (index.column() == AttachmentColumn)
            return r.entry.hasAttachment ? tr("Has attachments") : QString();
        if (index.column() == SubjectColumn && r.flagged)
            return tr("Flagged: %1").arg(r.entry.subject);
        break;
    case Qt::ToolTipRole:
        if (index.column() == AttachmentColumn && r.entry.hasAttachment)
            return tr("Has attachments");
        if (index.column() == ToColumn)
            return r.entry.to;
        if (index.column() == FromColumn)
            return r.entry.from;
        if (index.column() == SubjectColumn)
            return r.entry.subject;
        break;
    case Qt::FontRole:
        if (r.unread) {
            QFont f;
            f.setBold(true);
            return f;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case RelativePathRole: return r.relativePath;
    case UnreadRole: return r.unread;
    case FlaggedRole: return r.flagged;
    }
    return {};
}

QVariant MessageListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (section == AttachmentColumn) {
        if (role == Qt::DecorationRole)
            return attachmentIcon();
        if (role == Qt::ToolTipRole || role == Qt::AccessibleTextRole)
            return tr("Attachments");
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FromColumn: return tr("From");
    case ToColumn: return tr("To");
    case SubjectColumn: return tr("Subject");
    case DateColumn: return tr("Date");
    case SizeColumn: return tr("Size");
    }
    return {};
}

QIcon MessageListModel::attachmentIcon()
{
    static const QIcon icon = [] {
        QIcon themed = QIcon::fromTheme(QStringLiteral("mail-attachment"));
        if (!themed.isNull())
            return themed;
        // A paperclip: two nested rounded loops, drawn so that no icon theme is needed.
        QPixmap pixmap(32, 32);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        QPen pen(QColor(0x55, 0x5a, 0x64), 2.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        p.setPen(pen);
        p.translate(16, 16);
        p.rotate(35);
        p.translate(-16, -16);
        QPainterPath clip;
        clip.moveTo(19, 9);
        clip.lineTo(19, 23);
        clip.arcTo(13, 20, 6, 6, 0, -180);
        clip.lineTo(13, 6);
        clip.arcTo(13, 2, 9, 9, 180, -180);
        clip.lineTo(22, 25);
        clip.arcTo(10, 19, 12, 10, 0, -180);
        clip.lineTo(10, 10);
        p.drawPath(clip);
        p.end();
        return QIcon(pixmap);
    }();
    return icon;
}

QIcon MessageListModel::flagIcon()
{
    static const QIcon icon = [] {
        QIcon themed = QIcon::fromTheme(QStringLiteral("flag-red"), QIcon::fromTheme(QStringLiteral("emblem-important")));
        if (!themed.isNull())
            return themed;
        // A red pennant on a pole, drawn so that no icon theme is needed.
        QPixmap pixmap(32, 32);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(QColor(0x55, 0x5a, 0x64), 2.4, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(8, 4), QPointF(8, 29));
        QPainterPath pennant;
        pennant.moveTo(9, 5);
        pennant.cubicTo(15, 2, 19, 9, 26, 6);
        pennant.lineTo(26, 18);
        pennant.cubicTo(19, 21, 15, 14, 9, 17);
        pennant.closeSubpath();
        p.setPen(QPen(QColor(0xa8, 0x1d, 0x1d), 1.2));
        p.setBrush(QColor(0xdc, 0x2f, 0x2f));
        p.drawPath(pennant);
        p.end();
        return QIcon(pixmap);
    }();
    return icon;
}

} // namespace kurier::ui
