#include "common/SingleInstance.h"

#include "common/UiLog.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QStandardPaths>
#include <QTimer>


namespace kurier::ui {

namespace {

constexpr int kAttempts = 10;          // the primary may be between taking the lock and listening
constexpr int kRetryMs = 200;
constexpr int kAnswerTimeoutMs = 5000; // a primary that does not answer: start on our own
const QByteArray kAck = QByteArrayLiteral("ok\n");

} // namespace

SingleInstance::SingleInstance(QString socketPath, QObject *parent)
    : QObject(parent)
    , m_socketPath(std::move(socketPath))
{
}

SingleInstance::~SingleInstance()
{
    if (m_server)
        m_server->close(); // removes the socket file; the lock file goes with m_lock
}

QString SingleInstance::defaultSocketPath()
{
    // RuntimeLocation is $XDG_RUNTIME_DIR, or a private /tmp/runtime-<user> Qt creates (0700).
    QString dir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (dir.isEmpty())
        dir = QDir::tempPath();
    return QDir(dir).filePath(QStringLiteral("kurier.socket"));
}

void SingleInstance::start(const QStringList &arguments)
{
    m_arguments = arguments;
    m_lock = std::make_unique<QLockFile>(m_socketPath + QStringLiteral(".lock"));
    // Only a dead owner makes the lock stale, never its age: the window may run for weeks.
    m_lock->setStaleLockTime(0);
    if (m_lock->tryLock(0)) {
        listen();
        return;
    }
    m_lock.reset();
    qCDebug(lcUi) << "another Kurier is running; handing over" << arguments.size() << "argument(s)";
    tryHandOver();
}

void SingleInstance::listen()
{
    m_primary = true;
    m_decided = true;
    // We hold the lock: a socket file there is a leftover of a crashed primary.
    QLocalServer::removeServer(m_socketPath);
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readRequest(socket); });
            // A client that never finishes its message is dropped.
            QTimer::singleShot(kAnswerTimeoutMs, socket, [socket] { socket->abort(); });
        }
    });
    if (!m_server->listen(m_socketPath))
        qCWarning(lcUi) << "cannot listen on" << m_socketPath << ":" << m_server->errorString()
                              << "- a second start will open a second window";
    else
        qCDebug(lcUi) << "listening on" << m_socketPath;
    emit becamePrimary();
}

void SingleInstance::readRequest(QLocalSocket *socket)
{
    if (socket->bytesAvailable() > maxMessageSize) {
        socket->abort();
        return;
    }
    if (!socket->canReadLine())
        return;
    const QByteArray line = socket->readLine(maxMessageSize);
    QStringList arguments;
    const QJsonDocument doc = QJsonDocument::fromJson(line);
    for (const QJsonValue &v : doc.array())
        arguments << v.toString();
    socket->write(kAck);
    socket->disconnectFromServer();
    qCDebug(lcUi) << "arguments from another start:" << arguments.size();
    emit argumentsReceived(arguments);
}

void SingleInstance::tryHandOver()
{
    ++m_attempts;
    delete m_client;
    m_client = new QLocalSocket(this);
    if (!m_deadline) {
        m_deadline = new QTimer(this);
        m_deadline->setSingleShot(true);
        connect(m_deadline, &QTimer::timeout, this, &SingleInstance::onHandOverFailed);
    }
    m_deadline->start(kAnswerTimeoutMs);
    QLocalSocket *client = m_client;
    connect(client, &QLocalSocket::connected, this, [this, client] {
        client->write(QJsonDocument(QJsonArray::fromStringList(m_arguments)).toJson(QJsonDocument::Compact) + '\n');
    });
    connect(client, &QLocalSocket::readyRead, this, [this, client] {
        if (m_decided || !client->canReadLine())
            return;
        if (client->readLine(16) == kAck) {
            m_decided = true;
            m_deadline->stop();
            client->disconnectFromServer();
            emit handedOver();
        }
    });
    connect(client, &QLocalSocket::errorOccurred, this, [this, client](QLocalSocket::LocalSocketError error) {
        if (m_decided || client != m_client)
            return;
        if (error == QLocalSocket::PeerClosedError && client->bytesAvailable() > 0)
            return; // the answer is still to be read
        qCDebug(lcUi) << "hand-over attempt" << m_attempts << "failed:" << client->errorString();
        m_deadline->stop();
        if (m_attempts < kAttempts) {
            QTimer::singleShot(kRetryMs, this, [this] {
                if (!m_decided)
                    tryHandOver();
            });
        } else {
            onHandOverFailed();
        }
    });
    client->connectToServer(m_socketPath);
}

void SingleInstance::onHandOverFailed()
{
    if (m_decided)
        return;
    // The lock is held, but nobody answers (a hung Kurier, or a lock we cannot take over).
    // Better a second window than none: start on our own, without listening.
    qCWarning(lcUi) << "the running Kurier does not answer on" << m_socketPath << "; starting another window";
    if (m_client)
        m_client->abort();
    m_decided = true;
    m_primary = true;
    emit becamePrimary();
}

} // namespace kurier::ui
