#include "discovery/Probe.h"

#include <QCoreApplication>

namespace kurier::discovery {

namespace {

using Outcome = ServerProbe::Outcome;
using Protocol = ServerConfig::Protocol;

// The first offering result of a direction, once nothing before it is pending; `undecided` is
// set when a pending candidate comes before any offering one.
std::optional<ServerProbe::Result> choose(const QList<ServerProbe::Result> &results, bool outgoing, bool *undecided)
{
    for (const ServerProbe::Result &r : results) {
        if ((r.candidate.protocol == Protocol::Smtp) != outgoing)
            continue;
        if (r.outcome == Outcome::Pending) {
            if (undecided)
                *undecided = true;
            return std::nullopt;
        }
        if (r.outcome == Outcome::Offered)
            return r;
    }
    return std::nullopt;
}

ServerConfig serverFrom(const ServerProbe::Result &r)
{
    ServerConfig s;
    s.protocol = r.candidate.protocol;
    s.hostname = r.candidate.host;
    s.port = r.candidate.port;
    s.security = r.candidate.security;
    // RFC 6186 §3.2: the address is the first user name to try; the connection test tells.
    s.usernameTemplate = QStringLiteral("%EMAILADDRESS%");
    s.authentication = r.authentication();
    return s;
}

} // namespace

Probe::Probe(Settings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &Probe::finishNow);
}

Probe::~Probe()
{
    abort();
}

bool Probe::setPort(Ports *ports, const QString &serviceEqualsPort)
{
    const qsizetype eq = serviceEqualsPort.indexOf(u'=');
    if (eq < 0)
        return false;
    const QString service = serviceEqualsPort.left(eq).trimmed().toLower();
    bool ok = false;
    const uint port = serviceEqualsPort.mid(eq + 1).trimmed().toUInt(&ok);
    if (!ok || port == 0 || port > 65535)
        return false;
    quint16 *target = service == u"pop3s"         ? &ports->pop3s
                      : service == u"pop3"        ? &ports->pop3
                      : service == u"submissions" ? &ports->submissions
                      : service == u"submission"  ? &ports->submission
                                                  : nullptr;
    if (!target)
        return false;
    *target = quint16(port);
    return true;
}

QList<ServerProbe::Candidate> Probe::candidates(const QString &domain, const Ports &ports)
{
    QList<ServerProbe::Candidate> out;
    const QString d = domain.toLower();
    for (const QString &host : QStringList{u"pop3." + d, u"pop." + d, u"mail." + d, d}) {
        out.append({Protocol::Pop3, host, ports.pop3s, store::Security::Tls});
        out.append({Protocol::Pop3, host, ports.pop3, store::Security::StartTls});
    }
    for (const QString &host : QStringList{u"smtp." + d, u"mail." + d}) {
        out.append({Protocol::Smtp, host, ports.submissions, store::Security::Tls});
        out.append({Protocol::Smtp, host, ports.submission, store::Security::StartTls});
    }
    return out;
}

std::optional<DiscoveredConfig> Probe::configFrom(const QString &domain, const QList<ServerProbe::Result> &results)
{
    const auto incoming = choose(results, false, nullptr);
    const auto outgoing = choose(results, true, nullptr);
    if (!incoming && !outgoing)
        return std::nullopt;
    DiscoveredConfig found;
    found.source = DiscoveredConfig::Source::Probe;
    found.config.providerId = domain.toLower();
    found.config.domains = {domain.toLower()};
    found.config.displayName = domain.toLower();
    QStringList origin;
    for (const auto &chosen : {incoming, outgoing}) {
        if (!chosen)
            continue;
        (chosen->candidate.protocol == Protocol::Smtp ? found.config.outgoing : found.config.incoming) << serverFrom(*chosen);
        origin << QStringLiteral("%1 (%2)").arg(chosen->where(), chosen->offers());
    }
    found.origin = QCoreApplication::translate("Probe", "probed: %1").arg(origin.join(QStringLiteral("; ")));
    // The names come from the address's own domain and the certificates verified for them.
    found.verified = true;
    found.pointsElsewhere = false;
    return found;
}

void Probe::start(const QString &domain)
{
    abort();
    m_domain = domain;
    m_results.clear();
    m_result.reset();
    m_done = false;
    const QList<ServerProbe::Candidate> all = candidates(domain, m_settings.ports);
    for (qsizetype i = 0; i < all.size(); ++i) {
        auto probe = std::make_unique<ServerProbe>(all[i], m_settings.tls, m_settings.timeoutMs);
        m_results.append(probe->result());
        connect(probe.get(), &ServerProbe::finished, this, [this, i] { onProbeFinished(int(i)); });
        m_probes.push_back(std::move(probe));
    }
    m_deadline.start(m_settings.timeoutMs);
    for (auto &probe : m_probes)
        probe->start();
}

void Probe::onProbeFinished(int index)
{
    if (m_done)
        return;
    m_results[index] = m_probes[size_t(index)]->result();
    if (decided())
        conclude();
}

bool Probe::decided() const
{
    bool undecided = false;
    (void)choose(m_results, false, &undecided);
    (void)choose(m_results, true, &undecided);
    return !undecided;
}

void Probe::finishNow()
{
    if (m_done)
        return;
    for (qsizetype i = 0; i < m_results.size(); ++i) {
        if (m_results[i].outcome != Outcome::Pending)
            continue;
        m_probes[size_t(i)]->abort(Outcome::Unreachable, QCoreApplication::translate("Probe", "no answer within %1 s")
                                                             .arg(m_settings.timeoutMs / 1000.0, 0, 'f', 1));
        m_results[i] = m_probes[size_t(i)]->result();
    }
    conclude();
}

void Probe::conclude()
{
    if (m_done)
        return;
    m_done = true;
    m_deadline.stop();
    // What is still running is not needed any more.
    for (qsizetype i = 0; i < m_results.size(); ++i) {
        if (m_results[i].outcome == Outcome::Pending)
            m_probes[size_t(i)]->abort();
    }
    m_result = configFrom(m_domain, m_results);
    emit finished();
}

void Probe::abort()
{
    m_deadline.stop();
    m_done = true;
    for (auto &probe : m_probes)
        probe->abort();
    // Deleted later: abort() may be called from a probe's own signal.
    for (auto &probe : m_probes)
        probe.release()->deleteLater();
    m_probes.clear();
}

QString Probe::problems() const
{
    QStringList lines;
    for (const ServerProbe::Result &r : m_results) {
        switch (r.outcome) {
        case Outcome::CertificateRefused:
            lines << QCoreApplication::translate("Probe", "%1: certificate not trusted (%2)").arg(r.where(), r.detail);
            break;
        case Outcome::TlsFailed:
            lines << QCoreApplication::translate("Probe", "%1: TLS failed (%2)").arg(r.where(), r.detail);
            break;
        case Outcome::NoStartTls:
            lines << QCoreApplication::translate("Probe", "%1: no STARTTLS, not used in plain text").arg(r.where());
            break;
        case Outcome::Refused:
            lines << QCoreApplication::translate("Probe", "%1: %2").arg(r.where(), r.detail);
            break;
        case Outcome::Pending:
        case Outcome::Offered:
        case Outcome::NoSuchHost:
        case Outcome::Unreachable: break;
        }
    }
    return lines.join(u'\n');
}

} // namespace kurier::discovery
