#include "smtp/DotStuffing.h"

namespace kurier::smtp {

QByteArray dotStuff(const QByteArray &message)
{
    QByteArray out;
    out.reserve(message.size() + message.size() / 50 + 8);
    bool lineStart = true;
    const char *p = message.constData();
    const qsizetype n = message.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = p[i];
        if (c == '\r') {
            out += "\r\n";
            if (i + 1 < n && p[i + 1] == '\n')
                ++i;
            lineStart = true;
            continue;
        }
        if (c == '\n') {
            out += "\r\n";
            lineStart = true;
            continue;
        }
        if (lineStart && c == '.')
            out += '.';
        out += c;
        lineStart = false;
    }
    if (!lineStart)
        out += "\r\n";
    out += ".\r\n";
    return out;
}

} // namespace kurier::smtp
