#include "MessageListModel.h"

#include "HeaderText.h"
#include "MailFolder.h"
#include "store/Maildir.h"

#include <QFile>
#include <QFont>
#include <QHash>
#include <QLocale>
#include <algorithm>

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

void MessageListModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_visible.clear();
    m_exposed = 0;
    if (!m_folder.isEmpty()) {
        const store::Maildir maildir(m_folder);
        QHash<QString, QString> pathByBase; // base name → relative path
        const QStringList messages = maildir.messages();
        pathByBase.reserve(messages.size());
        for (const QString &m : messages)
            pathByBase.insert(store::HeaderIndex::baseName(m), m);

        const store::HeaderIndex index(m_folder + QStringLiteral("/.kurier-index"));
        const QList<store::HeaderIndex::Entry> entries = index.load();
        m_rows.reserve(pathByBase.size());
        auto add = [this](store::HeaderIndex::Entry entry, const QString &relative) {
            Row row;
            entry.from = HeaderText::decode(entry.from);
            entry.subject = HeaderText::decode(entry.subject);
            row.fromName = HeaderText::displayName(entry.from);
            row.entry = std::move(entry);
            row.relativePath = relative;
            row.unread = MailFolder::isUnread(relative);
            m_rows.append(std::move(row));
        };
        for (const store::HeaderIndex::Entry &e : entries) {
            const auto it = pathByBase.constFind(e.baseName);
            if (it == pathByBase.constEnd())
                continue; // deleted since, or a duplicate line
            add(e, it.value());
            pathByBase.erase(it);
        }
        // Not in the index: read just the header block of these files.
        for (auto it = pathByBase.cbegin(); it != pathByBase.cend(); ++it) {
            QFile f(maildir.filePath(it.value()));
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray head = f.read(64 * 1024);
            add(store::HeaderIndex::parse(head, it.key(), f.size()), it.value());
        }
    }
    applyOrderAndFilter();
    endResetModel();
}

void MessageListModel::applyOrderAndFilter()
{
    m_visible.clear();
    m_visible.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &r = m_rows[i];
        if (m_filter.isEmpty() || r.entry.from.contains(m_filter, Qt::CaseInsensitive)
            || r.entry.subject.contains(m_filter, Qt::CaseInsensitive))
            m_visible.append(i);
    }
    const auto less = [this](int a, int b) {
        const Row &x = m_rows[a];
        const Row &y = m_rows[b];
        switch (m_sortColumn) {
        case FromColumn: {
            const int c = x.fromName.compare(y.fromName, Qt::CaseInsensitive);
            return c != 0 ? c < 0 : x.entry.date < y.entry.date;
        }
        case SubjectColumn: {
            const int c = x.entry.subject.compare(y.entry.subject, Qt::CaseInsensitive);
            return c != 0 ? c < 0 : x.entry.date < y.entry.date;
        }
        case SizeColumn: return x.entry.size < y.entry.size;
        default: return x.entry.date < y.entry.date;
        }
    };
    if (m_sortOrder == Qt::AscendingOrder)
        std::stable_sort(m_visible.begin(), m_visible.end(), less);
    else
        std::stable_sort(m_visible.begin(), m_visible.end(), [&less](int a, int b) { return less(b, a); });
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

void MessageListModel::setRelativePath(int row, const QString &relativePath)
{
    Row &r = m_rows[m_visible[row]];
    r.relativePath = relativePath;
    r.unread = MailFolder::isUnread(relativePath);
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
    const int more = int(std::min<qsizetype>(batchSize, m_visible.size() - m_exposed));
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
    case Qt::ToolTipRole:
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
    }
    return {};
}

QVariant MessageListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FromColumn: return tr("From");
    case SubjectColumn: return tr("Subject");
    case DateColumn: return tr("Date");
    case SizeColumn: return tr("Size");
    }
    return {};
}

} // namespace kurier::ui
