#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace kurier::smtp {

// One message for SmtpSession::send(): the envelope (RFC 5321 §2.3.1) and the RFC 5322 text.
// The envelope is separate from the headers: Bcc recipients are only here.
struct OutgoingMessage {
    QString id;            // the caller's key (Outbox entry); echoed in SendResult
    QString reversePath;   // MAIL FROM address, usually the account's address
    QStringList recipients; // RCPT TO addresses (To, Cc and Bcc)
    QByteArray data;       // the message; line ends are normalised to CRLF on the wire
};

} // namespace kurier::smtp
