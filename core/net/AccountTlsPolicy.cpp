#include "net/AccountTlsPolicy.h"

#include "net/SslTransport.h"

namespace kurier::net {

bool tlsPolicyForAccount(const store::Account &account, TlsPolicy *policy, QString *error)
{
    *policy = {};
    policy->pinnedSha256 = account.trustedCertificates;
    if (account.extraCaFile.isEmpty())
        return true;
    policy->extraCaCertificates = SslTransport::loadCaFile(account.extraCaFile, error);
    return !policy->extraCaCertificates.isEmpty();
}

} // namespace kurier::net
