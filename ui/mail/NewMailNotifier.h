#pragma once

#include <QObject>
#include <QPointer>

class QSystemTrayIcon;
class QWidget;

namespace kurier::ui {

// "New mail": after a fetch that stored messages, a tray message (QSystemTrayIcon, where the
// desktop has a tray) and the signal newMail() — which is also what tests see, since an
// offscreen session has no tray. The tray icon's tool tip carries the unread count; clicking
// it brings the window to the front.
class NewMailNotifier : public QObject
{
    Q_OBJECT
public:
    explicit NewMailNotifier(QWidget *window);

    // After a fetch of the account with this prefix stored `count` messages (0: nothing).
    void fetched(const QString &accountPrefix, int count);
    // The unread count over all inboxes, for the tray's tool tip.
    void setUnread(int unread);
    [[nodiscard]] QSystemTrayIcon *trayIcon() const { return m_tray; }
    [[nodiscard]] int notificationCount() const { return m_notifications; }

signals:
    void newMail(const QString &title, const QString &text);

private:
    QPointer<QWidget> m_window;
    QSystemTrayIcon *m_tray = nullptr;
    int m_notifications = 0;
};

} // namespace kurier::ui
