#pragma once

#include "mime/MailAddress.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace kurier::mime {

// Helpers for messages that arrive ready-made (kurierctl send --raw, like sendmail -t).
class RawMessage
{
public:
    // "Anna Müller <anna@example.org>, bob@example.org" → addresses (RFC 5322 §3.4, via GMime;
    // groups are flattened). Unparsable input gives an empty list.
    [[nodiscard]] static QList<MailAddress> parseAddressList(const QString &text);

    struct Envelope {
        QString from;           // From's first address
        QList<MailAddress> to;  // To, Cc and Bcc
    };
    // The envelope the headers describe (From; To, Cc and Bcc).
    [[nodiscard]] static Envelope envelopeFromHeaders(const QByteArray &message);

    // The message with every `name:` header (and its continuation lines) removed; the body and
    // all other bytes unchanged. Used to drop Bcc before sending.
    [[nodiscard]] static QByteArray withoutHeader(const QByteArray &message, const QByteArray &name);
};

} // namespace kurier::mime
