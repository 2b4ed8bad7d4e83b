#include "smtp/SmtpLog.h"

Q_LOGGING_CATEGORY(lcSmtp, "kurier.smtp", QtInfoMsg)
