#pragma once

#include <QString>

namespace kurier::mime {

// Reading text/plain; format=flowed (RFC 3676), which Thunderbird, Apple Mail and many phones
// send: their lines are cut at about 72 characters, and a line that ends in a space (a "soft"
// break) continues on the next one. Shown as sent, every paragraph would keep those cuts and a
// narrow window would break each line a second time. Unflowed, a paragraph is one line that the
// reader wraps to its own width, and quoted paragraphs keep their depth.
class FlowedText
{
public:
    // `text` has "\n" line ends. `delSp` is the DelSp=yes parameter (§4.2): the space before a
    // soft break was added by the sender and is removed when the lines are joined.
    [[nodiscard]] static QString unflow(const QString &text, bool delSp);
};

} // namespace kurier::mime
