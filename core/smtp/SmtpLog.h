#pragma once

#include <QLoggingCategory>

// The transcript of a conversation goes to net::Transcript, never to the log.
Q_DECLARE_LOGGING_CATEGORY(lcSmtp)
