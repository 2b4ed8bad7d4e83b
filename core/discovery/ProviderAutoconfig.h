#pragma once

#include "discovery/ConfigFetch.h"
#include "discovery/DiscoveredConfig.h"

#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <vector>
#include <optional>

class QNetworkAccessManager;

namespace kurier::discovery {

// The provider's own autoconfig, as Thunderbird reads it: https://autoconfig.<domain>/mail/
// config-v1.1.xml and https://<domain>/.well-known/autoconfig/mail/config-v1.1.xml, both at
// once, the first preferred; the address goes along as `emailaddress` (so a provider can answer
// per user), never a password. Only when neither answers, http://autoconfig.<domain>/… as the
// last resort, without the address (plain text on the network) and marked unverified.
class ProviderAutoconfig : public QObject
{
    Q_OBJECT
public:
    explicit ProviderAutoconfig(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~ProviderAutoconfig() override;

    void setExtraCaCertificates(const QList<QSslCertificate> &certificates) { m_extraCas = certificates; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // The URLs tried for an address, in order of preference (the http one last).
    [[nodiscard]] static QList<QUrl> urlsFor(const QString &emailAddress);

    void start(const QString &emailAddress);
    void abort();
    [[nodiscard]] const std::optional<DiscoveredConfig> &result() const { return m_result; }
    // What each URL said that did not give a configuration, for the discovery's details.
    [[nodiscard]] const QStringList &errors() const { return m_errors; }
    // A redirect that left the domain, not followed (empty when none).
    [[nodiscard]] QUrl redirectedTo() const { return m_redirectedTo; }

signals:
    void finished();

private:
    void startFetch(int index);
    void onFetchFinished();

    QNetworkAccessManager *m_network;
    QList<QSslCertificate> m_extraCas;
    int m_timeoutMs = 15000;
    QString m_domain;
    QList<QUrl> m_urls;
    std::vector<std::unique_ptr<ConfigFetch>> m_fetches; // one per URL, by index; null until started
    QList<bool> m_done;
    std::optional<DiscoveredConfig> m_result;
    QStringList m_errors;
    QUrl m_redirectedTo;
    bool m_finished = false;
};

} // namespace kurier::discovery
