#include "discovery/IspdbLookup.h"

#include "discovery/LocalAutoconfig.h"

namespace kurier::discovery {

IspdbLookup::IspdbLookup(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
}

IspdbLookup::~IspdbLookup() = default;

QUrl IspdbLookup::urlFor(const QString &domain) const
{
    // The same rule as for a local file name: letters, digits, hyphens, dots between labels.
    QString name = LocalAutoconfig::fileNameFor(domain);
    if (name.isEmpty() || !m_base.isValid())
        return {};
    name.chop(4); // ".xml"
    QString base = m_base.toString();
    if (!base.endsWith(u'/'))
        base += u'/';
    return QUrl(base + name);
}

void IspdbLookup::start(const QString &domain)
{
    abort();
    m_result.reset();
    m_error.clear();
    const QUrl url = urlFor(domain);
    if (!url.isValid()) {
        m_error = tr("%1 is not a domain.").arg(domain);
        QMetaObject::invokeMethod(this, &IspdbLookup::finished, Qt::QueuedConnection);
        return;
    }
    m_fetch = std::make_unique<ConfigFetch>(m_network);
    m_fetch->setExtraCaCertificates(m_extraCas);
    m_fetch->setTimeoutMs(m_timeoutMs);
    connect(m_fetch.get(), &ConfigFetch::finished, this, [this] {
        const ConfigFetch::Result &r = m_fetch->result();
        if (r.ok()) {
            DiscoveredConfig found;
            found.config = *r.config;
            found.source = DiscoveredConfig::Source::Ispdb;
            found.origin = r.url.toDisplayString();
            found.verified = r.url.scheme() == u"https";
            m_result = std::move(found);
        } else {
            m_error = r.error;
        }
        emit finished();
    });
    m_fetch->start(url, url.host());
}

void IspdbLookup::abort()
{
    if (m_fetch)
        m_fetch->abort();
}

} // namespace kurier::discovery
