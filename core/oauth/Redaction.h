#pragma once

#include <QByteArray>
#include <QString>

namespace kurier::oauth {

// Makes token requests and responses safe to log: the values of client_secret, password,
// refresh_token, access_token, id_token, code, code_verifier and device_code are replaced.
class Redaction
{
public:
    [[nodiscard]] static QByteArray redactForm(const QByteArray &formBody);
    [[nodiscard]] static QByteArray redactJson(const QByteArray &json);
    [[nodiscard]] static QString redactUrl(const QString &url); // query parameters, e.g. ?code=
    [[nodiscard]] static bool isSecretField(QByteArrayView name);
};

} // namespace kurier::oauth
