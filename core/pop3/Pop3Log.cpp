#include "pop3/Pop3Log.h"

Q_LOGGING_CATEGORY(lcPop3, "kurier.pop3")
