#pragma once

#include "oauth/GrantForms.h"
#include "oauth/OAuthError.h"
#include "oauth/Token.h"
#include "oauth/TokenClient.h"

#include <QObject>
#include <QTimer>
#include <QUrl>
#include <functional>
#include <variant>

class QOAuthHttpServerReplyHandler;

namespace kurier::oauth {

// Authorization code grant with PKCE S256 (RFC 6749 §4.1, RFC 7636) and a loopback redirect
// (RFC 8252 §7.3). Qt NetworkAuth's QOAuthHttpServerReplyHandler receives the redirect on
// 127.0.0.1 (never all interfaces, random port). The core only emits "open this URL"; the UI
// or kurierctl opens the browser. The code is exchanged through our TokenClient so the account's
// CA and our diagnostics apply (Qt 6.4's flow does its token request with neither).
class BrowserFlow : public QObject
{
    Q_OBJECT
public:
    using Result = std::variant<Token, OAuthError>;

    BrowserFlow(TokenClient *client, QUrl authorizationEndpoint, QUrl tokenEndpoint, ClientCredentialsOfApp app,
                QString scope, QString loginHint, QObject *parent = nullptr);
    ~BrowserFlow() override;

    void start(std::function<void(const Result &)> done);
    void cancel();
    void setTimeout(int ms) { m_timeout.setInterval(ms); }

    // RFC 7636 §4.1/§4.2, public for tests.
    [[nodiscard]] static QString newCodeVerifier();
    [[nodiscard]] static QString codeChallengeS256(const QString &verifier);

signals:
    void openUrl(const QUrl &url);

private:
    void onCallback(const QVariantMap &values);
    void finish(const Result &result);

    TokenClient *m_client;
    QUrl m_authorizationEndpoint;
    QUrl m_tokenEndpoint;
    ClientCredentialsOfApp m_app;
    QString m_scope;
    QString m_loginHint;
    QString m_state;
    QString m_verifier;
    QString m_redirectUri;
    QOAuthHttpServerReplyHandler *m_handler = nullptr;
    QTimer m_timeout;
    std::function<void(const Result &)> m_done;
};

} // namespace kurier::oauth
