#include "oauth/Endpoints.h"

#include <QUrl>

namespace kurier::oauth {

namespace {
const QString kMicrosoftTokenSuffix = QStringLiteral("/oauth2/v2.0/token");

QString replaceMicrosoftSuffix(const QString &tokenEndpoint, const QString &last)
{
    QUrl url(tokenEndpoint, QUrl::StrictMode);
    if (!url.isValid() || !url.path().endsWith(kMicrosoftTokenSuffix))
        return {};
    QString path = url.path();
    path.chop(int(QStringView(u"token").size()));
    url.setPath(path + last);
    return url.toString();
}
} // namespace

bool isMicrosoftHost(const QString &host)
{
    const QString h = host.toLower();
    // Public cloud, US government and China (21Vianet) clouds.
    return h == u"login.microsoftonline.com" || h == u"login.microsoft.com"
        || h == u"login.microsoftonline.us" || h == u"login.partner.microsoftonline.cn";
}

bool isMicrosoftTokenEndpoint(const QString &tokenEndpoint)
{
    return isMicrosoftHost(QUrl(tokenEndpoint).host());
}

QString derivedAuthorizationEndpoint(const QString &tokenEndpoint)
{
    if (QUrl(tokenEndpoint).host().toLower() == u"oauth2.googleapis.com")
        return QStringLiteral("https://accounts.google.com/o/oauth2/v2/auth");
    return replaceMicrosoftSuffix(tokenEndpoint, QStringLiteral("authorize"));
}

QString derivedDeviceCodeEndpoint(const QString &tokenEndpoint)
{
    if (QUrl(tokenEndpoint).host().toLower() == u"oauth2.googleapis.com")
        return QStringLiteral("https://oauth2.googleapis.com/device/code");
    return replaceMicrosoftSuffix(tokenEndpoint, QStringLiteral("devicecode"));
}

} // namespace kurier::oauth
