#pragma once

#include "discovery/MailConfig.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace kurier::discovery {

// Reads one autoconfig document over HTTP(S) and parses it (AutoconfigParser): the provider's
// own autoconfig host and .well-known path and the ISPDB all go through here. What a hostile
// network could try is refused: a body over AutoconfigParser::maxBytes (cut off while it
// arrives), a redirect to another domain or from https to http (reported, never followed
// silently), any request for credentials (none is ever sent, nor a cookie), a server that does
// not answer within the timeout. Certificates are verified.
class ConfigFetch : public QObject
{
    Q_OBJECT
public:
    struct Result {
        std::optional<MailConfig> config;
        QString error;       // why there is none
        QUrl url;            // where it was read from, after redirects within the domain
        QUrl redirectedTo;   // set when a redirect left the domain (or https): not followed
        [[nodiscard]] bool ok() const { return config.has_value(); }
    };

    explicit ConfigFetch(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~ConfigFetch() override;

    // Certificates to trust besides the system's (tests: the test CA).
    void setExtraCaCertificates(const QList<QSslCertificate> &certificates) { m_extraCas = certificates; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // GET `url`; redirects are followed only to hosts in `domain` (itself or below it) and never
    // from https to http. finished() follows once.
    void start(const QUrl &url, const QString &domain);
    void abort();
    [[nodiscard]] const Result &result() const { return m_result; }

    // Whether `host` is `domain` or a name below it (case-insensitive, whole labels).
    [[nodiscard]] static bool isWithin(const QString &host, const QString &domain);

signals:
    void finished();

private:
    void onRedirected(const QUrl &target);
    void onReadyRead();
    void onFinished();
    void end(const QString &error);

    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
    QList<QSslCertificate> m_extraCas;
    int m_timeoutMs = 15000;
    QString m_domain;
    QByteArray m_body;
    Result m_result;
    bool m_done = false;
};

} // namespace kurier::discovery
