#include "pop3/Pop3Parser.h"

#include <cstring>

namespace kurier::pop3 {

void Pop3Parser::reset()
{
    m_expected.clear();
    m_buffer.clear();
    m_pos = 0;
    m_data.clear();
    m_inData = false;
    m_failed = false;
}

void Pop3Parser::feed(QByteArrayView bytes)
{
    if (m_failed)
        return;
    if (m_pos > 0 && m_pos == m_buffer.size()) {
        m_buffer.clear();
        m_pos = 0;
    }
    m_buffer.append(bytes);
    const char *const base = m_buffer.constData();
    const qsizetype size = m_buffer.size();
    while (!m_failed && m_pos < size) {
        const void *nl = std::memchr(base + m_pos, '\n', size_t(size - m_pos));
        if (!nl) {
            if (size - m_pos > m_maxLineLength)
                fail(QStringLiteral("line longer than %1 bytes").arg(m_maxLineLength));
            break;
        }
        const qsizetype end = static_cast<const char *>(nl) - base; // index of LF
        qsizetype lineEnd = end;
        if (lineEnd > m_pos && base[lineEnd - 1] == '\r')
            --lineEnd;
        if (lineEnd - m_pos > m_maxLineLength) {
            fail(QStringLiteral("line longer than %1 bytes").arg(m_maxLineLength));
            break;
        }
        const QByteArrayView line(base + m_pos, lineEnd - m_pos);
        m_pos = end + 1;
        if (m_inData) {
            if (line.size() == 1 && line[0] == '.') {
                flushData();
                m_inData = false;
                m_events.append(Event{Event::Type::End, {}, {}, {}});
                continue;
            }
            // RFC 1939 §3: a line starting with "." has its first "." removed.
            const QByteArrayView content = line.startsWith('.') ? line.sliced(1) : line;
            m_data.append(content);
            m_data.append('\n');
            continue;
        }
        handleStatusLine(line);
    }
    flushData();
    // Keep the partial line; drop what was consumed when it is worth the copy.
    if (m_pos > 0 && (m_pos == m_buffer.size() || m_pos > 65536)) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
}

void Pop3Parser::handleStatusLine(QByteArrayView line)
{
    if (m_expected.isEmpty()) {
        fail(QStringLiteral("unexpected data from the server: \"%1\"").arg(QString::fromLatin1(line.first(qMin<qsizetype>(line.size(), 80)))));
        return;
    }
    const Expect expected = m_expected.head();
    bool valid = false;
    const Pop3Reply reply = Pop3Reply::parse(line, expected == Expect::Auth, &valid);
    if (!valid) {
        fail(QStringLiteral("not a POP3 reply: \"%1\"").arg(QString::fromLatin1(line.first(qMin<qsizetype>(line.size(), 80)))));
        return;
    }
    m_events.append(Event{Event::Type::Reply, reply, {}, {}});
    if (reply.isContinuation())
        return; // the AUTH exchange goes on; its final reply is still expected
    m_expected.dequeue();
    if (expected == Expect::MultiLine && reply.isOk())
        m_inData = true;
}

void Pop3Parser::flushData()
{
    if (m_data.isEmpty())
        return;
    m_events.append(Event{Event::Type::Data, {}, std::exchange(m_data, {}), {}});
}

void Pop3Parser::fail(const QString &error)
{
    flushData();
    m_failed = true;
    m_events.append(Event{Event::Type::Error, {}, {}, error});
}

} // namespace kurier::pop3
