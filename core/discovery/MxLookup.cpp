#include "discovery/MxLookup.h"

#include "discovery/DnsAnswer.h"
#include "discovery/PublicSuffix.h"

#include <QDnsLookup>
#include <QUrl>

namespace kurier::discovery {

MxLookup::MxLookup(QObject *parent)
    : QObject(parent)
{
}

MxLookup::~MxLookup()
{
    abort();
}

MxLookup::Hosting MxLookup::hostingOf(const QString &exchange)
{
    const QString host = exchange.toLower();
    if (host.isEmpty())
        return Hosting::Unknown;
    if (host.endsWith(QLatin1String(".mail.protection.outlook.com")))
        return Hosting::Microsoft365;
    // Google's MX hosts: the classic aspmx set and the single smtp.google.com of newer domains.
    if (host == u"smtp.google.com" || host.endsWith(QLatin1String(".google.com")) || host.endsWith(QLatin1String(".googlemail.com")))
        return Hosting::GoogleWorkspace;
    return Hosting::Other;
}

QString MxLookup::providerDomainOf(const QString &exchange)
{
    switch (hostingOf(exchange)) {
    case Hosting::Microsoft365: return QStringLiteral("office365.com");
    case Hosting::GoogleWorkspace: return QStringLiteral("gmail.com");
    case Hosting::Other: return PublicSuffix::system().baseDomain(exchange);
    case Hosting::Unknown: break;
    }
    return {};
}

void MxLookup::start(const QString &domain)
{
    abort();
    m_exchange.clear();
    m_error.clear();
    m_lookup = new QDnsLookup(QDnsLookup::MX, QString::fromLatin1(QUrl::toAce(domain.trimmed().toLower())), this);
    connect(m_lookup, &QDnsLookup::finished, this, [this] {
        QDnsLookup *lookup = m_lookup;
        if (lookup->error() == QDnsLookup::NoError) {
            int best = 65536;
            for (const QDnsMailExchangeRecord &r : lookup->mailExchangeRecords()) {
                QString host = r.exchange().toLower();
                if (host.endsWith(u'.'))
                    host.chop(1);
                // RFC 7505: a "null MX" (".") says the domain accepts no mail at all.
                if (!host.isEmpty() && r.preference() < best) {
                    best = r.preference();
                    m_exchange = host;
                }
            }
        } else if (!DnsAnswer::isNoRecords(lookup->error())) {
            m_error = lookup->errorString();
        }
        lookup->deleteLater();
        m_lookup.clear();
        emit finished();
    });
    m_lookup->lookup();
}

void MxLookup::abort()
{
    if (m_lookup) {
        disconnect(m_lookup, nullptr, this, nullptr);
        m_lookup->abort();
        m_lookup->deleteLater();
        m_lookup.clear();
    }
}

} // namespace kurier::discovery
