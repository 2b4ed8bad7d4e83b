#include "oauth/Redaction.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>

namespace kurier::oauth {

namespace {
const QByteArray kRedacted = QByteArrayLiteral("<redacted>");
}

bool Redaction::isSecretField(QByteArrayView name)
{
    static const QByteArrayView secret[] = {"client_secret", "password", "refresh_token", "access_token", "id_token",
                                            "code", "code_verifier", "device_code", "assertion", "client_assertion"};
    for (QByteArrayView s : secret) {
        if (name == s)
            return true;
    }
    return false;
}

QByteArray Redaction::redactForm(const QByteArray &formBody)
{
    QList<QByteArray> pairs = formBody.split('&');
    for (QByteArray &pair : pairs) {
        const qsizetype eq = pair.indexOf('=');
        const QByteArray name = QByteArray::fromPercentEncoding(eq < 0 ? pair : pair.left(eq));
        if (isSecretField(name))
            pair = pair.left(eq < 0 ? pair.size() : eq) + '=' + kRedacted;
    }
    return pairs.join('&');
}

QByteArray Redaction::redactJson(const QByteArray &json)
{
    QJsonParseError error;
    QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        // Not JSON: we cannot know where secrets are; say how much there was, not what.
        return QByteArrayLiteral("<") + QByteArray::number(json.size()) + QByteArrayLiteral(" bytes, not JSON>");
    }
    QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (isSecretField(it.key().toUtf8()))
            it.value() = QString::fromLatin1(kRedacted);
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString Redaction::redactUrl(const QString &url)
{
    QUrl u(url);
    QUrlQuery query(u);
    const auto items = query.queryItems(QUrl::FullyEncoded);
    QUrlQuery cleaned;
    for (const auto &[key, value] : items)
        cleaned.addQueryItem(key, isSecretField(key.toUtf8()) ? QString::fromLatin1(kRedacted) : value);
    u.setQuery(cleaned);
    return u.toString();
}

} // namespace kurier::oauth
