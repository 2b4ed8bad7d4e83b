#pragma once

#include "discovery/ConfigFetch.h"
#include "discovery/DiscoveredConfig.h"

#include <QObject>
#include <QUrl>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace kurier::discovery {

// The Mozilla ISPDB, the database of provider configurations Thunderbird and K-9 Mail ask:
// <base><domain> gives the config-v1.1 document of the provider serving that domain. Only the
// domain is sent, never the address. The base URL is a setting (an organisation may mirror
// it); redirects stay on the ISPDB's own host.
class IspdbLookup : public QObject
{
    Q_OBJECT
public:
    // Thunderbird's public ISPDB.
    [[nodiscard]] static QUrl defaultBaseUrl() { return QUrl(QStringLiteral("https://autoconfig.thunderbird.net/v1.1/")); }

    explicit IspdbLookup(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~IspdbLookup() override;

    void setBaseUrl(const QUrl &base) { m_base = base; }
    void setExtraCaCertificates(const QList<QSslCertificate> &certificates) { m_extraCas = certificates; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // The URL asked for a domain (lower case, IDNA ASCII); invalid for a name that is not one.
    [[nodiscard]] QUrl urlFor(const QString &domain) const;

    void start(const QString &domain);
    void abort();
    [[nodiscard]] const std::optional<DiscoveredConfig> &result() const { return m_result; }
    [[nodiscard]] QString error() const { return m_error; }

signals:
    void finished();

private:
    QNetworkAccessManager *m_network;
    QUrl m_base = defaultBaseUrl();
    QList<QSslCertificate> m_extraCas;
    int m_timeoutMs = 15000;
    std::unique_ptr<ConfigFetch> m_fetch;
    std::optional<DiscoveredConfig> m_result;
    QString m_error;
};

} // namespace kurier::discovery
