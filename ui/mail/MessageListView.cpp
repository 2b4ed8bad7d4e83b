#include "mail/MessageListView.h"

#include "mail/MessageListModel.h"

#include <QAction>
#include <QHeaderView>
#include <QMenu>
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

} // namespace kurier::ui
