#pragma once
// Small helpers that wait for Kurier's asynchronous calls in tests (never in product code).

#include "secrets/SecretStore.h"

#include <QTest>
#include <optional>

namespace kurier::test {

inline secrets::SecretStore::Result waitFor(const std::function<void(secrets::SecretStore::Callback)> &call,
                                            int timeoutMs = 10000)
{
    std::optional<secrets::SecretStore::Result> result;
    call([&](const secrets::SecretStore::Result &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs))
        qFatal("asynchronous call did not finish within %d ms", timeoutMs);
    return *result;
}

} // namespace kurier::test
