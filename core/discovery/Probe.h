#pragma once

#include "discovery/DiscoveredConfig.h"
#include "discovery/ServerProbe.h"
#include "net/TlsPolicy.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace kurier::discovery {

// The last discovery source: asks the domain's likely servers what they offer. Incoming
// pop3.<domain>, pop.<domain>, mail.<domain> and the domain itself, each on 995 (implicit TLS,
// RFC 8314) and 110 (STLS); outgoing smtp.<domain> and mail.<domain> on 465 (implicit TLS) and
// 587 (STARTTLS, RFC 6409). All at once (a host that drops packets would otherwise hold the
// others past the deadline; a dozen connections is what a mail client opens anyway), chosen in
// that order of preference — the first host that answers wins, implicit TLS before STARTTLS on
// it — so the result does not depend on which server happens to answer first. Plain text is never tried; certificates are verified and a
// failing one is reported, never accepted. The sign-in methods come from CAPA and EHLO after
// TLS, XOAUTH2 and OAUTHBEARER included.
class Probe : public QObject
{
    Q_OBJECT
public:
    // The well-known ports (RFC 8314 §7.3, RFC 1939, RFC 6409); tests give their servers' ports.
    struct Ports {
        quint16 pop3s = 995;
        quint16 pop3 = 110;
        quint16 submissions = 465;
        quint16 submission = 587;
    };
    struct Settings {
        Ports ports;
        net::TlsPolicy tls;   // extra CAs (tests: the test CA); never pins
        int timeoutMs = 10000; // for every candidate, and for the probe as a whole
    };

    // "pop3s=995", "pop3=110", "submissions=465", "submission=587" (the IANA service names, as
    // in DNS SRV) sets that port; false for anything else.
    [[nodiscard]] static bool setPort(Ports *ports, const QString &serviceEqualsPort);

    explicit Probe(Settings settings, QObject *parent = nullptr);
    ~Probe() override;

    // The candidates for a domain, in order of preference (pure).
    [[nodiscard]] static QList<ServerProbe::Candidate> candidates(const QString &domain, const Ports &ports);
    // The configuration the answers make (pure): the first offering candidate of each direction
    // in order, once every one before it has an answer; nullopt when none offers anything.
    [[nodiscard]] static std::optional<DiscoveredConfig> configFrom(const QString &domain,
                                                                    const QList<ServerProbe::Result> &results);

    void start(const QString &domain);
    // Ends now: what has not answered counts as unreachable; finished() follows at once.
    void finishNow();
    void abort();

    [[nodiscard]] const std::optional<DiscoveredConfig> &result() const { return m_result; }
    [[nodiscard]] const QList<ServerProbe::Result> &results() const { return m_results; }
    // What was tried and why it did not do, one line per candidate that failed for a reason a
    // user can act on (a certificate, missing STARTTLS), for the discovery's detail.
    [[nodiscard]] QString problems() const;

signals:
    void finished();

private:
    void onProbeFinished(int index);
    // Whether each direction's choice is settled (the first offering one has no pending
    // candidate before it); then the rest need not be waited for.
    [[nodiscard]] bool decided() const;
    void conclude();

    Settings m_settings;
    QString m_domain;
    QList<ServerProbe::Result> m_results;
    std::vector<std::unique_ptr<ServerProbe>> m_probes;
    QTimer m_deadline;
    std::optional<DiscoveredConfig> m_result;
    bool m_done = true;
};

} // namespace kurier::discovery
