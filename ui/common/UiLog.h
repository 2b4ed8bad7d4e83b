#pragma once

#include <QLoggingCategory>

// Everything ui/ and app/ log (the window's hand-over between starts, mailto: arguments, what
// the user was shown): QT_LOGGING_RULES="kurier.ui.debug=true". Mail work logs in its core
// folder's category (kurier.activity, kurier.pop3, kurier.smtp, …).
Q_DECLARE_LOGGING_CATEGORY(lcUi)
