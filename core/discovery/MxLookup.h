#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QDnsLookup;

namespace kurier::discovery {

// The domain's mail exchanger (RFC 5321 §5.1: the lowest preference value is the one to use),
// which says who hosts the mail when the domain itself publishes no configuration: Microsoft 365
// (<tenant>.mail.protection.outlook.com), Google Workspace (aspmx.l.google.com, smtp.google.com)
// or any provider, whose base domain (PublicSuffix) discovery then asks the provider and ISPDB
// sources about. Through the system resolver (QDnsLookup).
class MxLookup : public QObject
{
    Q_OBJECT
public:
    enum class Hosting { Unknown, Microsoft365, GoogleWorkspace, Other };
    Q_ENUM(Hosting)

    explicit MxLookup(QObject *parent = nullptr);
    ~MxLookup() override;

    // What an MX host name says about who hosts the mail (pure).
    [[nodiscard]] static Hosting hostingOf(const QString &exchange);
    // The domain whose configuration to look up for that host: "office365.com" and
    // "gmail.com" (the ISPDB's names for the two) or the host's base domain.
    [[nodiscard]] static QString providerDomainOf(const QString &exchange);

    void start(const QString &domain);
    void abort();
    // After finished(): the lowest-preference exchange (lower case, no final dot), or empty.
    [[nodiscard]] QString exchange() const { return m_exchange; }
    [[nodiscard]] Hosting hosting() const { return hostingOf(m_exchange); }
    [[nodiscard]] QString error() const { return m_error; }

signals:
    void finished();

private:
    QPointer<QDnsLookup> m_lookup;
    QString m_exchange;
    QString m_error;
};

} // namespace kurier::discovery
