#include "mime/ReplyRules.h"

#include <QLocale>

#include <algorithm>
#include <QRegularExpression>

namespace kurier::mime {

namespace {

QString withPrefix(const QString &subject, QLatin1String prefix)
{
    return subject.startsWith(prefix, Qt::CaseInsensitive) ? subject : prefix + u' ' + subject;
}

} // namespace

QString ReplyRules::replySubject(const QString &subject)
{
    return withPrefix(subject, QLatin1String("Re:"));
}

QString ReplyRules::forwardSubject(const QString &subject)
{
    return withPrefix(subject, QLatin1String("Fwd:"));
}

QList<MailAddress> ReplyRules::replyRecipients(const ParsedMessage &original)
{
    return original.replyTo.isEmpty() ? QList<MailAddress>{original.from} : original.replyTo;
}

QList<MailAddress> ReplyRules::replyAllCc(const ParsedMessage &original, const QString &ownAddress)
{
    const QList<MailAddress> replyTo = replyRecipients(original);
    QList<MailAddress> others;
    auto known = [&](const MailAddress &a) {
        auto same = [&a](const MailAddress &b) { return b.address.compare(a.address, Qt::CaseInsensitive) == 0; };
        return std::any_of(replyTo.cbegin(), replyTo.cend(), same) || std::any_of(others.cbegin(), others.cend(), same);
    };
    for (const MailAddress &a : original.to + original.cc) {
        if (a.address.compare(ownAddress, Qt::CaseInsensitive) != 0 && !a.address.isEmpty() && !known(a))
            others << a;
    }
    return others;
}

QString ReplyRules::quote(const QString &plainText)
{
    QString text = plainText;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    // The sender's signature is not part of what is answered (RFC 3676 §4.3: it starts at the
    // last "-- " line).
    if (text.startsWith(QLatin1String("-- \n")))
        text.clear();
    else if (const qsizetype signature = text.lastIndexOf(QLatin1String("\n-- \n")); signature >= 0)
        text.truncate(signature);
    while (text.endsWith(u'\n') || text.endsWith(u'\r'))
        text.chop(1);
    QStringList lines = text.split(u'\n');
    for (QString &l : lines)
        l = (l.startsWith(u'>') ? QStringLiteral(">") : QStringLiteral("> ")) + l;
    return lines.join(u'\n');
}

QString ReplyRules::replyBlock(const ParsedMessage &original, const QString &plainText)
{
    return QStringLiteral("\n\n") + tr("%1 wrote:").arg(original.from.toDisplayString()) + u'\n' + quote(plainText);
}

QString ReplyRules::forwardBlock(const ParsedMessage &original)
{
    return QStringLiteral("\n\n") + tr("-------- Forwarded Message --------") + u'\n'
        + tr("From: %1").arg(original.from.toDisplayString()) + u'\n' + tr("Subject: %1").arg(original.subject) + u'\n'
        + tr("Date: %1").arg(QLocale().toString(original.date.toLocalTime(), QLocale::LongFormat)) + QStringLiteral("\n\n")
        + original.text;
}

QStringList ReplyRules::references(const ParsedMessage &original)
{
    QStringList refs = original.references;
    if (!original.messageId.isEmpty() && !refs.contains(original.messageId))
        refs << original.messageId;
    return refs;
}

QString ReplyRules::signatureBlock(QString signature)
{
    signature.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    signature.remove(u'\r');
    if (signature.trimmed().isEmpty())
        return {};
    // RFC 3676 §4.3: "-- " on a line of its own starts the signature.
    return QStringLiteral("\n\n-- \n") + signature;
}

std::optional<ReplyRules::Range> ReplyRules::signatureRange(const QString &text, const QString &quotedPart, const QString &oldBlock)
{
    // Ours is above a quote or forwarded text (which may hold the same signature: a forward of
    // one's own message): only the part before it is searched.
    const qsizetype ownEnd = !quotedPart.isEmpty() && text.endsWith(quotedPart) ? text.size() - quotedPart.size() : text.size();
    if (oldBlock.isEmpty())
        return Range{ownEnd, 0};
    // Whole, up to the end of its line: "Tel. 1 (mobil)" is a changed signature.
    const qsizetype at = text.left(ownEnd).lastIndexOf(oldBlock);
    if (at < 0 || (at + oldBlock.size() < text.size() && text.at(at + oldBlock.size()) != u'\n'))
        return std::nullopt;
    return Range{at, oldBlock.size()};
}

Draft ReplyRules::answer(Mode mode, const ParsedMessage &original, const QString &ownAddress, const QString &plainText,
                         QString *below)
{
    Draft d;
    if (mode == Mode::Forward) {
        d.subject = forwardSubject(original.subject);
        for (const ParsedPart &p : original.attachments)
            d.attachments.append({p.fileName, p.data, p.mimeType, {}});
        if (below)
            *below = forwardBlock(original);
        return d;
    }
    d.to = replyRecipients(original);
    if (mode == Mode::ReplyAll)
        d.cc = replyAllCc(original, ownAddress);
    d.subject = replySubject(original.subject);
    d.inReplyTo = original.messageId;
    d.references = references(original);
    if (below)
        *below = replyBlock(original, plainText);
    return d;
}

QString ReplyRules::addressList(const QList<MailAddress> &list)
{
    static const QRegularExpression special(QStringLiteral("[()<>\\[\\]:;@\\\\,.\"]"));
    QStringList parts;
    for (const MailAddress &a : list) {
        if (a.name.isEmpty() || !a.name.contains(special)) {
            parts << a.toDisplayString();
            continue;
        }
        QString quoted = a.name;
        quoted.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
        parts << QStringLiteral("\"%1\" <%2>").arg(quoted, a.address);
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace kurier::mime
