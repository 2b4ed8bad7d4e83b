#pragma once
// A scripted SMTP server on loopback (plain text) for tests of whole sends: kurierctl killed
// mid-send, the Outbox's automatic retry. Answers EHLO with PIPELINING and 8BITMIME, accepts
// MAIL/RCPT/DATA; modes make it stall after the data or after RCPT, or turn clients away (421).
// Recipients containing "greylisted" get 450, "unknown" 550. Header-only; lives in the test's event loop.

#include <QHash>
#include <QTcpServer>
#include <QTcpSocket>

namespace kurier::test {

// A minimal SMTP server on loopback (plain text: the account accepts "none" explicitly).
class FakeSmtpServer : public QObject
{
public:
    enum class Mode { Accept, HangAfterData, HangAfterRcpt, Refuse421 };

    FakeSmtpServer()
    {
        if (!m_server.listen(QHostAddress::LocalHost))
            qFatal("cannot listen");
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                ++connections;
                if (mode == Mode::Refuse421) {
                    s->write("421 4.3.2 Service not available, try again later\r\n");
                    s->disconnectFromHost();
                    continue;
                }
                s->write("220 fake.kurier.test ESMTP\r\n");
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onRead(s); });
            }
        });
    }
    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }

    Mode mode = Mode::Accept;
    int connections = 0;
    int mailCommands = 0;
    int messagesAccepted = 0;
    bool dataComplete = false; // the whole message arrived (the client wrote the final dot)
    bool rcptSeen = false;
    QList<QByteArray> recipients; // RCPT TO arguments, in order
    QList<QByteArray> messages;   // the data of every accepted message (dot-stuffed as sent)

private:
    void onRead(QTcpSocket *s)
    {
        QByteArray &buffer = m_buffers[s];
        buffer += s->readAll();
        bool &inData = m_inData[s];
        for (;;) {
            if (inData) {
                const qsizetype end = buffer.indexOf("\r\n.\r\n");
                if (end < 0)
                    return;
                m_currentData = buffer.left(end + 2);
                buffer.remove(0, end + 5);
                inData = false;
                dataComplete = true;
                if (mode == Mode::HangAfterData)
                    continue; // never answer: the client cannot know whether it went out
                ++messagesAccepted;
                messages << m_currentData;
                s->write("250 2.0.0 Ok: queued as FAKE\r\n");
                continue;
            }
            const qsizetype eol = buffer.indexOf("\r\n");
            if (eol < 0)
                return;
            const QByteArray raw = buffer.left(eol);
            const QByteArray line = raw.toUpper();
            buffer.remove(0, eol + 2);
            if (line.startsWith("EHLO")) {
                s->write("250-fake.kurier.test\r\n250-PIPELINING\r\n250 8BITMIME\r\n");
            } else if (line.startsWith("MAIL")) {
                ++mailCommands;
                s->write("250 2.1.0 Ok\r\n");
            } else if (line.startsWith("RCPT") && line.contains("UNKNOWN")) {
                s->write("550 5.1.1 <unknown@kurier.test>: Recipient address rejected: User unknown\r\n");
            } else if (line.startsWith("RCPT") && line.contains("GREYLISTED")) {
                s->write("450 4.2.0 <greylisted@kurier.test>: Recipient address rejected: Greylisted, try again later\r\n");
            } else if (line.startsWith("RCPT")) {
                rcptSeen = true;
                recipients << raw.mid(8); // "<address>"
                ++m_validRecipients[s];
                if (mode == Mode::HangAfterRcpt)
                    return; // stall before DATA
                s->write("250 2.1.5 Ok\r\n");
            } else if (line == "DATA" && m_validRecipients.value(s) == 0) {
                s->write("554 5.5.1 Error: no valid recipients\r\n");
            } else if (line == "DATA") {
                inData = true;
                m_validRecipients[s] = 0;
                s->write("354 End data with <CR><LF>.<CR><LF>\r\n");
            } else if (line == "RSET" || line == "NOOP") {
                m_validRecipients[s] = 0;
                s->write("250 2.0.0 Ok\r\n");
            } else if (line == "QUIT") {
                s->write("221 2.0.0 Bye\r\n");
                s->disconnectFromHost();
                return;
            } else {
                s->write("502 5.5.2 Error: command not recognized\r\n");
            }
        }
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QHash<QTcpSocket *, bool> m_inData;
    QByteArray m_currentData;
    QHash<QTcpSocket *, int> m_validRecipients;
};

} // namespace kurier::test
