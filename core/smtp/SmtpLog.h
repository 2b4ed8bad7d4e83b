#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSmtp)
// The protocol transcript (AUTH payloads, tokens and passwords redacted; message data omitted).
// On with QT_LOGGING_RULES="kurier.smtp.transcript.debug=true" or KURIER_SMTP_TRANSCRIPT=1.
Q_DECLARE_LOGGING_CATEGORY(lcSmtpTranscript)
