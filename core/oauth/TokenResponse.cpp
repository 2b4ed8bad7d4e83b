#include "oauth/TokenResponse.h"

#include "oauth/JsonNumbers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace kurier::oauth {

namespace {

// Lifetimes beyond a year are nonsense (or an attack on our cache); treat as unknown.
constexpr qint64 kMaxLifetimeSeconds = 365LL * 24 * 3600;

OAuthError errorFromObject(int httpStatus, const QJsonObject &o)
{
    OAuthError e;
    e.kind = OAuthError::Kind::ErrorResponse;
    e.httpStatus = httpStatus;
    e.error = o.value(QStringLiteral("error")).toString();
    e.description = o.value(QStringLiteral("error_description")).toString();
    for (const QJsonValue c : o.value(QStringLiteral("error_codes")).toArray()) { // a copy: the array yields QJsonValueRef
        if (const auto code = jsonSeconds(c); code && *code > 0)
            e.errorCodes.append(*code);
    }
    e.traceId = o.value(QStringLiteral("trace_id")).toString();
    e.correlationId = o.value(QStringLiteral("correlation_id")).toString();
    e.timestamp = o.value(QStringLiteral("timestamp")).toString();
    return e;
}

} // namespace

QString TokenResponse::excerpt(const QByteArray &body, int maxChars)
{
    QString text = QString::fromUtf8(body.left(64 * 1024));
    static const QRegularExpression scripts(QStringLiteral("<(script|style)[^>]*>.*?</\\1>"),
                                            QRegularExpression::CaseInsensitiveOption
                                                | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    text.remove(scripts);
    text.replace(tags, QStringLiteral(" "));
    text = text.simplified();
    // Never echo control characters from a hostile server into a terminal or label.
    text.removeIf([](QChar c) { return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format; });
    if (text.size() > maxChars)
        text = text.left(maxChars - 1) + QChar(0x2026);
    return text;
}

TokenResponse::Result TokenResponse::parse(int httpStatus, const QByteArray &body, const QDateTime &now)
{
    if (body.size() > kMaxBodySize) {
        OAuthError e;
        e.kind = OAuthError::Kind::NotJson;
        e.httpStatus = httpStatus;
        e.detail = QStringLiteral("response larger than %1 bytes").arg(kMaxBodySize);
        return e;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        OAuthError e;
        e.kind = OAuthError::Kind::NotJson;
        e.httpStatus = httpStatus;
        e.detail = excerpt(body);
        return e;
    }
    const QJsonObject o = doc.object();
    // RFC 6749 §5.2 says 400, but servers use 401 and others; the "error" member decides.
    if (o.contains(QStringLiteral("error")) || httpStatus < 200 || httpStatus >= 300)
        return errorFromObject(httpStatus, o);

    Token t;
    const QJsonValue access = o.value(QStringLiteral("access_token"));
    if (!access.isString() || access.toString().isEmpty()) {
        OAuthError e;
        e.kind = OAuthError::Kind::MalformedSuccess;
        e.httpStatus = httpStatus;
        e.detail = QStringLiteral("no access_token in the response");
        return e;
    }
    t.accessToken = access.toString();
    const QString type = o.value(QStringLiteral("token_type")).toString();
    if (!type.isEmpty() && type.compare(u"bearer", Qt::CaseInsensitive) != 0) {
        OAuthError e;
        e.kind = OAuthError::Kind::MalformedSuccess;
        e.httpStatus = httpStatus;
        e.detail = QStringLiteral("token_type \"%1\" is not Bearer").arg(type.left(40));
        return e;
    }
    if (const auto expiresIn = jsonSeconds(o.value(QStringLiteral("expires_in")));
        expiresIn && *expiresIn > 0 && *expiresIn <= kMaxLifetimeSeconds)
        t.expiresAt = now.toUTC().addSecs(*expiresIn);
    t.refreshToken = o.value(QStringLiteral("refresh_token")).toString();
    t.scope = o.value(QStringLiteral("scope")).toString();
    return t;
}

} // namespace kurier::oauth
