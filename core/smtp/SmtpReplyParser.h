#pragma once

#include "smtp/SmtpReply.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace kurier::smtp {

// Bytes in, replies out (RFC 5321 §4.2). No socket, no QObject: the session feeds what the
// transport delivered and takes the complete replies. Tolerates bare LF line ends; refuses
// anything that is not "ddd", "ddd-text" or "ddd text", a multi-line reply whose lines
// change code, and lines longer than a sane limit (a server that never sends CRLF must not make
// us buffer without end).
class SmtpReplyParser
{
public:
    // RFC 5321 §4.5.3.1.5 allows 512 octets per reply line; servers send more (long EHLO
    // lines, SASL challenges of several KB), so the limit is generous.
    static constexpr qsizetype MaxLineLength = 64 * 1024;
    // A multi-line reply ("250-…" lines) that never ends must not grow without bound either:
    // real EHLO replies have a few dozen lines.
    static constexpr qsizetype MaxReplyLines = 1000;
    static constexpr qsizetype MaxReplyBytes = 256 * 1024;

    void feed(const QByteArray &bytes);
    [[nodiscard]] bool hasReply() const { return !m_replies.isEmpty(); }
    [[nodiscard]] SmtpReply takeReply() { return m_replies.takeFirst(); }
    [[nodiscard]] QList<SmtpReply> takeReplies() { return std::exchange(m_replies, {}); }

    // Set once the server sent something that is not SMTP; nothing more is parsed after it.
    [[nodiscard]] bool hasError() const { return !m_error.isEmpty(); }
    [[nodiscard]] QString errorText() const { return m_error; }
    // Bytes received but not yet a complete line (for "discard before TLS" checks).
    [[nodiscard]] bool hasPartialData() const { return !m_buffer.isEmpty() || !m_pending.lines.isEmpty(); }
    void reset();

    // Splits "5.7.139 Authentication unsuccessful" into code and text when the enhanced code
    // matches the reply's class (RFC 2034 §4, RFC 3463 §2); otherwise the text stays whole.
    static QString splitEnhancedCode(int replyCode, QByteArray *text);

private:
    void parseLine(const QByteArray &line);

    QByteArray m_buffer;
    qsizetype m_scannedUpTo = 0; // m_buffer holds no '\n' before this offset
    SmtpReply m_pending;
    qsizetype m_pendingBytes = 0;
    QList<SmtpReply> m_replies;
    QString m_error;
};

} // namespace kurier::smtp
