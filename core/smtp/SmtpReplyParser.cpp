#include "smtp/SmtpReplyParser.h"

#include <QRegularExpression>

#include <algorithm>

namespace kurier::smtp {

void SmtpReplyParser::reset()
{
    m_buffer.clear();
    m_scannedUpTo = 0;
    m_pending = {};
    m_pendingBytes = 0;
    m_replies.clear();
    m_error.clear();
}

void SmtpReplyParser::feed(const QByteArray &bytes)
{
    if (hasError())
        return;
    m_buffer += bytes;
    qsizetype start = 0;
    while (!hasError()) {
        // The first search resumes where the previous feed() stopped: a server that trickles a
        // long line byte by byte must not make every byte rescan the whole line.
        const qsizetype lf = m_buffer.indexOf('\n', std::max(start, m_scannedUpTo));
        m_scannedUpTo = 0;
        if (lf < 0)
            break;
        qsizetype end = lf;
        if (end > start && m_buffer.at(end - 1) == '\r')
            --end;
        parseLine(m_buffer.mid(start, end - start));
        start = lf + 1;
    }
    m_buffer.remove(0, start);
    m_scannedUpTo = m_buffer.size();
    if (!hasError() && m_buffer.size() > MaxLineLength)
        m_error = QStringLiteral("reply line longer than %1 bytes").arg(MaxLineLength);
}

QString SmtpReplyParser::splitEnhancedCode(int replyCode, QByteArray *text)
{
    // RFC 3463 §2: class "." subject "." detail; class 2, 4 or 5; subject and detail 1–3 digits.
    static const QRegularExpression re(QStringLiteral("^([245])\\.(\\d{1,3})\\.(\\d{1,3})(?: +|$)"));
    const QString s = QString::fromLatin1(text->left(16));
    const auto m = re.match(s);
    if (!m.hasMatch() || m.captured(1).toInt() != replyCode / 100)
        return {};
    text->remove(0, m.capturedLength());
    return m.captured(1) + u'.' + m.captured(2) + u'.' + m.captured(3);
}

void SmtpReplyParser::parseLine(const QByteArray &line)
{
    // RFC 5321 §4.2: Reply-code [ SP textstring ] CRLF, or Reply-code "-" textstring CRLF for
    // every line but the last.
    // The same limit whether the line arrived whole or in pieces (see feed()).
    if (line.size() > MaxLineLength) {
        m_error = QStringLiteral("reply line longer than %1 bytes").arg(MaxLineLength);
        return;
    }
    auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
    if (line.size() < 3 || !isDigit(line[0]) || !isDigit(line[1]) || !isDigit(line[2]) || line[0] < '2' || line[0] > '5'
        || (line.size() > 3 && line[3] != ' ' && line[3] != '-')) {
        m_error = QStringLiteral("not an SMTP reply: \"%1\"").arg(QString::fromUtf8(line.left(80)));
        return;
    }
    const int code = line.left(3).toInt();
    const bool last = line.size() == 3 || line[3] == ' ';
    if (!m_pending.lines.isEmpty() && m_pending.code != code) {
        m_error = QStringLiteral("multi-line reply changed its code from %1 to %2").arg(m_pending.code).arg(code);
        return;
    }
    m_pending.code = code;
    QByteArray text = line.size() > 4 ? line.mid(4) : QByteArray();
    const QString enhanced = splitEnhancedCode(code, &text);
    if (m_pending.enhancedCode.isEmpty())
        m_pending.enhancedCode = enhanced;
    m_pendingBytes += text.size();
    m_pending.lines.append(text);
    if (last) {
        m_replies.append(std::exchange(m_pending, {}));
        m_pendingBytes = 0;
        return;
    }
    if (m_pending.lines.size() > MaxReplyLines || m_pendingBytes > MaxReplyBytes)
        m_error = QStringLiteral("multi-line reply longer than %1 lines or %2 bytes").arg(MaxReplyLines).arg(MaxReplyBytes);
}

} // namespace kurier::smtp
