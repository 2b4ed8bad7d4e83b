#include "store/Account.h"

#include <QUuid>

namespace kurier::store {

QString secretNameToKey(SecretName name)
{
    switch (name) {
    case SecretName::Pop3Password: return QStringLiteral("pop3-password");
    case SecretName::SmtpPassword: return QStringLiteral("smtp-password");
    case SecretName::OAuthClientSecret: return QStringLiteral("oauth-client-secret");
    case SecretName::OAuthRefreshToken: return QStringLiteral("oauth-refresh-token");
    case SecretName::OAuthAccessToken: return QStringLiteral("oauth-access-token");
    }
    return {};
}

bool secretNameFromKey(const QString &key, SecretName *name)
{
    for (SecretName n : {SecretName::Pop3Password, SecretName::SmtpPassword, SecretName::OAuthClientSecret,
                         SecretName::OAuthRefreshToken, SecretName::OAuthAccessToken}) {
        if (secretNameToKey(n) == key) {
            *name = n;
            return true;
        }
    }
    return false;
}

QString leaveOnServerToKey(LeaveOnServer policy)
{
    switch (policy) {
    case LeaveOnServer::Keep: return QStringLiteral("keep");
    case LeaveOnServer::DeleteAfterDays: return QStringLiteral("delete-after-days");
    case LeaveOnServer::DeleteAfterDownload: return QStringLiteral("delete-after-download");
    }
    return QStringLiteral("keep");
}

bool leaveOnServerFromKey(const QString &key, LeaveOnServer *policy)
{
    for (LeaveOnServer p : {LeaveOnServer::Keep, LeaveOnServer::DeleteAfterDays, LeaveOnServer::DeleteAfterDownload}) {
        if (leaveOnServerToKey(p) == key) {
            *policy = p;
            return true;
        }
    }
    return false;
}

QString smtpAuthToKey(SmtpAuth auth)
{
    switch (auth) {
    case SmtpAuth::SameAsPop3: return QStringLiteral("same");
    case SmtpAuth::Password: return QStringLiteral("password");
    case SmtpAuth::None: return QStringLiteral("none");
    }
    return QStringLiteral("same");
}

bool smtpAuthFromKey(const QString &key, SmtpAuth *auth)
{
    for (SmtpAuth a : {SmtpAuth::SameAsPop3, SmtpAuth::Password, SmtpAuth::None}) {
        if (smtpAuthToKey(a) == key) {
            *auth = a;
            return true;
        }
    }
    return false;
}

QString newAccountId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace kurier::store
