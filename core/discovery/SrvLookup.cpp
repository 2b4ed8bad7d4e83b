#include "discovery/SrvLookup.h"

#include "discovery/DnsAnswer.h"

#include <QDnsLookup>
#include <QUrl>

#include <algorithm>

namespace kurier::discovery {

namespace {

struct Service {
    const char *name;
    ServerConfig::Protocol protocol;
    store::Security security;
};

// RFC 6186 §3.1 (POP3, submission) and RFC 8314 §5.1 (the implicit TLS services, preferred).
constexpr Service kServices[] = {
    {"_pop3s._tcp", ServerConfig::Protocol::Pop3, store::Security::Tls},
    {"_pop3._tcp", ServerConfig::Protocol::Pop3, store::Security::StartTls},
    {"_submissions._tcp", ServerConfig::Protocol::Smtp, store::Security::Tls},
    {"_submission._tcp", ServerConfig::Protocol::Smtp, store::Security::StartTls},
};

QString normalHost(QString host)
{
    host = host.trimmed().toLower();
    if (host.endsWith(u'.'))
        host.chop(1);
    return host;
}

} // namespace

SrvLookup::SrvLookup(QObject *parent)
    : QObject(parent)
{
}

SrvLookup::~SrvLookup()
{
    abort();
}

QStringList SrvLookup::services()
{
    QStringList names;
    for (const Service &s : kServices)
        names << QString::fromLatin1(s.name);
    return names;
}

std::optional<DiscoveredConfig> SrvLookup::configFrom(const QString &domain, const QList<Record> &records)
{
    DiscoveredConfig found;
    found.source = DiscoveredConfig::Source::Srv;
    found.verified = false; // plain DNS: nothing vouches for the answer (RFC 6186 §6)
    found.config.domains << normalHost(domain);
    QStringList origins;
    for (const Service &service : kServices) {
        QList<Record> own;
        for (const Record &r : records) {
            if (r.service == QLatin1String(service.name))
                own << r;
        }
        // RFC 2782: lowest priority first; among equals the heavier is the likelier choice.
        std::stable_sort(own.begin(), own.end(), [](const Record &a, const Record &b) {
            return a.priority != b.priority ? a.priority < b.priority : a.weight > b.weight;
        });
        for (const Record &r : std::as_const(own)) {
            const QString host = normalHost(r.target);
            if (host.isEmpty() || r.port == 0)
                continue; // "." : decidedly not offered
            ServerConfig s;
            s.protocol = service.protocol;
            s.hostname = host;
            s.port = r.port;
            s.security = service.security;
            s.usernameTemplate = QStringLiteral("%EMAILADDRESS%");
            (service.protocol == ServerConfig::Protocol::Smtp ? found.config.outgoing : found.config.incoming) << s;
            origins << QStringLiteral("%1.%2").arg(r.service, normalHost(domain));
        }
    }
    if (found.config.incoming.isEmpty() && found.config.outgoing.isEmpty())
        return std::nullopt;
    origins.removeDuplicates();
    found.origin = origins.join(QStringLiteral(", "));
    return found;
}

void SrvLookup::start(const QString &domain)
{
    abort();
    m_domain = normalHost(domain);
    m_records.clear();
    m_result.reset();
    m_error.clear();
    const QString ace = QString::fromLatin1(QUrl::toAce(m_domain));
    m_pending = int(std::size(kServices));
    for (const Service &service : kServices) {
        auto *lookup = new QDnsLookup(QDnsLookup::SRV, QString::fromLatin1(service.name) + u'.' + ace, this);
        lookup->setObjectName(QString::fromLatin1(service.name));
        connect(lookup, &QDnsLookup::finished, this, [this, lookup] { onLookupFinished(lookup); });
        m_lookups << lookup;
        lookup->lookup();
    }
}

void SrvLookup::abort()
{
    for (const QPointer<QDnsLookup> &lookup : std::as_const(m_lookups)) {
        if (lookup) {
            disconnect(lookup, nullptr, this, nullptr);
            lookup->abort();
            lookup->deleteLater();
        }
    }
    m_lookups.clear();
    m_pending = 0;
}

void SrvLookup::onLookupFinished(QDnsLookup *lookup)
{
    if (lookup->error() == QDnsLookup::NoError) {
        for (const QDnsServiceRecord &r : lookup->serviceRecords())
            m_records << Record{lookup->objectName(), r.target(), r.port(), r.priority(), r.weight()};
    } else if (!DnsAnswer::isNoRecords(lookup->error())) {
        m_error = lookup->errorString();
    }
    lookup->deleteLater();
    m_lookups.removeAll(lookup);
    if (--m_pending > 0)
        return;
    m_result = configFrom(m_domain, m_records);
    emit finished();
}

} // namespace kurier::discovery
