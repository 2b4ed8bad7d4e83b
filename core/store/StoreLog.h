#pragma once

#include <QLoggingCategory>

// The mailbox layer: a message operation that failed for one message (the caller shows the
// outcome; the log keeps which file and why).
Q_DECLARE_LOGGING_CATEGORY(lcStore)
