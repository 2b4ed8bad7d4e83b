#pragma once

#include "mime/Draft.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace kurier::mime {

// Builds RFC 5322 / MIME messages with GMime: From with the sender name, To and Cc (Bcc only in
// the envelope), Subject and names RFC 2047 encoded, Date, Message-ID, MIME-Version,
// In-Reply-To/References; text/plain UTF-8 in quoted-printable or base64 as the text needs;
// an optional HTML alternative with inline parts; attachments in base64 with RFC 2231 file
// names. Lines end in CRLF; header lines are folded.
class MessageBuilder
{
public:
    struct Result {
        QByteArray data;       // the message, CRLF line ends
        QString messageId;     // without <>
        QString reversePath;   // envelope sender
        QStringList recipients; // envelope recipients: To, Cc and Bcc, each once
        QString error;         // empty on success
        [[nodiscard]] bool ok() const { return error.isEmpty(); }
    };

    [[nodiscard]] static Result build(const Draft &draft);
    // A Message-ID (without <>) for the sender's domain.
    [[nodiscard]] static QString newMessageId(const QString &fromAddress);
    // MIME type of an attachment (QMimeDatabase: name and content).
    [[nodiscard]] static QString detectMimeType(const QString &fileName, const QByteArray &data);
};

} // namespace kurier::mime
