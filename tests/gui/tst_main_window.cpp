// The main window: account list (default first, marked), Optionen → Benutzerkonten…, and the
// first-start offer of a new account that must not block.

#include "accounts/AccountDialog.h"
#include "accounts/AccountListWidget.h"
#include "accounts/NewAccountFlow.h"
#include "GuiTestSupport.h"
#include "mail/MainWindow.h"
#include "accounts/OptionsDialog.h"

#include <QTreeWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>

using namespace kurier;
using kurier::test::Fixture;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void firstStartOffersNewAccount();
    void noOfferWhenAccountsExist();
    void listsAccountsDefaultFirst();
    void optionsMenuOpensAccountManager();
    void germanMenusAndScreenshots();

private:
    QAction *findAction(QMainWindow &window, const QString &objectName);
    std::unique_ptr<Fixture> m_f;
};

void TestMainWindow::initTestCase()
{
    test::LanguageScope::useEnglish();
}

void TestMainWindow::init()
{
    m_f = std::make_unique<Fixture>();
    QVERIFY(m_f->dir.isValid());
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_f->dir.path() + QStringLiteral("/data")));
}

void TestMainWindow::cleanup()
{
    m_f.reset();
}

QAction *TestMainWindow::findAction(QMainWindow &window, const QString &objectName)
{
    return window.findChild<QAction *>(objectName);
}

void TestMainWindow::firstStartOffersNewAccount()
{
    ui::MainWindow window(m_f->manager.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // As main.cpp does it: queued, after the window is up. Returns at once (no exec()).
    QTimer::singleShot(0, &window, &ui::MainWindow::offerFirstAccount);
    QTRY_VERIFY(window.newAccountDialog());
    ui::NewAccountFlow *flow = window.newAccountDialog();
    QTRY_VERIFY(flow->isVisible());
    QCOMPARE(flow->page(), ui::NewAccountFlow::Page::Start);
    QVERIFY(window.findChild<QPushButton *>(QStringLiteral("createAccountButton"))->isVisible());
    test::screenshot(&window, QStringLiteral("main-window-empty-en"));

    // Offering again does not stack a second dialog.
    window.offerFirstAccount();
    QCOMPARE(window.findChildren<ui::NewAccountFlow *>().size(), 1);

    // The detailed form is one button away, with what was typed so far.
    test::typeInto(flow->emailEdit(), QStringLiteral("info@example.com"));
    test::typeInto(flow->passwordEdit(), QStringLiteral("pw"));
    flow->manualButton()->click();
    QTRY_VERIFY(flow->manualDialog());
    ui::AccountDialog *dialog = flow->manualDialog();
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(!flow->isVisible());
    QVERIFY(dialog->isNewAccount());
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("prefix"))->text(), QStringLiteral("INFO"));
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("email"))->text(), QStringLiteral("info@example.com"));
    // Offering again brings the detailed form to the front, still no second flow.
    window.offerFirstAccount();
    QCOMPARE(window.findChildren<ui::NewAccountFlow *>().size(), 1);

    test::typeInto(dialog->findChild<QLineEdit *>(QStringLiteral("pop3Host")), QStringLiteral("pop.example.com"));
    test::typeInto(dialog->findChild<QLineEdit *>(QStringLiteral("smtpHost")), QStringLiteral("smtp.example.com"));
    dialog->save();
    QTRY_VERIFY(!window.newAccountDialog());
    QCOMPARE(window.folderTree()->topLevelItemCount(), 1);
    QVERIFY(window.folderTree()->isVisible());
}

void TestMainWindow::noOfferWhenAccountsExist()
{
    QVERIFY(m_f->save(test::sampleAccount(QStringLiteral("INFO"), QStringLiteral("info@example.com")),
                      test::passwordUpdate(QStringLiteral("pw")))
                .ok);
    ui::MainWindow window(m_f->manager.get());
    window.show();
    window.offerFirstAccount();
    QTest::qWait(20);
    QVERIFY(!window.newAccountDialog());
    QVERIFY(window.findChildren<ui::AccountDialog *>().isEmpty());
}

void TestMainWindow::listsAccountsDefaultFirst()
{
    QVERIFY(m_f->save(test::sampleAccount(QStringLiteral("AAA"), QStringLiteral("a@example.com")),
                      test::passwordUpdate(QStringLiteral("pw")))
                .ok);
    auto zzz = test::sampleAccount(QStringLiteral("ZZZ"), QStringLiteral("z@example.com"));
    zzz.isDefault = true;
    QVERIFY(m_f->save(zzz, test::passwordUpdate(QStringLiteral("pw"))).ok);

    ui::MainWindow window(m_f->manager.get());
    window.show();
    QCOMPARE(window.folderTree()->topLevelItemCount(), 2);
    QVERIFY(window.folderTree()->topLevelItem(0)->text(0).startsWith(QStringLiteral("ZZZ")));
    QVERIFY(window.folderTree()->topLevelItem(0)->text(0).contains(QStringLiteral("(default)")));
    QVERIFY(window.folderTree()->topLevelItem(0)->font(0).bold());
    QVERIFY(!window.folderTree()->topLevelItem(1)->text(0).contains(QStringLiteral("(default)")));

    // Changes elsewhere (the account manager) show up at once.
    m_f->manager->setDefault(m_f->manager->findByPrefix(QStringLiteral("AAA"))->id);
    QVERIFY(window.folderTree()->topLevelItem(0)->text(0).startsWith(QStringLiteral("AAA")));
    test::screenshot(&window, QStringLiteral("main-window-en"));
}

void TestMainWindow::optionsMenuOpensAccountManager()
{
    ui::MainWindow window(m_f->manager.get());
    window.show();
    QAction *action = findAction(window, QStringLiteral("accountsAction"));
    QVERIFY(action);
    QCOMPARE(test::shownText(action->text()), QStringLiteral("Accounts…"));
    action->trigger();
    QVERIFY(window.optionsDialog());
    QTRY_VERIFY(window.optionsDialog()->isVisible());
    QCOMPARE(window.optionsDialog()->tabs()->tabText(0), QStringLiteral("Accounts"));
    // Triggering again raises the same dialog.
    ui::OptionsDialog *first = window.optionsDialog();
    action->trigger();
    QCOMPARE(window.optionsDialog(), first);
    QCOMPARE(window.findChildren<ui::OptionsDialog *>().size(), 1);
}

void TestMainWindow::germanMenusAndScreenshots()
{
    test::LanguageScope german(QStringLiteral("de"));
    QVERIFY(m_f->save(test::sampleAccount(QStringLiteral("INFO"), QStringLiteral("info@example.com")),
                      test::passwordUpdate(QStringLiteral("pw")))
                .ok);
    QVERIFY(m_f->save(test::sampleAccount(QStringLiteral("VERTRIEB"), QStringLiteral("vertrieb@example.com")),
                      test::passwordUpdate(QStringLiteral("pw")))
                .ok);
    ui::MainWindow window(m_f->manager.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList menus;
    for (QAction *a : window.menuBar()->actions())
        menus.append(test::shownText(a->text()));
    QCOMPARE(menus, (QStringList{QStringLiteral("Datei"), QStringLiteral("Nachricht"), QStringLiteral("Optionen")}));
    QAction *action = findAction(window, QStringLiteral("accountsAction"));
    QCOMPARE(test::shownText(action->text()), QStringLiteral("Benutzerkonten…"));
    QVERIFY(window.folderTree()->topLevelItem(0)->text(0).contains(QStringLiteral("(Standard)")));
    test::screenshot(&window, QStringLiteral("main-window-de"));

    action->trigger();
    QTRY_VERIFY(window.optionsDialog() && window.optionsDialog()->isVisible());
    QCOMPARE(window.optionsDialog()->tabs()->tabText(0), QStringLiteral("Benutzerkonten"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
