#include "smtp/SmtpReply.h"

namespace kurier::smtp {

QString SmtpReply::text() const
{
    QByteArray joined;
    for (const QByteArray &line : lines) {
        if (!joined.isEmpty())
            joined += ' ';
        joined += line;
    }
    return QString::fromUtf8(joined);
}

QString SmtpReply::toDisplayString() const
{
    QString s = QString::number(code);
    if (!enhancedCode.isEmpty())
        s += u' ' + enhancedCode;
    const QString t = text();
    if (!t.isEmpty())
        s += u' ' + t;
    return s;
}

} // namespace kurier::smtp
