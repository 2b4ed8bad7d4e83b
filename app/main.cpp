#include "MainWindow.h"
#include "i18n/Translations.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/ProcessHardening.h"
#include "store/AccountManager.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

int main(int argc, char *argv[])
{
    // Before anything holds a secret: no core dumps, no ptrace by the same user.
    kurier::secrets::ProcessHardening::apply();
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kurier"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KURIER_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Kurier mail client"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("User interface language (de, en)."),
                                        QStringLiteral("language"));
    parser.addOption(langOption);
    parser.process(app);
    kurier::i18n::installTranslators(app, parser.value(langOption));

    kurier::secrets::KeychainSecretStore secretStore;
    kurier::store::AccountManager accounts(kurier::store::AccountStore(), &secretStore);
    kurier::ui::MainWindow window(&accounts);
    window.show();
    QTimer::singleShot(0, &window, &kurier::ui::MainWindow::offerFirstAccount);
    return app.exec();
}
