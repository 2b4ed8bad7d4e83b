#include "secrets/SecretsLog.h"

Q_LOGGING_CATEGORY(lcSecrets, "kurier.secrets", QtInfoMsg)
