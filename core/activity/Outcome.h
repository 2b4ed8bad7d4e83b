#pragma once

#include "diagnostics/Diagnostic.h"

#include <QString>

namespace kurier::activity {

// How one run of an account's activity ended: a fetch (messages stored) or a send run of its
// Outbox (messages sent). An empty diagnostic means success; on failure `transcript` holds the
// redacted protocol conversation of that run (passwords and tokens removed) for "Details".
struct Outcome {
    enum class Operation { Fetch, Send };
    QString accountId;
    Operation operation = Operation::Fetch;
    int count = 0; // stored (also on failure: those stay) or sent
    diagnostics::Diagnostic diagnostic;
    QString transcript;
    // Ended before it was done, without a failure: cancelled, or an automatic fetch that would
    // have needed the user to sign in.
    bool stopped = false;
    [[nodiscard]] bool ok() const { return diagnostic.isEmpty(); }
};

} // namespace kurier::activity
