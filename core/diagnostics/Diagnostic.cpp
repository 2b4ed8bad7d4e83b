#include "diagnostics/Diagnostic.h"

#include <QCoreApplication>

namespace kurier::diagnostics {

QString Diagnostic::toText() const
{
    QStringList lines{summary};
    if (!serverText.isEmpty())
        lines << QCoreApplication::translate("Diagnostic", "Server: %1").arg(serverText);
    if (!cause.isEmpty())
        lines << QCoreApplication::translate("Diagnostic", "Cause: %1").arg(cause);
    if (!fix.isEmpty())
        lines << QCoreApplication::translate("Diagnostic", "What to do: %1").arg(fix);
    return lines.join(u'\n');
}

} // namespace kurier::diagnostics
