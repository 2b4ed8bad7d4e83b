#pragma once

#include "discovery/OAuthServerMetadata.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QStringList>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace kurier::discovery {

// Reads an issuer's metadata (OAuthServerMetadata::metadataUrls, one after the other until one
// answers) over https with the system's certificate verification: no redirects (the metadata
// is at the issuer's own URLs, RFC 8414 §3), no cookies or credentials, 256 KB at most, a
// timeout. finished() once.
class OAuthMetadataLookup : public QObject
{
    Q_OBJECT
public:
    explicit OAuthMetadataLookup(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~OAuthMetadataLookup() override;

    void setExtraCaCertificates(const QList<QSslCertificate> &certificates) { m_extraCas = certificates; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    void start(const QUrl &issuer);
    [[nodiscard]] const std::optional<OAuthServerMetadata> &result() const { return m_result; }
    // Where it came from, or why there is none (each URL tried, with what it said).
    [[nodiscard]] QUrl source() const { return m_source; }
    [[nodiscard]] const QStringList &errors() const { return m_errors; }

signals:
    void finished();

private:
    void tryNext();

    QNetworkAccessManager *m_network;
    QList<QSslCertificate> m_extraCas;
    int m_timeoutMs = 15000;
    QUrl m_issuer;
    QList<QUrl> m_urls;
    QPointer<QNetworkReply> m_reply;
    std::optional<OAuthServerMetadata> m_result;
    QUrl m_source;
    QStringList m_errors;
};

} // namespace kurier::discovery
