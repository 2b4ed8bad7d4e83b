#pragma once

#include <QByteArray>
#include <QString>

namespace kurier::ui {

// Where the mail window was left, so that it opens the same way the next time: its size and
// place, the splitters, the message list's columns and sort order, the folder shown, and the
// size of the last composer. Kept
// in window-state.ini beside the account settings, apart from them: nothing in it is secret or
// precious, so a file that is missing or damaged just means the defaults.
struct WindowState
{
    QByteArray geometry;       // QWidget::saveGeometry()
    QByteArray folderSplitter; // QSplitter::saveState()
    QByteArray listSplitter;
    QByteArray listHeader;     // QHeaderView::saveState(): widths, order, sort column
    QString accountId;         // the folder shown, or empty
    int folderKind = -1;       // store::Mailbox::Kind

    [[nodiscard]] static QString pathBeside(const QString &settingsFile);
    [[nodiscard]] static WindowState load(const QString &path);
    // False when the file could not be written.
    bool save(const QString &path) const;

    // The composer's size and place, kept apart (a composer closes often, the window rarely).
    [[nodiscard]] static QByteArray loadComposerGeometry(const QString &path);
    static void saveComposerGeometry(const QString &path, const QByteArray &geometry);
};

} // namespace kurier::ui
