#include "sasl/SaslMessages.h"

#include "secrets/SecureErase.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace kurier::sasl {

// The UTF-8 copies of passwords and tokens made here are overwritten before they are freed
// (secrets::secureErase); the result is the caller's to erase once sent.
QByteArray plainMessage(const QString &user, const QString &password)
{
    QByteArray secret = password.toUtf8();
    const secrets::EraseOnExit erase(secret);
    return QByteArray(1, '\0') + user.toUtf8() + QByteArray(1, '\0') + secret;
}

QByteArray xoauth2Message(const QString &user, const QString &accessToken)
{
    QByteArray secret = accessToken.toUtf8();
    const secrets::EraseOnExit erase(secret);
    return QByteArrayLiteral("user=") + user.toUtf8() + QByteArrayLiteral("\x01" "auth=Bearer ") + secret
        + QByteArrayLiteral("\x01\x01");
}

QByteArray oauthBearerMessage(const QString &user, const QString &accessToken, const QString &host, quint16 port)
{
    // RFC 5801 §5.1: "," and "=" in the authzid are escaped as =2C and =3D.
    QByteArray saslName = user.toUtf8();
    saslName.replace('=', "=3D").replace(',', "=2C");
    QByteArray secret = accessToken.toUtf8();
    const secrets::EraseOnExit erase(secret);
    return QByteArrayLiteral("n,a=") + saslName + QByteArrayLiteral(",\x01host=") + host.toUtf8()
        + QByteArrayLiteral("\x01port=") + QByteArray::number(port) + QByteArrayLiteral("\x01" "auth=Bearer ")
        + secret + QByteArrayLiteral("\x01\x01");
}

bool OAuthFailure::tokenRejected() const
{
    return status == u"400" || status == u"401" || status == u"invalid_token";
}

std::optional<OAuthFailure> parseOAuthFailure(const QByteArray &base64Challenge)
{
    const auto decoded = QByteArray::fromBase64Encoding(base64Challenge.trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(*decoded, &error).object();
    if (error.error != QJsonParseError::NoError || !o.contains(QStringLiteral("status")))
        return std::nullopt;
    OAuthFailure f;
    const QJsonValue status = o.value(QStringLiteral("status"));
    f.status = status.isDouble() ? QString::number(status.toInt()) : status.toString();
    f.scope = o.value(QStringLiteral("scope")).toString();
    f.schemes = o.value(QStringLiteral("schemes")).toString();
    return f;
}

QByteArray redactAuthCommand(const QByteArray &line)
{
    // "AUTH MECH <initial response>" keeps the mechanism; anything else is a SASL response or a
    // PASS argument: everything after the verb goes.
    const QList<QByteArray> words = line.trimmed().split(' ');
    if (words.size() >= 3 && words[0].compare("AUTH", Qt::CaseInsensitive) == 0)
        return words[0] + ' ' + words[1] + QByteArrayLiteral(" <redacted>");
    if (words.size() >= 2 && words[0].compare("PASS", Qt::CaseInsensitive) == 0)
        return words[0] + QByteArrayLiteral(" <redacted>");
    if (words.size() >= 1 && words[0].compare("AUTH", Qt::CaseInsensitive) == 0)
        return line.trimmed();
    return QByteArrayLiteral("<redacted>");
}

} // namespace kurier::sasl
