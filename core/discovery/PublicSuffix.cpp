#include "discovery/PublicSuffix.h"

#include <QFile>
#include <QStringList>
#include <QUrl>

namespace kurier::discovery {

namespace {

QStringList labelsOf(const QString &host)
{
    QString h = QUrl::fromAce(QUrl::toAce(host.trimmed().toLower())); // Unicode, as the list
    if (h.isEmpty())
        h = host.trimmed().toLower();
    if (h.endsWith(u'.'))
        h.chop(1);
    return h.split(u'.', Qt::KeepEmptyParts);
}

} // namespace

const PublicSuffix &PublicSuffix::system()
{
    static const PublicSuffix list = [] {
        QFile f(systemListPath());
        return f.open(QIODevice::ReadOnly) ? fromText(f.readAll()) : PublicSuffix();
    }();
    return list;
}

PublicSuffix PublicSuffix::fromText(const QByteArray &text)
{
    PublicSuffix list;
    for (const QByteArray &raw : text.split('\n')) {
        // Rules end at the first white space (the list's format).
        const QString line = QString::fromUtf8(raw.trimmed()).section(u' ', 0, 0).toLower();
        if (line.isEmpty() || line.startsWith(QLatin1String("//")))
            continue;
        if (line.startsWith(u'!'))
            list.m_exceptions.insert(line.mid(1));
        else
            list.m_rules.insert(line);
    }
    return list;
}

QString PublicSuffix::suffix(const QString &host) const
{
    const QStringList labels = labelsOf(host);
    if (labels.isEmpty() || labels.contains(QString()))
        return {};
    // From the longest candidate down: an exception rule, a plain or a wildcard rule.
    for (qsizetype i = 0; i < labels.size(); ++i) {
        QString candidate = labels.mid(i).join(u'.'); // not const: returned by move
        if (m_exceptions.contains(candidate))
            return labels.mid(i + 1).join(u'.'); // the exception's own label is not part of it
        if (m_rules.contains(candidate))
            return candidate;
        if (i + 1 < labels.size() && m_rules.contains(QStringLiteral("*.") + labels.mid(i + 1).join(u'.')))
            return candidate;
    }
    return labels.last(); // the default rule "*"
}

QString PublicSuffix::baseDomain(const QString &host) const
{
    const QStringList labels = labelsOf(host);
    const QString sfx = suffix(host);
    if (sfx.isEmpty())
        return {};
    const qsizetype suffixLabels = sfx.count(u'.') + 1;
    if (labels.size() <= suffixLabels)
        return {};
    return labels.mid(labels.size() - suffixLabels - 1).join(u'.');
}

} // namespace kurier::discovery
