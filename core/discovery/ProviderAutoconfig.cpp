#include "discovery/ProviderAutoconfig.h"

#include <QUrlQuery>

namespace kurier::discovery {

namespace {

QString domainOf(const QString &emailAddress)
{
    const qsizetype at = emailAddress.lastIndexOf(u'@');
    return at < 0 ? QString() : emailAddress.mid(at + 1).trimmed().toLower();
}

} // namespace

ProviderAutoconfig::ProviderAutoconfig(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
}

ProviderAutoconfig::~ProviderAutoconfig() = default;

QList<QUrl> ProviderAutoconfig::urlsFor(const QString &emailAddress)
{
    const QString domain = domainOf(emailAddress);
    if (domain.isEmpty())
        return {};
    const QString ace = QString::fromLatin1(QUrl::toAce(domain));
    if (ace.isEmpty())
        return {};
    QUrlQuery withAddress;
    withAddress.addQueryItem(QStringLiteral("emailaddress"), emailAddress.trimmed());
    QUrl autoconfigHost(QStringLiteral("https://autoconfig.%1/mail/config-v1.1.xml").arg(ace));
    autoconfigHost.setQuery(withAddress);
    QUrl wellKnown(QStringLiteral("https://%1/.well-known/autoconfig/mail/config-v1.1.xml").arg(ace));
    wellKnown.setQuery(withAddress);
    const QUrl plain(QStringLiteral("http://autoconfig.%1/mail/config-v1.1.xml").arg(ace));
    return {autoconfigHost, wellKnown, plain};
}

void ProviderAutoconfig::start(const QString &emailAddress)
{
    abort();
    m_domain = QString::fromLatin1(QUrl::toAce(domainOf(emailAddress)));
    m_urls = urlsFor(emailAddress);
    m_fetches.clear();
    m_done.clear();
    m_result.reset();
    m_errors.clear();
    m_redirectedTo.clear();
    m_finished = false;
    if (m_urls.isEmpty()) {
        m_finished = true;
        QMetaObject::invokeMethod(this, &ProviderAutoconfig::finished, Qt::QueuedConnection);
        return;
    }
    for (int i = 0; i < m_urls.size(); ++i) {
        m_fetches.emplace_back();
        m_done << false;
    }
    // The two https URLs at once; plain http only after both have failed.
    startFetch(0);
    startFetch(1);
}

void ProviderAutoconfig::abort()
{
    for (const auto &fetch : m_fetches) {
        if (fetch)
            fetch->abort();
    }
    m_finished = true;
}

void ProviderAutoconfig::startFetch(int index)
{
    auto fetch = std::make_unique<ConfigFetch>(m_network);
    fetch->setExtraCaCertificates(m_extraCas);
    fetch->setTimeoutMs(m_timeoutMs);
    connect(fetch.get(), &ConfigFetch::finished, this, &ProviderAutoconfig::onFetchFinished);
    ConfigFetch *started = fetch.get();
    m_fetches[index] = std::move(fetch);
    started->start(m_urls.at(index), m_domain);
}

void ProviderAutoconfig::onFetchFinished()
{
    if (m_finished)
        return;
    for (int i = 0; i < int(m_fetches.size()); ++i) {
        if (m_fetches[i] && !m_done[i] && m_fetches[i].get() == sender()) {
            m_done[i] = true;
            const ConfigFetch::Result &r = m_fetches[i]->result();
            if (!r.ok())
                m_errors << r.error;
            if (r.redirectedTo.isValid() && m_redirectedTo.isEmpty())
                m_redirectedTo = r.redirectedTo;
        }
    }
    // The best answer is the first URL's that worked, once every better one has finished.
    for (int i = 0; i < int(m_fetches.size()); ++i) {
        if (!m_fetches[i]) {
            // Reached only for the http URL: both https ones are done and failed.
            startFetch(i);
            return;
        }
        if (!m_done[i])
            return; // a better one is still running
        const ConfigFetch::Result &r = m_fetches[i]->result();
        if (r.ok()) {
            DiscoveredConfig found;
            found.config = *r.config;
            found.source = DiscoveredConfig::Source::Provider;
            found.origin = r.url.toDisplayString(QUrl::RemoveQuery);
            found.verified = r.url.scheme() == u"https";
            m_result = std::move(found);
            break;
        }
    }
    abort(); // the rest can only be worse
    emit finished();
}

} // namespace kurier::discovery
