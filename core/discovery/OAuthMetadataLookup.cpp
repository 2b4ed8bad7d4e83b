#include "discovery/OAuthMetadataLookup.h"

#include "discovery/DiscoveryRequest.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace kurier::discovery {

namespace {

constexpr qint64 kMaxBytes = 256 * 1024;

} // namespace

OAuthMetadataLookup::OAuthMetadataLookup(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
}

OAuthMetadataLookup::~OAuthMetadataLookup()
{
    if (m_reply) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void OAuthMetadataLookup::start(const QUrl &issuer)
{
    m_issuer = issuer;
    m_urls = OAuthServerMetadata::metadataUrls(issuer);
    m_result.reset();
    m_source.clear();
    m_errors.clear();
    if (m_urls.isEmpty())
        m_errors << tr("%1 is not an https issuer URL.").arg(issuer.toDisplayString());
    QMetaObject::invokeMethod(this, &OAuthMetadataLookup::tryNext, Qt::QueuedConnection);
}

void OAuthMetadataLookup::tryNext()
{
    if (m_urls.isEmpty()) {
        emit finished();
        return;
    }
    const QUrl url = m_urls.takeFirst();
    // RFC 8414 §3: the metadata is at the issuer's own URLs; a redirect is not followed.
    const QNetworkRequest request = discoveryRequest(url, m_extraCas, m_timeoutMs, QNetworkRequest::ManualRedirectPolicy,
                                                     "application/json");
    m_reply = m_network->get(request);
    QNetworkReply *reply = m_reply;
    connect(reply, &QNetworkReply::readyRead, this, [reply] {
        if (reply->bytesAvailable() + reply->pos() > kMaxBytes)
            reply->abort(); // finished() follows with OperationCanceledError
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, url] {
        reply->deleteLater();
        m_reply.clear();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() == QNetworkReply::NoError && status == 200) {
            const OAuthServerMetadata::Parsed parsed = OAuthServerMetadata::parse(reply->read(kMaxBytes + 1), m_issuer);
            if (parsed.metadata) {
                m_result = parsed.metadata;
                m_source = url;
                emit finished();
                return;
            }
            m_errors << QStringLiteral("%1: %2").arg(url.toDisplayString(), parsed.error);
        } else if (status != 0) {
            m_errors << tr("%1 answers HTTP %2.").arg(url.toDisplayString()).arg(status);
        } else {
            m_errors << tr("%1 cannot be read: %2").arg(url.toDisplayString(), reply->errorString());
        }
        tryNext();
    });
}

} // namespace kurier::discovery
