#pragma once

#include "mime/Draft.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace kurier::mime {

// A mailto: URL (RFC 6068) as the composer can use it: recipients, subject and body, nothing
// else. Pure: no QUrl (it normalises and re-encodes), no I/O.
//
// - Addresses come from the path and from to=, cc=, bcc= (each a comma-separated list; repeated
//   fields add up, §2); every part is percent-decoded as UTF-8 (§2, §5).
// - subject= and body= are taken once (the first); "+" stays a plus (§5: not form encoding).
// - Every other header field is ignored and listed in ignoredFields(): a link must not set
//   From, Reply-To, In-Reply-To, attachments ("attach=/etc/passwd") or any header of its
//   choosing (§6 "Security Considerations"). Control characters are removed from addresses
//   and the subject (no header injection through %0D%0A); the body keeps its line breaks.
class MailtoUrl
{
public:
    // nullopt when `url` is not a mailto: URL.
    [[nodiscard]] static std::optional<MailtoUrl> parse(const QString &url);
    [[nodiscard]] static bool isMailto(const QString &text);

    [[nodiscard]] const QStringList &to() const { return m_to; }
    [[nodiscard]] const QStringList &cc() const { return m_cc; }
    [[nodiscard]] const QStringList &bcc() const { return m_bcc; }
    [[nodiscard]] const QString &subject() const { return m_subject; }
    [[nodiscard]] const QString &body() const { return m_body; }
    // As a draft for the composer (each address as the link spelled it).
    [[nodiscard]] Draft toDraft() const;
    // Header field names in the URL that were not used (lower case), for logs and tests.
    [[nodiscard]] const QStringList &ignoredFields() const { return m_ignored; }

    // Longest URL accepted; longer ones are cut there (a link is not a way to paste megabytes).
    static constexpr qsizetype maxLength = 64 * 1024;

private:
    QStringList m_to;
    QStringList m_cc;
    QStringList m_bcc;
    QString m_subject;
    QString m_body;
    QStringList m_ignored;
};

} // namespace kurier::mime
