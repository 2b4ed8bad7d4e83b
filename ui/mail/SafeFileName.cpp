#include "mail/SafeFileName.h"

namespace kurier::ui {

namespace {
constexpr qsizetype kMaxBytes = 200;

bool isInvisible(QChar c)
{
    const auto cat = c.category();
    return cat == QChar::Other_Control || cat == QChar::Other_Format || cat == QChar::Separator_Line
        || cat == QChar::Separator_Paragraph;
}
} // namespace

QString visibleText(const QString &text)
{
    QString out = text;
    for (QChar &c : out) {
        if (isInvisible(c))
            c = QChar::ReplacementCharacter;
    }
    return out;
}

QString safeFileName(const QString &name)
{
    QString s = name;
    // Only the last path component, whichever separator the sender used.
    const qsizetype cut = std::max(s.lastIndexOf(u'/'), s.lastIndexOf(u'\\'));
    if (cut >= 0)
        s = s.mid(cut + 1);
    QString out;
    out.reserve(s.size());
    for (const QChar c : std::as_const(s)) {
        if (isInvisible(c) || c == u':' || c == u'*' || c == u'?' || c == u'"' || c == u'<'
            || c == u'>' || c == u'|')
            out += u'_';
        else
            out += c;
    }
    out = out.trimmed();
    while (out.startsWith(u'.') || out.startsWith(u' '))
        out.remove(0, 1);
    // Linux allows 255 bytes (not characters) per name: at most 200 bytes of UTF-8, cut at whole
    // characters (a surrogate pair stays together), keeping a short extension.
    if (out.toUtf8().size() > kMaxBytes) {
        const qsizetype dot = out.lastIndexOf(u'.');
        const QString ext = dot > 0 && out.size() - dot <= 16 ? out.mid(dot) : QString();
        const qsizetype budget = kMaxBytes - ext.toUtf8().size();
        qsizetype bytes = 0;
        qsizetype keep = 0;
        for (qsizetype i = 0; i < out.size() - ext.size();) {
            const char16_t u = out.at(i).unicode();
            const bool pair = QChar::isHighSurrogate(u) && i + 1 < out.size() && out.at(i + 1).isLowSurrogate();
            const int n = pair ? 4 : u < 0x80 ? 1 : u < 0x800 ? 2 : 3;
            if (bytes + n > budget)
                break;
            bytes += n;
            i += pair ? 2 : 1;
            keep = i;
        }
        out = out.left(keep).trimmed() + ext;
    }
    if (out.isEmpty())
        out = QStringLiteral("attachment");
    return out;
}

} // namespace kurier::ui
