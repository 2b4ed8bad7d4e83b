#pragma once

#include "store/HeaderIndex.h"

#include <QString>

namespace kurier::store {

// One message as a folder's list shows it: its header index entry with From, To and Subject
// decoded (RFC 2047), the display names, where its file is, whether it was seen and flagged. Built by
// Mailbox::summaries without opening the message files the index covers.
struct MessageSummary {
    HeaderIndex::Entry entry; // from/subject/to decoded
    QString fromName;         // display part of From
    QString toNames;          // display parts of To, comma separated
    QString relativePath;     // "new/…" or "cur/…:2,S"
    qint64 time = 0;          // date in ms since 1970 (sorting without QDateTime)
    bool unread = false;
    bool flagged = false;     // Maildir F: Als wichtig markiert
};

} // namespace kurier::store
