#pragma once

#include "store/HeaderIndex.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QString>

namespace kurier::ui {

// The message list of one Maildir folder, backed by its header index (.kurier-index), not by
// parsing message files: loading 100,000 messages reads one index file and lists two
// directories. Only messages the index lacks (delivered by another program, or folders that
// keep no index such as Sent) have their header block read. The model never writes the index
// (a fetch may be appending to it at the same time).
//
// Rows are handed to the view in batches (canFetchMore/fetchMore), sorting and filtering work
// on the whole folder, unread rows (Maildir flags) are bold.
class MessageListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { FromColumn, SubjectColumn, DateColumn, SizeColumn, ColumnCount };
    enum Role { RelativePathRole = Qt::UserRole + 1, UnreadRole };

    struct Row {
        store::HeaderIndex::Entry entry; // from/subject decoded (RFC 2047)
        QString fromName;               // display part of From
        QString relativePath;           // "new/…" or "cur/…:2,S"
        bool unread = false;
    };

    explicit MessageListModel(QObject *parent = nullptr);

    // Loads the folder (a Maildir path with its .kurier-index; missing folders are empty).
    void setFolder(const QString &maildirPath);
    void reload();
    [[nodiscard]] QString folder() const { return m_folder; }

    // Case-insensitive substring filter over sender and subject.
    void setFilterText(const QString &text);
    [[nodiscard]] QString filterText() const { return m_filter; }

    // Rows matching the filter (all of them, not only those handed to the view yet).
    [[nodiscard]] int matchingCount() const { return int(m_visible.size()); }
    [[nodiscard]] int totalCount() const { return int(m_rows.size()); }
    [[nodiscard]] const Row &rowAt(int row) const { return m_rows[m_visible[row]]; }
    [[nodiscard]] QString filePath(int row) const;

    // After the message was marked read/unread or moved: its new relative path.
    void setRelativePath(int row, const QString &relativePath);
    void removeMessageRow(int row);

    static constexpr int batchSize = 1000;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    void applyOrderAndFilter();

    QString m_folder;
    QList<Row> m_rows;
    QList<int> m_visible; // indexes into m_rows, sorted and filtered
    int m_exposed = 0;    // rows handed to the view so far
    QString m_filter;
    int m_sortColumn = DateColumn;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

} // namespace kurier::ui
