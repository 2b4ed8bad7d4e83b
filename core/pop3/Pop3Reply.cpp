#include "pop3/Pop3Reply.h"

namespace kurier::pop3 {

Pop3Reply Pop3Reply::parse(QByteArrayView line, bool continuationAllowed, bool *valid)
{
    *valid = true;
    Status status;
    QByteArrayView rest;
    if (line.startsWith("+OK") && (line.size() == 3 || line[3] == ' ')) {
        status = Status::Ok;
        rest = line.sliced(3);
    } else if (line.startsWith("-ERR") && (line.size() == 4 || line[4] == ' ')) {
        status = Status::Err;
        rest = line.sliced(4);
    } else if (continuationAllowed && (line == "+" || line.startsWith("+ "))) {
        // RFC 5034 §4: "+" SP base64; some servers send a bare "+" for an empty challenge.
        return Pop3Reply(Status::Continuation, line.sliced(line.size() > 1 ? 2 : 1).toByteArray());
    } else {
        *valid = false;
        return {};
    }
    if (rest.startsWith(' '))
        rest = rest.sliced(1);
    QByteArray code;
    // RFC 2449 §8: resp-code = "[" resp-level *("/" resp-level) "]"
    if (rest.startsWith('[')) {
        const qsizetype close = rest.indexOf(']');
        if (close > 1) {
            code = rest.sliced(1, close - 1).toByteArray().toUpper();
            rest = rest.sliced(close + 1);
            if (rest.startsWith(' '))
                rest = rest.sliced(1);
        }
    }
    return Pop3Reply(status, rest.toByteArray(), code);
}

QByteArray Pop3Reply::toLine() const
{
    QByteArray line = m_status == Status::Ok ? QByteArrayLiteral("+OK") : m_status == Status::Err ? QByteArrayLiteral("-ERR")
                                                                                                    : QByteArrayLiteral("+");
    if (!m_code.isEmpty())
        line.append(" [").append(m_code).append(']');
    if (!m_text.isEmpty())
        line.append(' ').append(m_text);
    return line;
}

} // namespace kurier::pop3
