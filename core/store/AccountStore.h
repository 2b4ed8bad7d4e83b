#pragma once

#include "store/Account.h"

#include <QList>
#include <QString>
#include <functional>

namespace kurier::store {

// The non-secret part of all accounts, in one INI file (QSettings). Every change reads the
// file, applies, and writes it back, so the GUI and kurierctl can both change accounts.
// Keeps the invariant: exactly one default account whenever there is at least one.
class AccountStore
{
public:
    // $XDG_CONFIG_HOME/kurier/kurier.ini (QStandardPaths::AppConfigLocation).
    [[nodiscard]] static QString defaultFilePath();

    explicit AccountStore(QString filePath = defaultFilePath());

    [[nodiscard]] QString filePath() const { return m_filePath; }

    // Default account first, then by prefix. On a damaged file returns false and says why.
    [[nodiscard]] bool load(QList<Account> *accounts, QString *error) const;

    // Reads, lets `change` edit the list, normalises the default flag and writes back.
    [[nodiscard]] bool modify(const std::function<void(QList<Account> &)> &change, QString *error);

    // Exactly one default: keeps the first one flagged, or makes the first account default.
    static void normaliseDefault(QList<Account> &accounts);
    static void sortForDisplay(QList<Account> &accounts);

private:
    [[nodiscard]] bool write(const QList<Account> &accounts, QString *error);

    QString m_filePath;
};

} // namespace kurier::store
