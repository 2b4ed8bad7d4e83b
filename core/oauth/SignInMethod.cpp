#include "oauth/SignInMethod.h"

#include <QCoreApplication>

namespace kurier::oauth {

QString signInMethodToKey(SignInMethod method)
{
    switch (method) {
    case SignInMethod::Password: return QStringLiteral("password");
    case SignInMethod::Browser: return QStringLiteral("browser");
    case SignInMethod::DeviceCode: return QStringLiteral("device");
    case SignInMethod::ClientCredentials: return QStringLiteral("client-credentials");
    }
    return QStringLiteral("password");
}

bool signInMethodFromKey(const QString &key, SignInMethod *method)
{
    const QString k = key.trimmed().toLower();
    if (k == u"password")
        *method = SignInMethod::Password;
    else if (k == u"browser")
        *method = SignInMethod::Browser;
    else if (k == u"device" || k == u"device-code")
        *method = SignInMethod::DeviceCode;
    else if (k == u"client-credentials")
        *method = SignInMethod::ClientCredentials;
    else
        return false;
    return true;
}

QString signInMethodDisplayName(SignInMethod method)
{
    switch (method) {
    case SignInMethod::Password:
        return QCoreApplication::translate("kurier::oauth::SignInMethod", "User name and password");
    case SignInMethod::Browser:
        return QCoreApplication::translate("kurier::oauth::SignInMethod", "Sign in with the web browser");
    case SignInMethod::DeviceCode:
        return QCoreApplication::translate("kurier::oauth::SignInMethod", "Sign in with a device code");
    case SignInMethod::ClientCredentials:
        return QCoreApplication::translate("kurier::oauth::SignInMethod", "App-only (client credentials)");
    }
    return {};
}

bool signInMethodNeedsUserPassword(SignInMethod method)
{
    return method == SignInMethod::Password;
}

bool signInMethodNeedsClientSecret(SignInMethod method)
{
    return method == SignInMethod::ClientCredentials;
}

} // namespace kurier::oauth
