#include "mime/HeaderText.h"

#include <QByteArray>
#include <QRegularExpression>
#include <QStringDecoder>

#include <algorithm>

namespace kurier::mime::HeaderText {

namespace {

QByteArray decodeQ(const QString &text)
{
    QByteArray out;
    const QByteArray in = text.toLatin1();
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '_') {
            out += ' ';
        } else if (c == '=' && i + 2 < in.size()) {
            bool ok = false;
            const int v = in.mid(i + 1, 2).toInt(&ok, 16);
            if (ok) {
                out += char(v);
                i += 2;
            } else {
                out += c;
            }
        } else {
            out += c;
        }
    }
    return out;
}

QString cleanControls(const QString &s)
{
    // Most values have no control characters: no copy then.
    const auto isControl = [](QChar c) { return c.unicode() < 0x20 || (c.unicode() >= 0x7f && c.unicode() <= 0x9f); };
    if (std::none_of(s.cbegin(), s.cend(), isControl))
        return s;
    QString out = s;
    for (QChar &c : out) {
        if (isControl(c))
            c = u' ';
    }
    return out;
}

} // namespace

QString decode(const QString &value)
{
    if (!value.contains(QLatin1String("=?")))
        return cleanControls(value);
    static const QRegularExpression word(QStringLiteral(R"(=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=)"));
    QString out;
    qsizetype pos = 0;
    bool lastWasEncoded = false;
    auto it = word.globalMatch(value);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString between = value.mid(pos, m.capturedStart() - pos);
        // Whitespace between two encoded words is not part of the text (RFC 2047 §6.2).
        if (!(lastWasEncoded && between.trimmed().isEmpty()))
            out += between;
        QString charset = m.captured(1);
        const qsizetype star = charset.indexOf(u'*'); // RFC 2231 language suffix
        if (star >= 0)
            charset.truncate(star);
        const QByteArray bytes = m.captured(2).compare(QLatin1String("B"), Qt::CaseInsensitive) == 0
            ? QByteArray::fromBase64(m.captured(3).toLatin1())
            : decodeQ(m.captured(3));
        QStringDecoder decoder(charset.toLatin1().constData());
        if (decoder.isValid()) {
            out += decoder.decode(bytes);
            lastWasEncoded = true;
        } else {
            out += m.captured(0);
            lastWasEncoded = false;
        }
        pos = m.capturedEnd();
    }
    out += value.mid(pos);
    return cleanControls(out);
}

QString displayName(const QString &decodedFrom)
{
    const qsizetype lt = decodedFrom.lastIndexOf(u'<');
    if (lt > 0) {
        QString name = decodedFrom.left(lt).trimmed();
        if (name.size() >= 2 && name.startsWith(u'"') && name.endsWith(u'"'))
            name = name.mid(1, name.size() - 2);
        if (!name.isEmpty())
            return name;
    }
    QString s = decodedFrom.trimmed();
    if (s.startsWith(u'<') && s.endsWith(u'>'))
        s = s.mid(1, s.size() - 2);
    return s;
}

QString displayNames(const QString &list)
{
    // Split at commas outside quotes and angle brackets (RFC 5322 §3.4 address-list).
    QStringList names;
    QString current;
    bool quoted = false;
    int angle = 0;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QChar c = list[i];
        if (c == u'\\' && quoted && i + 1 < list.size()) {
            current += c;
            current += list[++i];
            continue;
        }
        if (c == u'"')
            quoted = !quoted;
        else if (!quoted && c == u'<')
            ++angle;
        else if (!quoted && c == u'>' && angle > 0)
            --angle;
        if (c == u',' && !quoted && angle == 0) {
            if (!current.trimmed().isEmpty())
                names << displayName(current.trimmed());
            current.clear();
            continue;
        }
        current += c;
    }
    if (!current.trimmed().isEmpty())
        names << displayName(current.trimmed());
    return names.join(QStringLiteral(", "));
}

} // namespace kurier::mime::HeaderText
