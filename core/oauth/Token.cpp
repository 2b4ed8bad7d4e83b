#include "oauth/Token.h"

#include "oauth/JsonNumbers.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace kurier::oauth {

QByteArray Token::toCacheJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("access_token"), accessToken);
    o.insert(QStringLiteral("token_type"), tokenType);
    if (expiresAt.isValid())
        o.insert(QStringLiteral("expires_at"), expiresAt.toSecsSinceEpoch());
    if (!scope.isEmpty())
        o.insert(QStringLiteral("scope"), scope);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Token Token::fromCacheJson(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    Token t;
    t.accessToken = o.value(QStringLiteral("access_token")).toString();
    t.tokenType = o.value(QStringLiteral("token_type")).toString(QStringLiteral("Bearer"));
    // The keychain entry may be old or edited: only a plausible time counts.
    if (const auto at = jsonSeconds(o.value(QStringLiteral("expires_at"))); at && *at > 0 && *at <= 253402300799)
        t.expiresAt = QDateTime::fromSecsSinceEpoch(*at, Qt::UTC);
    t.scope = o.value(QStringLiteral("scope")).toString();
    return t;
}

} // namespace kurier::oauth
