#include "mime/MailtoUrl.h"

#include <QByteArray>

#include <cctype>

namespace kurier::mime {

namespace {

// %XX sequences to bytes, then UTF-8 (RFC 6068 §5). A '%' not followed by two hex digits is
// kept as it is: browsers hand over such links, and guessing would be worse.
QString percentDecode(QStringView text)
{
    const QByteArray in = text.toUtf8();
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        if (in[i] == '%' && i + 2 < in.size() && std::isxdigit(uchar(in[i + 1])) && std::isxdigit(uchar(in[i + 2]))) {
            out += char(QByteArray::fromHex(in.mid(i + 1, 2)).at(0));
            i += 2;
        } else {
            out += in[i];
        }
    }
    return QString::fromUtf8(out);
}

// Control characters (CR, LF, TAB, NUL …) replaced by a space: what goes into a header field.
QString singleLine(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text)
        out += (c.category() == QChar::Other_Control || c == QChar::LineSeparator || c == QChar::ParagraphSeparator) ? u' ' : c;
    return out.simplified();
}

// A comma-separated address list (RFC 6068 §2: addr-spec *("," addr-spec)); split before
// decoding so that an encoded comma stays inside one address.
QStringList addresses(QStringView raw)
{
    QStringList list;
    for (QStringView part : raw.split(u',')) {
        const QString address = singleLine(percentDecode(part));
        if (!address.isEmpty())
            list << address;
    }
    return list;
}

QString bodyText(const QString &decoded)
{
    // %0D%0A is the line break of §5; lone CR or LF are accepted too. Other control characters
    // (except TAB) are dropped.
    QString text = decoded;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(u'\r', u'\n');
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\n' || c == u'\t' || c.category() != QChar::Other_Control)
            out += c;
    }
    return out;
}

} // namespace

bool MailtoUrl::isMailto(const QString &text)
{
    return text.startsWith(QStringLiteral("mailto:"), Qt::CaseInsensitive);
}

std::optional<MailtoUrl> MailtoUrl::parse(const QString &url)
{
    if (!isMailto(url))
        return std::nullopt;
    QStringView rest = QStringView(url).left(maxLength).mid(7);
    if (const qsizetype hash = rest.indexOf(u'#'); hash >= 0)
        rest = rest.left(hash); // a fragment is no part of the message
    MailtoUrl m;
    const qsizetype q = rest.indexOf(u'?');
    m.m_to = addresses(q < 0 ? rest : rest.left(q));
    if (q < 0)
        return m;
    bool haveSubject = false;
    bool haveBody = false;
    for (QStringView field : rest.mid(q + 1).split(u'&')) {
        if (field.isEmpty())
            continue;
        const qsizetype eq = field.indexOf(u'=');
        const QString name = singleLine(percentDecode(eq < 0 ? field : field.left(eq))).toLower();
        const QStringView value = eq < 0 ? QStringView() : field.mid(eq + 1);
        if (name == u"to") {
            m.m_to << addresses(value);
        } else if (name == u"cc") {
            m.m_cc << addresses(value);
        } else if (name == u"bcc") {
            m.m_bcc << addresses(value);
        } else if (name == u"subject" && !haveSubject) {
            m.m_subject = singleLine(percentDecode(value));
            haveSubject = true;
        } else if (name == u"body" && !haveBody) {
            m.m_body = bodyText(percentDecode(value));
            haveBody = true;
        } else if (!name.isEmpty()) {
            m.m_ignored << name;
        }
    }
    return m;
}

Draft MailtoUrl::toDraft() const
{
    auto addresses = [](const QStringList &list) {
        QList<MailAddress> out;
        for (const QString &a : list)
            out.append({QString(), a});
        return out;
    };
    Draft d;
    d.to = addresses(m_to);
    d.cc = addresses(m_cc);
    d.bcc = addresses(m_bcc);
    d.subject = m_subject;
    d.text = m_body;
    return d;
}

} // namespace kurier::mime
