#include "check/CheckLog.h"

Q_LOGGING_CATEGORY(lcCheck, "kurier.check", QtInfoMsg)
