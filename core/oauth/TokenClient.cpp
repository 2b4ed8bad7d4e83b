#include "oauth/TokenClient.h"

#include "diagnostics/SecondsText.h"
#include "net/SslErrorText.h"
#include "oauth/OAuthLog.h"
#include "oauth/Redaction.h"
#include "oauth/TokenResponse.h"
#include "secrets/SecureErase.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QCryptographicHash>
#include <QSslConfiguration>

namespace kurier::oauth {

OAuthError TokenClient::Reply::failureAsError() const
{
    OAuthError e;
    e.kind = failure.value_or(OAuthError::Kind::Network);
    e.detail = failureText;
    e.certificate = certificate;
    return e;
}

std::variant<Token, OAuthError> TokenClient::Reply::toTokenResult() const
{
    if (failure)
        return failureAsError();
    return TokenResponse::parse(httpStatus, body, QDateTime::currentDateTimeUtc());
}

TokenClient::TokenClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    // Token requests carry secrets: never through a cache, never to another origin.
    m_network->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
}

QByteArray TokenClient::encodeForm(const Form &form)
{
    // Appendix B: application/x-www-form-urlencoded, UTF-8; space as "+" is allowed but "%20" is
    // understood by every server, and "+" literal in a secret must become "%2B".
    // The form holds passwords, client secrets and refresh tokens: room for the worst case up
    // front (a UTF-16 unit is at most 3 UTF-8 bytes, 9 percent-encoded), so that growing never
    // leaves a freed copy behind; the encoded values are overwritten once appended.
    qsizetype worstCase = 0;
    for (const auto &[name, value] : form)
        worstCase += 9 * (name.size() + value.size()) + 2;
    QByteArray body;
    body.reserve(worstCase);
    for (const auto &[name, value] : form) {
        if (!body.isEmpty())
            body += '&';
        QByteArray encoded = QUrl::toPercentEncoding(value);
        body += QUrl::toPercentEncoding(name) + '=' + encoded;
        secrets::secureErase(encoded);
    }
    return body;
}

void TokenClient::post(const QUrl &endpoint, const Form &form, std::function<void(const Reply &)> done)
{
    QNetworkRequest request(endpoint);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setTransferTimeout(m_timeoutMs);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    if (!m_extraCas.isEmpty())
        tls.addCaCertificates(m_extraCas);
    request.setSslConfiguration(tls);

    // QNetworkAccessManager keeps its own reference to the body until the upload is done; that
    // copy is out of our reach (see secrets/SecureErase.h).
    const QByteArray body = encodeForm(form);
    qCDebug(lcOAuth).noquote() << "POST" << endpoint.toString(QUrl::RemoveUserInfo) << Redaction::redactForm(body);
    QNetworkReply *reply = m_network->post(request, body);

    auto sslErrors = std::make_shared<QStringList>();
    auto problem = std::make_shared<net::CertificateProblem>();
    auto tooLarge = std::make_shared<bool>(false);
    connect(reply, &QNetworkReply::sslErrors, reply, [reply, sslErrors, problem, trusted = m_trusted, host = endpoint.host()](const QList<QSslError> &errors) {
        const QSslCertificate peer = errors.isEmpty() ? QSslCertificate() : errors.first().certificate();
        const QSslCertificate presented = peer.isNull() ? reply->sslConfiguration().peerCertificate() : peer;
        const QByteArray sha256 = presented.isNull() ? QByteArray() : presented.digest(QCryptographicHash::Sha256).toHex();
        if (!sha256.isEmpty() && trusted.contains(sha256)) {
            reply->ignoreSslErrors(errors); // exactly these errors, for exactly this certificate
            return;
        }
        for (const QSslError &e : errors)
            sslErrors->append(net::sslErrorText(e));
        if (!sha256.isEmpty())
            sslErrors->append(QStringLiteral("certificate SHA-256 ") + QString::fromLatin1(sha256));
        if (!presented.isNull()) {
            problem->host = host;
            problem->subject = presented.subjectDisplayName();
            problem->issuer = presented.issuerDisplayName();
            problem->validFrom = presented.effectiveDate();
            problem->validUntil = presented.expiryDate();
            problem->sha256 = sha256;
            for (const QSslError &e : errors)
                problem->errors << net::sslErrorText(e);
        }
    });
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply, tooLarge, max = m_maxResponseSize](qint64 received, qint64) {
        if (received > max && !*tooLarge) {
            *tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done), sslErrors, problem, tooLarge, this] {
        reply->deleteLater();
        Reply r;
        r.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (*tooLarge) {
            r.failure = OAuthError::Kind::Network;
            r.failureText = tr("The answer was larger than %1 bytes and was discarded.").arg(m_maxResponseSize);
        } else if (!sslErrors->isEmpty()) {
            r.failure = OAuthError::Kind::Tls;
            r.failureText = sslErrors->join(QStringLiteral("; "));
            r.certificate = *problem;
        } else if (reply->error() == QNetworkReply::SslHandshakeFailedError) {
            r.failure = OAuthError::Kind::Tls;
            r.failureText = reply->errorString();
        } else if (r.httpStatus == 0) {
            r.failure = OAuthError::Kind::Network;
            r.failureText = reply->error() == QNetworkReply::OperationCanceledError
                    || reply->error() == QNetworkReply::TimeoutError
                ? tr("No answer within %1 seconds.").arg(diagnostics::secondsText(m_timeoutMs))
                : reply->errorString();
        } else {
            r.body = reply->readAll();
            if (r.body.size() > m_maxResponseSize) {
                r.failure = OAuthError::Kind::Network;
                r.failureText = tr("The answer was larger than %1 bytes and was discarded.").arg(m_maxResponseSize);
                r.body.clear();
            }
        }
        if (r.failure)
            qCDebug(lcOAuth).noquote() << "token request failed:" << r.failureText;
        else
            qCDebug(lcOAuth).noquote() << "HTTP" << r.httpStatus << Redaction::redactJson(r.body);
        done(r);
    });
}

} // namespace kurier::oauth
