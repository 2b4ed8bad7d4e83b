#pragma once

#include "discovery/MailConfig.h"

#include <QString>

namespace kurier::discovery {

// A configuration with where it came from: the new-account flow shows the source of every value
// ("autoconfig.example.org über HTTPS", "DNS SRV", "ausprobiert: STLS, XOAUTH2"), and one from
// outside the address's own domain needs the user's confirmation before it is used.
struct DiscoveredConfig {
    // In the order discovery prefers them (issue: local file first, probing last).
    enum class Source { LocalFile, Provider, Ispdb, Mx, Srv, Probe };

    MailConfig config;
    Source source = Source::LocalFile;
    QString origin;        // the file, URL, record or probe that gave it
    bool verified = true;  // false: read over plain http or DNS without DNSSEC, nothing vouches for it
    // A source outside the address's own domain (ISPDB, MX, SRV) names servers or OAuth
    // endpoints in another base domain: shown as such, used only after the user confirmed.
    bool pointsElsewhere = false;
};

} // namespace kurier::discovery
