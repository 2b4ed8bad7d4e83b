#pragma once

#include "pop3/Pop3Reply.h"

#include <QByteArray>
#include <QList>
#include <QQueue>
#include <QString>

namespace kurier::pop3 {

// Turns the bytes a POP3 server sends into replies and message data. A plain class — no
// QObject, no socket — so it can be fed split reads, hostile input and fuzz data in tests.
//
// POP3 replies do not say whether a multi-line body follows; the command does (RFC 1939 §3).
// So the caller queues one Expect per command it sends, in order (pipelining, RFC 2449 §6.6),
// and feeds bytes; the parser yields events:
//   Reply  – a status line (also a SASL "+ " continuation while an Auth reply is expected)
//   Data   – body bytes of a multi-line reply after "+OK": dot-unstuffed (RFC 1939 §3), line ends
//            CRLF → LF (a bare LF stays LF); the termination line "." is not included
//   End    – the lone "." that ends a multi-line reply
//   Error  – a protocol violation (unexpected data, garbage status line, over-long line); the
//            parser stops and the session must close the connection
class Pop3Parser
{
public:
    enum class Expect {
        SingleLine, // USER, PASS, STAT, DELE, NOOP, RSET, QUIT, STLS, LIST n, UIDL n, greeting
        MultiLine,  // CAPA, LIST, UIDL, TOP, RETR: a body follows "+OK"
        Auth,       // AUTH: "+ " continuations until "+OK"/"-ERR"
    };

    struct Event {
        enum class Type { Reply, Data, End, Error };
        Type type = Type::Reply;
        Pop3Reply reply;   // Reply
        QByteArray data;   // Data
        QString error;     // Error (English, for logs; the session makes the diagnostic)
    };

    static constexpr qsizetype DefaultMaxLineLength = 1 << 20;

    void expect(Expect what) { m_expected.enqueue(what); }
    void setMaxLineLength(qsizetype bytes) { m_maxLineLength = bytes; }
    // Forgets buffered bytes and expectations: after STLS (nothing the server sent before the
    // handshake may be used, RFC 2595 §4) or when starting over.
    void reset();

    // Consumes the bytes; appends what they complete to the event list (takeEvents()).
    void feed(QByteArrayView bytes);
    [[nodiscard]] QList<Event> takeEvents() { return std::exchange(m_events, {}); }

    [[nodiscard]] bool hasFailed() const { return m_failed; }
    [[nodiscard]] bool inMultiLineData() const { return m_inData; }
    [[nodiscard]] qsizetype pendingExpectations() const { return m_expected.size(); }
    // Bytes received but not yet turned into events (a partial line).
    [[nodiscard]] qsizetype bufferedBytes() const { return m_buffer.size() - m_pos; }

private:
    void handleStatusLine(QByteArrayView line);
    void fail(const QString &error);
    void flushData();

    QQueue<Expect> m_expected;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    QByteArray m_data;
    QList<Event> m_events;
    qsizetype m_maxLineLength = DefaultMaxLineLength;
    bool m_inData = false;
    bool m_failed = false;
};

} // namespace kurier::pop3
