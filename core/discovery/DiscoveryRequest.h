#pragma once

#include <QList>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QUrl>

namespace kurier::discovery {

// The one way discovery asks a server for something (ConfigFetch, OAuthMetadataLookup): a GET
// that carries no secret — no cookie sent or kept, no stored credentials, nothing from a cache
// — with a timeout, the system's certificate verification plus `extraCas` (tests: the test
// CA), and redirects as the caller says (UserVerified: each checked; Manual: none followed).
[[nodiscard]] QNetworkRequest discoveryRequest(const QUrl &url, const QList<QSslCertificate> &extraCas, int timeoutMs,
                                               QNetworkRequest::RedirectPolicy redirects, const QByteArray &accept);

} // namespace kurier::discovery
