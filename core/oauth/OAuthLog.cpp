#include "oauth/OAuthLog.h"

Q_LOGGING_CATEGORY(lcOAuth, "kurier.oauth", QtInfoMsg)
