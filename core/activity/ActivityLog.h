#pragma once

#include <QLoggingCategory>

// Fetch and send runs per account, the queue and the schedule (never a secret).
Q_DECLARE_LOGGING_CATEGORY(lcActivity)
