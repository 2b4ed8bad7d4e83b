#include "discovery/OAuthServerMetadata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kurier::discovery {

namespace {

// An issuer compared as RFC 8414 §3.3 asks (identical), apart from a final slash, which some
// servers add and some configurations leave out.
QString comparable(const QUrl &url)
{
    QString s = url.toString(QUrl::FullyEncoded);
    while (s.endsWith(u'/'))
        s.chop(1);
    return s;
}

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue v : array) {
        if (v.isString() && out.size() < 64)
            out << v.toString().left(200);
    }
    return out;
}

} // namespace

bool OAuthServerMetadata::supportsGrant(const QString &grant) const
{
    if (grantTypes.isEmpty()) // RFC 8414 §2: omitted means authorization_code and implicit
        return grant == u"authorization_code" || grant == u"implicit";
    return grantTypes.contains(grant);
}

QList<QUrl> OAuthServerMetadata::metadataUrls(const QUrl &issuer)
{
    if (!issuer.isValid() || issuer.scheme() != u"https" || issuer.host().isEmpty())
        return {};
    QString path = issuer.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    QUrl inserted = issuer;
    inserted.setPath(QStringLiteral("/.well-known/oauth-authorization-server") + path);
    inserted.setQuery(QString());
    QUrl appended = issuer;
    appended.setPath(path + QStringLiteral("/.well-known/openid-configuration"));
    appended.setQuery(QString());
    QList<QUrl> urls{inserted, appended};
    if (!path.isEmpty()) {
        // RFC 8414 §5: OpenID's well-known name inserted like RFC 8414's, as some servers have it.
        QUrl openidInserted = issuer;
        openidInserted.setPath(QStringLiteral("/.well-known/openid-configuration") + path);
        openidInserted.setQuery(QString());
        urls << openidInserted;
    }
    return urls;
}

QUrl OAuthServerMetadata::issuerFrom(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    QUrl url = t.contains(QLatin1String("://")) ? QUrl(t, QUrl::StrictMode) : QUrl(QStringLiteral("https://") + t, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != u"https" || url.host().isEmpty() || url.hasQuery() || url.hasFragment())
        return {};
    return url;
}

OAuthServerMetadata::Parsed OAuthServerMetadata::parse(const QByteArray &json, const QUrl &expectedIssuer)
{
    Parsed r;
    if (json.size() > 256 * 1024) {
        r.error = tr("The server's metadata is larger than 256 KB.");
        return r;
    }
    QJsonParseError jsonError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &jsonError);
    if (!doc.isObject()) {
        r.error = tr("The server's metadata is not a JSON object: %1").arg(jsonError.errorString());
        return r;
    }
    const QJsonObject o = doc.object();
    OAuthServerMetadata m;
    m.issuer = QUrl(o.value(QLatin1String("issuer")).toString(), QUrl::StrictMode);
    if (!m.issuer.isValid() || comparable(m.issuer) != comparable(expectedIssuer)) {
        r.error = tr("The metadata is for the issuer \"%1\", not for %2.")
                      .arg(o.value(QLatin1String("issuer")).toString().left(200), expectedIssuer.toDisplayString());
        return r;
    }
    struct Endpoint {
        const char *name;
        QUrl *target;
    };
    for (const Endpoint &e : {Endpoint{"authorization_endpoint", &m.authorizationEndpoint}, Endpoint{"token_endpoint", &m.tokenEndpoint},
                              Endpoint{"device_authorization_endpoint", &m.deviceAuthorizationEndpoint}}) {
        const QString text = o.value(QLatin1String(e.name)).toString();
        if (text.isEmpty())
            continue;
        const QUrl url(text, QUrl::StrictMode);
        // RFC 8414 §2 / RFC 6749 §3.1–3.2: endpoints over TLS only.
        if (!url.isValid() || url.scheme() != u"https" || url.host().isEmpty()) {
            r.error = tr("The metadata names %1 \"%2\", which is not an https URL.").arg(QLatin1String(e.name), text.left(200));
            return r;
        }
        *e.target = url;
    }
    if (!m.tokenEndpoint.isValid()) {
        r.error = tr("The metadata names no token endpoint.");
        return r;
    }
    m.grantTypes = strings(o.value(QLatin1String("grant_types_supported")));
    m.codeChallengeMethods = strings(o.value(QLatin1String("code_challenge_methods_supported")));
    r.metadata = m;
    return r;
}

} // namespace kurier::discovery
