#pragma once

#include "oauth/GrantForms.h"
#include "oauth/OAuthError.h"
#include "oauth/Token.h"
#include "oauth/TokenClient.h"

#include <QJsonValue>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <functional>
#include <variant>

namespace kurier::oauth {

// What the user needs to complete a device-code sign-in on another device or in a browser.
struct DeviceCodePrompt {
    QString userCode;
    QUrl verificationUri;
    QUrl verificationUriComplete; // with the code filled in, when the server offers one
    QDateTime expiresAt;
    QString message; // the server's own instruction text, if any
};

// RFC 8628: request a device code, tell the user, poll the token endpoint honouring
// interval, slow_down, authorization_pending, access_denied and expired_token.
class DeviceCodeFlow : public QObject
{
    Q_OBJECT
public:
    using Result = std::variant<Token, OAuthError>;

    DeviceCodeFlow(TokenClient *client, QUrl deviceEndpoint, QUrl tokenEndpoint, ClientCredentialsOfApp app,
                   QString scope, QObject *parent = nullptr);

    void start(std::function<void(const Result &)> done);
    void cancel();
    // For tests: poll faster than the server's interval (never below 50 ms).
    void setMinimumIntervalMs(int ms) { m_minimumIntervalMs = ms; }

    // An hour between polls is more than any server asks for; it keeps the arithmetic in range.
    static constexpr int kMaxIntervalMs = 3600 * 1000;
    // The "interval" of a device authorization response (RFC 8628 §3.2: seconds, 5 if absent) in
    // milliseconds, at least minimumMs and at most kMaxIntervalMs. The server controls the value:
    // a huge one once overflowed `int * 1000` (undefined behaviour, found by clang-tidy).
    [[nodiscard]] static int pollIntervalMs(const QJsonValue &interval, int minimumMs);

signals:
    void promptReady(const kurier::oauth::DeviceCodePrompt &prompt);

private:
    void poll();
    void finish(const Result &result);

    TokenClient *m_client;
    QUrl m_deviceEndpoint;
    QUrl m_tokenEndpoint;
    ClientCredentialsOfApp m_app;
    QString m_scope;
    QString m_deviceCode;
    QDateTime m_expiresAt;
    int m_intervalMs = 5000;
    int m_minimumIntervalMs = 1000;
    QTimer m_timer;
    std::function<void(const Result &)> m_done;
};

} // namespace kurier::oauth
