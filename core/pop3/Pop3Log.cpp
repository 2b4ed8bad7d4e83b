#include "pop3/Pop3Log.h"

// Debug and info only when asked (QT_LOGGING_RULES="kurier.*.debug=true"): kurierctl's stderr
// carries the diagnostics already.
Q_LOGGING_CATEGORY(lcPop3, "kurier.pop3", QtWarningMsg)
