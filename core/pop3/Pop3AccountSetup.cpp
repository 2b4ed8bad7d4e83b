#include "pop3/Pop3AccountSetup.h"

#include "oauth/SignInMethod.h"

namespace kurier::pop3::Pop3AccountSetup {

Pop3Session::Options sessionOptions(const store::Account &account)
{
    Pop3Session::Options o;
    o.host = account.pop3.host;
    o.port = quint16(account.pop3.effectivePort());
    o.security = account.pop3.security;
    o.acceptUnencrypted = account.pop3.acceptUnencrypted;
    o.user = account.pop3User();
    o.useOAuth = account.oauth.enabled;
    o.appOnly = account.oauth.enabled && account.oauth.method == oauth::SignInMethod::ClientCredentials;
    return o;
}

} // namespace kurier::pop3::Pop3AccountSetup
