#include "oauth/TokenProvider.h"

#include "oauth/BrowserFlow.h"
#include "oauth/Endpoints.h"
#include "oauth/GrantForms.h"
#include "oauth/OAuthDiagnostics.h"
#include "oauth/OAuthLog.h"
#include "oauth/TokenClient.h"
#include "secrets/SecureErase.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>

namespace kurier::oauth {

using store::SecretName;

TokenProvider::TokenProvider(store::Account account, secrets::SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_secrets(secrets)
    , m_client(new TokenClient(this))
{
    if (!m_account.extraCaFile.isEmpty())
        m_client->setExtraCaCertificates(QSslCertificate::fromPath(m_account.extraCaFile, QSsl::Pem));
    m_client->setTrustedCertificates(m_account.trustedCertificates);
}

TokenProvider::~TokenProvider()
{
    // Passwords and secrets entered for this session only (askForSecrets), and the token.
    for (QString &value : m_sessionSecrets)
        secrets::secureErase(value);
    secrets::secureErase(m_memory.accessToken);
    secrets::secureErase(m_currentRefreshToken);
}

void TokenProvider::setRequestTimeout(int ms)
{
    m_client->setTimeout(ms);
}

QString TokenProvider::settingsFingerprint(const store::Account &a)
{
    const QString material = a.oauth.tokenEndpoint + u'\n' + a.oauth.clientId + u'\n' + a.oauth.scope + u'\n'
        + signInMethodToKey(a.oauth.method) + u'\n' + a.pop3User();
    return QString::fromLatin1(QCryptographicHash::hash(material.toUtf8(), QCryptographicHash::Sha256).toHex().left(32));
}

QString TokenProvider::key(SecretName name) const
{
    return secrets::SecretStore::keyFor(m_account.id, name);
}

void TokenProvider::readSecret(SecretName name, std::function<void(const QString &, bool)> done)
{
    if (m_sessionSecrets.contains(name)) {
        const QString value = m_sessionSecrets.value(name);
        QMetaObject::invokeMethod(this, [done = std::move(done), value] { done(value, true); }, Qt::QueuedConnection);
        return;
    }
    if (m_account.askForSecrets) {
        QMetaObject::invokeMethod(this, [done = std::move(done)] { done({}, false); }, Qt::QueuedConnection);
        return;
    }
    QPointer<TokenProvider> self(this);
    m_secrets->read(key(name), [self, done = std::move(done)](const secrets::SecretStore::Result &r) {
        if (self)
            done(r.value, r.ok());
    });
}

void TokenProvider::requestToken(Callback done, bool forceNew)
{
    m_waiting.append(std::move(done));
    m_forceNew = m_forceNew || forceNew;
    if (m_busy)
        return;
    m_busy = true;
    QMetaObject::invokeMethod(this, &TokenProvider::begin, Qt::QueuedConnection);
}

void TokenProvider::begin()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_forceNew) {
        m_rejectedAccessToken = m_memory.accessToken;
        m_memory = {};
    } else if (m_memory.isFreshAt(now)) {
        deliver({m_memory, {}});
        return;
    }
    readCachedAccessToken();
}

void TokenProvider::readCachedAccessToken()
{
    readSecret(SecretName::OAuthAccessToken, [this](const QString &value, bool found) {
        if (found && !value.isEmpty()) {
            const QJsonObject o = QJsonDocument::fromJson(value.toUtf8()).object();
            const Token cached = Token::fromCacheJson(value.toUtf8());
            const bool sameSettings = o.value(QStringLiteral("for")).toString() == settingsFingerprint(m_account);
            if (m_forceNew && cached.accessToken != m_rejectedAccessToken && sameSettings
                && cached.isFreshAt(QDateTime::currentDateTimeUtc())) {
                // Another process already replaced the refused token.
                m_memory = cached;
                deliver({cached, {}});
                return;
            }
            if (!m_forceNew && sameSettings && cached.isFreshAt(QDateTime::currentDateTimeUtc())) {
                qCDebug(lcOAuth) << "using the cached access token of" << m_account.prefix;
                m_memory = cached;
                deliver({cached, {}});
                return;
            }
        }
        readRefreshToken();
    });
}

void TokenProvider::readRefreshToken()
{
    if (m_account.oauth.method == SignInMethod::ClientCredentials) { // no refresh tokens for apps
        readSecretsThenGrant();
        return;
    }
    readSecret(SecretName::OAuthRefreshToken, [this](const QString &value, bool found) {
        const QJsonObject o = QJsonDocument::fromJson(value.toUtf8()).object();
        const QString refreshToken = o.value(QStringLiteral("refresh_token")).toString();
        if (found && !refreshToken.isEmpty() && o.value(QStringLiteral("for")).toString() == settingsFingerprint(m_account))
            refresh(refreshToken);
        else
            readSecretsThenGrant();
    });
}

void TokenProvider::refresh(const QString &refreshToken)
{
    m_currentRefreshToken = refreshToken;
    readSecret(SecretName::OAuthClientSecret, [this, refreshToken](const QString &clientSecret, bool) {
        const ClientCredentialsOfApp app{m_account.oauth.clientId, clientSecret};
        qCDebug(lcOAuth) << "refreshing the access token of" << m_account.prefix;
        m_client->post(QUrl(m_account.oauth.tokenEndpoint),
                       GrantForms::refresh(app, GrantForms::effectiveScope(m_account.oauth), refreshToken),
                       [this](const TokenClient::Reply &r) {
            onGranted(r.toTokenResult(), true);
        });
    });
}

void TokenProvider::readSecretsThenGrant()
{
    readSecret(SecretName::OAuthClientSecret, [this](const QString &clientSecret, bool) {
        if (m_account.oauth.method != SignInMethod::Password) {
            grant(clientSecret, {});
            return;
        }
        readSecret(SecretName::Pop3Password, [this, clientSecret](const QString &password, bool found) {
            if (!found || password.isEmpty()) {
                diagnostics::Diagnostic d;
                d.stage = diagnostics::Diagnostic::Stage::Keychain;
                d.summary = tr("No password is available for %1.").arg(m_account.prefix);
                d.cause = m_account.askForSecrets ? tr("This account asks for the password each time, and none was entered.")
                                                  : tr("The password is not in the keychain, or the keychain cannot be reached.");
                d.fix = tr("Enter the password in the account settings.");
                d.code = QStringLiteral("no-password");
                deliver({{}, d});
                return;
            }
            grant(clientSecret, password);
        });
    });
}

void TokenProvider::grant(const QString &clientSecret, const QString &password)
{
    const ClientCredentialsOfApp app{m_account.oauth.clientId, clientSecret};
    const QString scope = GrantForms::effectiveScope(m_account.oauth);
    const QUrl tokenEndpoint(m_account.oauth.tokenEndpoint);
    auto onReply = [this](const TokenClient::Reply &r) {
        onGranted(r.toTokenResult(), false);
    };
    switch (m_account.oauth.method) {
    case SignInMethod::Password:
        qCDebug(lcOAuth) << "password grant for" << m_account.prefix;
        m_client->post(tokenEndpoint, GrantForms::password(app, scope, m_account.pop3User(), password), onReply);
        return;
    case SignInMethod::ClientCredentials:
        qCDebug(lcOAuth) << "client credentials grant for" << m_account.prefix;
        m_client->post(tokenEndpoint, GrantForms::clientCredentials(app, scope), onReply);
        return;
    case SignInMethod::DeviceCode: {
        QString endpoint = m_account.oauth.authorizationEndpoint;
        if (endpoint.isEmpty())
            endpoint = derivedDeviceCodeEndpoint(m_account.oauth.tokenEndpoint);
        m_deviceFlow = new DeviceCodeFlow(m_client, QUrl(endpoint), tokenEndpoint, app, scope, this);
        m_deviceFlow->setMinimumIntervalMs(m_devicePollMinimumMs);
        connect(m_deviceFlow, &DeviceCodeFlow::promptReady, this, &TokenProvider::deviceCodeSignInRequired);
        m_deviceFlow->start([this](const DeviceCodeFlow::Result &result) {
            m_deviceFlow->deleteLater();
            m_deviceFlow = nullptr;
            onGranted(result, false);
        });
        return;
    }
    case SignInMethod::Browser: {
        QString endpoint = m_account.oauth.authorizationEndpoint;
        if (endpoint.isEmpty())
            endpoint = derivedAuthorizationEndpoint(m_account.oauth.tokenEndpoint);
        m_browserFlow = new BrowserFlow(m_client, QUrl(endpoint), tokenEndpoint, app, scope, m_account.pop3User(), this);
        connect(m_browserFlow, &BrowserFlow::openUrl, this, &TokenProvider::browserSignInRequired);
        m_browserFlow->start([this](const BrowserFlow::Result &result) {
            m_browserFlow->deleteLater();
            m_browserFlow = nullptr;
            onGranted(result, false);
        });
        return;
    }
    }
}

void TokenProvider::onGranted(const std::variant<Token, OAuthError> &result, bool wasRefresh)
{
    if (const auto *error = std::get_if<OAuthError>(&result)) {
        if (wasRefresh && error->kind == OAuthError::Kind::ErrorResponse && error->error == u"invalid_grant") {
            // The refresh token is dead (expired, revoked, already used): forget it and sign in
            // again with the account's method.
            qCDebug(lcOAuth) << "refresh token refused; signing in again";
            secrets::secureErase(m_currentRefreshToken);
            if (!m_account.askForSecrets)
                m_secrets->remove(key(SecretName::OAuthRefreshToken), [](const auto &) {});
            readSecretsThenGrant();
            return;
        }
        fail(*error);
        return;
    }
    Token token = std::get<Token>(result);
    // Servers need not rotate (RFC 6749 §6): keep the old refresh token when no new one came.
    if (token.refreshToken.isEmpty() && wasRefresh)
        token.refreshToken = m_currentRefreshToken;
    store(token);
}

void TokenProvider::store(const Token &token)
{
    m_memory = token;
    secrets::secureErase(m_memory.refreshToken); // not needed in memory; it lives in the keychain
    const Result result{m_memory, {}};
    if (m_account.askForSecrets) {
        deliver(result);
        return;
    }
    const QString fingerprint = settingsFingerprint(m_account);
    QJsonObject access = QJsonDocument::fromJson(token.toCacheJson()).object();
    access.insert(QStringLiteral("for"), fingerprint);
    const QString accessJson = QString::fromUtf8(QJsonDocument(access).toJson(QJsonDocument::Compact));
    QPointer<TokenProvider> self(this);
    auto storeAccess = [self, accessJson, result] {
        if (!self)
            return;
        self->m_secrets->write(self->key(SecretName::OAuthAccessToken), accessJson,
                               [self, result](const secrets::SecretStore::Result &r) {
            if (!self)
                return;
            if (!r.ok())
                qCWarning(lcOAuth) << "could not cache the access token:" << r.message;
            self->deliver(result);
        });
    };
    if (token.refreshToken.isEmpty()) {
        storeAccess();
        return;
    }
    // The rotated refresh token first: losing it would force a new sign-in.
    QJsonObject refreshObject{{QStringLiteral("refresh_token"), token.refreshToken}, {QStringLiteral("for"), fingerprint}};
    m_secrets->write(key(SecretName::OAuthRefreshToken),
                     QString::fromUtf8(QJsonDocument(refreshObject).toJson(QJsonDocument::Compact)),
                     [self, storeAccess](const secrets::SecretStore::Result &r) {
        if (!self)
            return;
        if (!r.ok())
            qCWarning(lcOAuth) << "could not store the refresh token:" << r.message;
        storeAccess();
    });
}

void TokenProvider::fail(const OAuthError &error)
{
    OAuthDiagnostics::Context context;
    context.method = m_account.oauth.method;
    context.tokenEndpoint = m_account.oauth.tokenEndpoint;
    context.clientSecretGiven = m_account.hasSecret(SecretName::OAuthClientSecret)
        || !m_sessionSecrets.value(SecretName::OAuthClientSecret).isEmpty();
    deliver({{}, OAuthDiagnostics::diagnose(error, context)});
}

void TokenProvider::deliver(const Result &result)
{
    m_busy = false;
    m_forceNew = false;
    secrets::secureErase(m_currentRefreshToken);
    const QList<Callback> waiting = std::exchange(m_waiting, {});
    for (const Callback &cb : waiting)
        cb(result);
}

sasl::TokenSource TokenProvider::tokenSource()
{
    return [self = QPointer<TokenProvider>(this)](bool forceNew, const sasl::TokenCallback &done) {
        if (!self) {
            done({}, {});
            return;
        }
        self->requestToken([done](const Result &r) { done(r.token.accessToken, r.diagnostic); }, forceNew);
    };
}

void TokenProvider::cancel()
{
    if (m_deviceFlow)
        m_deviceFlow->cancel();
    if (m_browserFlow)
        m_browserFlow->cancel();
}

} // namespace kurier::oauth
