#pragma once

#include "secrets/SecretStore.h"

#include <QObject>

namespace kurier::secrets {

// The system keychain through QtKeychain (Secret Service via libsecret, or KWallet).
// Service name "kurier". The insecure plain-text fallback of QtKeychain stays off.
class KeychainSecretStore : public QObject, public SecretStore
{
    Q_OBJECT
public:
    explicit KeychainSecretStore(QObject *parent = nullptr, const QString &service = QStringLiteral("kurier"));

    void read(const QString &key, Callback done) override;
    void write(const QString &key, const QString &value, Callback done) override;
    void remove(const QString &key, Callback done) override;

private:
    QString m_service;
};

} // namespace kurier::secrets
