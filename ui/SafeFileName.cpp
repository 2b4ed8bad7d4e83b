#include "SafeFileName.h"

namespace kurier::ui {

namespace {
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
    if (out.size() > 200) {
        const qsizetype dot = out.lastIndexOf(u'.');
        const QString ext = dot > 0 && out.size() - dot <= 16 ? out.mid(dot) : QString();
        out = out.left(200 - ext.size()) + ext;
    }
    if (out.isEmpty())
        out = QStringLiteral("attachment");
    return out;
}

} // namespace kurier::ui
