#include "discovery/Discovery.h"

#include "discovery/IspdbLookup.h"
#include "discovery/LocalAutoconfig.h"
#include "discovery/ProviderAutoconfig.h"
#include "discovery/PublicSuffix.h"
#include "discovery/SrvLookup.h"

#include <QUrl>

namespace kurier::discovery {

namespace {

QString domainOf(const QString &emailAddress)
{
    const qsizetype at = emailAddress.lastIndexOf(u'@');
    return at < 0 ? QString() : emailAddress.mid(at + 1).trimmed().toLower();
}

// The base domain, or the name itself when the list knows none (a test domain, "localhost").
QString baseOf(const QString &host)
{
    const QString base = PublicSuffix::system().baseDomain(host);
    return base.isEmpty() ? host.toLower() : base;
}

QString serversText(const MailConfig &c)
{
    QStringList hosts;
    for (const auto *list : {&c.incoming, &c.outgoing}) {
        for (const ServerConfig &s : *list)
            hosts << QStringLiteral("%1:%2").arg(s.hostname).arg(s.port);
    }
    hosts.removeDuplicates();
    return hosts.join(QStringLiteral(", "));
}

} // namespace

Discovery::Discovery(QNetworkAccessManager *network, Settings settings, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_settings(std::move(settings))
{
}

Discovery::~Discovery()
{
    abort();
}

QList<Discovery::Source> Discovery::sources()
{
    return {Source::LocalFile, Source::Provider, Source::Ispdb, Source::Mx, Source::Srv, Source::Probe};
}

QString Discovery::sourceName(Source source)
{
    switch (source) {
    case Source::LocalFile: return tr("Local file");
    case Source::Provider: return tr("Provider's autoconfig");
    case Source::Ispdb: return tr("ISPDB");
    case Source::Mx: return tr("MX record and ISPDB");
    case Source::Srv: return tr("DNS SRV");
    case Source::Probe: return tr("Probing");
    }
    return {};
}

QString Discovery::stateName(State state)
{
    switch (state) {
    case State::Waiting: return tr("waiting");
    case State::Running: return tr("running");
    case State::Found: return tr("found");
    case State::NothingFound: return tr("nothing found");
    case State::Failed: return tr("failed");
    case State::TimedOut: return tr("timed out");
    case State::Skipped: return tr("skipped");
    }
    return {};
}

bool Discovery::pointsOutside(const MailConfig &config, const QString &emailAddress)
{
    const QString own = baseOf(domainOf(emailAddress));
    QStringList hosts;
    for (const auto *list : {&config.incoming, &config.outgoing}) {
        for (const ServerConfig &s : *list)
            hosts << s.hostname;
    }
    for (const QUrl *url : {&config.oauth.authorizationUrl, &config.oauth.tokenUrl}) {
        if (url->isValid())
            hosts << url->host();
    }
    for (const QString &host : std::as_const(hosts)) {
        if (baseOf(host) != own)
            return true;
    }
    return false;
}

Discovery::SourceStatus &Discovery::status(Source source)
{
    for (SourceStatus &s : m_statuses) {
        if (s.source == source)
            return s;
    }
    m_statuses.append({source, State::Waiting, {}});
    return m_statuses.last();
}

void Discovery::start(const QString &emailAddress)
{
    abort();
    m_address = emailAddress.trimmed();
    m_domain = domainOf(m_address);
    m_statuses.clear();
    m_found.clear();
    m_hosting = MxLookup::Hosting::Unknown;
    m_bestAnnounced = false;
    m_finished = false;
    for (const Source s : sources())
        status(s).state = State::Running;
    if (m_domain.isEmpty() || LocalAutoconfig::fileNameFor(m_domain).isEmpty()) {
        for (SourceStatus &s : m_statuses) {
            s.state = State::Failed;
            s.detail = tr("%1 is not an e-mail address.").arg(m_address);
        }
        QMetaObject::invokeMethod(this, &Discovery::check, Qt::QueuedConnection);
        return;
    }
    // Every source gets its own deadline; one that passes it counts as having found nothing.
    for (const Source s : sources()) {
        auto *timer = new QTimer(this);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, [this, s] {
            if (status(s).state != State::Running)
                return;
            if (s == Source::Provider && m_provider)
                m_provider->abort();
            if (s == Source::Ispdb && m_ispdb)
                m_ispdb->abort();
            if (s == Source::Mx) {
                if (m_mx)
                    m_mx->abort();
                if (m_mxIspdb)
                    m_mxIspdb->abort();
            }
            if (s == Source::Srv && m_srv)
                m_srv->abort();
            if (s == Source::Probe && m_probe) {
                m_probe->finishNow(); // what answered in time still counts
                return;
            }
            settle(s, State::TimedOut, tr("no answer within %1 s").arg(m_settings.timeoutMs / 1000.0, 0, 'f', 1));
        });
        timer->start(m_settings.timeoutMs);
        m_timers << timer;
    }

    // 1. A local file: at once, but reported from the event loop like the others.
    QMetaObject::invokeMethod(this, [this] {
        const LocalAutoconfig::Result local = LocalAutoconfig::find(m_domain);
        if (local.found)
            settle(Source::LocalFile, State::Found, local.found->origin, local.found);
        else if (!local.error.isEmpty())
            settle(Source::LocalFile, State::Failed, local.error);
        else
            settle(Source::LocalFile, State::NothingFound, tr("no file for %1").arg(m_domain));
    }, Qt::QueuedConnection);

    // 2. The provider's own autoconfig.
    m_provider = std::make_unique<ProviderAutoconfig>(m_network);
    m_provider->setExtraCaCertificates(m_settings.extraCaCertificates);
    m_provider->setTimeoutMs(m_settings.timeoutMs);
    connect(m_provider.get(), &ProviderAutoconfig::finished, this, [this] {
        if (const auto &r = m_provider->result())
            settle(Source::Provider, State::Found, r->origin, r);
        else
            settle(Source::Provider, State::NothingFound, m_provider->errors().join(u'\n'));
    });
    m_provider->start(m_address);

    // 3. The ISPDB, for the domain itself.
    const QUrl ispdbBase = m_settings.ispdbBaseUrl.isEmpty() ? IspdbLookup::defaultBaseUrl() : m_settings.ispdbBaseUrl;
    m_ispdb = std::make_unique<IspdbLookup>(m_network);
    m_ispdb->setBaseUrl(ispdbBase);
    m_ispdb->setExtraCaCertificates(m_settings.extraCaCertificates);
    m_ispdb->setTimeoutMs(m_settings.timeoutMs);
    connect(m_ispdb.get(), &IspdbLookup::finished, this, [this] {
        if (const auto &r = m_ispdb->result())
            settle(Source::Ispdb, State::Found, r->origin, r);
        else
            settle(Source::Ispdb, State::NothingFound, m_ispdb->error());
    });
    m_ispdb->start(m_domain);

    // 4. The MX host, then its provider in the ISPDB.
    m_mx = std::make_unique<MxLookup>();
    connect(m_mx.get(), &MxLookup::finished, this, [this] {
        m_hosting = m_mx->hosting();
        const QString exchange = m_mx->exchange();
        const QString provider = MxLookup::providerDomainOf(exchange);
        if (exchange.isEmpty() || provider.isEmpty()) {
            settle(Source::Mx, m_mx->error().isEmpty() ? State::NothingFound : State::Failed,
                   m_mx->error().isEmpty() ? tr("no MX record") : m_mx->error());
            return;
        }
        if (provider == m_domain) {
            // The domain hosts its own mail: the ISPDB is already being asked about it.
            settle(Source::Mx, State::NothingFound, tr("MX %1 is the domain's own").arg(exchange));
            return;
        }
        status(Source::Mx).detail = tr("MX %1 → %2").arg(exchange, provider);
        startMxProvider(provider);
    });
    m_mx->start(m_domain);

    // 5. DNS SRV.
    m_srv = std::make_unique<SrvLookup>();
    connect(m_srv.get(), &SrvLookup::finished, this, [this] {
        if (const auto &r = m_srv->result())
            settle(Source::Srv, State::Found, r->origin, r);
        else
            settle(Source::Srv, m_srv->error().isEmpty() ? State::NothingFound : State::Failed,
                   m_srv->error().isEmpty() ? tr("no SRV records") : m_srv->error());
    });
    m_srv->start(m_domain);

    // 6. Probing the domain's likely servers.
    Probe::Settings probeSettings;
    probeSettings.ports = m_settings.probePorts;
    probeSettings.tls.extraCaCertificates = m_settings.extraCaCertificates;
    probeSettings.timeoutMs = m_settings.timeoutMs;
    m_probe = std::make_unique<Probe>(probeSettings);
    connect(m_probe.get(), &Probe::finished, this, [this] {
        const QString problems = m_probe->problems();
        if (const auto &r = m_probe->result()) {
            settle(Source::Probe, State::Found, problems.isEmpty() ? r->origin : r->origin + u'\n' + problems, r);
            return;
        }
        settle(Source::Probe, problems.isEmpty() ? State::NothingFound : State::Failed,
               problems.isEmpty() ? tr("no server answered at pop3., pop., mail., smtp. or %1 itself").arg(m_domain)
                                  : problems);
    });
    m_probe->start(m_domain);
}

void Discovery::startMxProvider(const QString &providerDomain)
{
    const QUrl ispdbBase = m_settings.ispdbBaseUrl.isEmpty() ? IspdbLookup::defaultBaseUrl() : m_settings.ispdbBaseUrl;
    m_mxIspdb = std::make_unique<IspdbLookup>(m_network);
    m_mxIspdb->setBaseUrl(ispdbBase);
    m_mxIspdb->setExtraCaCertificates(m_settings.extraCaCertificates);
    m_mxIspdb->setTimeoutMs(m_settings.timeoutMs);
    const QString via = status(Source::Mx).detail;
    connect(m_mxIspdb.get(), &IspdbLookup::finished, this, [this, via] {
        if (auto r = m_mxIspdb->result()) {
            r->source = Source::Mx;
            r->origin = via + QStringLiteral(" (") + r->origin + u')';
            settle(Source::Mx, State::Found, r->origin, r);
        } else {
            settle(Source::Mx, State::NothingFound, via + QStringLiteral(": ") + m_mxIspdb->error());
        }
    });
    m_mxIspdb->start(providerDomain);
}

void Discovery::skip(Source source)
{
    if (status(source).state != State::Running)
        return;
    switch (source) {
    case Source::Provider: if (m_provider) m_provider->abort(); break;
    case Source::Ispdb: if (m_ispdb) m_ispdb->abort(); break;
    case Source::Mx:
        if (m_mx)
            m_mx->abort();
        if (m_mxIspdb)
            m_mxIspdb->abort();
        break;
    case Source::Srv: if (m_srv) m_srv->abort(); break;
    case Source::Probe: if (m_probe) m_probe->abort(); break;
    case Source::LocalFile: break;
    }
    settle(source, State::Skipped, tr("skipped"));
}

void Discovery::abort()
{
    for (const Source s : sources()) {
        if (!m_statuses.isEmpty() && status(s).state == State::Running)
            status(s).state = State::Skipped;
    }
    if (m_provider)
        m_provider->abort();
    if (m_ispdb)
        m_ispdb->abort();
    if (m_mx)
        m_mx->abort();
    if (m_mxIspdb)
        m_mxIspdb->abort();
    if (m_srv)
        m_srv->abort();
    if (m_probe)
        m_probe->abort();
    qDeleteAll(m_timers);
    m_timers.clear();
}

void Discovery::settle(Source source, State state, const QString &detail, std::optional<DiscoveredConfig> found)
{
    SourceStatus &s = status(source);
    if (s.state != State::Running)
        return; // timed out or skipped already: a late answer is not used
    s.state = state;
    s.detail = detail;
    if (found) {
        // Sources outside the domain's own word: the ISPDB, the MX host's provider, DNS SRV.
        if (source == Source::Ispdb || source == Source::Mx || source == Source::Srv)
            found->pointsElsewhere = pointsOutside(found->config, m_address);
        if (found->pointsElsewhere)
            s.detail += u' ' + tr("(servers outside %1: %2)").arg(m_domain, serversText(found->config));
        m_found << *found;
        std::stable_sort(m_found.begin(), m_found.end(),
                         [](const DiscoveredConfig &a, const DiscoveredConfig &b) { return int(a.source) < int(b.source); });
    }
    emit sourceChanged(source);
    check();
}

QList<DiscoveredConfig> Discovery::found() const
{
    return m_found;
}

std::optional<DiscoveredConfig> Discovery::best() const
{
    // Certain once every source before the best found one has finished.
    for (const SourceStatus &s : m_statuses) {
        if (s.state == State::Running || s.state == State::Waiting)
            return std::nullopt;
        if (s.state == State::Found) {
            for (const DiscoveredConfig &c : m_found) {
                if (c.source == s.source)
                    return c;
            }
        }
    }
    return std::nullopt;
}

void Discovery::check()
{
    if (m_finished)
        return;
    if (!m_bestAnnounced && best()) {
        m_bestAnnounced = true;
        emit bestKnown();
    }
    for (const SourceStatus &s : std::as_const(m_statuses)) {
        if (s.state == State::Running || s.state == State::Waiting)
            return;
    }
    m_finished = true;
    qDeleteAll(m_timers);
    m_timers.clear();
    emit finished();
}

} // namespace kurier::discovery
