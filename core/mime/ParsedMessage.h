#pragma once

#include "mime/MailAddress.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace kurier::mime {

// One non-body part of a parsed message: an attachment or an inline part.
struct ParsedPart {
    QString fileName;  // decoded (RFC 2231 / RFC 2047)
    QString mimeType;  // "image/png", lower case
    QString contentId; // without <>
    bool isInline = false;
    QByteArray data;   // transfer encoding removed
};

// A message decoded for display: headers as text, bodies converted from their charsets to
// Unicode, attachments and inline parts with their bytes.
struct ParsedMessage {
    MailAddress from;
    QList<MailAddress> to;
    QList<MailAddress> cc;
    QList<MailAddress> bcc; // only drafts have it (Draft::keepBccHeader)
    QList<MailAddress> replyTo;
    QString subject;
    QDateTime date;
    QString messageId;      // without <>
    QString inReplyTo;      // without <>
    QStringList references; // without <>
    QString text;           // the text/plain body (first one outside attachments)
    QString html;           // the text/html body, if any
    QList<ParsedPart> attachments; // everything else, inline parts included
    QString error;          // empty when the message could be parsed

    [[nodiscard]] bool ok() const { return error.isEmpty(); }
    // The inline part with this Content-ID (for cid: URLs in the HTML), or nullptr.
    [[nodiscard]] const ParsedPart *partByContentId(const QString &contentId) const
    {
        for (const ParsedPart &p : attachments) {
            if (p.contentId == contentId)
                return &p;
        }
        return nullptr;
    }
};

} // namespace kurier::mime
