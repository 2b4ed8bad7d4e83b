#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace kurier::sasl {

// The SASL mechanisms Kurier speaks, strongest first. We build the strings ourselves.
enum class Mechanism {
    XOAuth2,     // Google/Microsoft; what Exchange Online expects
    OAuthBearer, // RFC 7628
    Plain,       // RFC 4616
    Login,       // draft-murchison-sasl-login; still the only one some servers offer
};

[[nodiscard]] QByteArray mechanismName(Mechanism mechanism);

// Picks the mechanism to use from what the server offers (CAPA SASL / EHLO AUTH), or nullopt.
// With OAuth only the token mechanisms count; without, only the password ones.
[[nodiscard]] std::optional<Mechanism> chooseMechanism(const QList<QByteArray> &offered, bool useOAuth);

} // namespace kurier::sasl
