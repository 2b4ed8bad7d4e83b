#include "oauth/JsonNumbers.h"

#include <QString>
#include <cmath>

namespace kurier::oauth {

std::optional<qint64> jsonSeconds(const QJsonValue &value)
{
    constexpr double kLimit = 9007199254740992.0; // 2^53
    double d = 0;
    if (value.isDouble()) {
        d = value.toDouble();
    } else if (value.isString()) {
        bool ok = false;
        d = value.toString().trimmed().toDouble(&ok);
        if (!ok)
            return std::nullopt;
    } else {
        return std::nullopt;
    }
    if (!std::isfinite(d) || d > kLimit || d < -kLimit)
        return std::nullopt;
    return qint64(d);
}

} // namespace kurier::oauth
