#pragma once

#include <QString>

class QCoreApplication;

namespace kurier::i18n {

// Loads Kurier's translation (embedded as :/i18n/kurier_<lang>.qm) and Qt's own for `language`
// ("de", "en"), or for the system locale when `language` is empty. Returns the language used.
QString installTranslators(QCoreApplication &app, const QString &language = {});

} // namespace kurier::i18n
