#pragma once

#include <QObject>
#include <QStringList>
#include <memory>

class QLocalServer;
class QLocalSocket;
class QLockFile;
class QTimer;

namespace kurier::ui {

// One Kurier window per user: the first start holds a lock file and listens on a local socket
// in $XDG_RUNTIME_DIR (a private per-user directory; Qt's per-user fallback when it is unset);
// a later start hands its arguments (a mailto: URL) over that socket and quits.
//
// A crash leaves the socket and the lock file behind: QLockFile recognises the lock of a dead
// process as stale, and the new primary removes the old socket before listening, so a crash
// never blocks the next start. Everything is asynchronous (no waitFor*).
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    // `socketPath`: where the primary listens; the lock file is next to it (".lock").
    explicit SingleInstance(QString socketPath, QObject *parent = nullptr);
    ~SingleInstance() override;

    // $XDG_RUNTIME_DIR/kurier.socket, or the same in Qt's per-user runtime fallback.
    [[nodiscard]] static QString defaultSocketPath();

    // Decides, then emits exactly one of becamePrimary() (possibly synchronously) or
    // handedOver(). `arguments` go to the primary when this start is not it.
    void start(const QStringList &arguments);
    [[nodiscard]] bool isPrimary() const { return m_primary; }

    // Largest message accepted from another start.
    static constexpr qint64 maxMessageSize = 256 * 1024;

signals:
    // This process shows the window (also when no running instance could be reached).
    void becamePrimary();
    // The running instance took the arguments: this process should quit with 0.
    void handedOver();
    // In the primary: another start's arguments.
    void argumentsReceived(const QStringList &arguments);

private:
    void listen();
    void tryHandOver();
    void onHandOverFailed();
    void readRequest(QLocalSocket *socket);

    QString m_socketPath;
    QStringList m_arguments;
    std::unique_ptr<QLockFile> m_lock;
    QLocalServer *m_server = nullptr;
    QLocalSocket *m_client = nullptr;
    QTimer *m_deadline = nullptr;
    int m_attempts = 0;
    bool m_primary = false;
    bool m_decided = false;
};

} // namespace kurier::ui
