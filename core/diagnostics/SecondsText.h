#pragma once

#include <QString>

namespace kurier::diagnostics {

// A timeout or duration in milliseconds as seconds for a message ("%1 s"), in the user's
// locale and exact: 20000 → "20", 500 → "0.5" (German "0,5"), never a misleading "0".
[[nodiscard]] QString secondsText(qint64 milliseconds);

} // namespace kurier::diagnostics
