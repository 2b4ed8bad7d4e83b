#include "discovery/MailConfig.h"

namespace kurier::discovery {

QString ServerConfig::username(const QString &emailAddress) const
{
    const qsizetype at = emailAddress.lastIndexOf(u'@');
    const QString local = at < 0 ? emailAddress : emailAddress.left(at);
    const QString domain = at < 0 ? QString() : emailAddress.mid(at + 1);
    QString name = usernameTemplate;
    // Thunderbird's placeholders (case as the format writes them). The domain's IDN form stays
    // as typed: servers compare the user name as a string.
    name.replace(QLatin1String("%EMAILADDRESS%"), emailAddress);
    name.replace(QLatin1String("%EMAILLOCALPART%"), local);
    name.replace(QLatin1String("%EMAILDOMAIN%"), domain);
    return name;
}

std::optional<ServerConfig> MailConfig::firstIncoming(ServerConfig::Protocol protocol) const
{
    for (const ServerConfig &s : incoming) {
        if (s.protocol == protocol)
            return s;
    }
    return std::nullopt;
}

std::optional<ServerConfig> MailConfig::firstOutgoing() const
{
    return outgoing.isEmpty() ? std::nullopt : std::optional<ServerConfig>(outgoing.first());
}

bool MailConfig::sameServersAs(const MailConfig &other) const
{
    const auto same = [](const std::optional<ServerConfig> &a, const std::optional<ServerConfig> &b) {
        if (!a || !b)
            return a.has_value() == b.has_value();
        return a->hostname.compare(b->hostname, Qt::CaseInsensitive) == 0 && a->port == b->port && a->security == b->security;
    };
    return same(firstIncoming(ServerConfig::Protocol::Pop3), other.firstIncoming(ServerConfig::Protocol::Pop3))
        && same(firstOutgoing(), other.firstOutgoing());
}

} // namespace kurier::discovery
