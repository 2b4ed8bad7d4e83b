#pragma once

#include "secrets/SecretStore.h"

#include <QHash>
#include <QObject>

namespace kurier::secrets {

// A SecretStore in memory, for tests and for "ask for the password each time" sessions.
// failWith() makes every call fail, to test error paths.
class MemorySecretStore : public QObject, public SecretStore
{
    Q_OBJECT
public:
    explicit MemorySecretStore(QObject *parent = nullptr);

    void read(const QString &key, Callback done) override;
    void write(const QString &key, const QString &value, Callback done) override;
    void remove(const QString &key, Callback done) override;

    void failWith(Error error, const QString &message = {});
    [[nodiscard]] const QHash<QString, QString> &contents() const { return m_values; }

private:
    void finish(Callback done, Result result);

    QHash<QString, QString> m_values;
    Error m_failure = Error::None;
    QString m_failureMessage;
};

} // namespace kurier::secrets
