#include "mail/NewMailNotifier.h"

#include <QApplication>
#include <QLocale>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QWidget>

namespace kurier::ui {

NewMailNotifier::NewMailNotifier(QWidget *window)
    : QObject(window)
    , m_window(window)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    QIcon icon = QApplication::windowIcon();
    if (icon.isNull())
        icon = window->style()->standardIcon(QStyle::SP_MessageBoxInformation);
    m_tray = new QSystemTrayIcon(icon, this);
    m_tray->setToolTip(tr("Kurier"));
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (!m_window || (reason != QSystemTrayIcon::Trigger && reason != QSystemTrayIcon::DoubleClick))
            return;
        m_window->showNormal();
        m_window->raise();
        m_window->activateWindow();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        if (m_window) {
            m_window->showNormal();
            m_window->raise();
            m_window->activateWindow();
        }
    });
    m_tray->show();
}

void NewMailNotifier::fetched(const QString &accountPrefix, int count)
{
    if (count <= 0)
        return;
    const QString title = tr("New mail for %1").arg(accountPrefix);
    const QString text = count == 1 ? tr("1 new message") : tr("%1 new messages").arg(QLocale().toString(count));
    ++m_notifications;
    if (m_tray)
        m_tray->showMessage(title, text, QSystemTrayIcon::Information, 8000);
    emit newMail(title, text);
}

void NewMailNotifier::setUnread(int unread)
{
    if (!m_tray)
        return;
    m_tray->setToolTip(unread > 0 ? tr("Kurier – %1 unread").arg(QLocale().toString(unread)) : tr("Kurier"));
}

} // namespace kurier::ui
