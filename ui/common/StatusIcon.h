#pragma once

#include "check/ConnectionStep.h"

#include <QPixmap>
#include <QString>

namespace kurier::ui {

// The round status marks of the step lists (the connection test, the search for an account's
// settings): a filled circle with ✔ ✘ ! … or – in white, drawn here so that they look the same
// with and without a desktop icon theme. The colour is never the only signal: the glyph and
// statusName() (tooltip, accessible name) say the same.
constexpr int kStatusIconSize = 20;

[[nodiscard]] QPixmap statusIcon(check::ConnectionStep::Status status, qreal devicePixelRatio);
[[nodiscard]] QString statusName(check::ConnectionStep::Status status);

} // namespace kurier::ui
