#include "secrets/MemorySecretStore.h"

#include <QTimer>

namespace kurier::secrets {

MemorySecretStore::MemorySecretStore(QObject *parent)
    : QObject(parent)
{
}

void MemorySecretStore::failWith(Error error, const QString &message)
{
    m_failure = error;
    m_failureMessage = message;
}

void MemorySecretStore::finish(Callback done, Result result)
{
    if (m_failure != Error::None)
        result = {m_failure, {}, m_failureMessage};
    QTimer::singleShot(0, this, [done = std::move(done), result] { done(result); });
}

void MemorySecretStore::read(const QString &key, Callback done)
{
    const auto it = m_values.constFind(key);
    if (it == m_values.constEnd())
        finish(std::move(done), {Error::NotFound, {}, {}});
    else
        finish(std::move(done), {Error::None, *it, {}});
}

void MemorySecretStore::write(const QString &key, const QString &value, Callback done)
{
    if (m_failure == Error::None)
        m_values.insert(key, value);
    finish(std::move(done), {});
}

void MemorySecretStore::remove(const QString &key, Callback done)
{
    if (m_failure == Error::None)
        m_values.remove(key);
    finish(std::move(done), {});
}

} // namespace kurier::secrets
