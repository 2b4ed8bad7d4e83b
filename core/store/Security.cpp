#include "store/Security.h"

#include <QCoreApplication>

namespace kurier::store {

QString securityToKey(Security security)
{
    switch (security) {
    case Security::Tls: return QStringLiteral("tls");
    case Security::StartTls: return QStringLiteral("starttls");
    case Security::None: return QStringLiteral("none");
    }
    return QStringLiteral("tls");
}

bool securityFromKey(const QString &key, Security *security)
{
    const QString k = key.trimmed().toLower();
    if (k == u"tls" || k == u"ssl" || k == u"ssl/tls")
        *security = Security::Tls;
    else if (k == u"starttls" || k == u"stls")
        *security = Security::StartTls;
    else if (k == u"none" || k == u"plain")
        *security = Security::None;
    else
        return false;
    return true;
}

QString securityDisplayName(Security security)
{
    switch (security) {
    case Security::Tls: return QStringLiteral("SSL/TLS");
    case Security::StartTls: return QStringLiteral("STARTTLS");
    case Security::None: return QCoreApplication::translate("kurier::store::Security", "None");
    }
    return {};
}

// RFC 1939 §3 (110), RFC 8314 §3.3 (995 POP3S).
int defaultPop3Port(Security security)
{
    return security == Security::Tls ? 995 : 110;
}

// RFC 6409 (587 submission), RFC 8314 §3.3 (465 submissions).
int defaultSmtpPort(Security security)
{
    return security == Security::Tls ? 465 : 587;
}

} // namespace kurier::store
