#include "oauth/JwtClaims.h"

#include "oauth/JsonNumbers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kurier::oauth {

namespace {
constexpr qsizetype kMaxTokenSize = 64 * 1024;
constexpr qint64 kLatestSeconds = 253402300799; // 9999-12-31

QString stringOrFirst(const QJsonValue &v)
{
    if (v.isArray())
        return v.toArray().first().toString();
    return v.toString();
}
} // namespace

std::optional<JwtClaims> JwtClaims::decode(const QString &token)
{
    if (token.size() > kMaxTokenSize)
        return std::nullopt;
    const QStringList parts = token.split(u'.');
    if (parts.size() != 3 || parts[1].isEmpty())
        return std::nullopt;
    const auto payload = QByteArray::fromBase64Encoding(parts[1].toLatin1(),
                                                        QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!payload)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*payload, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    JwtClaims c;
    c.audience = stringOrFirst(o.value(QStringLiteral("aud")));
    c.scopes = o.value(QStringLiteral("scp")).toString().split(u' ', Qt::SkipEmptyParts);
    for (const QJsonValue r : o.value(QStringLiteral("roles")).toArray()) // a copy: the array yields QJsonValueRef
        c.roles.append(r.toString());
    c.tenantId = o.value(QStringLiteral("tid")).toString();
    for (const char *key : {"upn", "unique_name", "preferred_username", "email"}) {
        c.user = o.value(QLatin1String(key)).toString();
        if (!c.user.isEmpty())
            break;
    }
    c.appId = o.value(QStringLiteral("appid")).toString();
    if (c.appId.isEmpty())
        c.appId = o.value(QStringLiteral("azp")).toString();
    if (const auto exp = jsonSeconds(o.value(QStringLiteral("exp"))); exp && *exp >= 0 && *exp <= kLatestSeconds)
        c.expiresAt = QDateTime::fromSecsSinceEpoch(*exp, Qt::UTC);
    return c;
}

bool JwtClaims::audienceIsExchangeOnline() const
{
    const QString a = audience.toLower();
    return a.startsWith(u"https://outlook.office365.com") || a.startsWith(u"https://outlook.office.com")
        || a == u"00000002-0000-0ff1-ce00-000000000000";
}

} // namespace kurier::oauth
