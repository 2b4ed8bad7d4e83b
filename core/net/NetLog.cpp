#include "net/NetLog.h"

// Debug and info only when asked (QT_LOGGING_RULES="kurier.*.debug=true"): kurierctl's stderr
// carries the diagnostics already.
Q_LOGGING_CATEGORY(lcNet, "kurier.net", QtWarningMsg)
