#pragma once

#include "store/Account.h"
#include "store/AccountField.h"
#include "store/SecretUpdate.h"

#include <QList>
#include <QString>
#include <functional>

namespace kurier::store {

struct ValidationIssue {
    enum class Severity { Error, Warning };
    AccountField field;
    Severity severity = Severity::Error;
    QString message; // translated, ready to show
    // Optional one-click fix ("Use SSL/TLS"): a label and what it changes.
    QString fixLabel;
    std::function<void(Account &)> fix;

    [[nodiscard]] bool isError() const { return severity == Severity::Error; }
};

// The rules the dialog and kurierctl share. Pure: no I/O except checking that a CA file exists
// and parses.
class AccountValidator
{
public:
    // otherAccounts: all stored accounts; the one with account.id is ignored (editing).
    [[nodiscard]] static QList<ValidationIssue> validate(const Account &account, const SecretUpdate &secrets,
                                                         const QList<Account> &otherAccounts);
    [[nodiscard]] static bool hasErrors(const QList<ValidationIssue> &issues);

    static constexpr int maxSignatureLength = 10000;

    // Building blocks, public for table-driven tests.
    [[nodiscard]] static bool isValidPrefix(const QString &prefix);
    [[nodiscard]] static bool isValidEmail(const QString &address);
    [[nodiscard]] static bool isValidHostName(const QString &host);
    [[nodiscard]] static bool isValidPort(int port);
    [[nodiscard]] static bool isLoopbackHost(const QString &host);
    [[nodiscard]] static bool looksLikeGuid(const QString &text);
    [[nodiscard]] static bool isMicrosoftEndpoint(const QString &url);
};

} // namespace kurier::store
