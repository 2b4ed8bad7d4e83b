#include "mail/MessageListView.h"

#include "mail/MessageListModel.h"
#include "store/HeaderIndex.h"

#include <QAction>
#include <QHeaderView>
#include <QMenu>
#include <QSignalBlocker>
#include <algorithm>

namespace kurier::ui {

MessageListView::MessageListView(MessageListModel *model, QWidget *parent)
    : QTableView(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("messageList"));
    setModel(model);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSortingEnabled(true);
    sortByColumn(MessageListModel::DateColumn, Qt::DescendingOrder);
    setShowGrid(false);
    setWordWrap(false);
    setAlternatingRowColors(true);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    horizontalHeader()->setSectionResizeMode(MessageListModel::SubjectColumn, QHeaderView::Stretch);
    horizontalHeader()->setHighlightSections(false);
    setColumnWidth(MessageListModel::FromColumn, 200);
    setColumnWidth(MessageListModel::ToColumn, 200);
    horizontalHeader()->setSectionResizeMode(MessageListModel::AttachmentColumn, QHeaderView::Fixed);
    setColumnWidth(MessageListModel::AttachmentColumn, 34);
    setIconSize(QSize(16, 16));
    setColumnHidden(MessageListModel::ToColumn, true);
    setColumnWidth(MessageListModel::DateColumn, 140);
    setColumnWidth(MessageListModel::SizeColumn, 80);

    // Ctrl+A means every message of the folder, not only those handed to the view so far.
    auto *selectAllAction = new QAction(this);
    selectAllAction->setObjectName(QStringLiteral("selectAllMessages"));
    selectAllAction->setShortcut(QKeySequence::SelectAll);
    selectAllAction->setShortcutContext(Qt::WidgetShortcut);
    connect(selectAllAction, &QAction::triggered, this, [this] {
        while (m_model->canFetchMore({}))
            m_model->fetchMore({});
        selectAll();
    });
    addAction(selectAllAction);

    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MessageListView::currentMessageChanged);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        const QString keep = std::exchange(m_keep, QString());
        const int row = keep.isEmpty() ? -1 : m_model->exposeRowOf(keep);
        if (row < 0) {
            emit currentMessageChanged(); // none any more
            return;
        }
        {
            const QSignalBlocker block(selectionModel()); // the same message: nothing to show anew
            selectionModel()->setCurrentIndex(m_model->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        }
        viewport()->update();
    });

    // The message's actions where the message is (a right click selects the row first).
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (!indexAt(pos).isValid() || !m_menuActions)
            return;
        auto *menu = new QMenu(this);
        menu->setObjectName(QStringLiteral("messageContextMenu"));
        menu->setAttribute(Qt::WA_DeleteOnClose);
        for (QAction *action : m_menuActions()) {
            if (action)
                menu->addAction(action);
            else
                menu->addSeparator();
        }
        menu->popup(viewport()->mapToGlobal(pos));
    });
}

void MessageListView::showRecipients(bool recipients)
{
    setColumnHidden(MessageListModel::ToColumn, !recipients);
    setColumnHidden(MessageListModel::FromColumn, recipients);
}

QList<int> MessageListView::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : selectionModel()->selectedRows())
        rows << index.row();
    if (rows.isEmpty() && currentIndex().isValid())
        rows << currentIndex().row();
    std::sort(rows.begin(), rows.end(), std::greater<>());
    return rows;
}

void MessageListView::reloadKeepingCurrent()
{
    if (currentIndex().isValid())
        m_keep = store::HeaderIndex::baseName(m_model->rowAt(currentIndex().row()).relativePath);
    m_model->refresh();
}

void MessageListView::removeRowsAndShowNext(const QList<int> &rowsDescending)
{
    {
        // Qt's selection model moves a removed current row to the one above (the view corrects
        // that only in single-selection mode); showing that row would mark it read. The next
        // message is chosen below, after the removal.
        const QSignalBlocker block(selectionModel());
        m_model->removeMessageRows(rowsDescending);
    }
    const int first = rowsDescending.isEmpty() ? 0 : rowsDescending.last();
    if (m_model->rowCount() == 0) {
        emit currentMessageChanged();
        return;
    }
    // The view may have moved its current index there already while the rows went.
    const QModelIndex next = m_model->index(std::min(first, m_model->rowCount() - 1), 0);
    if (currentIndex() == next) {
        selectionModel()->select(next, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        emit currentMessageChanged();
    } else {
        setCurrentIndex(next);
    }
}

} // namespace kurier::ui
