#include "discovery/LocalAutoconfig.h"

#include "discovery/AutoconfigParser.h"

#include <QFile>
#include <QStandardPaths>
#include <QUrl>

namespace kurier::discovery {

QStringList LocalAutoconfig::directories()
{
    QStringList dirs;
    for (const QString &base : QStandardPaths::standardLocations(QStandardPaths::GenericConfigLocation))
        dirs << base + QStringLiteral("/kurier/autoconfig");
    return dirs;
}

QString LocalAutoconfig::fileNameFor(const QString &domain)
{
    const QString ace = QString::fromLatin1(QUrl::toAce(domain.trimmed().toLower()));
    if (ace.isEmpty() || ace.size() > 253 || ace.startsWith(u'.') || ace.endsWith(u'.') || ace.contains(QLatin1String("..")))
        return {};
    for (const QChar c : ace) {
        if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-' || c == u'.'))
            return {};
    }
    return ace + QStringLiteral(".xml");
}

LocalAutoconfig::Result LocalAutoconfig::find(const QString &domain)
{
    Result result;
    const QString name = fileNameFor(domain);
    if (name.isEmpty())
        return result;
    for (const QString &dir : directories()) {
        QFile file(dir + u'/' + name);
        if (!file.exists())
            continue;
        if (!file.open(QIODevice::ReadOnly)) {
            result.error = tr("%1 cannot be read: %2").arg(file.fileName(), file.errorString());
            return result; // a broken file of the user's must not let an organisation's one win silently
        }
        // One byte more than the parser takes, so that it can say the file is too large.
        const AutoconfigParser::Result parsed = AutoconfigParser::parse(file.read(AutoconfigParser::maxBytes + 1));
        if (!parsed.ok()) {
            result.error = tr("%1 is not a usable mail configuration: %2").arg(file.fileName(), parsed.error);
            return result;
        }
        DiscoveredConfig found;
        found.config = *parsed.config;
        found.source = DiscoveredConfig::Source::LocalFile;
        found.origin = file.fileName();
        result.found = std::move(found);
        return result;
    }
    return result;
}

} // namespace kurier::discovery
