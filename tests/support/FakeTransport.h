#pragma once
// A scripted Transport for session tests: the test plays the server.
//   FakeTransport t;  session.start(&t …);
//   t.serverSays("+OK ready\r\n");            // delivered on the next event-loop turn
//   QCOMPARE(t.takeWritten(), "CAPA\r\n");     // what the client sent since the last take
// TLS is simulated: startTls() discards unread bytes (as SslTransport must) and emits
// encrypted() unless failTls() was called; failWith() simulates network/TLS errors.

#include "net/Transport.h"

#include <QTimer>

namespace kurier::test {

class FakeTransport : public net::Transport
{
    Q_OBJECT
public:
    using net::Transport::Transport;

    // --- the test's side ---
    void serverSays(const QByteArray &bytes)
    {
        m_inbox += bytes;
        QTimer::singleShot(0, this, [this] {
            if (!m_inbox.isEmpty())
                emit dataReceived();
        });
    }
    [[nodiscard]] QByteArray takeWritten() { return std::exchange(m_written, {}); }
    [[nodiscard]] const QByteArray &allWritten() const { return m_allWritten; }
    void failTls(const net::CertificateProblem &problem = {})
    {
        m_tlsFails = true;
        m_problem = problem;
    }
    void failWith(Error error, const QString &text = QStringLiteral("simulated failure"))
    {
        m_error = error;
        m_errorText = text;
        QTimer::singleShot(0, this, [this] { emit failed(); });
    }
    void serverCloses()
    {
        QTimer::singleShot(0, this, [this] {
            m_error = Error::RemoteClosed;
            m_errorText = QStringLiteral("remote host closed the connection");
            emit disconnected();
        });
    }
    [[nodiscard]] QString host() const { return m_host; }
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] bool implicitTls() const { return m_implicitTls; }
    [[nodiscard]] int startTlsCalls() const { return m_startTlsCalls; }
    [[nodiscard]] bool wasClosed() const { return m_closed; }
    // What the client had written when startTls() was called (nothing secret may be in it).
    [[nodiscard]] const QByteArray &writtenBeforeTls() const { return m_writtenBeforeTls; }

    // --- the session's side ---
    void connectToHost(const QString &host, quint16 port, bool implicitTls) override
    {
        m_host = host;
        m_port = port;
        m_implicitTls = implicitTls;
        QTimer::singleShot(0, this, [this] {
            if (m_implicitTls && m_tlsFails) {
                m_error = Error::TlsCertificate;
                m_errorText = QStringLiteral("certificate verification failed");
                emit failed();
                return;
            }
            m_encrypted = m_implicitTls;
            emit connected();
        });
    }
    void startTls() override
    {
        ++m_startTlsCalls;
        m_writtenBeforeTls = m_allWritten;
        m_inbox.clear(); // plaintext injection defence, as SslTransport does
        QTimer::singleShot(0, this, [this] {
            if (m_tlsFails) {
                m_error = Error::TlsCertificate;
                m_errorText = QStringLiteral("certificate verification failed");
                emit failed();
                return;
            }
            m_encrypted = true;
            emit encrypted();
        });
    }
    void write(const QByteArray &bytes) override
    {
        m_written += bytes;
        m_allWritten += bytes;
    }
    [[nodiscard]] QByteArray readAll() override { return std::exchange(m_inbox, {}); }
    void close() override { m_closed = true; }
    void abort() override { m_closed = true; }
    [[nodiscard]] bool isEncrypted() const override { return m_encrypted; }
    [[nodiscard]] Error error() const override { return m_error; }
    [[nodiscard]] QString errorText() const override { return m_errorText; }
    [[nodiscard]] net::CertificateProblem certificateProblem() const override { return m_problem; }
    [[nodiscard]] QString tlsDescription() const override { return m_encrypted ? QStringLiteral("TLSv1.3 (fake)") : QString(); }

private:
    QByteArray m_inbox;
    QByteArray m_written;
    QByteArray m_allWritten;
    QByteArray m_writtenBeforeTls;
    QString m_host;
    quint16 m_port = 0;
    bool m_implicitTls = false;
    bool m_encrypted = false;
    bool m_tlsFails = false;
    bool m_closed = false;
    int m_startTlsCalls = 0;
    Error m_error = Error::None;
    QString m_errorText;
    net::CertificateProblem m_problem;
};

} // namespace kurier::test
