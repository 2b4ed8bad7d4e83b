#pragma once

#include "oauth/OAuthError.h"
#include "oauth/Token.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QSslCertificate>
#include <QUrl>
#include <functional>
#include <optional>
#include <variant>

class QNetworkAccessManager;

namespace kurier::oauth {

// Form-encoded POSTs to token endpoints (RFC 6749 §4, RFC 8628 §3.1) over verified TLS.
// Redirects only within the same origin, a transfer timeout, a bounded response size.
// Logs requests and responses with every secret field redacted.
class TokenClient : public QObject
{
    Q_OBJECT
public:
    struct Reply {
        int httpStatus = 0;
        QByteArray body;
        // Set when no HTTP answer arrived (Kind::Network or Kind::Tls).
        std::optional<OAuthError::Kind> failure;
        QString failureText;
        net::CertificateProblem certificate; // Kind::Tls with a certificate that did not verify

        // The transport failure as an OAuthError (only when `failure` is set).
        [[nodiscard]] OAuthError failureAsError() const;
        // The whole answer read as a token response: the transport failure, or what
        // TokenResponse::parse makes of status and body.
        [[nodiscard]] std::variant<Token, OAuthError> toTokenResult() const;
    };
    using Form = QList<QPair<QString, QString>>;

    explicit TokenClient(QObject *parent = nullptr);

    void setExtraCaCertificates(const QList<QSslCertificate> &certificates) { m_extraCas = certificates; }
    // Certificates the user trusts for this account (SHA-256 hex): accepted despite failed
    // verification, exactly these and only with the errors they cause.
    void setTrustedCertificates(const QList<QByteArray> &sha256) { m_trusted = sha256; }
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    void setMaxResponseSize(qint64 bytes) { m_maxResponseSize = bytes; }

    void post(const QUrl &endpoint, const Form &form, std::function<void(const Reply &)> done);

    // The request body as sent: application/x-www-form-urlencoded (RFC 6749 Appendix B).
    [[nodiscard]] static QByteArray encodeForm(const Form &form);

private:
    QNetworkAccessManager *m_network;
    QList<QSslCertificate> m_extraCas;
    QList<QByteArray> m_trusted;
    int m_timeoutMs = 30000;
    qint64 m_maxResponseSize = 256 * 1024;
};

} // namespace kurier::oauth
