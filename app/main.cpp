#include "compose/ComposerWindow.h"
#include "mail/MainWindow.h"
#include "common/SingleInstance.h"
#include "common/UiLog.h"
#include "i18n/Translations.h"
#include "mime/MailtoUrl.h"
#include "mime/ReplyRules.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/ProcessHardening.h"
#include "store/AccountManager.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLineEdit>
#include <QTimer>

#include <memory>
#include <optional>

namespace {

// What a start was given: mailto: links open the composer; anything else is reported.
void openArguments(kurier::ui::MainWindow *window, const QStringList &arguments)
{
    for (const QString &argument : arguments) {
        if (kurier::ui::ComposerWindow *composer = window->composing()->composeMailto(argument))
            qCDebug(lcUi).noquote() << "composing from a mailto: link, to:"
                                                << kurier::mime::ReplyRules::addressList(composer->draft().to);
        else
            qCWarning(lcUi).noquote() << "ignored argument (not a mailto: link):" << argument.left(200);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    // Before anything holds a secret: no core dumps, no ptrace by the same user.
    kurier::secrets::ProcessHardening::apply();
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kurier"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KURIER_VERSION));
    // Matches resources/de.kurier.Kurier.desktop (icon and window grouping on Wayland).
    QGuiApplication::setDesktopFileName(QStringLiteral("de.kurier.Kurier"));
    QIcon fallbackIcon;
    fallbackIcon.addFile(QStringLiteral(":/icons/32x32/apps/de.kurier.Kurier.png"));
    fallbackIcon.addFile(QStringLiteral(":/icons/256x256/apps/de.kurier.Kurier.png"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("de.kurier.Kurier"), fallbackIcon));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Kurier mail client"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("User interface language (de, en)."),
                                        QStringLiteral("language"));
    parser.addOption(langOption);
    parser.addPositionalArgument(QStringLiteral("mailto"), QStringLiteral("A mailto: link to write a message to."),
                                 QStringLiteral("[mailto:…]"));
    parser.process(app);
    kurier::i18n::installTranslators(app, parser.value(langOption));
    const QStringList arguments = parser.positionalArguments();

    // Destroyed in reverse order: the window before the accounts before the keychain.
    kurier::secrets::KeychainSecretStore secretStore;
    std::optional<kurier::store::AccountManager> accounts;
    std::unique_ptr<kurier::ui::MainWindow> window;

    // One window per user: a second start hands its mailto: link to the first and quits.
    kurier::ui::SingleInstance instance(kurier::ui::SingleInstance::defaultSocketPath());
    QObject::connect(&instance, &kurier::ui::SingleInstance::handedOver, &app, [] { QCoreApplication::exit(0); });
    QObject::connect(&instance, &kurier::ui::SingleInstance::becamePrimary, &app, [&] {
        accounts.emplace(kurier::store::AccountStore(), &secretStore);
        window = std::make_unique<kurier::ui::MainWindow>(&*accounts);
        window->show();
        if (arguments.isEmpty())
            QTimer::singleShot(0, window.get(), &kurier::ui::MainWindow::offerFirstAccount);
        else
            openArguments(window.get(), arguments);
    });
    QObject::connect(&instance, &kurier::ui::SingleInstance::argumentsReceived, &app, [&](const QStringList &received) {
        if (!window)
            return;
        window->setWindowState(window->windowState() & ~Qt::WindowMinimized);
        window->show();
        window->raise();
        window->activateWindow();
        qCDebug(lcUi) << "raised by another start";
        openArguments(window.get(), received);
    });
    instance.start(arguments);
    return app.exec();
}
