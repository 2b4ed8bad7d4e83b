#include "oauth/DeviceCodeFlow.h"

#include "oauth/JsonNumbers.h"

#include "oauth/OAuthLog.h"
#include "oauth/TokenResponse.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace kurier::oauth {

DeviceCodeFlow::DeviceCodeFlow(TokenClient *client, QUrl deviceEndpoint, QUrl tokenEndpoint, ClientCredentialsOfApp app,
                               QString scope, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_deviceEndpoint(std::move(deviceEndpoint))
    , m_tokenEndpoint(std::move(tokenEndpoint))
    , m_app(std::move(app))
    , m_scope(std::move(scope))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &DeviceCodeFlow::poll);
}

void DeviceCodeFlow::finish(const Result &result)
{
    m_timer.stop();
    if (auto done = std::exchange(m_done, nullptr))
        done(result);
}

void DeviceCodeFlow::cancel()
{
    OAuthError e;
    e.error = QStringLiteral("access_denied");
    e.description = tr("The sign-in was cancelled.");
    finish(e);
}

int DeviceCodeFlow::pollIntervalMs(const QJsonValue &interval, int minimumMs)
{
    // Clamped in seconds first, so that neither the milliseconds nor the 5 s added per slow_down
    // can overflow an int.
    const qint64 seconds = std::clamp(jsonSeconds(interval).value_or(5), qint64{0}, qint64{kMaxIntervalMs / 1000});
    return std::clamp(int(seconds * 1000), std::min(minimumMs, kMaxIntervalMs), kMaxIntervalMs);
}

void DeviceCodeFlow::start(std::function<void(const Result &)> done)
{
    m_done = std::move(done);
    m_client->post(m_deviceEndpoint, GrantForms::deviceAuthorization(m_app, m_scope), [this](const TokenClient::Reply &r) {
        if (!m_done)
            return;
        if (r.failure) {
            finish(r.failureAsError());
            return;
        }
        QJsonParseError parseError;
        const QJsonObject o = QJsonDocument::fromJson(r.body, &parseError).object();
        if (parseError.error != QJsonParseError::NoError || o.contains(QStringLiteral("error")) || r.httpStatus != 200) {
            // Same error shape as the token endpoint (RFC 8628 §3.2 refers to RFC 6749 §5.2).
            const auto parsed = TokenResponse::parse(r.httpStatus == 200 ? 400 : r.httpStatus, r.body, QDateTime::currentDateTimeUtc());
            finish(std::get<OAuthError>(parsed));
            return;
        }
        m_deviceCode = o.value(QStringLiteral("device_code")).toString();
        DeviceCodePrompt prompt;
        prompt.userCode = o.value(QStringLiteral("user_code")).toString();
        // RFC 8628 says verification_uri; Google says verification_url.
        prompt.verificationUri = QUrl(o.value(QStringLiteral("verification_uri")).toString(
            o.value(QStringLiteral("verification_url")).toString()));
        prompt.verificationUriComplete = QUrl(o.value(QStringLiteral("verification_uri_complete")).toString());
        prompt.message = o.value(QStringLiteral("message")).toString();
        // RFC 8628 §3.2 requires expires_in; a missing or absurd one means Microsoft's 15 minutes.
        const qint64 expiresIn = jsonSeconds(o.value(QStringLiteral("expires_in"))).value_or(900);
        m_expiresAt = QDateTime::currentDateTimeUtc().addSecs(expiresIn > 0 && expiresIn <= 24 * 3600 ? expiresIn : 900);
        prompt.expiresAt = m_expiresAt;
        m_intervalMs = pollIntervalMs(o.value(QStringLiteral("interval")), m_minimumIntervalMs);
        if (m_deviceCode.isEmpty() || prompt.userCode.isEmpty() || !prompt.verificationUri.isValid()) {
            OAuthError e;
            e.kind = OAuthError::Kind::MalformedSuccess;
            e.httpStatus = r.httpStatus;
            e.detail = QStringLiteral("device authorization response without device_code, user_code or verification_uri");
            finish(e);
            return;
        }
        qCDebug(lcOAuth) << "device code issued; polling every" << m_intervalMs << "ms";
        emit promptReady(prompt);
        m_timer.start(m_intervalMs);
    });
}

void DeviceCodeFlow::poll()
{
    if (QDateTime::currentDateTimeUtc() >= m_expiresAt) {
        OAuthError e;
        e.error = QStringLiteral("expired_token");
        finish(e);
        return;
    }
    m_client->post(m_tokenEndpoint, GrantForms::deviceToken(m_app, m_deviceCode), [this](const TokenClient::Reply &r) {
        if (!m_done)
            return;
        if (r.failure) {
            // A network hiccup while the user types the code is no reason to give up.
            if (*r.failure == OAuthError::Kind::Network) {
                m_timer.start(m_intervalMs);
                return;
            }
            finish(r.failureAsError());
            return;
        }
        const auto result = r.toTokenResult();
        if (const auto *error = std::get_if<OAuthError>(&result);
            error && error->kind == OAuthError::Kind::ErrorResponse) {
            if (error->error == u"authorization_pending") {
                m_timer.start(m_intervalMs);
                return;
            }
            if (error->error == u"slow_down") { // RFC 8628 §3.5: add 5 seconds
                m_intervalMs = std::min(m_intervalMs + std::max(5000, m_minimumIntervalMs), kMaxIntervalMs);
                m_timer.start(m_intervalMs);
                return;
            }
        }
        finish(result);
    });
}

} // namespace kurier::oauth
