#include "discovery/DiscoveryRequest.h"

#include <QCoreApplication>
#include <QSslConfiguration>

namespace kurier::discovery {

QNetworkRequest discoveryRequest(const QUrl &url, const QList<QSslCertificate> &extraCas, int timeoutMs,
                                 QNetworkRequest::RedirectPolicy redirects, const QByteArray &accept)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, redirects);
    request.setMaximumRedirectsAllowed(5);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setTransferTimeout(timeoutMs);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("Kurier/%1").arg(QCoreApplication::applicationVersion()));
    request.setRawHeader("Accept", accept);
    if (!extraCas.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(extraCas);
        request.setSslConfiguration(tls);
    }
    return request;
}

} // namespace kurier::discovery
