#include "secrets/KeychainSecretStore.h"

#include "secrets/SecretsLog.h"

#include <QCoreApplication>
#include <qt6keychain/keychain.h>

namespace kurier::secrets {

namespace {


bool looksLikeMissingBackend(const QString &detail)
{
    static const char *const signs[] = {"D-Bus", "dbus", "secret", "kwallet", "Could not connect", "autolaunch",
                                        "ServiceUnknown", "No such file or directory", "Connection refused"};
    for (const char *sign : signs) {
        if (detail.contains(QLatin1String(sign), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// QtKeychain's error strings are technical ("Cannot autolaunch D-Bus…"); keep them as the
// detail and say in words what is wrong and what to do.
SecretStore::Result resultFromJob(const QKeychain::Job *job)
{
    SecretStore::Result r;
    const QString detail = job->errorString();
    switch (job->error()) {
    case QKeychain::NoError:
        return r;
    case QKeychain::EntryNotFound:
        r.error = SecretStore::Error::NotFound;
        r.message = QCoreApplication::translate("KeychainSecretStore", "The keychain has no such entry.");
        return r;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        r.error = SecretStore::Error::AccessDenied;
        r.message = QCoreApplication::translate("KeychainSecretStore", "The keychain refused access (it may be locked). Unlock it and try again. (%1)").arg(detail);
        return r;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        r.error = SecretStore::Error::NoBackend;
        break;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        // Without a session bus or Secret Service QtKeychain reports OtherError with the text of
        // the D-Bus/libsecret failure ("Cannot autolaunch D-Bus…", "Could not connect: No such
        // file or directory", "The name org.freedesktop.secrets was not provided…").
        r.error = looksLikeMissingBackend(detail) ? SecretStore::Error::NoBackend : SecretStore::Error::Other;
        break;
    }
    if (r.error == SecretStore::Error::NoBackend)
        r.message = QCoreApplication::translate("KeychainSecretStore", "No keychain is available: no Secret Service (GNOME Keyring, KWallet) is running in this "
                       "session. Start one, or let Kurier ask for the password each time. (%1)")
                        .arg(detail);
    else
        r.message = QCoreApplication::translate("KeychainSecretStore", "The keychain reported an error: %1").arg(detail);
    return r;
}

template<typename JobType>
void run(JobType *job, std::function<void(QKeychain::Job *)> onFinished)
{
    job->setAutoDelete(true);
    QObject::connect(job, &QKeychain::Job::finished, job, [onFinished = std::move(onFinished)](QKeychain::Job *j) {
        onFinished(j);
    });
    job->start();
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject *parent, const QString &service)
    : QObject(parent)
    , m_service(service)
{
}

void KeychainSecretStore::read(const QString &key, Callback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(key);
    run(job, [done = std::move(done), job, key](QKeychain::Job *) {
        SecretStore::Result r = resultFromJob(job);
        if (r.ok())
            r.value = job->textData();
        else if (r.error != SecretStore::Error::NotFound)
            qCWarning(lcSecrets) << "reading" << key << "failed:" << job->errorString();
        done(r);
    });
}

void KeychainSecretStore::write(const QString &key, const QString &value, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(key);
    job->setTextData(value);
    run(job, [done = std::move(done), key](QKeychain::Job *j) {
        const SecretStore::Result r = resultFromJob(j);
        if (!r.ok())
            qCWarning(lcSecrets) << "writing" << key << "failed:" << j->errorString();
        done(r);
    });
}

void KeychainSecretStore::remove(const QString &key, Callback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(key);
    run(job, [done = std::move(done), key](QKeychain::Job *j) {
        SecretStore::Result r = resultFromJob(j);
        if (r.error == SecretStore::Error::NotFound)
            r = {};
        if (!r.ok())
            qCWarning(lcSecrets) << "removing" << key << "failed:" << j->errorString();
        done(r);
    });
}

} // namespace kurier::secrets
