#pragma once

#include "mime/MailAddress.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace kurier::mime {

// A file attached to a draft. Inline parts (images an HTML body shows) have a Content-ID.
struct DraftAttachment {
    QString fileName;   // any Unicode; sent as RFC 2231 parameter when not ASCII
    QByteArray data;
    QString mimeType;   // empty: detected from name and content (QMimeDatabase)
    QString contentId;  // without <>; non-empty makes the part inline (multipart/related)
};

// What the composer hands over: everything a message to send consists of.
struct Draft {
    MailAddress from; // name = the account's sender name, address = its e-mail address
    QList<MailAddress> to;
    QList<MailAddress> cc;
    QList<MailAddress> bcc; // envelope only, never in the headers sent (RFC 5322 §3.6.3)
    QString subject;
    QString text;           // text/plain body
    QString html;           // optional text/html alternative
    QList<DraftAttachment> attachments;
    QString inReplyTo;      // Message-ID of the message replied to, without <>
    QStringList references; // Message-IDs, oldest first, without <>
    QDateTime date;         // invalid: now
    // Only for a draft kept locally (Entwürfe): Bcc is written as a header so that the draft
    // can be continued with it. Never set for a message to send.
    bool keepBccHeader = false;
};

} // namespace kurier::mime
