#pragma once

#include "discovery/DiscoveredConfig.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace kurier::discovery {

// The first discovery source: a config-v1.1 file for the domain deployed on this machine — by
// the user ($XDG_CONFIG_HOME/kurier/autoconfig/<domain>.xml) or by an organisation for everyone
// ($XDG_CONFIG_DIRS, e.g. /etc/xdg/kurier/autoconfig/<domain>.xml). The user's own file wins.
// Nothing goes over the network, so it answers at once.
class LocalAutoconfig
{
    Q_DECLARE_TR_FUNCTIONS(LocalAutoconfig)
public:
    struct Result {
        std::optional<DiscoveredConfig> found;
        QString error; // a file was there but could not be used (named, with why)
    };

    // The directories searched, the user's first.
    [[nodiscard]] static QStringList directories();
    // The domain as a file name: lower case, IDNA ASCII form (RFC 5891), only letters, digits,
    // hyphens and dots between labels; empty when it is not a domain (no "..", no "/").
    [[nodiscard]] static QString fileNameFor(const QString &domain);
    [[nodiscard]] static Result find(const QString &domain);
};

} // namespace kurier::discovery
