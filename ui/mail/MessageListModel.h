#pragma once

#include "store/MessageSummary.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QIcon>
#include <QList>
#include <QSet>
#include <QString>

namespace kurier::ui {

// The message list of one folder: its store::Mailbox::summaries (the header index, decoded in
// the core), sorted and filtered here.
//
// Rows are handed to the view in batches (canFetchMore/fetchMore), sorting and filtering work
// on the whole folder, unread rows (Maildir flags) are bold, flagged ones carry a flag.
class MessageListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // To is for Sent, Outbox and Drafts (the window hides it elsewhere, and From there); the
    // attachment column shows a paperclip from the index's has-attachment mark.
    enum Column { FromColumn, ToColumn, SubjectColumn, AttachmentColumn, DateColumn, SizeColumn, ColumnCount };
    enum Role { RelativePathRole = Qt::UserRole + 1, UnreadRole, FlaggedRole };

    using Row = store::MessageSummary;

    explicit MessageListModel(QObject *parent = nullptr);

    // Loads the folder (a Maildir path with its .kurier-index; missing folders are empty).
    void setFolder(const QString &maildirPath);
    void reload();
    // For the window: large folders (index over ~1 MB) load on a pool thread and appear when
    // ready (loadingChanged); small ones at once, as setFolder().
    void setFolderInBackground(const QString &maildirPath);
    // Reloads the same way: in the background when the folder is large.
    void refresh() { isLarge(m_folder) ? reloadInBackground() : reload(); }
    [[nodiscard]] bool isLoading() const { return m_loading; }
    [[nodiscard]] static bool isLarge(const QString &maildirPath);
    // The rows matching `filter`, in this order (indexes into rows); thread-safe.
    [[nodiscard]] static QList<int> ordered(const QList<Row> &rows, int column, Qt::SortOrder order, const QString &filter);
    // The paperclip of the attachment column (a theme icon, else drawn).
    [[nodiscard]] static QIcon attachmentIcon();
    // The flag before the subject of a flagged message (a theme icon, else drawn).
    [[nodiscard]] static QIcon flagIcon();
    // Index size from which folders load in the background (tests, benchmarks).
    static void setBackgroundThreshold(qint64 indexBytes);
    [[nodiscard]] QString folder() const { return m_folder; }

    // Case-insensitive substring filter over sender and subject.
    void setFilterText(const QString &text);
    [[nodiscard]] QString filterText() const { return m_filter; }

    // Rows matching the filter (all of them, not only those handed to the view yet).
    [[nodiscard]] int matchingCount() const { return int(m_visible.size()); }
    [[nodiscard]] int totalCount() const { return int(m_rows.size()); }
    [[nodiscard]] const Row &rowAt(int row) const { return m_rows[m_visible[row]]; }
    [[nodiscard]] QString filePath(int row) const;
    // The message's bytes (store::Mailbox::read), or nullopt and *error.
    [[nodiscard]] std::optional<QByteArray> messageData(int row, QString *error = nullptr) const;

    // After the message was marked read/unread or moved: its new relative path.
    void setRelativePath(int row, const QString &relativePath);
    void removeMessageRow(int row);
    // Several rows (view rows, any order) at once, in one pass.
    void removeMessageRows(const QList<int> &rows);
    // The Maildir files the rows stand for (relative paths), to tell whether the folder changed.
    [[nodiscard]] QSet<QString> relativePaths() const;
    // The row of the message with this base name (handed to the view if it was not yet), or -1.
    int exposeRowOf(const QString &baseName);

    static constexpr int batchSize = 1000;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    void loadingChanged(bool loading);

private:
    void reloadInBackground();
    void setRows(QList<Row> rows);
    void applyOrderAndFilter();

    QString m_folder;
    QList<Row> m_rows;
    QList<int> m_visible; // indexes into m_rows, sorted and filtered
    int m_exposed = 0;    // rows handed to the view so far
    QString m_filter;
    int m_sortColumn = DateColumn;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    quint64 m_generation = 0; // which load is current
    bool m_loading = false;
};

} // namespace kurier::ui
