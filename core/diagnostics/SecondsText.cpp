#include "SecondsText.h"

#include <QLocale>

namespace kurier::diagnostics {

QString secondsText(qint64 milliseconds)
{
    // Whole milliseconds have at most three decimals; 'f' with trailing zeros trimmed never
    // switches to exponent notation for long timeouts the way 'g' does.
    const QLocale locale;
    QString text = locale.toString(double(milliseconds) / 1000.0, 'f', 3);
    const QString point = locale.decimalPoint();
    if (text.contains(point)) {
        while (text.endsWith(u'0'))
            text.chop(1);
        if (text.endsWith(point))
            text.chop(point.size());
    }
    return text;
}

} // namespace kurier::diagnostics
