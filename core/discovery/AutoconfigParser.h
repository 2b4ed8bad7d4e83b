#pragma once

#include "discovery/MailConfig.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace kurier::discovery {

// The Mozilla autoconfig format (config-v1.1, the format of provider autoconfig files and of
// the ISPDB; clientID of its draft v1.2) as plain bytes in, a MailConfig out. It reads a
// document from anyone on the network, so it refuses what XML allows and the format never uses:
// any DTD (hence entity declarations and their expansion, and external entities), entity
// references other than XML's five, documents over maxBytes, nesting deeper than maxDepth, and
// more than maxServers servers. Unknown elements are skipped (the format grows); a server with
// an unknown type, socket type or no host name is left out, the rest still counts.
class AutoconfigParser
{
    Q_DECLARE_TR_FUNCTIONS(AutoconfigParser)
public:
    static constexpr qsizetype maxBytes = 256 * 1024; // the largest ISPDB file is about 10 KB
    static constexpr int maxDepth = 16;
    static constexpr int maxServers = 32;

    struct Result {
        std::optional<MailConfig> config;
        QString error; // why there is none, for the user ("line 3: …")
        [[nodiscard]] bool ok() const { return config.has_value(); }
    };

    [[nodiscard]] static Result parse(const QByteArray &document);
};

} // namespace kurier::discovery
