#pragma once

// Runs kurierctl as a user would, in the test's own XDG directories (the real keychain comes
// from the wrapper, with-keyring), in English, with standard input given; and reads back what a
// fetch put into an account's inbox.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QThread>

namespace kurier::test {

struct KurierctlRun {
    int code = -1;
    QString out;
    QString err;
};

class Kurierctl
{
public:
    explicit Kurierctl(QString program)
        : m_program(std::move(program))
    {
    }

    [[nodiscard]] KurierctlRun run(const QStringList &args, const QByteArray &input = {}) const
    {
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config.path());
        e.insert(QStringLiteral("XDG_CONFIG_DIRS"), m_config.filePath(QStringLiteral("none")));
        e.insert(QStringLiteral("XDG_DATA_HOME"), m_data.path());
        e.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        e.remove(QStringLiteral("LANGUAGE"));
        e.remove(QStringLiteral("QT_LOGGING_RULES"));
        p.setProcessEnvironment(e);
        p.start(m_program, args);
        KurierctlRun r;
        if (!p.waitForStarted(10000))
            return r;
        p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(60000))
            return r;
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    // Every message in the account's INBOX/new, concatenated.
    [[nodiscard]] QString inbox(const QString &prefix) const
    {
        QString all;
        const QDir dir(m_data.filePath(QStringLiteral("kurier/%1/INBOX/new").arg(prefix)));
        for (const QString &name : dir.entryList(QDir::Files)) {
            QFile f(dir.filePath(name));
            if (f.open(QIODevice::ReadOnly))
                all += QString::fromUtf8(f.readAll());
        }
        return all;
    }

    // Sends a message with this subject from the account to `to` and fetches until it is back
    // (Postfix delivers asynchronously); empty when it came, else what went wrong.
    [[nodiscard]] QString sendAndFetchBack(const QString &prefix, const QString &to, const QString &subject) const
    {
        const KurierctlRun send = run({QStringLiteral("send"), prefix, QStringLiteral("--to"), to, QStringLiteral("--subject"), subject},
                                      "Hallo von der Einrichtung aus der Adresse.\n");
        if (send.code != 0)
            return QStringLiteral("send: ") + send.out + send.err;
        for (int attempt = 0; attempt < 30; ++attempt) {
            const KurierctlRun fetch = run({QStringLiteral("fetch"), prefix});
            if (fetch.code != 0)
                return QStringLiteral("fetch: ") + fetch.out + fetch.err;
            if (inbox(prefix).contains(subject))
                return {};
            QThread::msleep(500);
        }
        return QStringLiteral("the message sent did not come back");
    }

private:
    QString m_program;
    QTemporaryDir m_config;
    QTemporaryDir m_data;
};

} // namespace kurier::test
