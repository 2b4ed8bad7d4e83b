#include "sasl/Mechanism.h"

namespace kurier::sasl {

QByteArray mechanismName(Mechanism mechanism)
{
    switch (mechanism) {
    case Mechanism::XOAuth2: return QByteArrayLiteral("XOAUTH2");
    case Mechanism::OAuthBearer: return QByteArrayLiteral("OAUTHBEARER");
    case Mechanism::Plain: return QByteArrayLiteral("PLAIN");
    case Mechanism::Login: return QByteArrayLiteral("LOGIN");
    }
    return {};
}

std::optional<Mechanism> chooseMechanism(const QList<QByteArray> &offered, bool useOAuth)
{
    auto has = [&offered](Mechanism m) {
        const QByteArray name = mechanismName(m);
        for (const QByteArray &o : offered) {
            if (o.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    };
    const QList<Mechanism> preference = useOAuth ? QList<Mechanism>{Mechanism::XOAuth2, Mechanism::OAuthBearer}
                                                 : QList<Mechanism>{Mechanism::Plain, Mechanism::Login};
    for (Mechanism m : preference) {
        if (has(m))
            return m;
    }
    return std::nullopt;
}

} // namespace kurier::sasl
