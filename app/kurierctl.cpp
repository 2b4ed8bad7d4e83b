// kurierctl: Kurier from the command line, for administrators, scripts and tests.
#include "ctl/AccountCommand.h"
#include "ctl/CheckCommand.h"
#include "ctl/DiscoverCommand.h"
#include "ctl/FetchCommand.h"
#include "ctl/SendCommand.h"
#include "ctl/TokenCommand.h"
#include "i18n/Translations.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/ProcessHardening.h"
#include "store/AccountManager.h"

#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

namespace {

QString mainUsage()
{
    return QStringLiteral("kurierctl – Kurier from the command line\n\n") + kurier::ctl::AccountCommand::usage()
        + kurier::ctl::TokenCommand::usage() + kurier::ctl::SendCommand::usage()
        + kurier::ctl::FetchCommand::usage() + kurier::ctl::CheckCommand::usage()
        + kurier::ctl::DiscoverCommand::usage()
        + QStringLiteral("\nGlobal options: --lang de|en, --help, --version\n");
}

} // namespace

int main(int argc, char *argv[])
{
    // Before anything holds a secret: no core dumps, no ptrace by the same user.
    kurier::secrets::ProcessHardening::apply();
    // Secrets given through the environment: out of /proc/PID/environ, still readable by getenv.
    kurier::secrets::ProcessHardening::hideFromProcEnviron(
        {"KURIER_PASSWORD", "KURIER_SMTP_PASSWORD", "KURIER_CLIENT_SECRET"});
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kurier"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KURIER_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = app.arguments().mid(1);
    QString language; // the system locale unless asked
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == u"--lang" && i + 1 < args.size()) {
            language = args[i + 1];
            args.remove(i, 2);
            break;
        }
        if (args[i].startsWith(u"--lang=")) {
            language = args[i].mid(7);
            args.remove(i);
            break;
        }
    }
    kurier::i18n::installTranslators(app, language);

    if (args.isEmpty() || args.first() == u"--help" || args.first() == u"-h" || args.first() == u"help") {
        (args.isEmpty() ? err : out) << mainUsage();
        return args.isEmpty() ? 2 : 0;
    }
    if (args.first() == u"--version") {
        out << "kurierctl " << KURIER_VERSION << '\n';
        return 0;
    }

    // Discovery needs no account (nor the keychain).
    if (args.first() == u"discover") {
        args.removeFirst();
        int exitCode = 0;
        kurier::ctl::DiscoverCommand discoverCommand(out, err);
        QTimer::singleShot(0, &app, [&] {
            discoverCommand.run(args, [&](int code) {
                exitCode = code;
                QCoreApplication::exit(code);
            });
        });
        app.exec();
        return exitCode;
    }

    kurier::secrets::KeychainSecretStore secretStore;
    kurier::store::AccountManager accounts(kurier::store::AccountStore(), &secretStore);
    if (!accounts.lastError().isEmpty()) {
        err << "kurierctl: " << accounts.lastError() << '\n';
        return 1;
    }

    const QString command = args.takeFirst();
    int exitCode = 0;
    if (command == u"account") {
        kurier::ctl::AccountCommand accountCommand(&accounts, out, err);
        QTimer::singleShot(0, &app, [&] {
            accountCommand.run(args, [&](int code) {
                exitCode = code;
                QCoreApplication::exit(code);
            });
        });
        app.exec();
        return exitCode;
    }
    if (command == u"token") {
        kurier::ctl::TokenCommand tokenCommand(&accounts, out, err);
        QTimer::singleShot(0, &app, [&] {
            tokenCommand.run(args, [&](int code) {
                exitCode = code;
                QCoreApplication::exit(code);
            });
        });
        app.exec();
        return exitCode;
    }
    if (command == u"send") {
        kurier::ctl::SendCommand sendCommand(&accounts, out, err);
        QTimer::singleShot(0, &app, [&] {
            sendCommand.run(args, [&](int code) {
                exitCode = code;
                QCoreApplication::exit(code);
            });
        });
        app.exec();
        return exitCode;
    }
    if (command == u"fetch") {
        kurier::ctl::FetchCommand fetchCommand(&accounts, out, err);
        QTimer::singleShot(0, &app, [&] {
            fetchCommand.run(args, [&](int code) {
                exitCode = code;
                QCoreApplication::exit(code);
            });
        });
        app.exec();
        return exitCode;
    }
    if (command == u"check") {
        kurier::ctl::CheckCommand checkCommand(&accounts, out, err);
        QTimer::singleShot(0, &app, [&] {
            checkCommand.run(args, [&](int code) {
                exitCode = code;
                QCoreApplication::exit(code);
            });
        });
        app.exec();
        return exitCode;
    }
    err << "kurierctl: unknown command \"" << command << "\"\n\n" << mainUsage();
    return 2;
}
