#include "smtp/SmtpLog.h"

Q_LOGGING_CATEGORY(lcSmtp, "kurier.smtp", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSmtpTranscript, "kurier.smtp.transcript", QtWarningMsg)
