#pragma once

#include <QTableView>
#include <functional>

namespace kurier::ui {

class MessageListModel;

// The message list of the mail window: rows of fixed height (the view never measures rows it
// does not show, 100,000 of them), several selected at once (Löschen, Wiederherstellen and
// Markieren act on all), Ctrl+A selecting the whole folder, the message's actions on a right
// click.
class MessageListView : public QTableView
{
    Q_OBJECT
public:
    explicit MessageListView(MessageListModel *model, QWidget *parent = nullptr);

    // Sent, Outbox and Drafts show who it went to; the other folders who it came from.
    void showRecipients(bool recipients);
    // What the context menu offers (asked each time: it depends on the folder shown; nullptr
    // entries are separators).
    void setMenuActions(std::function<QList<QAction *>()> actions) { m_menuActions = std::move(actions); }
    // The rows selected (Shift/Ctrl+click), highest first so that removing them one after the
    // other keeps the rest valid; the current row when nothing is selected.
    [[nodiscard]] QList<int> selectedRows() const;

    // The folder changed on disk: reloads the list, keeping the message shown (and its state,
    // such as remote content loaded) when it is still there.
    void reloadKeepingCurrent();
    // These rows left the list (moved or deleted): removes them and makes the message after
    // them current, as other mail programs do (the list goes on where it was).
    void removeRowsAndShowNext(const QList<int> &rowsDescending);

signals:
    // Another message is current (or none): the window shows it.
    void currentMessageChanged();

private:
    MessageListModel *m_model;
    std::function<QList<QAction *>()> m_menuActions;
    QString m_keep; // base name of the message to keep current across a reload
};

} // namespace kurier::ui
