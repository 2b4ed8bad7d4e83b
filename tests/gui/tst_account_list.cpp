// The "Benutzerkonten" card: list with default marker, Neu, Bearbeiten (also by double-click),
// Löschen with confirmation (secrets go too), Als Standard festlegen.

#include "accounts/AccountDialog.h"
#include "accounts/AccountListWidget.h"
#include "accounts/NewAccountFlow.h"
#include "GuiTestSupport.h"
#include "accounts/OptionsDialog.h"

#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTreeWidget>

using namespace kurier;
using kurier::test::Fixture;

class TestAccountList : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void listsAccountsDefaultFirstWithMarker();
    void newButtonCreatesAccount();
    void doubleClickEdits();
    void deleteAsksAndRemovesSecrets();
    void deleteCancelledKeepsAccount();
    void deletingDefaultMakesAnotherDefault();
    void setAsDefault();
    void optionsDialogInGerman();

private:
    // Two accounts: INFO (default, first saved) and SALES, both with a stored password.
    void addTwoAccounts();
    QTreeWidgetItem *itemFor(ui::AccountListWidget &list, const QString &prefix);
    QPushButton *button(QWidget &w, const char *name) { return w.findChild<QPushButton *>(QString::fromLatin1(name)); }

    std::unique_ptr<Fixture> m_f;
    QString m_infoId;
    QString m_salesId;
};

void TestAccountList::initTestCase()
{
    test::LanguageScope::useEnglish();
}

void TestAccountList::init()
{
    m_f = std::make_unique<Fixture>();
    QVERIFY(m_f->dir.isValid());
}

void TestAccountList::cleanup()
{
    m_f.reset();
}

void TestAccountList::addTwoAccounts()
{
    const auto info = m_f->save(test::sampleAccount(QStringLiteral("INFO"), QStringLiteral("info@example.com")),
                                test::passwordUpdate(QStringLiteral("info-pass")));
    QVERIFY(info.ok);
    const auto sales = m_f->save(test::sampleAccount(QStringLiteral("SALES"), QStringLiteral("sales@example.com")),
                                 test::passwordUpdate(QStringLiteral("sales-pass")));
    QVERIFY(sales.ok);
    m_infoId = info.account.id;
    m_salesId = sales.account.id;
    QCOMPARE(m_f->manager->defaultAccount()->id, m_infoId); // the first account is the default
}

QTreeWidgetItem *TestAccountList::itemFor(ui::AccountListWidget &list, const QString &prefix)
{
    for (int i = 0; i < list.view()->topLevelItemCount(); ++i) {
        if (list.view()->topLevelItem(i)->text(0) == prefix)
            return list.view()->topLevelItem(i);
    }
    return nullptr;
}

void TestAccountList::listsAccountsDefaultFirstWithMarker()
{
    addTwoAccounts();
    ui::AccountListWidget list(m_f->manager.get());
    list.show();
    QCOMPARE(list.view()->topLevelItemCount(), 2);
    QCOMPARE(list.view()->headerItem()->text(0), QStringLiteral("Prefix"));
    QCOMPARE(list.view()->topLevelItem(0)->text(0), QStringLiteral("INFO"));
    QCOMPARE(list.view()->topLevelItem(0)->text(1), QStringLiteral("info@example.com"));
    QVERIFY(list.view()->topLevelItem(0)->text(2) == QStringLiteral("✓"));
    QCOMPARE(list.view()->topLevelItem(1)->text(2), QString());
    // The default account cannot be made default again.
    list.selectId(m_infoId);
    QVERIFY(!button(list, "defaultButton")->isEnabled());
    list.selectId(m_salesId);
    QVERIFY(button(list, "defaultButton")->isEnabled());
}

void TestAccountList::newButtonCreatesAccount()
{
    ui::AccountListWidget list(m_f->manager.get());
    list.show();
    QVERIFY(QTest::qWaitForWindowExposed(&list));
    QCOMPARE(list.view()->topLevelItemCount(), 0);
    QVERIFY(!button(list, "editButton")->isEnabled());
    QVERIFY(!button(list, "deleteButton")->isEnabled());

    QTest::mouseClick(button(list, "newButton"), Qt::LeftButton);
    // The address-first flow opens; its "Set up manually" leads to the detailed form.
    auto *flow = list.findChild<ui::NewAccountFlow *>();
    QVERIFY(flow);
    QTRY_VERIFY(flow->isVisible());
    QTest::mouseClick(flow->manualButton(), Qt::LeftButton);
    auto *dialog = list.findChild<ui::AccountDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(dialog->isNewAccount());
    test::typeInto(dialog->findChild<QLineEdit *>(QStringLiteral("prefix")), QStringLiteral("NEW"));
    test::typeInto(dialog->findChild<QLineEdit *>(QStringLiteral("email")), QStringLiteral("new@example.com"));
    test::typeInto(dialog->findChild<QLineEdit *>(QStringLiteral("pop3Host")), QStringLiteral("pop.example.com"));
    test::typeInto(dialog->findChild<QLineEdit *>(QStringLiteral("pop3Password")), QStringLiteral("pw"));
    test::typeInto(dialog->findChild<QLineEdit *>(QStringLiteral("smtpHost")), QStringLiteral("smtp.example.com"));
    QPointer<ui::AccountDialog> guard(dialog);
    QTest::mouseClick(button(*dialog, "saveButton"), Qt::LeftButton);
    QTRY_VERIFY(!guard); // closed and deleted
    QTRY_VERIFY(list.findChildren<ui::NewAccountFlow *>().isEmpty()); // and the flow with it
    QCOMPARE(list.view()->topLevelItemCount(), 1);
    QCOMPARE(list.view()->topLevelItem(0)->text(0), QStringLiteral("NEW"));
    QVERIFY(list.view()->topLevelItem(0)->text(2) == QStringLiteral("✓"));
    QCOMPARE(list.selectedId(), m_f->manager->accounts().constFirst().id);
}

void TestAccountList::doubleClickEdits()
{
    addTwoAccounts();
    ui::AccountListWidget list(m_f->manager.get());
    list.show();
    QVERIFY(QTest::qWaitForWindowExposed(&list));
    QTreeWidgetItem *sales = itemFor(list, QStringLiteral("SALES"));
    QVERIFY(sales);
    const QRect rect = list.view()->visualItemRect(sales);
    QTest::mouseClick(list.view()->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(list.view()->viewport(), Qt::LeftButton, {}, rect.center());
    auto *dialog = list.findChild<ui::AccountDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(!dialog->isNewAccount());
    QCOMPARE(dialog->account().id, m_salesId);
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("prefix"))->text(), QStringLiteral("SALES"));

    test::typeInto(dialog->findChild<QLineEdit *>(QStringLiteral("prefix")), QStringLiteral("VERTRIEB"));
    QTest::mouseClick(button(*dialog, "saveButton"), Qt::LeftButton);
    QTRY_VERIFY(itemFor(list, QStringLiteral("VERTRIEB")));
    QCOMPARE(m_f->manager->findById(m_salesId)->prefix, QStringLiteral("VERTRIEB"));
    // The secret is keyed by id, so it survives the new prefix.
    QCOMPARE(m_f->secrets.contents().value(m_salesId + QStringLiteral("/pop3-password")), QStringLiteral("sales-pass"));

    // The Edit button does the same.
    list.selectId(m_infoId);
    QTest::mouseClick(button(list, "editButton"), Qt::LeftButton);
    QTRY_VERIFY(!list.findChildren<ui::AccountDialog *>().isEmpty());
    auto *second = list.findChildren<ui::AccountDialog *>().constLast();
    QCOMPARE(second->account().id, m_infoId);
    second->reject();
}

void TestAccountList::deleteAsksAndRemovesSecrets()
{
    addTwoAccounts();
    ui::AccountListWidget list(m_f->manager.get());
    list.show();
    QVERIFY(QTest::qWaitForWindowExposed(&list));
    list.selectId(m_salesId);
    QTest::mouseClick(button(list, "deleteButton"), Qt::LeftButton);
    auto *box = list.findChild<QMessageBox *>(QStringLiteral("confirmDelete"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY(box->text().contains(QStringLiteral("SALES")));
    test::screenshot(box, QStringLiteral("account-list-confirm-delete-en"));
    QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("confirmDeleteButton")), Qt::LeftButton);

    QTRY_COMPARE(m_f->manager->accounts().size(), 1);
    QVERIFY(!m_f->manager->findById(m_salesId));
    QCOMPARE(list.view()->topLevelItemCount(), 1);
    QTRY_VERIFY(!m_f->secrets.contents().contains(m_salesId + QStringLiteral("/pop3-password")));
    QVERIFY(m_f->secrets.contents().contains(m_infoId + QStringLiteral("/pop3-password")));
    QVERIFY(!m_f->iniContents().contains("SALES"));
}

void TestAccountList::deleteCancelledKeepsAccount()
{
    addTwoAccounts();
    ui::AccountListWidget list(m_f->manager.get());
    list.show();
    list.selectId(m_salesId);
    QMessageBox *box = list.removeSelected();
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QPointer<QMessageBox> guard(box);
    box->reject();
    QTRY_VERIFY(!guard);
    QTest::qWait(20);
    QCOMPARE(m_f->manager->accounts().size(), 2);
    QCOMPARE(m_f->secrets.contents().size(), 2);
}

void TestAccountList::deletingDefaultMakesAnotherDefault()
{
    addTwoAccounts();
    ui::AccountListWidget list(m_f->manager.get());
    list.show();
    list.selectId(m_infoId);
    QMessageBox *box = list.removeSelected();
    QVERIFY(box);
    box->findChild<QPushButton *>(QStringLiteral("confirmDeleteButton"))->click();
    QTRY_COMPARE(m_f->manager->accounts().size(), 1);
    QCOMPARE(m_f->manager->defaultAccount()->id, m_salesId);
    QVERIFY(list.view()->topLevelItem(0)->text(2) == QStringLiteral("✓"));
    QVERIFY(!m_f->secrets.contents().contains(m_infoId + QStringLiteral("/pop3-password")));
}

void TestAccountList::setAsDefault()
{
    addTwoAccounts();
    ui::AccountListWidget list(m_f->manager.get());
    list.show();
    QVERIFY(QTest::qWaitForWindowExposed(&list));
    list.selectId(m_salesId);
    QTest::mouseClick(button(list, "defaultButton"), Qt::LeftButton);
    QCOMPARE(m_f->manager->defaultAccount()->id, m_salesId);
    QCOMPARE(list.view()->topLevelItem(0)->text(0), QStringLiteral("SALES")); // default first
    QVERIFY(list.view()->topLevelItem(0)->text(2) == QStringLiteral("✓"));
    QCOMPARE(list.view()->topLevelItem(1)->text(2), QString());
    QCOMPARE(list.selectedId(), m_salesId);
    QVERIFY(!button(list, "defaultButton")->isEnabled());
    test::screenshot(&list, QStringLiteral("account-list-en"));
}

void TestAccountList::optionsDialogInGerman()
{
    addTwoAccounts();
    test::LanguageScope german(QStringLiteral("de"));
    ui::OptionsDialog options(m_f->manager.get());
    options.show();
    QVERIFY(QTest::qWaitForWindowExposed(&options));
    QCOMPARE(options.windowTitle(), QStringLiteral("Optionen"));
    QCOMPARE(options.tabs()->tabText(0), QStringLiteral("Benutzerkonten"));
    ui::AccountListWidget *list = options.accountList();
    QCOMPARE(test::shownText(button(*list, "newButton")->text()), QStringLiteral("Neu…"));
    QCOMPARE(test::shownText(button(*list, "editButton")->text()), QStringLiteral("Bearbeiten…"));
    QCOMPARE(test::shownText(button(*list, "deleteButton")->text()), QStringLiteral("Löschen…"));
    QCOMPARE(test::shownText(button(*list, "defaultButton")->text()), QStringLiteral("Als Standard festlegen"));
    QCOMPARE(list->view()->headerItem()->text(0), QStringLiteral("Präfix"));
    QCOMPARE(list->view()->headerItem()->text(1), QStringLiteral("eMail-Adresse"));
    QCOMPARE(list->view()->headerItem()->text(2), QStringLiteral("Standard"));
    QCOMPARE(list->view()->topLevelItem(0)->toolTip(2), QStringLiteral("Standardkonto"));
    list->selectId(m_salesId);
    test::screenshot(&options, QStringLiteral("options-accounts-de"));

    QMessageBox *box = list->removeSelected();
    QTRY_VERIFY(box->isVisible());
    QCOMPARE(box->findChild<QPushButton *>(QStringLiteral("confirmDeleteButton"))->text(), QStringLiteral("Löschen"));
    test::screenshot(box, QStringLiteral("account-list-confirm-delete-de"));
    box->reject();
}

QTEST_MAIN(TestAccountList)
#include "tst_account_list.moc"
