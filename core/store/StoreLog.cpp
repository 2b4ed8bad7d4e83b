#include "store/StoreLog.h"

Q_LOGGING_CATEGORY(lcStore, "kurier.store", QtInfoMsg)
