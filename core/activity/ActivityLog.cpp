#include "activity/ActivityLog.h"

Q_LOGGING_CATEGORY(lcActivity, "kurier.activity", QtInfoMsg)
