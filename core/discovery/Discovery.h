#pragma once

#include "discovery/DiscoveredConfig.h"
#include "discovery/MxLookup.h"
#include "discovery/Probe.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QTimer>
#include <QUrl>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace kurier::discovery {

class IspdbLookup;
class ProviderAutoconfig;
class SrvLookup;

// Finds an account's servers from the address alone: every source at once — a local file, the
// provider's autoconfig, the ISPDB, the MX host's provider in the ISPDB, DNS SRV, probing the
// domain's likely servers — each with its
// own timeout, and the best by priority (DiscoveredConfig::Source order) wins as soon as every
// better source has answered, so a slow ISPDB never holds up a found answer. Every result says
// where it came from; one from outside the address's domain that points elsewhere is marked.
// Nothing secret is sent: the provider gets the address, the ISPDB only a domain.
class Discovery : public QObject
{
    Q_OBJECT
public:
    using Source = DiscoveredConfig::Source;
    enum class State { Waiting, Running, Found, NothingFound, Failed, TimedOut, Skipped };
    Q_ENUM(State)

    struct Settings {
        QUrl ispdbBaseUrl;            // empty: IspdbLookup::defaultBaseUrl()
        int timeoutMs = 10000;        // per source
        QList<QSslCertificate> extraCaCertificates; // tests: the test CA
        Probe::Ports probePorts;      // tests: their servers' ports
    };
    struct SourceStatus {
        Source source = Source::LocalFile;
        State state = State::Waiting;
        QString detail; // what it found or why not, for "kurierctl discover" and the dialog
    };

    Discovery(QNetworkAccessManager *network, Settings settings, QObject *parent = nullptr);
    ~Discovery() override;

    // The sources in order of priority, and their names for people.
    [[nodiscard]] static QList<Source> sources();
    [[nodiscard]] static QString sourceName(Source source);
    [[nodiscard]] static QString stateName(State state);
    // Whether the configuration's servers or OAuth endpoints lie outside the address's base
    // domain (PublicSuffix). Pure.
    [[nodiscard]] static bool pointsOutside(const MailConfig &config, const QString &emailAddress);

    void start(const QString &emailAddress);
    // Gives up on one source (the user's "Überspringen"); the others go on.
    void skip(Source source);
    void abort();

    [[nodiscard]] const QList<SourceStatus> &statuses() const { return m_statuses; }
    // What the sources found, best first.
    [[nodiscard]] QList<DiscoveredConfig> found() const;
    // The answer once it is certain (every better source has finished), else nullopt.
    [[nodiscard]] std::optional<DiscoveredConfig> best() const;
    [[nodiscard]] bool isFinished() const { return m_finished; }
    // Who hosts the domain's mail, from its MX (Microsoft 365 needs its own sign-in).
    [[nodiscard]] MxLookup::Hosting hosting() const { return m_hosting; }

signals:
    void sourceChanged(kurier::discovery::DiscoveredConfig::Source source);
    // best() has become certain (emitted once; finished() may come later).
    void bestKnown();
    void finished();

private:
    SourceStatus &status(Source source);
    void settle(Source source, State state, const QString &detail, std::optional<DiscoveredConfig> found = std::nullopt);
    void startMxProvider(const QString &providerDomain);
    void check();

    QNetworkAccessManager *m_network;
    Settings m_settings;
    QString m_address;
    QString m_domain;
    QList<SourceStatus> m_statuses;
    QList<DiscoveredConfig> m_found;
    std::unique_ptr<ProviderAutoconfig> m_provider;
    std::unique_ptr<IspdbLookup> m_ispdb;
    std::unique_ptr<MxLookup> m_mx;
    std::unique_ptr<IspdbLookup> m_mxIspdb;
    std::unique_ptr<SrvLookup> m_srv;
    std::unique_ptr<Probe> m_probe;
    QList<QTimer *> m_timers;
    MxLookup::Hosting m_hosting = MxLookup::Hosting::Unknown;
    bool m_bestAnnounced = false;
    bool m_finished = false;
};

} // namespace kurier::discovery
