#pragma once

#include "diagnostics/Diagnostic.h"
#include "smtp/SmtpReply.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace kurier::smtp {

// What happened to one recipient (RFC 5321 §3.3: every RCPT gets its own reply).
struct RecipientResult {
    QString address;
    SmtpReply reply; // code 0: never asked (the transaction failed before)
    [[nodiscard]] bool accepted() const { return reply.isPositiveCompletion(); }
};

// The outcome of one SmtpSession::send().
struct SendResult {
    enum class Status {
        Sent,             // the server took responsibility (250 after the data); see rejected()
        TemporaryFailure, // 4xx or a connection problem before the data was complete: retry later
        PermanentFailure, // 5xx or refused locally (size, unsupported address): retrying won't help
        Unknown,          // the connection broke after the data was sent and before the reply:
                          // the message may have gone out; retry only on the user's word
    };

    QString id;
    Status status = Status::TemporaryFailure;
    QList<RecipientResult> recipients;
    SmtpReply reply; // the reply that decided (MAIL, DATA or end of data); code 0 if none
    diagnostics::Diagnostic diagnostic; // empty when Sent

    [[nodiscard]] bool isSent() const { return status == Status::Sent; }
    [[nodiscard]] QList<RecipientResult> rejected() const
    {
        QList<RecipientResult> r;
        for (const RecipientResult &rr : recipients) {
            if (!rr.accepted())
                r.append(rr);
        }
        return r;
    }
};

} // namespace kurier::smtp

Q_DECLARE_METATYPE(kurier::smtp::SendResult)
