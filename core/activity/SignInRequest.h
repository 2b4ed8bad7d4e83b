#pragma once

#include "oauth/DeviceCodeFlow.h"

#include <QString>
#include <QUrl>
#include <optional>

namespace kurier::activity {

// An account's OAuth sign-in needs the user. One request per sign-in, whoever was waiting for
// the token (a fetch, a send or both share it, see AccountActivity).
struct SignInRequest {
    enum class Kind {
        Browser,    // open `browserUrl` in the system browser; Kurier listens for the redirect
        DeviceCode, // show `deviceCode` (address and code) to the user
        Stopped,    // only an automatic fetch was waiting: it stopped instead of asking
    };
    QString accountId;
    Kind kind = Kind::Browser;
    QUrl browserUrl;
    std::optional<oauth::DeviceCodePrompt> deviceCode;
};

} // namespace kurier::activity
