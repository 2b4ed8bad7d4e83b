#include "discovery/ConfigFetch.h"

#include "discovery/AutoconfigParser.h"
#include "discovery/DiscoveryRequest.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace kurier::discovery {

ConfigFetch::ConfigFetch(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
}

ConfigFetch::~ConfigFetch()
{
    if (m_reply) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

bool ConfigFetch::isWithin(const QString &host, const QString &domain)
{
    const QString h = host.toLower();
    const QString d = domain.toLower();
    return !d.isEmpty() && (h == d || h.endsWith(u'.' + d));
}

void ConfigFetch::start(const QUrl &url, const QString &domain)
{
    m_domain = domain;
    m_body.clear();
    m_result = {};
    m_result.url = url;
    m_done = false;
    // Redirects: each one is checked in onRedirected() before it is followed.
    const QNetworkRequest request = discoveryRequest(url, m_extraCas, m_timeoutMs, QNetworkRequest::UserVerifiedRedirectPolicy,
                                                     "application/xml, text/xml");
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::redirected, this, &ConfigFetch::onRedirected);
    connect(m_reply, &QNetworkReply::readyRead, this, &ConfigFetch::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &ConfigFetch::onFinished);
}

void ConfigFetch::abort()
{
    if (m_reply && !m_done) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply.clear();
    }
    m_done = true;
}

void ConfigFetch::onRedirected(const QUrl &target)
{
    const QUrl current = m_result.url;
    const bool downgrade = current.scheme() == u"https" && target.scheme() != u"https";
    if (downgrade || !isWithin(target.host(), m_domain)) {
        // Another domain could hand out any servers; that needs the user's word, not ours.
        m_result.redirectedTo = target;
        end(tr("%1 redirects to %2, which is not part of %3; the redirect was not followed.")
                .arg(current.toDisplayString(), target.toDisplayString(), m_domain));
        return;
    }
    m_result.url = target;
    m_body.clear(); // whatever came with the 3xx is not the document
    emit m_reply->redirectAllowed();
}

void ConfigFetch::onReadyRead()
{
    if (m_done || !m_reply || !m_reply->isOpen())
        return;
    m_body += m_reply->read(AutoconfigParser::maxBytes + 1 - m_body.size());
    if (m_body.size() > AutoconfigParser::maxBytes)
        end(tr("%1 sends more than %2 KB; autoconfig files are a few KB.")
                .arg(m_result.url.toDisplayString())
                .arg(AutoconfigParser::maxBytes / 1024));
}

void ConfigFetch::onFinished()
{
    if (m_done || !m_reply)
        return;
    const QPointer<ConfigFetch> self(this);
    onReadyRead();
    // cppcheck-suppress knownConditionTrueFalse ; a slot of finished() may have deleted us (QPointer)
    if (!self || m_done)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_reply->error() == QNetworkReply::OperationCanceledError || m_reply->error() == QNetworkReply::TimeoutError) {
        end(tr("%1 did not answer in time.").arg(m_result.url.toDisplayString()));
        return;
    }
    if (m_reply->error() != QNetworkReply::NoError && status == 0) {
        end(tr("%1 cannot be read: %2").arg(m_result.url.toDisplayString(), m_reply->errorString()));
        return;
    }
    if (status != 200) {
        end(tr("%1 answers HTTP %2.").arg(m_result.url.toDisplayString()).arg(status));
        return;
    }
    const AutoconfigParser::Result parsed = AutoconfigParser::parse(m_body);
    if (!parsed.ok()) {
        end(tr("%1 is not a usable mail configuration: %2").arg(m_result.url.toDisplayString(), parsed.error));
        return;
    }
    m_result.config = parsed.config;
    end({});
}

void ConfigFetch::end(const QString &error)
{
    if (m_done)
        return;
    m_done = true;
    m_result.error = error;
    if (!error.isEmpty())
        m_result.config.reset();
    if (m_reply) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply.clear();
    }
    emit finished();
}

} // namespace kurier::discovery
