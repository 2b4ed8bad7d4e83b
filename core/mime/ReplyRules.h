#pragma once

#include "mime/Draft.h"
#include "mime/ParsedMessage.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace kurier::mime {

// What Antworten, Allen antworten and Weiterleiten make of a message, without a window: the
// recipients, the subject, the quote with the sender's signature cut (RFC 3676 §4.3), the
// forwarded header block, the thread headers (RFC 5322 §3.6.4), and where the account's
// signature goes and how it is swapped when the sender changes. The composer shows the result.
class ReplyRules
{
    Q_DECLARE_TR_FUNCTIONS(ReplyRules)
public:
    enum class Mode { Reply, ReplyAll, Forward };

    // "Re: x" ("Fwd: x"), not "Re: Re: x": a prefix already there (any case) is kept.
    [[nodiscard]] static QString replySubject(const QString &subject);
    [[nodiscard]] static QString forwardSubject(const QString &subject);
    // Reply-To when the message has one, else From (RFC 5322 §3.6.2).
    [[nodiscard]] static QList<MailAddress> replyRecipients(const ParsedMessage &original);
    // Allen antworten: To and Cc of the original without the account's own address and without
    // those the reply goes to already, each once.
    [[nodiscard]] static QList<MailAddress> replyAllCc(const ParsedMessage &original, const QString &ownAddress);
    // The original's text quoted: "> " before each line (">" before one quoted already), its
    // signature (from the last "-- " line) cut, trailing empty lines dropped. `text` is the
    // plain text to quote (the caller turns an HTML-only message into text).
    [[nodiscard]] static QString quote(const QString &text);
    // "\n\n<sender> wrote:\n<quote>": what goes below a reply.
    [[nodiscard]] static QString replyBlock(const ParsedMessage &original, const QString &plainText);
    // "\n\n-------- Forwarded Message --------\nFrom: …\nSubject: …\nDate: …\n\n<text>".
    [[nodiscard]] static QString forwardBlock(const ParsedMessage &original);
    // In-Reply-To and References of an answer: the original's references and its Message-ID.
    [[nodiscard]] static QStringList references(const ParsedMessage &original);

    // The block the account's signature makes at the end of its own text: "\n\n-- \n<signature>"
    // (line ends normalised), empty for an empty signature.
    [[nodiscard]] static QString signatureBlock(QString signature);
    // Another sender was chosen: the range of `text` that is the old signature block (empty
    // range at the end of one's own text when there was none), to be replaced by the new one.
    // One's own text ends where `quotedPart` (a quote or forwarded text below) begins; nullopt
    // when the user changed the old signature (it is their text now).
    struct Range {
        qsizetype at = 0;
        qsizetype length = 0;
    };
    [[nodiscard]] static std::optional<Range> signatureRange(const QString &text, const QString &quotedPart,
                                                             const QString &oldBlock);

    // An answer or a forward of `original` from the account with address `ownAddress`: the
    // draft's recipients, subject, thread headers and (forward) attachments; `below` gets what
    // goes under one's own text (the reply's quote, the forwarded text).
    [[nodiscard]] static Draft answer(Mode mode, const ParsedMessage &original, const QString &ownAddress,
                                      const QString &plainText, QString *below);

    // "Name <address>" for an address field; a name with a comma or another special (RFC 5322
    // §3.2.3) goes in quotes, or "Desk, Front" would read as two addresses.
    [[nodiscard]] static QString addressList(const QList<MailAddress> &list);
};

} // namespace kurier::mime
