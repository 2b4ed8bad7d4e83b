#pragma once

#include <QJsonValue>
#include <optional>

namespace kurier::oauth {

// A whole number of seconds from JSON that a server controls: a number or a numeric string,
// finite and within ±2^53 (what a double holds exactly). Anything else is nullopt — casting an
// out-of-range double to an integer is undefined behaviour (found by fuzzing).
[[nodiscard]] std::optional<qint64> jsonSeconds(const QJsonValue &value);

} // namespace kurier::oauth
