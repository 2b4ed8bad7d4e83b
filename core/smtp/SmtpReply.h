#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace kurier::smtp {

// One server reply (RFC 5321 §4.2): a three-digit code and one or more text lines; with
// ENHANCEDSTATUSCODES (RFC 2034) each line may start with an RFC 3463 code "class.subject.detail".
struct SmtpReply {
    int code = 0;
    QString enhancedCode;   // "5.7.139"; empty when the server sent none
    QList<QByteArray> lines; // text after "250-"/"250 ", enhanced code stripped from each

    // RFC 5321 §4.2.1: the first digit says how it went.
    [[nodiscard]] bool isPositiveCompletion() const { return code >= 200 && code < 300; }
    [[nodiscard]] bool isIntermediate() const { return code >= 300 && code < 400; }
    [[nodiscard]] bool isTransientFailure() const { return code >= 400 && code < 500; }
    [[nodiscard]] bool isPermanentFailure() const { return code >= 500 && code < 600; }
    [[nodiscard]] bool isFailure() const { return code >= 400; }

    // All text lines joined with a space; what logs and diagnostics show.
    [[nodiscard]] QString text() const;
    // "535 5.7.139 Authentication unsuccessful …", for Diagnostic::serverText.
    [[nodiscard]] QString toDisplayString() const;

    friend bool operator==(const SmtpReply &, const SmtpReply &) = default;
};

} // namespace kurier::smtp
