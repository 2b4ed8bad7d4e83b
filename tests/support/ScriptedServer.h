#pragma once
// A hostile mail server on loopback, scripted by the test, for attacks over a real socket:
// STARTTLS stripping and injection, bad certificates, old TLS versions, floods, trickles,
// silence. Header-only; lives in the test's event loop, on a free port.
//
//   ScriptedServer server;
//   server.onConnect = [](ScriptedServer::Connection &c) { c.send("+OK hi\r\n"); };
//   server.onLine = [](ScriptedServer::Connection &c, const QByteArray &line) {
//       if (line == "CAPA") c.send("+OK\r\nUSER\r\n.\r\n");
//   };
//   … connect the client to 127.0.0.1:server.port() …
//   QVERIFY(!server.received().contains("PASS"));   // every byte any client ever sent
//
// Connection::startTls() switches to TLS with `certificate`/`key`; `backendOptions` go to
// OpenSSL as SSL_CONF commands (e.g. MaxProtocol=TLSv1.1, CipherString=DEFAULT@SECLEVEL=0), so
// a test can offer what no sane server would. flood() and trickle() write without holding more
// than a little in memory: a flood is refilled as the kernel takes it.

#include <QHash>
#include <QList>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>
#include <QVariant>
#include <functional>
#include <memory>

namespace kurier::test {

class ScriptedServer : public QTcpServer
{
public:
    class Connection
    {
    public:
        explicit Connection(ScriptedServer *server, QSslSocket *socket)
            : m_server(server)
            , m_socket(socket)
        {
        }
        void send(const QByteArray &bytes)
        {
            if (m_socket)
                m_socket->write(bytes);
        }
        // Plaintext and the start of the TLS handshake in one go: what a real server does after
        // its STLS/STARTTLS go-ahead.
        void startTls()
        {
            if (!m_socket)
                return;
            m_socket->flush();
            m_server->configureTls(m_socket);
            m_socket->startServerEncryption();
        }
        // Sends `bytes` one byte every intervalMs (a server keeping the connection "alive").
        void trickle(const QByteArray &bytes, int intervalMs)
        {
            m_trickle = bytes;
            m_trickleTimer = std::make_unique<QTimer>();
            QObject::connect(m_trickleTimer.get(), &QTimer::timeout, m_socket, [this] {
                if (!m_socket || m_trickle.isEmpty()) {
                    m_trickleTimer->stop();
                    return;
                }
                m_socket->write(m_trickle.left(1));
                m_socket->flush();
                ++trickled;
                m_trickle.remove(0, 1);
            });
            m_trickleTimer->start(intervalMs);
        }
        // Sends `prefix`, then `unit` again and again until maxBytes went or the peer is gone.
        void flood(const QByteArray &prefix, const QByteArray &unit, qint64 maxBytes)
        {
            m_floodUnit = unit;
            m_floodLeft = maxBytes;
            send(prefix);
            QObject::connect(m_socket, &QSslSocket::bytesWritten, m_socket, [this] { refill(); });
            QObject::connect(m_socket, &QSslSocket::encryptedBytesWritten, m_socket, [this] { refill(); });
            refill();
        }
        void close()
        {
            if (m_socket)
                m_socket->disconnectFromHost();
        }
        [[nodiscard]] QSslSocket *socket() const { return m_socket; }
        [[nodiscard]] bool isEncrypted() const { return m_socket && m_socket->isEncrypted(); }

        QByteArray received; // everything this client sent (decrypted once TLS is up)
        QByteArray pending;  // received, not yet a complete line
        qint64 flooded = 0;
        qint64 trickled = 0;

    private:
        void refill()
        {
            // Keep about 256 KB queued: the client's pace sets the server's.
            while (m_socket && m_floodLeft > 0 && m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite() < 256 * 1024) {
                m_socket->write(m_floodUnit);
                m_floodLeft -= m_floodUnit.size();
                flooded += m_floodUnit.size();
            }
        }

        ScriptedServer *m_server;
        QPointer<QSslSocket> m_socket;
        QByteArray m_trickle;
        std::unique_ptr<QTimer> m_trickleTimer;
        QByteArray m_floodUnit;
        qint64 m_floodLeft = 0;
    };

    using ConnectHandler = std::function<void(Connection &)>;
    using LineHandler = std::function<void(Connection &, const QByteArray &line)>;

    ScriptedServer()
    {
        if (!listen(QHostAddress::LocalHost, 0))
            qFatal("ScriptedServer: cannot listen on loopback");
    }
    ~ScriptedServer() override
    {
        for (auto &c : m_connections) {
            if (QSslSocket *s = c->socket()) {
                s->disconnect();
                s->abort();
            }
        }
    }

    [[nodiscard]] quint16 port() const { return serverPort(); }
    // Every byte every client sent, in order of connections.
    [[nodiscard]] QByteArray received() const
    {
        QByteArray all;
        for (const auto &c : m_connections)
            all += c->received;
        return all;
    }
    [[nodiscard]] int connectionCount() const { return int(m_connections.size()); }
    [[nodiscard]] Connection *connection(int i = 0) const { return i >= 0 && size_t(i) < m_connections.size() ? m_connections[size_t(i)].get() : nullptr; }
    // TLS errors the server side saw (the client refusing a certificate shows up here too).
    QStringList serverTlsErrors;

    ConnectHandler onConnect;
    LineHandler onLine; // lines without CRLF; not called for bytes of a TLS handshake
    bool implicitTls = false;
    QSslCertificate certificate;
    QSslKey key;
    QHash<QByteArray, QVariant> backendOptions;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        m_connections.push_back(std::make_unique<Connection>(this, socket));
        Connection *c = m_connections.back().get();
        connect(socket, &QSslSocket::readyRead, this, [this, c] { onReadyRead(*c); });
        connect(socket, &QSslSocket::errorOccurred, this, [this, socket] {
            if (socket->error() != QAbstractSocket::RemoteHostClosedError)
                serverTlsErrors << socket->errorString();
        });
        connect(socket, &QSslSocket::encrypted, this, [this, c] {
            if (implicitTls && onConnect)
                onConnect(*c);
        });
        if (implicitTls) {
            configureTls(socket);
            socket->startServerEncryption();
            return;
        }
        if (onConnect)
            onConnect(*c);
    }

private:
    void configureTls(QSslSocket *socket)
    {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(certificate);
        config.setPrivateKey(key);
        config.setPeerVerifyMode(QSslSocket::VerifyNone); // no client certificates asked for
        config.setProtocol(QSsl::AnyProtocol);
        for (auto it = backendOptions.cbegin(); it != backendOptions.cend(); ++it)
            config.setBackendConfigurationOption(it.key(), it.value());
        socket->setSslConfiguration(config);
    }

    void onReadyRead(Connection &c)
    {
        QSslSocket *s = c.socket();
        if (!s)
            return;
        const QByteArray bytes = s->readAll();
        c.received += bytes;
        if (s->mode() != QSslSocket::UnencryptedMode && !s->isEncrypted())
            return; // mid-handshake
        c.pending += bytes;
        qsizetype eol;
        while ((eol = c.pending.indexOf('\n')) >= 0) {
            QByteArray line = c.pending.left(eol);
            c.pending.remove(0, eol + 1);
            if (line.endsWith('\r'))
                line.chop(1);
            if (onLine)
                onLine(c, line);
            if (!c.socket())
                return;
        }
    }

    std::vector<std::unique_ptr<Connection>> m_connections;
};

} // namespace kurier::test
