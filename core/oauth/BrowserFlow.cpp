#include "oauth/BrowserFlow.h"

#include "oauth/OAuthLog.h"
#include "oauth/Redaction.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QOAuthHttpServerReplyHandler>
#include <QRandomGenerator>
#include <QUrlQuery>

namespace kurier::oauth {

namespace {
QString randomUrlSafe(int bytes)
{
    QByteArray data(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(data.begin(), data.end());
    return QString::fromLatin1(data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// Qt 6.4's reply handler hands over the query values still percent-encoded (and a "+" for a
// space stays "+"), so they are decoded exactly once here.
QString decoded(const QVariant &value)
{
    QByteArray raw = value.toString().toUtf8();
    raw.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(raw));
}
} // namespace

BrowserFlow::BrowserFlow(TokenClient *client, QUrl authorizationEndpoint, QUrl tokenEndpoint, ClientCredentialsOfApp app,
                         QString scope, QString loginHint, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_authorizationEndpoint(std::move(authorizationEndpoint))
    , m_tokenEndpoint(std::move(tokenEndpoint))
    , m_app(std::move(app))
    , m_scope(std::move(scope))
    , m_loginHint(std::move(loginHint))
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(5 * 60 * 1000);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        OAuthError e;
        e.error = QStringLiteral("access_denied");
        e.description = tr("The sign-in in the browser was not completed within %1 minutes.").arg(m_timeout.interval() / 60000);
        finish(e);
    });
}

BrowserFlow::~BrowserFlow() = default;

QString BrowserFlow::newCodeVerifier()
{
    return randomUrlSafe(32); // 43 characters of [A-Za-z0-9-_], RFC 7636 §4.1
}

QString BrowserFlow::codeChallengeS256(const QString &verifier)
{
    const QByteArray hash = QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256);
    return QString::fromLatin1(hash.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

void BrowserFlow::finish(const Result &result)
{
    m_timeout.stop();
    if (m_handler) {
        m_handler->close();
        m_handler->deleteLater();
        m_handler = nullptr;
    }
    if (auto done = std::exchange(m_done, nullptr))
        done(result);
}

void BrowserFlow::cancel()
{
    OAuthError e;
    e.error = QStringLiteral("access_denied");
    e.description = tr("The sign-in was cancelled.");
    finish(e);
}

void BrowserFlow::start(std::function<void(const Result &)> done)
{
    m_done = std::move(done);
    // Three arguments: the two-argument form would pick the port overload, and the default
    // constructor listens on every interface.
    m_handler = new QOAuthHttpServerReplyHandler(QHostAddress(QHostAddress::LocalHost), 0, this);
    if (!m_handler->isListening()) {
        OAuthError e;
        e.kind = OAuthError::Kind::Network;
        e.detail = tr("Cannot listen on 127.0.0.1 for the browser's answer.");
        finish(e);
        return;
    }
    m_handler->setCallbackText(tr("Kurier has received the sign-in. You can close this page."));
    connect(m_handler, &QOAuthHttpServerReplyHandler::callbackReceived, this, &BrowserFlow::onCallback);
    m_redirectUri = m_handler->callback();
    m_state = randomUrlSafe(16);
    m_verifier = newCodeVerifier();

    QUrl url = m_authorizationEndpoint;
    QUrlQuery query(url);
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("client_id"), m_app.clientId);
    query.addQueryItem(QStringLiteral("redirect_uri"), m_redirectUri);
    if (!m_scope.isEmpty())
        query.addQueryItem(QStringLiteral("scope"), m_scope);
    query.addQueryItem(QStringLiteral("state"), m_state);
    query.addQueryItem(QStringLiteral("code_challenge"), codeChallengeS256(m_verifier));
    query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    if (!m_loginHint.isEmpty())
        query.addQueryItem(QStringLiteral("login_hint"), m_loginHint);
    // QUrlQuery leaves "+" alone, which servers read as a space: encode it.
    url.setQuery(query.query(QUrl::FullyEncoded).replace(QStringLiteral("+"), QStringLiteral("%2B")));
    m_timeout.start();
    qCDebug(lcOAuth).noquote() << "browser sign-in at" << url.toString(QUrl::RemoveQuery) << "redirect" << m_redirectUri;
    emit openUrl(url);
}

void BrowserFlow::onCallback(const QVariantMap &values)
{
    if (!m_done)
        return;
    const QString state = decoded(values.value(QStringLiteral("state")));
    if (state != m_state) {
        // Not our request (or forged, RFC 6749 §10.12): ignore it and keep waiting.
        qCWarning(lcOAuth) << "ignoring a redirect with a wrong state parameter";
        return;
    }
    if (values.contains(QStringLiteral("error"))) {
        OAuthError e;
        e.error = decoded(values.value(QStringLiteral("error")));
        e.description = decoded(values.value(QStringLiteral("error_description")));
        finish(e);
        return;
    }
    const QString code = decoded(values.value(QStringLiteral("code")));
    if (code.isEmpty()) {
        OAuthError e;
        e.kind = OAuthError::Kind::MalformedSuccess;
        e.detail = QStringLiteral("the redirect carried no authorization code");
        finish(e);
        return;
    }
    m_timeout.stop();
    m_client->post(m_tokenEndpoint, GrantForms::authorizationCode(m_app, code, m_redirectUri, m_verifier),
                   [this](const TokenClient::Reply &r) {
        finish(r.toTokenResult());
    });
}

} // namespace kurier::oauth
