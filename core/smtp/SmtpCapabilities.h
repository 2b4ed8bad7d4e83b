#pragma once

#include "smtp/SmtpReply.h"

#include <QByteArray>
#include <QList>

namespace kurier::smtp {

// What the server announced in its EHLO reply (RFC 5321 §4.1.1.1). Thrown away and read
// again after STARTTLS (RFC 3207 §4.2).
class SmtpCapabilities
{
public:
    enum Flag {
        StartTls = 1 << 0,            // RFC 3207
        Pipelining = 1 << 1,          // RFC 2920
        EightBitMime = 1 << 2,        // RFC 6152
        SmtpUtf8 = 1 << 3,            // RFC 6531
        EnhancedStatusCodes = 1 << 4, // RFC 2034
        Size = 1 << 5,                // RFC 1870
        Chunking = 1 << 6,            // RFC 3030
        Auth = 1 << 7,                // RFC 4954
    };

    SmtpCapabilities() = default;
    [[nodiscard]] static SmtpCapabilities fromEhloReply(const SmtpReply &reply);

    [[nodiscard]] bool has(Flag flag) const { return (m_flags & flag) != 0; }
    // RFC 1870 §4: SIZE with no number or 0 means "no fixed limit".
    [[nodiscard]] qint64 sizeLimit() const { return m_sizeLimit; }
    [[nodiscard]] const QList<QByteArray> &authMechanisms() const { return m_authMechanisms; }
    [[nodiscard]] const QByteArray &serverName() const { return m_serverName; }
    [[nodiscard]] bool isEmpty() const { return m_flags == 0 && m_serverName.isEmpty(); }

private:
    int m_flags = 0;
    qint64 m_sizeLimit = 0;
    QList<QByteArray> m_authMechanisms;
    QByteArray m_serverName;
};

} // namespace kurier::smtp
