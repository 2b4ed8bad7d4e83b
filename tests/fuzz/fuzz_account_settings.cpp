// A damaged or hostile kurier.ini must load as "damaged" or as accounts, never crash.
#include "FuzzSupport.h"
#include "store/AccountStore.h"

#include <QFile>
#include <QTemporaryDir>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kurier::fuzz::ensureApplication();
    static QTemporaryDir dir;
    static quint64 counter = 0;
    // QSettings caches files per path and re-reads one only when its size or time changed; a
    // name comes back after 4,096 inputs (long after its time stamp changed), so every input
    // is parsed, while per-path state (QSettings' cache, AccountStore's list of damaged files)
    // stays bounded: with a new name for every input it grew for the whole of a long run.
    const QString path = dir.filePath(QStringLiteral("kurier-%1.ini").arg(++counter % 4096));
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return 0;
        f.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    kurier::store::AccountStore store(path);
    QList<kurier::store::Account> accounts;
    QString error;
    if (store.load(&accounts, &error)) {
        int defaults = 0;
        for (const auto &a : accounts) {
            defaults += a.isDefault ? 1 : 0;
            (void)a.pop3.effectivePort();
            (void)a.smtp.effectivePort();
        }
        if (!accounts.isEmpty() && defaults != 1)
            __builtin_trap(); // exactly one default whenever there is an account
    } else if (error.isEmpty()) {
        __builtin_trap(); // a refusal must say why
    }
    QFile::remove(path);
    return 0;
}
