#pragma once

#include "diagnostics/Diagnostic.h"
#include "oauth/DeviceCodeFlow.h"
#include "oauth/Token.h"
#include "sasl/TokenSource.h"
#include "secrets/SecretStore.h"
#include "store/Account.h"

#include <QObject>
#include <QPointer>
#include <functional>

namespace kurier::oauth {

class TokenClient;
class BrowserFlow;

// "Give me a valid access token" for one account, for POP3, SMTP and the connection test.
// Concurrent callers share one request. Tokens are cached in memory and in the keychain until
// shortly before they expire, so other processes make no request either; a rotated refresh
// token replaces the old one in the keychain at once (RFC 6749 §6, §10.4).
class TokenProvider : public QObject
{
    Q_OBJECT
public:
    struct Result {
        Token token; // empty on failure
        diagnostics::Diagnostic diagnostic;
        [[nodiscard]] bool ok() const { return !token.isEmpty(); }
    };
    using Callback = std::function<void(const Result &)>;

    TokenProvider(store::Account account, secrets::SecretStore *secrets, QObject *parent = nullptr);
    ~TokenProvider() override;

    // forceNew: the cached token was refused by a server; get another one (refresh first).
    void requestToken(Callback done, bool forceNew = false);
    // requestToken() as the sessions ask for it (guarded: once the provider is gone, the answer
    // is "no token").
    [[nodiscard]] sasl::TokenSource tokenSource();
    void cancel();

    // For "ask for the password each time" accounts: secrets the user typed this session.
    void setSessionSecret(store::SecretName name, const QString &value) { m_sessionSecrets.insert(name, value); }
    void setRequestTimeout(int ms);
    void setDevicePollMinimumMs(int ms) { m_devicePollMinimumMs = ms; }
    [[nodiscard]] const store::Account &account() const { return m_account; }

    // Identifies what a cached token was issued for; a changed setting invalidates the cache.
    [[nodiscard]] static QString settingsFingerprint(const store::Account &account);

signals:
    // The browser method needs the user: open this URL in the system browser.
    void browserSignInRequired(const QUrl &url);
    // The device-code method needs the user: show code and address.
    void deviceCodeSignInRequired(const kurier::oauth::DeviceCodePrompt &prompt);

private:
    enum class Step { Idle, ReadingCache, ReadingRefreshToken, Refreshing, ReadingSecrets, Granting, Storing };

    void begin();
    void readCachedAccessToken();
    void readRefreshToken();
    void refresh(const QString &refreshToken);
    void readSecretsThenGrant();
    void grant(const QString &clientSecret, const QString &password);
    void onGranted(const std::variant<Token, OAuthError> &result, bool wasRefresh);
    void store(const Token &token);
    void deliver(const Result &result);
    void fail(const OAuthError &error);
    void readSecret(store::SecretName name, std::function<void(const QString &value, bool found)> done);
    [[nodiscard]] QString key(store::SecretName name) const;

    store::Account m_account;
    secrets::SecretStore *m_secrets;
    TokenClient *m_client;
    QHash<store::SecretName, QString> m_sessionSecrets;
    Token m_memory;
    bool m_forceNew = false;
    bool m_busy = false;
    QString m_rejectedAccessToken;
    QString m_currentRefreshToken;
    QList<Callback> m_waiting;
    DeviceCodeFlow *m_deviceFlow = nullptr;
    BrowserFlow *m_browserFlow = nullptr;
    int m_devicePollMinimumMs = 1000;
};

} // namespace kurier::oauth
