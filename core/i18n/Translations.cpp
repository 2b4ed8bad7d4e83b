#include "i18n/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace kurier::i18n {

QString installTranslators(QCoreApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QString lang = locale.name().section(u'_', 0, 0); // not const: returned by move
    if (!language.isEmpty())
        QLocale::setDefault(locale);

    auto *kurier = new QTranslator(&app);
    if (kurier->load(QStringLiteral(":/i18n/kurier_") + lang))
        QCoreApplication::installTranslator(kurier);
    else
        delete kurier;

    // Qt's own strings (standard buttons, context menus), when Debian's qt6-translations-l10n is there.
    auto *qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qt_") + lang, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return lang;
}

} // namespace kurier::i18n
