#pragma once

#include <QSet>
#include <QString>

namespace kurier::discovery {

// The Public Suffix List (publicsuffix.org, Debian's "publicsuffix" package): which part of a
// host name is a registry's suffix ("co.uk", "github.io") and so which is the registrable base
// domain ("example.co.uk"). Discovery needs it to compare domains — an MX host's provider, a
// configuration pointing elsewhere — the way Thunderbird compares them with its eTLD service.
// The list's algorithm: the longest matching rule wins, "*" matches one label, "!" rules are
// exceptions; a name no rule matches has its last label as suffix.
class PublicSuffix
{
public:
    // Debian's copy of the list.
    [[nodiscard]] static QString systemListPath() { return QStringLiteral("/usr/share/publicsuffix/public_suffix_list.dat"); }
    // The system list, read once (empty rules, so only the last-label rule, when it is missing).
    [[nodiscard]] static const PublicSuffix &system();

    // The list's text (UTF-8, one rule per line, "//" comments).
    [[nodiscard]] static PublicSuffix fromText(const QByteArray &text);

    // "example.co.uk" for "mail.example.co.uk"; empty for a suffix itself ("co.uk") or an
    // empty name. Lower case; IDN labels in Unicode as the list writes them.
    [[nodiscard]] QString baseDomain(const QString &host) const;
    [[nodiscard]] QString suffix(const QString &host) const;
    [[nodiscard]] bool isEmpty() const { return m_rules.isEmpty(); }

private:
    QSet<QString> m_rules;      // "co.uk", "*.ck"
    QSet<QString> m_exceptions; // "www.ck" (from "!www.ck")
};

} // namespace kurier::discovery
