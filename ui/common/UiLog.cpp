#include "common/UiLog.h"

Q_LOGGING_CATEGORY(lcUi, "kurier.ui", QtInfoMsg)
