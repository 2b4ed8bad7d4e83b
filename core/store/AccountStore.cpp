#include "store/AccountStore.h"

#include "store/SettingsKeys.h"

#include <QCoreApplication>
#include <QDir>
#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <QSettings>
#include <QStandardPaths>
#include <algorithm>

namespace kurier::store {

namespace {


constexpr int kFormatVersion = 1;

// QSettings caches parsed files per process and reports a FormatError only to the first
// QSettings object that parsed it; later ones see an empty, "fine" file and would overwrite the
// damaged one. So we remember which file versions (size + modification time) were damaged.
struct FileVersion {
    qint64 size = -1;
    QDateTime modified;
    friend bool operator==(const FileVersion &, const FileVersion &) = default;
};
QHash<QString, FileVersion> &damagedFiles()
{
    static QHash<QString, FileVersion> files;
    return files;
}
FileVersion versionOf(const QString &path)
{
    const QFileInfo info(path);
    return {info.size(), info.lastModified()};
}

bool isSha256Hex(const QByteArray &hex)
{
    return hex.size() == 64 && std::all_of(hex.begin(), hex.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    });
}

Account readAccount(const QSettings &s, const QString &id)
{
    Account a;
    a.id = id;
    a.prefix = s.value(keys::prefix).toString();
    a.email = s.value(keys::email).toString();
    a.senderName = s.value(keys::senderName).toString();
    a.signature = s.value(keys::signature).toString();
    a.isDefault = s.value(keys::isDefault, false).toBool();
    a.extraCaFile = s.value(keys::extraCaFile).toString();
    for (const QString &fingerprint : s.value(keys::trustedCertificates).toStringList()) {
        const QByteArray hex = fingerprint.trimmed().toLower().toLatin1();
        if (isSha256Hex(hex)) // anything else is not a pin we wrote; ignore it
            a.trustedCertificates.append(hex);
    }
    a.askForSecrets = s.value(keys::askForSecrets, false).toBool();
    for (const QString &name : s.value(keys::storedSecrets).toStringList()) {
        SecretName n;
        if (secretNameFromKey(name, &n))
            a.storedSecrets.insert(n);
    }

    a.pop3.host = s.value(keys::pop3Host).toString();
    a.pop3.port = s.value(keys::pop3Port, 0).toInt();
    a.pop3.user = s.value(keys::pop3User).toString();
    Security security = Security::Tls;
    if (securityFromKey(s.value(keys::pop3Security, QStringLiteral("tls")).toString(), &security))
        a.pop3.security = security;
    a.pop3.acceptUnencrypted = s.value(keys::pop3AcceptUnencrypted, false).toBool();
    LeaveOnServer policy = LeaveOnServer::Keep;
    if (leaveOnServerFromKey(s.value(keys::pop3LeaveOnServer).toString(), &policy))
        a.pop3.leaveOnServer = policy;
    a.pop3.deleteAfterDays = s.value(keys::pop3DeleteAfterDays, 14).toInt();
    a.pop3.deleteWhenDeletedLocally = s.value(keys::pop3DeleteWhenDeletedLocally, false).toBool();
    a.pop3.fetchIntervalMinutes = std::clamp(s.value(keys::pop3FetchIntervalMinutes, 0).toInt(), 0, 24 * 60);

    a.oauth.enabled = s.value(keys::oauthEnabled, false).toBool();
    a.oauth.tokenEndpoint = s.value(keys::oauthTokenEndpoint).toString();
    a.oauth.clientId = s.value(keys::oauthClientId).toString();
    a.oauth.scope = s.value(keys::oauthScope).toString();
    oauth::SignInMethod method = oauth::SignInMethod::Password;
    if (oauth::signInMethodFromKey(s.value(keys::oauthMethod).toString(), &method))
        a.oauth.method = method;
    a.oauth.authorizationEndpoint = s.value(keys::oauthAuthorizationEndpoint).toString();
    a.oauth.clientSecretValidUntil = QDate::fromString(s.value(keys::oauthClientSecretValidUntil).toString(), Qt::ISODate);

    a.smtp.host = s.value(keys::smtpHost).toString();
    a.smtp.port = s.value(keys::smtpPort, 0).toInt();
    security = Security::StartTls;
    if (securityFromKey(s.value(keys::smtpSecurity, QStringLiteral("starttls")).toString(), &security))
        a.smtp.security = security;
    a.smtp.acceptUnencrypted = s.value(keys::smtpAcceptUnencrypted, false).toBool();
    SmtpAuth auth = SmtpAuth::SameAsPop3;
    if (smtpAuthFromKey(s.value(keys::smtpAuth).toString(), &auth))
        a.smtp.auth = auth;
    a.smtp.user = s.value(keys::smtpUser).toString();
    a.smtp.heloName = s.value(keys::smtpHeloName).toString();
    return a;
}

void writeAccount(QSettings &s, const Account &a)
{
    s.setValue(keys::prefix, a.prefix);
    s.setValue(keys::email, a.email);
    s.setValue(keys::senderName, a.senderName);
    s.setValue(keys::signature, a.signature);
    s.setValue(keys::isDefault, a.isDefault);
    s.setValue(keys::extraCaFile, a.extraCaFile);
    QStringList trusted;
    for (const QByteArray &fingerprint : a.trustedCertificates)
        trusted.append(QString::fromLatin1(fingerprint));
    s.setValue(keys::trustedCertificates, trusted);
    s.setValue(keys::askForSecrets, a.askForSecrets);
    QStringList stored;
    for (SecretName n : a.storedSecrets)
        stored.append(secretNameToKey(n));
    stored.sort();
    s.setValue(keys::storedSecrets, stored);

    s.setValue(keys::pop3Host, a.pop3.host);
    s.setValue(keys::pop3Port, a.pop3.port);
    s.setValue(keys::pop3User, a.pop3.user);
    s.setValue(keys::pop3Security, securityToKey(a.pop3.security));
    s.setValue(keys::pop3AcceptUnencrypted, a.pop3.acceptUnencrypted);
    s.setValue(keys::pop3LeaveOnServer, leaveOnServerToKey(a.pop3.leaveOnServer));
    s.setValue(keys::pop3DeleteAfterDays, a.pop3.deleteAfterDays);
    s.setValue(keys::pop3DeleteWhenDeletedLocally, a.pop3.deleteWhenDeletedLocally);
    s.setValue(keys::pop3FetchIntervalMinutes, a.pop3.fetchIntervalMinutes);

    s.setValue(keys::oauthEnabled, a.oauth.enabled);
    s.setValue(keys::oauthTokenEndpoint, a.oauth.tokenEndpoint);
    s.setValue(keys::oauthClientId, a.oauth.clientId);
    s.setValue(keys::oauthScope, a.oauth.scope);
    s.setValue(keys::oauthMethod, oauth::signInMethodToKey(a.oauth.method));
    s.setValue(keys::oauthAuthorizationEndpoint, a.oauth.authorizationEndpoint);
    s.setValue(keys::oauthClientSecretValidUntil, a.oauth.clientSecretValidUntil.toString(Qt::ISODate));

    s.setValue(keys::smtpHost, a.smtp.host);
    s.setValue(keys::smtpPort, a.smtp.port);
    s.setValue(keys::smtpSecurity, securityToKey(a.smtp.security));
    s.setValue(keys::smtpAcceptUnencrypted, a.smtp.acceptUnencrypted);
    s.setValue(keys::smtpAuth, smtpAuthToKey(a.smtp.auth));
    s.setValue(keys::smtpUser, a.smtp.user);
    s.setValue(keys::smtpHeloName, a.smtp.heloName);
}

} // namespace

QString AccountStore::defaultFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/kurier.ini");
}

AccountStore::AccountStore(QString filePath)
    : m_filePath(std::move(filePath))
{
}

void AccountStore::sortForDisplay(QList<Account> &accounts)
{
    std::stable_sort(accounts.begin(), accounts.end(), [](const Account &a, const Account &b) {
        if (a.isDefault != b.isDefault)
            return a.isDefault;
        return a.prefix.compare(b.prefix, Qt::CaseInsensitive) < 0;
    });
}

void AccountStore::normaliseDefault(QList<Account> &accounts)
{
    bool seen = false;
    for (Account &a : accounts) {
        if (a.isDefault && seen)
            a.isDefault = false;
        seen = seen || a.isDefault;
    }
    if (!seen && !accounts.isEmpty())
        accounts.first().isDefault = true;
}

bool AccountStore::load(QList<Account> *accounts, QString *error) const
{
    accounts->clear();
    if (!QFileInfo::exists(m_filePath))
        return true;
    const auto damaged = damagedFiles().constFind(m_filePath);
    const bool knownDamaged = damaged != damagedFiles().constEnd() && *damaged == versionOf(m_filePath);
    QSettings s(m_filePath, QSettings::IniFormat);
    if (s.status() == QSettings::FormatError)
        damagedFiles().insert(m_filePath, versionOf(m_filePath));
    if (s.status() != QSettings::NoError || knownDamaged) {
        if (error)
            *error = s.status() == QSettings::FormatError || knownDamaged
                ? QCoreApplication::translate("AccountStore", "The settings file %1 is damaged and cannot be read. Restore it from a backup or move it "
                     "away to start afresh.").arg(m_filePath)
                : QCoreApplication::translate("AccountStore", "The settings file %1 cannot be read.").arg(m_filePath);
        return false;
    }
    const int version = s.value(keys::formatVersion, kFormatVersion).toInt();
    if (version > kFormatVersion) {
        if (error)
            *error = QCoreApplication::translate("AccountStore", "The settings file %1 was written by a newer Kurier (format %2).").arg(m_filePath).arg(version);
        return false;
    }
    for (const QString &group : s.childGroups()) {
        if (!group.startsWith(keys::accountGroupPrefix))
            continue;
        const QString id = group.mid(keys::accountGroupPrefix.size());
        s.beginGroup(group);
        Account a = readAccount(s, id);
        s.endGroup();
        if (a.prefix.isEmpty() || a.email.isEmpty())
            continue; // a half-written entry from an old crash; nothing usable in it
        accounts->append(a);
    }
    normaliseDefault(*accounts);
    sortForDisplay(*accounts);
    return true;
}

bool AccountStore::write(const QList<Account> &accounts, QString *error)
{
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    // QSettings writes INI files atomically (temporary file + rename) and under a lock file.
    QSettings s(m_filePath, QSettings::IniFormat);
    for (const QString &group : s.childGroups()) {
        if (group.startsWith(keys::accountGroupPrefix))
            s.remove(group);
    }
    s.setValue(keys::formatVersion, kFormatVersion);
    for (const Account &a : accounts) {
        s.beginGroup(keys::accountGroupPrefix + a.id);
        writeAccount(s, a);
        s.endGroup();
    }
    s.sync();
    if (s.status() != QSettings::NoError) {
        if (error)
            *error = QCoreApplication::translate("AccountStore", "The settings file %1 cannot be written.").arg(m_filePath);
        return false;
    }
    return true;
}

bool AccountStore::modify(const std::function<void(QList<Account> &)> &change, QString *error)
{
    QList<Account> accounts;
    if (!load(&accounts, error))
        return false;
    change(accounts);
    normaliseDefault(accounts);
    return write(accounts, error);
}

} // namespace kurier::store
