#pragma once

#include <QList>
#include <QString>

namespace kurier::mime {

// "Anna Müller <anna@example.org>": a display name (may be empty) and an address.
struct MailAddress {
    QString name;
    QString address;

    [[nodiscard]] bool isEmpty() const { return address.isEmpty(); }
    // For display and the command line (not for headers: those are encoded by GMime).
    [[nodiscard]] QString toDisplayString() const
    {
        return name.isEmpty() ? address : QStringLiteral("%1 <%2>").arg(name, address);
    }
    friend bool operator==(const MailAddress &, const MailAddress &) = default;
};

} // namespace kurier::mime
