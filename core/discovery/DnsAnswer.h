#pragma once

#include <QDnsLookup>

namespace kurier::discovery::DnsAnswer {

// Whether a lookup's error only means "the name has no such records": NXDOMAIN, or a NODATA
// answer (RFC 2308 §2.2: NOERROR with an empty answer section, e.g. the MX of a name that has only
// an A record, or of an empty non-terminal). Qt 6.4's resolver backend reports NODATA as
// InvalidReplyError, because res_query() returns -1 for it; a genuinely malformed reply is
// then "nothing found" as well, which for discovery is the same outcome.
[[nodiscard]] inline bool isNoRecords(QDnsLookup::Error error)
{
    return error == QDnsLookup::NotFoundError || error == QDnsLookup::InvalidReplyError;
}

} // namespace kurier::discovery::DnsAnswer
