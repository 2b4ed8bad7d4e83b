#include "oauth/Token.h"

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
    if (o.contains(QStringLiteral("expires_at")))
        t.expiresAt = QDateTime::fromSecsSinceEpoch(qint64(o.value(QStringLiteral("expires_at")).toDouble()), Qt::UTC);
    t.scope = o.value(QStringLiteral("scope")).toString();
    return t;
}

} // namespace kurier::oauth
