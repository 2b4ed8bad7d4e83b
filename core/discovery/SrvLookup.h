#pragma once

#include "discovery/DiscoveredConfig.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

class QDnsLookup;

namespace kurier::discovery {

// The DNS SRV source (RFC 6186, with RFC 8314's implicit TLS services): _pop3s._tcp,
// _pop3._tcp, _submissions._tcp and _submission._tcp of the domain, looked up at once through
// the system's resolver (QDnsLookup). Implicit TLS comes first (RFC 8314 §5.1), then the
// records' priority and weight (RFC 2782); a target of "." says the service is decidedly not
// offered (RFC 2782). The user name is the address (RFC 6186 §3.2 names it the first to try);
// the authentication methods are not in DNS, probing finds them.
class SrvLookup : public QObject
{
    Q_OBJECT
public:
    struct Record {
        QString service; // "_pop3s._tcp" …
        QString target;  // host name; empty or "." when the service is not offered
        quint16 port = 0;
        quint16 priority = 0;
        quint16 weight = 0;
    };

    explicit SrvLookup(QObject *parent = nullptr);
    ~SrvLookup() override;

    // The services looked up, in the order of preference within each direction.
    [[nodiscard]] static QStringList services();
    // What the records say (pure: the lookup's answers in, the configuration out); nullopt
    // when they name no usable server.
    [[nodiscard]] static std::optional<DiscoveredConfig> configFrom(const QString &domain, const QList<Record> &records);

    // Starts the four lookups; finished() follows once all have answered.
    void start(const QString &domain);
    void abort();
    [[nodiscard]] const std::optional<DiscoveredConfig> &result() const { return m_result; }
    // What failed besides "no such record" (a resolver error), for the discovery's log.
    [[nodiscard]] QString error() const { return m_error; }

signals:
    void finished();

private:
    void onLookupFinished(QDnsLookup *lookup);

    QString m_domain;
    QList<QPointer<QDnsLookup>> m_lookups;
    QList<Record> m_records;
    int m_pending = 0;
    std::optional<DiscoveredConfig> m_result;
    QString m_error;
};

} // namespace kurier::discovery
