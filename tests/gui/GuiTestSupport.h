#pragma once

// Shared by the GUI tests: a private settings file and secret store per test, typing like a
// user, switching the UI language, and screenshots for a human look.

#include "i18n/Translations.h"
#include "secrets/MemorySecretStore.h"
#include "store/AccountManager.h"
#include "store/AccountStore.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QScrollArea>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <memory>

namespace kurier::test {

// One test's world: its own INI file and an in-memory keychain.
struct Fixture {
    QTemporaryDir dir;
    secrets::MemorySecretStore secrets;
    std::unique_ptr<store::AccountManager> manager;

    Fixture()
    {
        manager = std::make_unique<store::AccountManager>(store::AccountStore(iniPath()), &secrets);
    }
    [[nodiscard]] QString iniPath() const { return dir.path() + QStringLiteral("/kurier.ini"); }
    [[nodiscard]] QByteArray iniContents() const
    {
        QFile f(iniPath());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    // Saves through the manager and waits for the keychain round trip.
    store::AccountManager::SaveResult save(const store::Account &account, const store::SecretUpdate &update = {})
    {
        bool done = false;
        store::AccountManager::SaveResult result;
        manager->save(account, update, [&](const store::AccountManager::SaveResult &r) {
            result = r;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 5000))
            qWarning("save did not finish");
        return result;
    }
};

// A complete, valid password account.
inline store::Account sampleAccount(const QString &prefix, const QString &email)
{
    store::Account a;
    a.prefix = prefix;
    a.email = email;
    a.pop3.host = QStringLiteral("pop.example.com");
    a.smtp.host = QStringLiteral("smtp.example.com");
    return a;
}

inline store::SecretUpdate passwordUpdate(const QString &password)
{
    store::SecretUpdate u;
    u.set(store::SecretName::Pop3Password, password);
    return u;
}

// Replaces the text like a user would (selection + typing), so textEdited/editingFinished fire.
inline void typeInto(QLineEdit *edit, const QString &text)
{
    QVERIFY(edit);
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Backspace);
    else
        QTest::keyClicks(edit, text);
    QVERIFY(edit->text() == text || edit->echoMode() != QLineEdit::Normal);
    QMetaObject::invokeMethod(edit, "editingFinished");
}

inline void chooseData(QComboBox *combo, int value)
{
    QVERIFY(combo);
    const int index = combo->findData(value);
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
}

// Label text as shown (mnemonic ampersands removed).
inline QString shownText(const QString &text)
{
    QString t = text;
    t.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    return t;
}

// Installs the translators for `language` for the scope's lifetime, then returns to English.
class LanguageScope
{
public:
    explicit LanguageScope(const QString &language)
    {
        i18n::installTranslators(*QCoreApplication::instance(), language);
    }
    ~LanguageScope() { useEnglish(); }
    static void useEnglish()
    {
        const auto translators = QCoreApplication::instance()->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly);
        for (QTranslator *t : translators) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }
};

// Alt+letter should reach one control: the mnemonics of the buttons, of the labels with a buddy
// and of the menu bar that are visible in `window`, and of the entries within each menu (not in windows it owns, such as an open composer), clashes
// described ("&Speichern" and "&Scope"), or empty. The same text twice (a "Show certificate…"
// per server) is fine: Qt then moves the focus between them instead of pressing one.
inline QString mnemonicClashes(const QWidget *window)
{
    QHash<QKeySequence, QString> seen;
    QStringList clashes;
    const auto note = [&](const QWidget *w, const QString &text) {
        if (w->window() != window || !w->isVisibleTo(window))
            return;
        const QKeySequence key = QKeySequence::mnemonic(text);
        if (key.isEmpty())
            return;
        if (seen.contains(key) && seen.value(key) != text)
            clashes << QStringLiteral("\"%1\" and \"%2\"").arg(seen.value(key), text);
        else
            seen.insert(key, text);
    };
    for (const QAbstractButton *b : window->findChildren<QAbstractButton *>())
        note(b, b->text());
    for (const QLabel *l : window->findChildren<QLabel *>()) {
        if (l->buddy())
            note(l, l->text());
    }
    for (const QMenuBar *bar : window->findChildren<QMenuBar *>()) {
        for (const QAction *a : bar->actions())
            note(bar, a->text());
    }
    QStringList all = clashes;
    // Inside each menu of the menu bar, its entries among themselves.
    for (const QMenuBar *bar : window->findChildren<QMenuBar *>()) {
        for (const QAction *top : bar->actions()) {
            if (!top->menu())
                continue;
            QHash<QKeySequence, QString> inMenu;
            for (const QAction *a : top->menu()->actions()) {
                const QKeySequence key = QKeySequence::mnemonic(a->text());
                if (a->isSeparator() || key.isEmpty())
                    continue;
                if (inMenu.contains(key))
                    all << QStringLiteral("%1: \"%2\" and \"%3\"").arg(top->text(), inMenu.value(key), a->text());
                inMenu.insert(key, a->text());
            }
        }
    }
    return all.join(QStringLiteral("; "));
}

// Saves a picture of `widget` into $KURIER_SCREENSHOT_DIR (build/screenshots under CTest).
// Every screen photographed is also checked for clashing Alt+letter keys (in the language it
// is shown in), so each dialog and window a test looks at is covered in English and German.
inline void screenshot(QWidget *widget, const QString &name)
{
    const QString clashes = mnemonicClashes(widget->window());
    QVERIFY2(clashes.isEmpty(), qPrintable(name + QStringLiteral(": ") + clashes));
    const QString dir = qEnvironmentVariable("KURIER_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QCoreApplication::processEvents();
    if (!widget->grab().save(dir + u'/' + name + QStringLiteral(".png")))
        qWarning("could not save screenshot %s", qPrintable(name));
}

// Grows a dialog with a scroll area so that the whole form is in the picture.
inline void growToContent(QWidget *dialog)
{
    auto *scroll = dialog->findChild<QScrollArea *>();
    if (!scroll || !scroll->widget())
        return;
    QCoreApplication::processEvents();
    const int missing = scroll->widget()->sizeHint().height() - scroll->viewport()->height();
    if (missing > 0)
        dialog->resize(dialog->width(), dialog->height() + missing);
    QCoreApplication::processEvents();
}

} // namespace kurier::test
