#include "smtp/SmtpCapabilities.h"

namespace kurier::smtp {

SmtpCapabilities SmtpCapabilities::fromEhloReply(const SmtpReply &reply)
{
    SmtpCapabilities caps;
    if (!reply.isPositiveCompletion() || reply.lines.isEmpty())
        return caps;
    // The first line is the greeting ("mail.example.com Hello"); each further line is an
    // ehlo-keyword with optional parameters.
    caps.m_serverName = reply.lines.first().split(' ').first();
    for (qsizetype i = 1; i < reply.lines.size(); ++i) {
        const QList<QByteArray> words = reply.lines[i].simplified().split(' ');
        if (words.isEmpty() || words.first().isEmpty())
            continue;
        QByteArray keyword = words.first().toUpper();
        QList<QByteArray> params = words.mid(1);
        // Old servers (and Exchange for Outlook Express) write "AUTH=LOGIN PLAIN".
        if (keyword.startsWith("AUTH=")) {
            params.prepend(keyword.mid(5));
            keyword = "AUTH";
        }
        if (keyword == "STARTTLS") {
            caps.m_flags |= StartTls;
        } else if (keyword == "PIPELINING") {
            caps.m_flags |= Pipelining;
        } else if (keyword == "8BITMIME") {
            caps.m_flags |= EightBitMime;
        } else if (keyword == "SMTPUTF8") {
            caps.m_flags |= SmtpUtf8;
        } else if (keyword == "ENHANCEDSTATUSCODES") {
            caps.m_flags |= EnhancedStatusCodes;
        } else if (keyword == "CHUNKING") {
            caps.m_flags |= Chunking;
        } else if (keyword == "SIZE") {
            caps.m_flags |= Size;
            if (!params.isEmpty())
                caps.m_sizeLimit = params.first().toLongLong();
        } else if (keyword == "AUTH") {
            caps.m_flags |= Auth;
            for (const QByteArray &m : params) {
                const QByteArray upper = m.toUpper();
                if (!upper.isEmpty() && !caps.m_authMechanisms.contains(upper))
                    caps.m_authMechanisms.append(upper);
            }
        }
    }
    return caps;
}

} // namespace kurier::smtp
