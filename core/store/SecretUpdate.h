#pragma once

#include "store/Account.h"

#include <QHash>
#include <QString>
#include <optional>

namespace kurier::store {

// The secrets a user typed in the dialog or passed to kurierctl. A secret that is not set is
// left as it is in the store; one set to an empty string is removed.
class SecretUpdate
{
public:
    void set(SecretName name, const QString &value) { m_values.insert(name, value); }
    void remove(SecretName name) { m_values.insert(name, QString()); }
    [[nodiscard]] std::optional<QString> value(SecretName name) const
    {
        const auto it = m_values.constFind(name);
        return it == m_values.constEnd() ? std::nullopt : std::optional<QString>(*it);
    }
    [[nodiscard]] bool touches(SecretName name) const { return m_values.contains(name); }
    [[nodiscard]] const QHash<SecretName, QString> &values() const { return m_values; }

    // Whether after applying this update the account will have a non-empty secret.
    [[nodiscard]] bool willHave(const Account &account, SecretName name) const
    {
        const auto v = value(name);
        return v ? !v->isEmpty() : account.hasSecret(name);
    }

private:
    QHash<SecretName, QString> m_values;
};

} // namespace kurier::store
