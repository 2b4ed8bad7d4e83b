#pragma once

#include <QLoggingCategory>

// The connection test's steps (kurier.check).
Q_DECLARE_LOGGING_CATEGORY(lcCheck)
