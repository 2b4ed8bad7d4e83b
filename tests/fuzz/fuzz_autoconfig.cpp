// A Mozilla autoconfig document from anyone on the network (a provider's server, the ISPDB, a
// redirect): the parser must return a config or an error, never crash, hang or grow without
// bound, and whatever it accepts must hold what the format allows — as must the account that
// discovery proposes from it.
#include "FuzzSupport.h"
#include "discovery/AccountProposal.h"
#include "discovery/AutoconfigParser.h"
#include "discovery/Discovery.h"

#include <cstdlib>

using kurier::discovery::AutoconfigParser;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kurier::fuzz::ensureApplication();
    const QByteArray document(reinterpret_cast<const char *>(data), qsizetype(size));
    const AutoconfigParser::Result r = AutoconfigParser::parse(document);
    if (r.ok() == !r.error.isEmpty())
        std::abort(); // exactly one of the two
    if (!r.ok())
        return 0;
    const auto &c = *r.config;
    if (c.incoming.size() + c.outgoing.size() > AutoconfigParser::maxServers || (c.incoming.isEmpty() && c.outgoing.isEmpty()))
        std::abort();
    for (const auto *list : {&c.incoming, &c.outgoing}) {
        for (const auto &s : *list) {
            if (s.hostname.isEmpty() || s.port == 0 || s.hostname.contains(u'/') || s.hostname.contains(u' '))
                std::abort();
            (void)s.username(QStringLiteral("jo@example.org"));
        }
    }
    for (const QUrl *url : {&c.oauth.authorizationUrl, &c.oauth.tokenUrl}) {
        if (url->isValid() && url->scheme() != u"https")
            std::abort();
    }
    // What discovery makes of it: the domain check and the proposed account.
    kurier::discovery::DiscoveredConfig found;
    found.config = c;
    found.pointsElsewhere = kurier::discovery::Discovery::pointsOutside(c, QStringLiteral("jo@example.org"));
    const auto proposal = kurier::discovery::AccountProposal::from(found, QStringLiteral("jo@example.org"), QStringLiteral("Jo"));
    if (proposal.account.oauth.enabled && !proposal.account.oauth.tokenEndpoint.startsWith(QLatin1String("https://")))
        std::abort(); // an OAuth account only ever with an https token endpoint
    return 0;
}
