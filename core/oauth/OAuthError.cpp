#include "oauth/OAuthError.h"

#include <QRegularExpression>

namespace kurier::oauth {

qint64 OAuthError::aadstsCode() const
{
    if (!errorCodes.isEmpty())
        return errorCodes.first();
    static const QRegularExpression re(QStringLiteral("AADSTS(\\d{4,9})"));
    const auto m = re.match(description);
    return m.hasMatch() ? m.captured(1).toLongLong() : 0;
}

} // namespace kurier::oauth
