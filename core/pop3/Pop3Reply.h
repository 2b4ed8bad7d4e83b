#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace kurier::pop3 {

// One status line from a POP3 server (RFC 1939 §3): "+OK text", "-ERR text", or a SASL
// continuation "+ base64" (RFC 5034 §4). An RFC 2449 §8 extended response code in square
// brackets at the start of the text ("-ERR [IN-USE] …") is split off into code().
class Pop3Reply
{
public:
    enum class Status { Ok, Err, Continuation };

    Pop3Reply() = default;
    Pop3Reply(Status status, QByteArray text, QByteArray code = {})
        : m_status(status), m_text(std::move(text)), m_code(std::move(code))
    {
    }

    // Parses a status line without its line end; nullopt-like invalid() if it is none.
    // A continuation is recognised only when allowed (during AUTH): "+OK" is never one.
    [[nodiscard]] static Pop3Reply parse(QByteArrayView line, bool continuationAllowed, bool *valid);

    [[nodiscard]] Status status() const { return m_status; }
    [[nodiscard]] bool isOk() const { return m_status == Status::Ok; }
    [[nodiscard]] bool isErr() const { return m_status == Status::Err; }
    [[nodiscard]] bool isContinuation() const { return m_status == Status::Continuation; }
    // The text after the status word (and after the response code), without the line end.
    [[nodiscard]] const QByteArray &text() const { return m_text; }
    // "IN-USE", "LOGIN-DELAY", "SYS/TEMP", "SYS/PERM", "AUTH" … upper case; empty if none.
    [[nodiscard]] const QByteArray &code() const { return m_code; }
    // The status line as the server sent it (for diagnostics: "server said …").
    [[nodiscard]] QByteArray toLine() const;

    friend bool operator==(const Pop3Reply &, const Pop3Reply &) = default;

private:
    Status m_status = Status::Err;
    QByteArray m_text;
    QByteArray m_code;
};

} // namespace kurier::pop3
