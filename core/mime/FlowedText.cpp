#include "mime/FlowedText.h"

#include <QStringList>

namespace kurier::mime {

namespace {

struct FlowedLine {
    int depth = 0;     // number of quote marks (§4.5)
    QString content;   // after the quote marks and the stuffed space
    bool soft = false; // ends in a space: continues on the next line
    bool signatureSeparator = false;
};

FlowedLine interpret(const QString &raw, bool delSp)
{
    FlowedLine line;
    qsizetype pos = 0;
    while (pos < raw.size() && raw.at(pos) == u'>')
        ++pos;
    line.depth = int(pos);
    // §4.4: a space after the quote marks (or at the start) is stuffing, not text.
    if (pos < raw.size() && raw.at(pos) == u' ')
        ++pos;
    line.content = raw.mid(pos);
    // §4.3: the signature separator "-- " ends in a space but is never flowed.
    if (line.content == u"-- ") {
        line.signatureSeparator = true;
        return line;
    }
    if (line.content.endsWith(u' ')) {
        line.soft = true;
        if (delSp)
            line.content.chop(1);
    }
    return line;
}

// Quoted lines are shown the conventional way, "> " per level; an empty quoted line as ">".
QString quoted(int depth, const QString &paragraph)
{
    if (depth == 0)
        return paragraph;
    return QString(depth, u'>') + (paragraph.isEmpty() ? QString() : u' ' + paragraph);
}

} // namespace

QString FlowedText::unflow(const QString &text, bool delSp)
{
    // The final line end is not a line of its own: "text \n" keeps its "\n" and does not flow
    // into an empty line.
    const bool endsWithNewline = text.endsWith(u'\n');
    const QStringList raw = (endsWithNewline ? text.chopped(1) : text).split(u'\n');
    QStringList out;
    QString paragraph;
    int depth = 0;
    bool open = false; // the previous line was soft and its paragraph goes on
    for (const QString &r : raw) {
        const FlowedLine line = interpret(r, delSp);
        if (open && (line.depth != depth || line.signatureSeparator)) {
            // §4.5: a soft break before a change of quote depth is the sender's mistake; the
            // paragraph ends there instead of swallowing a line of another depth. Nor does it
            // swallow the signature separator, which always stands on its own line (§4.3).
            out << quoted(depth, paragraph);
            open = false;
        }
        if (!open) {
            paragraph.clear();
            depth = line.depth;
        }
        paragraph += line.content;
        open = line.soft;
        if (!open)
            out << quoted(depth, paragraph);
    }
    if (open)
        out << quoted(depth, paragraph);
    return out.join(u'\n') + (endsWithNewline ? QStringLiteral("\n") : QString());
}

} // namespace kurier::mime
