// The account dialog, driven like a user: OAuth fields, saving with secrets, validation at the
// field, presets, the port/security warnings, editing, the no-keychain path, German labels.

#include "accounts/AccountDialog.h"
#include "GuiTestSupport.h"
#include "accounts/TenantDialog.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QGroupBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>

using namespace kurier;
using kurier::store::AccountField;
using kurier::store::Security;
using kurier::test::Fixture;
using kurier::test::typeInto;

Q_DECLARE_METATYPE(kurier::store::AccountField)

class TestAccountDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void oauthToggleShowsExactlyTheOAuthFields();
    void authorizationEndpointOnlyWhenNotDerivable();
    void savingCreatesAccountWithSecretsInTheStore();
    void savingWithOAuthStoresClientSecretAndSmtpPassword();
    void signatureIsTypedSavedAndChecked();
    void errorsStayHiddenUntilFieldIsLeft();
    void validationErrorAppearsAtItsField_data();
    void validationErrorAppearsAtItsField();
    void saveFocusesFirstBadField();
    void portDefaultsFollowSecurity();
    void portSecurityWarningsWithOneClickFix_data();
    void portSecurityWarningsWithOneClickFix();
    void microsoft365Preset();
    void microsoft365PresetRejectsBadTenant();
    void gmailPreset();
    void editKeepsStoredSecretsUnlessTyped();
    void editChangesPassword();
    void firstAccountIsDefault();
    void noKeychainOffersAskEachTime();
    void unencryptedNeedsConsent();
    void tabOrderFollowsTheForm();
    void germanLabels();
    void mnemonicsAreUnique_data();
    void mnemonicsAreUnique();
    void screenshots();

private:
    // A dialog filled with a valid password account.
    void fillValid(ui::AccountDialog &dialog);
    template<typename T>
    T *find(ui::AccountDialog &dialog, const char *name)
    {
        T *w = dialog.findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qWarning("no widget %s", name);
        return w;
    }

    std::unique_ptr<Fixture> m_f;
};

void TestAccountDialog::initTestCase()
{
    test::LanguageScope::useEnglish();
}

void TestAccountDialog::init()
{
    m_f = std::make_unique<Fixture>();
    QVERIFY(m_f->dir.isValid());
}

void TestAccountDialog::cleanup()
{
    m_f.reset();
}

void TestAccountDialog::fillValid(ui::AccountDialog &dialog)
{
    typeInto(find<QLineEdit>(dialog, "prefix"), QStringLiteral("INFO"));
    typeInto(find<QLineEdit>(dialog, "email"), QStringLiteral("info@example.com"));
    typeInto(find<QLineEdit>(dialog, "pop3Host"), QStringLiteral("pop.example.com"));
    typeInto(find<QLineEdit>(dialog, "pop3Password"), QStringLiteral("pop-s3cret"));
    typeInto(find<QLineEdit>(dialog, "smtpHost"), QStringLiteral("smtp.example.com"));
}

void TestAccountDialog::oauthToggleShowsExactlyTheOAuthFields()
{
    ui::AccountDialog dialog(m_f->manager.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    const QStringList oauthWidgets = {QStringLiteral("oauthTokenEndpoint"), QStringLiteral("oauthClientId"),
                                      QStringLiteral("oauthClientSecret"), QStringLiteral("oauthScope"),
                                      QStringLiteral("oauthMethod"), QStringLiteral("oauthClientSecretValidUntil")};
    const QStringList alwaysVisible = {QStringLiteral("prefix"), QStringLiteral("email"), QStringLiteral("pop3Host"),
                                       QStringLiteral("pop3Port"), QStringLiteral("pop3User"),
                                       QStringLiteral("pop3Password"), QStringLiteral("pop3Security"),
                                       QStringLiteral("smtpHost"), QStringLiteral("smtpPort"),
                                       QStringLiteral("smtpSecurity"), QStringLiteral("oauthEnabled")};
    auto check = [&](bool oauthOn) {
        for (const QString &name : oauthWidgets) {
            auto *w = dialog.findChild<QWidget *>(name);
            QVERIFY2(w, qPrintable(name));
            QVERIFY2(w->isVisibleTo(&dialog) == oauthOn, qPrintable(name));
            // The label goes with the field (hidden, not just disabled).
            auto *label = dialog.findChild<QLabel *>(name + QStringLiteral("Label"));
            QVERIFY2(label, qPrintable(name));
            QCOMPARE(label->isVisibleTo(&dialog), oauthOn);
        }
        for (const QString &name : alwaysVisible)
            QVERIFY2(dialog.findChild<QWidget *>(name)->isVisibleTo(&dialog), qPrintable(name));
        // The authorization endpoint is never needed for the password method.
        QVERIFY(!dialog.editor(AccountField::OAuthAuthorizationEndpoint)->isVisibleTo(&dialog));
    };

    auto *enabled = find<QCheckBox>(dialog, "oauthEnabled");
    QVERIFY(!enabled->isChecked()); // off by default, as in the guide
    check(false);
    QTest::mouseClick(enabled, Qt::LeftButton, {}, QPoint(8, enabled->height() / 2));
    QVERIFY(enabled->isChecked());
    check(true);
    QVERIFY(dialog.account().oauth.enabled);
    enabled->setChecked(false);
    check(false);
    QVERIFY(!dialog.account().oauth.enabled);
}

void TestAccountDialog::authorizationEndpointOnlyWhenNotDerivable()
{
    ui::AccountDialog dialog(m_f->manager.get());
    dialog.show();
    QWidget *authEndpoint = dialog.editor(AccountField::OAuthAuthorizationEndpoint);
    find<QCheckBox>(dialog, "oauthEnabled")->setChecked(true);
    test::chooseData(find<QComboBox>(dialog, "oauthMethod"), int(oauth::SignInMethod::Browser));
    typeInto(find<QLineEdit>(dialog, "oauthTokenEndpoint"),
             QStringLiteral("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token"));
    QVERIFY(!authEndpoint->isVisibleTo(&dialog)); // Microsoft: derived
    typeInto(find<QLineEdit>(dialog, "oauthTokenEndpoint"), QStringLiteral("https://idp.example.com/token"));
    QVERIFY(authEndpoint->isVisibleTo(&dialog)); // unknown provider: asked for
    test::chooseData(find<QComboBox>(dialog, "oauthMethod"), int(oauth::SignInMethod::Password));
    QVERIFY(!authEndpoint->isVisibleTo(&dialog));
}

void TestAccountDialog::savingCreatesAccountWithSecretsInTheStore()
{
    ui::AccountDialog dialog(m_f->manager.get());
    QSignalSpy saved(&dialog, &ui::AccountDialog::saved);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    fillValid(dialog);
    typeInto(find<QLineEdit>(dialog, "senderName"), QStringLiteral("Erika Mustermann"));

    QTest::mouseClick(find<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    QTRY_COMPARE(saved.count(), 1);
    QTRY_VERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    QCOMPARE(m_f->manager->accounts().size(), 1);
    const store::Account a = m_f->manager->accounts().constFirst();
    QCOMPARE(saved.constFirst().constFirst().value<store::Account>().id, a.id);
    QCOMPARE(a.prefix, QStringLiteral("INFO"));
    QCOMPARE(a.email, QStringLiteral("info@example.com"));
    QCOMPARE(a.senderName, QStringLiteral("Erika Mustermann"));
    QCOMPARE(a.pop3.host, QStringLiteral("pop.example.com"));
    QCOMPARE(a.pop3.port, 0); // untouched: the default for the security
    QCOMPARE(a.pop3.security, Security::Tls);
    QCOMPARE(a.smtp.host, QStringLiteral("smtp.example.com"));
    QCOMPARE(a.smtp.security, Security::StartTls);
    QVERIFY(a.isDefault);
    QVERIFY(a.hasSecret(store::SecretName::Pop3Password));

    const QString key = a.id + QStringLiteral("/pop3-password");
    QCOMPARE(m_f->secrets.contents().keys(), QStringList{key});
    QCOMPARE(m_f->secrets.contents().value(key), QStringLiteral("pop-s3cret"));
    const QByteArray ini = m_f->iniContents();
    QVERIFY(ini.contains("INFO"));
    QVERIFY(!ini.contains("pop-s3cret"));
}

void TestAccountDialog::signatureIsTypedSavedAndChecked()
{
    ui::AccountDialog dialog(m_f->manager.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    fillValid(dialog);
    auto *signature = find<QPlainTextEdit>(dialog, "signature");
    QCOMPARE(dialog.labelFor(AccountField::Signature)->buddy(), signature);
    // Tab leaves the field (a form), Return makes a new line.
    signature->setFocus();
    QTest::keyClicks(signature, QStringLiteral("Erika Mustermann"));
    QTest::keyClick(signature, Qt::Key_Return);
    QTest::keyClicks(signature, QStringLiteral("Vertrieb"));
    QTest::keyClick(signature, Qt::Key_Tab);
    QVERIFY(!signature->hasFocus());
    QCOMPARE(signature->toPlainText(), QStringLiteral("Erika Mustermann\nVertrieb"));

    // Control characters (pasted from a terminal, say) are named at the field and block Save.
    signature->setPlainText(QStringLiteral("Erika\x1b[1m"));
    auto *message = find<QLabel>(dialog, "signatureMessage");
    QTRY_VERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QStringLiteral("control characters")), qPrintable(message->text()));
    QTest::mouseClick(find<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    QVERIFY(m_f->manager->accounts().isEmpty());
    QCOMPARE(dialog.focusWidget(), signature);

    signature->setPlainText(QStringLiteral("Erika Mustermann\nVertrieb · Tel. 0421 1"));
    QTRY_VERIFY(!message->isVisible());
    QSignalSpy saved(&dialog, &ui::AccountDialog::saved);
    QTest::mouseClick(find<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    QTRY_COMPARE(saved.count(), 1);
    const store::Account a = m_f->manager->accounts().constFirst();
    QCOMPARE(a.signature, QStringLiteral("Erika Mustermann\nVertrieb · Tel. 0421 1"));

    // Editing shows it again.
    ui::AccountDialog edit(m_f->manager.get(), a);
    QCOMPARE(find<QPlainTextEdit>(edit, "signature")->toPlainText(), a.signature);
}

void TestAccountDialog::savingWithOAuthStoresClientSecretAndSmtpPassword()
{
    ui::AccountDialog dialog(m_f->manager.get());
    QSignalSpy saved(&dialog, &ui::AccountDialog::saved);
    dialog.show();
    fillValid(dialog);
    find<QCheckBox>(dialog, "oauthEnabled")->setChecked(true);
    typeInto(find<QLineEdit>(dialog, "oauthTokenEndpoint"),
             QStringLiteral("https://login.microsoftonline.com/6b29fc40-ca47-1067-b31d-00dd010662da/oauth2/v2.0/token"));
    typeInto(find<QLineEdit>(dialog, "oauthClientId"), QStringLiteral("11111111-2222-3333-4444-555555555555"));
    typeInto(find<QLineEdit>(dialog, "oauthClientSecret"), QStringLiteral("client~s3cret~value"));
    typeInto(find<QLineEdit>(dialog, "oauthScope"), QStringLiteral("https://outlook.office365.com/.default"));
    find<QDateEdit>(dialog, "oauthClientSecretValidUntil")->setDate(QDate(2026, 6, 5));
    test::chooseData(find<QComboBox>(dialog, "smtpAuth"), int(store::SmtpAuth::Password));
    QVERIFY(dialog.editor(AccountField::SmtpPassword)->isVisibleTo(&dialog));
    typeInto(find<QLineEdit>(dialog, "smtpUser"), QStringLiteral("relay-user"));
    typeInto(find<QLineEdit>(dialog, "smtpPassword"), QStringLiteral("smtp-s3cret"));

    QTest::mouseClick(find<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    QTRY_COMPARE(saved.count(), 1);

    const store::Account a = m_f->manager->accounts().constFirst();
    QVERIFY(a.oauth.enabled);
    QCOMPARE(a.oauth.clientId, QStringLiteral("11111111-2222-3333-4444-555555555555"));
    QCOMPARE(a.oauth.clientSecretValidUntil, QDate(2026, 6, 5));
    QCOMPARE(a.smtp.auth, store::SmtpAuth::Password);
    QCOMPARE(a.smtp.user, QStringLiteral("relay-user"));
    const auto &contents = m_f->secrets.contents();
    QCOMPARE(contents.value(a.id + QStringLiteral("/pop3-password")), QStringLiteral("pop-s3cret"));
    QCOMPARE(contents.value(a.id + QStringLiteral("/oauth-client-secret")), QStringLiteral("client~s3cret~value"));
    QCOMPARE(contents.value(a.id + QStringLiteral("/smtp-password")), QStringLiteral("smtp-s3cret"));
    QCOMPARE(contents.size(), 3);
    const QByteArray ini = m_f->iniContents();
    for (const char *secret : {"pop-s3cret", "client~s3cret~value", "smtp-s3cret"})
        QVERIFY2(!ini.contains(secret), secret);
}

void TestAccountDialog::errorsStayHiddenUntilFieldIsLeft()
{
    ui::AccountDialog dialog(m_f->manager.get());
    dialog.show();
    // A fresh form is not a list of complaints.
    for (AccountField f : {AccountField::Prefix, AccountField::Email, AccountField::Pop3Host, AccountField::SmtpHost})
        QVERIFY(!dialog.messageLabel(f)->isVisibleTo(&dialog));
    typeInto(find<QLineEdit>(dialog, "email"), QStringLiteral("not-an-address"));
    QLabel *message = dialog.messageLabel(AccountField::Email);
    QVERIFY(message->isVisibleTo(&dialog));
    QVERIFY(message->text().contains(QStringLiteral("is not a valid mail address")));
    QCOMPARE(message->property("messageKind").toString(), QStringLiteral("error"));
    // Live: fixing the typo removes the message while typing.
    QTest::keyClicks(find<QLineEdit>(dialog, "email"), QStringLiteral("@example.com"));
    QVERIFY(!message->isVisibleTo(&dialog));
    QVERIFY(!dialog.messageLabel(AccountField::Prefix)->isVisibleTo(&dialog));
}

void TestAccountDialog::validationErrorAppearsAtItsField_data()
{
    QTest::addColumn<bool>("oauth");
    QTest::addColumn<QString>("editor");
    QTest::addColumn<QString>("value");
    QTest::addColumn<AccountField>("field");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty prefix") << false << "prefix" << "" << AccountField::Prefix << "Enter a prefix";
    QTest::newRow("bad prefix") << false << "prefix" << "Buchhaltung!" << AccountField::Prefix
                                << "The prefix may only have";
    QTest::newRow("too long prefix") << false << "prefix" << "ABCDEFGHIJK" << AccountField::Prefix
                                     << "The prefix may only have";
    QTest::newRow("bad address") << false << "email" << "info(at)example.com" << AccountField::Email
                                 << "is not a valid mail address";
    QTest::newRow("missing address") << false << "email" << "" << AccountField::Email << "Enter the mail address";
    QTest::newRow("bad pop3 host") << false << "pop3Host" << "pop example.com" << AccountField::Pop3Host
                                   << "is not a valid host name";
    QTest::newRow("missing pop3 host") << false << "pop3Host" << "" << AccountField::Pop3Host
                                       << "Enter the POP3 server";
    QTest::newRow("bad smtp host") << false << "smtpHost" << "smtp_example" << AccountField::SmtpHost
                                   << "is not a valid host name";
    QTest::newRow("pop3 port too big") << false << "pop3Port" << "70000" << AccountField::Pop3Port
                                       << "from 1 to 65535";
    QTest::newRow("smtp port zero") << false << "smtpPort" << "0" << AccountField::SmtpPort << "from 1 to 65535";
    QTest::newRow("missing password") << false << "pop3Password" << "" << AccountField::Pop3Password
                                      << "Enter the password";
    QTest::newRow("http endpoint") << true << "oauthTokenEndpoint" << "http://login.example.com/oauth2/token"
                                   << AccountField::OAuthTokenEndpoint << "must use https://";
    QTest::newRow("placeholder endpoint")
        << true << "oauthTokenEndpoint" << "https://login.microsoftonline.com/{Mandanten-ID}/oauth2/v2.0/token"
        << AccountField::OAuthTokenEndpoint << "Replace the placeholder";
    QTest::newRow("missing endpoint") << true << "oauthTokenEndpoint" << "" << AccountField::OAuthTokenEndpoint
                                      << "Enter the token endpoint URL";
    QTest::newRow("missing client ID") << true << "oauthClientId" << "" << AccountField::OAuthClientId
                                       << "Enter the client ID";
    QTest::newRow("missing Microsoft scope") << true << "oauthScope" << "" << AccountField::OAuthScope
                                             << "Enter the scope";
    QTest::newRow("missing CA file") << false << "extraCaFile" << "/nonexistent/company-ca.pem"
                                     << AccountField::ExtraCaFile << "cannot be read";
}

void TestAccountDialog::validationErrorAppearsAtItsField()
{
    QFETCH(bool, oauth);
    QFETCH(QString, editor);
    QFETCH(QString, value);
    QFETCH(AccountField, field);
    QFETCH(QString, message);

    ui::AccountDialog dialog(m_f->manager.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    fillValid(dialog);
    if (oauth) {
        find<QCheckBox>(dialog, "oauthEnabled")->setChecked(true);
        typeInto(find<QLineEdit>(dialog, "oauthTokenEndpoint"),
                 QStringLiteral("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token"));
        typeInto(find<QLineEdit>(dialog, "oauthClientId"), QStringLiteral("11111111-2222-3333-4444-555555555555"));
        typeInto(find<QLineEdit>(dialog, "oauthScope"), QStringLiteral("https://outlook.office365.com/.default"));
    }
    QVERIFY2(!store::AccountValidator::hasErrors(dialog.currentIssues()), "the baseline must be valid");

    auto *edit = dialog.findChild<QLineEdit *>(editor);
    QVERIFY(edit);
    QCOMPARE(dialog.editor(field), edit);
    typeInto(edit, value);

    QTest::mouseClick(find<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    QLabel *label = dialog.messageLabel(field);
    QVERIFY(label->isVisibleTo(&dialog));
    QVERIFY2(label->text().contains(message), qPrintable(label->text()));
    QCOMPARE(label->property("messageKind").toString(), QStringLiteral("error"));
    // The message sits right under its field.
    QVERIFY(label->parentWidget()->isAncestorOf(edit));
    QCOMPARE(dialog.focusWidget(), edit);
    // Refused: still open, nothing stored anywhere.
    QTest::qWait(50);
    QVERIFY(dialog.isVisible());
    QVERIFY(m_f->manager->accounts().isEmpty());
    QVERIFY(m_f->secrets.contents().isEmpty());
    QVERIFY(!m_f->iniContents().contains("INFO"));
}

void TestAccountDialog::saveFocusesFirstBadField()
{
    ui::AccountDialog dialog(m_f->manager.get());
    dialog.show();
    // Empty form: the first field in the form gets the focus, every error is shown.
    find<QLineEdit>(dialog, "smtpHost")->setFocus();
    QTest::mouseClick(find<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    QCOMPARE(dialog.focusWidget(), dialog.editor(AccountField::Prefix));
    for (AccountField f : {AccountField::Prefix, AccountField::Email, AccountField::Pop3Host,
                           AccountField::Pop3Password, AccountField::SmtpHost})
        QVERIFY(dialog.messageLabel(f)->isVisibleTo(&dialog));

    // Bad SMTP host and bad address: the address comes first.
    fillValid(dialog);
    typeInto(find<QLineEdit>(dialog, "smtpHost"), QStringLiteral("smtp example"));
    typeInto(find<QLineEdit>(dialog, "email"), QStringLiteral("info@"));
    find<QLineEdit>(dialog, "prefix")->setFocus();
    QTest::mouseClick(find<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    QCOMPARE(dialog.focusWidget(), dialog.editor(AccountField::Email));
    QVERIFY(dialog.messageLabel(AccountField::SmtpHost)->isVisibleTo(&dialog));
    QVERIFY(!dialog.messageLabel(AccountField::Prefix)->isVisibleTo(&dialog));
}

void TestAccountDialog::portDefaultsFollowSecurity()
{
    ui::AccountDialog dialog(m_f->manager.get());
    dialog.show();
    auto *pop3Port = find<QLineEdit>(dialog, "pop3Port");
    auto *smtpPort = find<QLineEdit>(dialog, "smtpPort");
    auto *pop3Security = find<QComboBox>(dialog, "pop3Security");
    auto *smtpSecurity = find<QComboBox>(dialog, "smtpSecurity");

    QCOMPARE(pop3Port->text(), QStringLiteral("995")); // SSL/TLS is the default
    QCOMPARE(smtpPort->text(), QStringLiteral("587")); // STARTTLS is the default
    QCOMPARE(test::shownText(dialog.labelFor(AccountField::Pop3Port)->text()), QStringLiteral("POP3 port (default: 995)"));
    test::chooseData(pop3Security, int(Security::StartTls));
    QCOMPARE(pop3Port->text(), QStringLiteral("110"));
    QCOMPARE(test::shownText(dialog.labelFor(AccountField::Pop3Port)->text()), QStringLiteral("POP3 port (default: 110)"));
    test::chooseData(smtpSecurity, int(Security::Tls));
    QCOMPARE(smtpPort->text(), QStringLiteral("465"));
    QCOMPARE(test::shownText(dialog.labelFor(AccountField::SmtpPort)->text()), QStringLiteral("SMTP port (default: 465)"));
    QCOMPARE(dialog.account().pop3.port, 0);
    QCOMPARE(dialog.account().smtp.port, 0);

    // A typed port stays when the security changes.
    typeInto(pop3Port, QStringLiteral("1995"));
    test::chooseData(pop3Security, int(Security::Tls));
    QCOMPARE(pop3Port->text(), QStringLiteral("1995"));
    QCOMPARE(dialog.account().pop3.port, 1995);
    // Emptied: back to following the security.
    typeInto(pop3Port, QString());
    QCOMPARE(dialog.account().pop3.port, 0);
    test::chooseData(pop3Security, int(Security::None));
    QCOMPARE(pop3Port->text(), QStringLiteral("110"));
}

void TestAccountDialog::portSecurityWarningsWithOneClickFix_data()
{
    QTest::addColumn<QString>("portEditor");
    QTest::addColumn<QString>("port");
    QTest::addColumn<QString>("securityCombo");
    QTest::addColumn<Security>("security");
    QTest::addColumn<AccountField>("field");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("fixLabel");
    QTest::addColumn<Security>("securityAfterFix");

    QTest::newRow("POP3 995 + STARTTLS") << "pop3Port" << "995" << "pop3Security" << Security::StartTls
                                         << AccountField::Pop3Security << "Port 995 uses SSL/TLS" << "Use SSL/TLS"
                                         << Security::Tls;
    QTest::newRow("SMTP 465 + STARTTLS") << "smtpPort" << "465" << "smtpSecurity" << Security::StartTls
                                         << AccountField::SmtpSecurity << "Port 465 uses SSL/TLS" << "Use SSL/TLS"
                                         << Security::Tls;
    QTest::newRow("SMTP 587 + SSL/TLS") << "smtpPort" << "587" << "smtpSecurity" << Security::Tls
                                        << AccountField::SmtpSecurity << "Port 587 starts unencrypted"
                                        << "Use STARTTLS" << Security::StartTls;
}

void TestAccountDialog::portSecurityWarningsWithOneClickFix()
{
    QFETCH(QString, portEditor);
    QFETCH(QString, port);
    QFETCH(QString, securityCombo);
    QFETCH(Security, security);
    QFETCH(AccountField, field);
    QFETCH(QString, message);
    QFETCH(QString, fixLabel);
    QFETCH(Security, securityAfterFix);

    ui::AccountDialog dialog(m_f->manager.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    fillValid(dialog);
    typeInto(dialog.findChild<QLineEdit *>(portEditor), port);
    test::chooseData(dialog.findChild<QComboBox *>(securityCombo), int(security));

    // Shown at once (a warning, not an error), next to the security choice.
    QLabel *label = dialog.messageLabel(field);
    QVERIFY(label->isVisibleTo(&dialog));
    QVERIFY2(label->text().contains(message), qPrintable(label->text()));
    QCOMPARE(label->property("messageKind").toString(), QStringLiteral("warning"));
    QPushButton *fix = dialog.fixButton(field);
    QVERIFY(fix->isVisibleTo(&dialog));
    QCOMPARE(fix->text(), fixLabel);
    if (port == u"995")
        test::screenshot(&dialog, QStringLiteral("account-dialog-warning-995-starttls-en"));

    QTest::mouseClick(fix, Qt::LeftButton);
    QCOMPARE(Security(dialog.findChild<QComboBox *>(securityCombo)->currentData().toInt()), securityAfterFix);
    QCOMPARE(dialog.findChild<QLineEdit *>(portEditor)->text(), port);
    QVERIFY(!label->isVisibleTo(&dialog));
    QVERIFY(!fix->isVisibleTo(&dialog));

    // A warning never stops saving.
    typeInto(dialog.findChild<QLineEdit *>(portEditor), port);
    test::chooseData(dialog.findChild<QComboBox *>(securityCombo), int(security));
    QSignalSpy saved(&dialog, &ui::AccountDialog::saved);
    QTest::mouseClick(find<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    QTRY_COMPARE(saved.count(), 1);
}

void TestAccountDialog::microsoft365Preset()
{
    ui::AccountDialog dialog(m_f->manager.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    typeInto(find<QLineEdit>(dialog, "prefix"), QStringLiteral("M365"));
    typeInto(find<QLineEdit>(dialog, "email"), QStringLiteral("anna@contoso.com"));
    typeInto(find<QLineEdit>(dialog, "pop3User"), QStringLiteral("someone-else"));
    test::chooseData(find<QComboBox>(dialog, "smtpSecurity"), int(Security::None));

    auto *action = dialog.findChild<QAction *>(QStringLiteral("presetMicrosoft365"));
    QVERIFY(action);
    action->trigger();
    ui::TenantDialog *tenant = dialog.tenantDialog();
    QVERIFY(tenant);
    QTRY_VERIFY(tenant->isVisible());
    QVERIFY(!tenant->okButton()->isEnabled());
    QTest::keyClicks(tenant->tenantEdit(), QStringLiteral("6b29fc40-ca47-1067-b31d-00dd010662da"));
    QVERIFY(tenant->okButton()->isEnabled());
    QTest::mouseClick(tenant->okButton(), Qt::LeftButton);
    QTRY_VERIFY(!tenant->isVisible());

    QVERIFY(find<QCheckBox>(dialog, "oauthEnabled")->isChecked());
    QVERIFY(dialog.editor(AccountField::OAuthTokenEndpoint)->isVisibleTo(&dialog));
    QCOMPARE(find<QLineEdit>(dialog, "oauthTokenEndpoint")->text(),
             QStringLiteral("https://login.microsoftonline.com/6b29fc40-ca47-1067-b31d-00dd010662da/oauth2/v2.0/token"));
    QCOMPARE(find<QLineEdit>(dialog, "oauthScope")->text(), QStringLiteral("https://outlook.office365.com/.default"));
    QCOMPARE(find<QLineEdit>(dialog, "pop3Host")->text(), QStringLiteral("outlook.office365.com"));
    QCOMPARE(find<QLineEdit>(dialog, "pop3Port")->text(), QStringLiteral("995"));
    QCOMPARE(find<QComboBox>(dialog, "pop3Security")->currentText(), QStringLiteral("SSL/TLS"));
    QCOMPARE(find<QLineEdit>(dialog, "pop3User")->text(), QString()); // user name = address
    QCOMPARE(find<QLineEdit>(dialog, "smtpHost")->text(), QStringLiteral("smtp.office365.com"));
    QCOMPARE(find<QLineEdit>(dialog, "smtpPort")->text(), QStringLiteral("587"));
    QCOMPARE(find<QComboBox>(dialog, "smtpSecurity")->currentText(), QStringLiteral("STARTTLS"));
    // What the user typed stays.
    QCOMPARE(find<QLineEdit>(dialog, "prefix")->text(), QStringLiteral("M365"));
    QCOMPARE(find<QLineEdit>(dialog, "email")->text(), QStringLiteral("anna@contoso.com"));

    const store::Account a = dialog.account();
    QCOMPARE(a.pop3.port, 995);
    QCOMPARE(a.pop3.security, Security::Tls);
    QCOMPARE(a.smtp.port, 587);
    QCOMPARE(a.smtp.security, Security::StartTls);
    // No port/security warnings for the preset's own values.
    QVERIFY(!dialog.messageLabel(AccountField::Pop3Security)->isVisibleTo(&dialog));
    QVERIFY(!dialog.messageLabel(AccountField::SmtpSecurity)->isVisibleTo(&dialog));
    // Still missing: the client ID (and the password for the password method).
    QTest::mouseClick(find<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    QCOMPARE(dialog.focusWidget(), dialog.editor(AccountField::Pop3Password));
    QVERIFY(dialog.messageLabel(AccountField::OAuthClientId)->isVisibleTo(&dialog));
}

void TestAccountDialog::microsoft365PresetRejectsBadTenant()
{
    ui::AccountDialog dialog(m_f->manager.get());
    dialog.show();
    dialog.askForMicrosoftTenant();
    ui::TenantDialog *tenant = dialog.tenantDialog();
    QTRY_VERIFY(tenant->isVisible());
    QTest::keyClicks(tenant->tenantEdit(), QStringLiteral("not a tenant"));
    QVERIFY(!tenant->okButton()->isEnabled());
    auto *message = tenant->findChild<QLabel *>(QStringLiteral("tenantMessage"));
    QVERIFY(message->isVisibleTo(tenant));
    tenant->tenantEdit()->clear();
    QTest::keyClicks(tenant->tenantEdit(), QStringLiteral("contoso.onmicrosoft.com"));
    QVERIFY(tenant->okButton()->isEnabled());
    QVERIFY(!message->isVisibleTo(tenant));
    tenant->reject();
    QVERIFY(!find<QCheckBox>(dialog, "oauthEnabled")->isChecked()); // cancelled: nothing applied

    // The slot itself refuses an invalid tenant too.
    dialog.applyMicrosoft365(QStringLiteral("{Mandanten-ID}"));
    QVERIFY(!find<QCheckBox>(dialog, "oauthEnabled")->isChecked());
}

void TestAccountDialog::gmailPreset()
{
    ui::AccountDialog dialog(m_f->manager.get());
    dialog.show();
    auto *action = dialog.findChild<QAction *>(QStringLiteral("presetGmail"));
    QVERIFY(action);
    action->trigger();
    QVERIFY(find<QCheckBox>(dialog, "oauthEnabled")->isChecked());
    QCOMPARE(find<QLineEdit>(dialog, "oauthTokenEndpoint")->text(), QStringLiteral("https://oauth2.googleapis.com/token"));
    QCOMPARE(find<QLineEdit>(dialog, "oauthScope")->text(), QStringLiteral("https://mail.google.com/"));
    QCOMPARE(oauth::SignInMethod(find<QComboBox>(dialog, "oauthMethod")->currentData().toInt()),
             oauth::SignInMethod::Browser);
    QCOMPARE(find<QLineEdit>(dialog, "pop3Host")->text(), QStringLiteral("pop.gmail.com"));
    QCOMPARE(find<QLineEdit>(dialog, "pop3Port")->text(), QStringLiteral("995"));
    QCOMPARE(find<QLineEdit>(dialog, "smtpHost")->text(), QStringLiteral("smtp.gmail.com"));
    QCOMPARE(find<QLineEdit>(dialog, "smtpPort")->text(), QStringLiteral("587"));
    // Browser sign-in: no mail password, and Google's sign-in address is known.
    QVERIFY(!dialog.editor(AccountField::Pop3Password)->isEnabled());
    QVERIFY(!dialog.editor(AccountField::OAuthAuthorizationEndpoint)->isVisibleTo(&dialog));

    typeInto(find<QLineEdit>(dialog, "prefix"), QStringLiteral("GMAIL"));
    typeInto(find<QLineEdit>(dialog, "email"), QStringLiteral("erika@gmail.com"));
    typeInto(find<QLineEdit>(dialog, "oauthClientId"), QStringLiteral("1234-abc.apps.googleusercontent.com"));
    QSignalSpy saved(&dialog, &ui::AccountDialog::saved);
    QTest::mouseClick(find<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    QTRY_COMPARE(saved.count(), 1);
    QVERIFY(m_f->secrets.contents().isEmpty());
}

void TestAccountDialog::editKeepsStoredSecretsUnlessTyped()
{
    const auto first = m_f->save(test::sampleAccount(QStringLiteral("INFO"), QStringLiteral("info@example.com")),
                                 test::passwordUpdate(QStringLiteral("old-pass")));
    QVERIFY(first.ok);

    ui::AccountDialog dialog(m_f->manager.get(), first.account);
    dialog.show();
    QVERIFY(!dialog.isNewAccount());
    QCOMPARE(test::shownText(dialog.findChild<QGroupBox *>(QStringLiteral("accountSection"))->title()),
             QStringLiteral("Edit account"));
    auto *password = find<QLineEdit>(dialog, "pop3Password");
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    QCOMPARE(password->text(), QString());
    QCOMPARE(password->placeholderText(), QStringLiteral("stored – leave empty to keep it"));
    QCOMPARE(find<QLineEdit>(dialog, "prefix")->text(), QStringLiteral("INFO"));
    QVERIFY(dialog.secretUpdate().values().isEmpty());
    QVERIFY(!store::AccountValidator::hasErrors(dialog.currentIssues()));

    typeInto(find<QLineEdit>(dialog, "pop3Host"), QStringLiteral("mail.example.org"));
    QSignalSpy saved(&dialog, &ui::AccountDialog::saved);
    QTest::mouseClick(find<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    QTRY_COMPARE(saved.count(), 1);
    QCOMPARE(m_f->manager->accounts().size(), 1);
    QCOMPARE(m_f->manager->accounts().constFirst().pop3.host, QStringLiteral("mail.example.org"));
    QCOMPARE(m_f->manager->accounts().constFirst().id, first.account.id);
    QCOMPARE(m_f->secrets.contents().value(first.account.id + QStringLiteral("/pop3-password")),
             QStringLiteral("old-pass"));
}

void TestAccountDialog::editChangesPassword()
{
    const auto first = m_f->save(test::sampleAccount(QStringLiteral("INFO"), QStringLiteral("info@example.com")),
                                 test::passwordUpdate(QStringLiteral("old-pass")));
    QVERIFY(first.ok);
    ui::AccountDialog dialog(m_f->manager.get(), first.account);
    dialog.show();
    typeInto(find<QLineEdit>(dialog, "pop3Password"), QStringLiteral("new-pass"));
    QSignalSpy saved(&dialog, &ui::AccountDialog::saved);
    QTest::mouseClick(find<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    QTRY_COMPARE(saved.count(), 1);
    QCOMPARE(m_f->secrets.contents().value(first.account.id + QStringLiteral("/pop3-password")),
             QStringLiteral("new-pass"));
    QVERIFY(!m_f->iniContents().contains("new-pass"));
}

void TestAccountDialog::firstAccountIsDefault()
{
    {
        ui::AccountDialog dialog(m_f->manager.get());
        auto *isDefault = find<QCheckBox>(dialog, "isDefault");
        QVERIFY(isDefault->isChecked());
        QVERIFY(!isDefault->isEnabled()); // the first account is always the default
    }
    QVERIFY(m_f->save(test::sampleAccount(QStringLiteral("ONE"), QStringLiteral("one@example.com")),
                      test::passwordUpdate(QStringLiteral("p1")))
                .ok);
    ui::AccountDialog dialog(m_f->manager.get());
    dialog.show();
    auto *isDefault = find<QCheckBox>(dialog, "isDefault");
    QVERIFY(!isDefault->isChecked());
    QVERIFY(isDefault->isEnabled());
    // The prefix must be unique.
    fillValid(dialog);
    typeInto(find<QLineEdit>(dialog, "prefix"), QStringLiteral("one"));
    QVERIFY(dialog.messageLabel(AccountField::Prefix)->text().contains(QStringLiteral("already used")));
    typeInto(find<QLineEdit>(dialog, "prefix"), QStringLiteral("TWO"));
    isDefault->setChecked(true);
    QSignalSpy saved(&dialog, &ui::AccountDialog::saved);
    QTest::mouseClick(find<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    QTRY_COMPARE(saved.count(), 1);
    QCOMPARE(m_f->manager->defaultAccount()->prefix, QStringLiteral("TWO"));
    QCOMPARE(m_f->manager->accounts().size(), 2);
}

void TestAccountDialog::noKeychainOffersAskEachTime()
{
    const QString noKeychain = QStringLiteral("No keychain is available: no Secret Service is running.");
    m_f->secrets.failWith(secrets::SecretStore::Error::NoBackend, noKeychain);

    ui::AccountDialog dialog(m_f->manager.get());
    QSignalSpy saved(&dialog, &ui::AccountDialog::saved);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    fillValid(dialog);
    QTest::mouseClick(find<QPushButton>(dialog, "saveButton"), Qt::LeftButton);

    auto *banner = dialog.findChild<QFrame *>(QStringLiteral("errorBanner"));
    QTRY_VERIFY(banner->isVisible());
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("errorBannerText"))->text(), noKeychain);
    auto *askEachTime = find<QPushButton>(dialog, "askEachTimeButton");
    QVERIFY(askEachTime->isVisible());
    QVERIFY(dialog.isVisible());
    QVERIFY(m_f->manager->accounts().isEmpty()); // nothing half-saved
    test::screenshot(&dialog, QStringLiteral("account-dialog-no-keychain-en"));

    QTest::mouseClick(askEachTime, Qt::LeftButton);
    QTRY_COMPARE(saved.count(), 1);
    QTRY_VERIFY(!dialog.isVisible());
    QCOMPARE(m_f->manager->accounts().size(), 1);
    const store::Account a = m_f->manager->accounts().constFirst();
    QVERIFY(a.askForSecrets);
    QVERIFY(a.storedSecrets.isEmpty());
    QVERIFY(m_f->secrets.contents().isEmpty());
    QVERIFY(!m_f->iniContents().contains("pop-s3cret"));
}

void TestAccountDialog::unencryptedNeedsConsent()
{
    ui::AccountDialog dialog(m_f->manager.get());
    dialog.show();
    fillValid(dialog);
    auto *accept = find<QCheckBox>(dialog, "pop3AcceptUnencrypted");
    QVERIFY(!accept->isVisibleTo(&dialog));
    test::chooseData(find<QComboBox>(dialog, "pop3Security"), int(Security::None));
    QVERIFY(accept->isVisibleTo(&dialog));
    QVERIFY(dialog.messageLabel(AccountField::Pop3Security)->isVisibleTo(&dialog));
    QTest::mouseClick(find<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    QCOMPARE(dialog.focusWidget(), accept);
    accept->setChecked(true);
    QVERIFY(!dialog.messageLabel(AccountField::Pop3Security)->isVisibleTo(&dialog));
    QVERIFY(dialog.account().pop3.acceptUnencrypted);
    test::chooseData(find<QComboBox>(dialog, "pop3Security"), int(Security::StartTls));
    QVERIFY(!accept->isVisibleTo(&dialog));
    QVERIFY(!dialog.account().pop3.acceptUnencrypted); // consent only counts for "None"
}

void TestAccountDialog::tabOrderFollowsTheForm()
{
    ui::AccountDialog dialog(m_f->manager.get());
    dialog.show();
    find<QCheckBox>(dialog, "oauthEnabled")->setChecked(true);
    const QStringList expected = {
        QStringLiteral("prefix"), QStringLiteral("email"), QStringLiteral("senderName"),
        QStringLiteral("pop3Host"), QStringLiteral("pop3Port"), QStringLiteral("pop3User"),
        QStringLiteral("pop3Password"), QStringLiteral("oauthEnabled"), QStringLiteral("oauthTokenEndpoint"),
        QStringLiteral("oauthClientId"), QStringLiteral("oauthClientSecret"),
        QStringLiteral("oauthClientSecretValidUntil"), QStringLiteral("oauthScope"), QStringLiteral("oauthMethod"),
        QStringLiteral("pop3Security"), QStringLiteral("pop3LeaveOnServer"), QStringLiteral("smtpHost"),
        QStringLiteral("smtpPort"), QStringLiteral("smtpSecurity"), QStringLiteral("smtpAuth"),
        QStringLiteral("extraCaFile"),
    };
    // Walk the focus chain from the prefix and keep the named inputs that can take focus.
    QStringList seen;
    QWidget *w = dialog.editor(AccountField::Prefix);
    for (int guard = 0; guard < 200 && seen.size() < expected.size(); ++guard) {
        if (expected.contains(w->objectName()) && w->isVisibleTo(&dialog) && w->isEnabled()
            && (w->focusPolicy() & Qt::TabFocus) && !seen.contains(w->objectName()))
            seen.append(w->objectName());
        w = w->nextInFocusChain();
    }
    QCOMPARE(seen, expected);
}

void TestAccountDialog::mnemonicsAreUnique_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("de") << QStringLiteral("de");
}

void TestAccountDialog::mnemonicsAreUnique()
{
    // Every Alt+letter reaches one field, in each state of the form that shows other fields.
    QFETCH(QString, language);
    test::LanguageScope scope(language);
    ui::AccountDialog dialog(m_f->manager.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY2(test::mnemonicClashes(&dialog).isEmpty(), qPrintable(test::mnemonicClashes(&dialog)));
    find<QCheckBox>(dialog, "oauthEnabled")->setChecked(true);
    for (const auto method : {oauth::SignInMethod::Password, oauth::SignInMethod::Browser, oauth::SignInMethod::DeviceCode,
                              oauth::SignInMethod::ClientCredentials}) {
        test::chooseData(find<QComboBox>(dialog, "oauthMethod"), int(method));
        QVERIFY2(test::mnemonicClashes(&dialog).isEmpty(), qPrintable(test::mnemonicClashes(&dialog)));
    }
    find<QCheckBox>(dialog, "oauthEnabled")->setChecked(false);
    test::chooseData(find<QComboBox>(dialog, "smtpAuth"), int(store::SmtpAuth::Password));
    QVERIFY2(test::mnemonicClashes(&dialog).isEmpty(), qPrintable(test::mnemonicClashes(&dialog)));
}

void TestAccountDialog::germanLabels()
{
    test::LanguageScope german(QStringLiteral("de"));
    ui::AccountDialog dialog(m_f->manager.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    auto label = [&](AccountField f) { return test::shownText(dialog.labelFor(f)->text()); };
    auto labelOf = [&](const char *name) {
        return test::shownText(dialog.findChild<QLabel *>(QString::fromLatin1(name) + QStringLiteral("Label"))->text());
    };
    QCOMPARE(test::shownText(find<QPushButton>(dialog, "saveButton")->text()), QStringLiteral("Speichern"));
    QCOMPARE(test::shownText(find<QPushButton>(dialog, "cancelButton")->text()), QStringLiteral("Abbrechen"));
    QCOMPARE(test::shownText(find<QPushButton>(dialog, "presetButton")->text()), QStringLiteral("Vorlage"));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Neues Benutzerkonto"));
    QCOMPARE(dialog.findChild<QGroupBox *>(QStringLiteral("accountSection"))->title(), QStringLiteral("Neues Benutzerkonto"));
    QCOMPARE(dialog.findChild<QGroupBox *>(QStringLiteral("pop3Section"))->title(), QStringLiteral("POP Server Konfiguration"));
    QCOMPARE(dialog.findChild<QGroupBox *>(QStringLiteral("smtpSection"))->title(), QStringLiteral("SMTP Server Konfiguration"));
    QCOMPARE(dialog.findChild<QGroupBox *>(QStringLiteral("advancedSection"))->title(), QStringLiteral("Erweitert"));
    QCOMPARE(label(AccountField::Prefix), QStringLiteral("Präfix"));
    QCOMPARE(label(AccountField::Email), QStringLiteral("eMail-Adresse"));
    QCOMPARE(label(AccountField::SenderName), QStringLiteral("Name"));
    QCOMPARE(labelOf("isDefault"), QStringLiteral("Standard"));
    QCOMPARE(label(AccountField::Pop3Host), QStringLiteral("POP3 Server"));
    QCOMPARE(label(AccountField::Pop3User), QStringLiteral("Benutzerkonto"));
    QCOMPARE(label(AccountField::Pop3Password), QStringLiteral("Kennwort"));
    QCOMPARE(test::shownText(find<QCheckBox>(dialog, "oauthEnabled")->text()), QStringLiteral("OAuth 2.0 aktivieren"));
    QCOMPARE(label(AccountField::OAuthTokenEndpoint), QStringLiteral("OAuth 2.0 Endpunkt-URL"));
    QCOMPARE(label(AccountField::OAuthClientId), QStringLiteral("OAuth 2.0 Client-ID"));
    QCOMPARE(label(AccountField::OAuthClientSecret), QStringLiteral("OAuth 2.0 Client Secret"));
    QCOMPARE(label(AccountField::OAuthScope), QStringLiteral("OAuth 2.0 Scope"));
    QCOMPARE(label(AccountField::OAuthMethod), QStringLiteral("Anmeldeverfahren"));
    QCOMPARE(labelOf("oauthClientSecretValidUntil"), QStringLiteral("Client Secret gültig bis"));
    QCOMPARE(label(AccountField::Pop3Security), QStringLiteral("Sichere Verbindung"));
    QCOMPARE(label(AccountField::SmtpHost), QStringLiteral("SMTP Server"));
    QCOMPARE(label(AccountField::SmtpSecurity), QStringLiteral("Sichere Verbindung"));
    QCOMPARE(label(AccountField::SmtpPort), QStringLiteral("SMTP Port (Standard: 587)"));
    // The guide's "POP3 Port (Standard: 110)"; the default follows the chosen security.
    QCOMPARE(label(AccountField::Pop3Port), QStringLiteral("POP3 Port (Standard: 995)"));
    test::chooseData(find<QComboBox>(dialog, "pop3Security"), int(Security::StartTls));
    QCOMPARE(label(AccountField::Pop3Port), QStringLiteral("POP3 Port (Standard: 110)"));
    auto *security = find<QComboBox>(dialog, "pop3Security");
    QCOMPARE(security->itemText(security->findData(int(Security::None))), QStringLiteral("Keine"));
    QCOMPARE(security->itemText(security->findData(int(Security::StartTls))), QStringLiteral("STARTTLS"));

    // Messages in German too.
    QTest::mouseClick(find<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    QVERIFY2(!dialog.messageLabel(AccountField::Prefix)->text().contains(QStringLiteral("Enter")),
             qPrintable(dialog.messageLabel(AccountField::Prefix)->text()));
    QVERIFY(dialog.messageLabel(AccountField::Prefix)->text().contains(QStringLiteral("Präfix")));

    // Editing: "Benutzerkonto bearbeiten" and the stored-password hint.
    QVERIFY(m_f->save(test::sampleAccount(QStringLiteral("INFO"), QStringLiteral("info@example.com")),
                      test::passwordUpdate(QStringLiteral("p")))
                .ok);
    ui::AccountDialog edit(m_f->manager.get(), m_f->manager->accounts().constFirst());
    QCOMPARE(edit.findChild<QGroupBox *>(QStringLiteral("accountSection"))->title(),
             QStringLiteral("Benutzerkonto bearbeiten"));
    QCOMPARE(edit.findChild<QLineEdit *>(QStringLiteral("pop3Password"))->placeholderText(),
             QStringLiteral("gespeichert – leer lassen, um es zu behalten"));
}

void TestAccountDialog::screenshots()
{
    for (const QString &lang : {QStringLiteral("en"), QStringLiteral("de")}) {
        std::unique_ptr<test::LanguageScope> scope;
        if (lang == u"de")
            scope = std::make_unique<test::LanguageScope>(lang);
        ui::AccountDialog dialog(m_f->manager.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        typeInto(find<QLineEdit>(dialog, "prefix"), QStringLiteral("INFO"));
        typeInto(find<QLineEdit>(dialog, "email"), QStringLiteral("info@contoso.com"));
        typeInto(find<QLineEdit>(dialog, "senderName"), QStringLiteral("Contoso Info"));
        typeInto(find<QLineEdit>(dialog, "pop3Password"), QStringLiteral("secret"));
        test::growToContent(&dialog);
        test::screenshot(&dialog, QStringLiteral("account-dialog-oauth-off-") + lang);

        dialog.applyMicrosoft365(QStringLiteral("6b29fc40-ca47-1067-b31d-00dd010662da"));
        typeInto(find<QLineEdit>(dialog, "oauthClientId"), QStringLiteral("3f2c1b8e-4a6d-4e0f-9b7a-2d5c8e1f0a3b"));
        find<QDateEdit>(dialog, "oauthClientSecretValidUntil")->setDate(QDate(2026, 6, 5));
        test::growToContent(&dialog);
        test::screenshot(&dialog, QStringLiteral("account-dialog-oauth-on-") + lang);

        // Errors as the user sees them after pressing Save.
        typeInto(find<QLineEdit>(dialog, "email"), QStringLiteral("info(at)contoso.com"));
        typeInto(find<QLineEdit>(dialog, "oauthTokenEndpoint"),
                 QStringLiteral("http://login.microsoftonline.com/6b29fc40-ca47-1067-b31d-00dd010662da/oauth2/v2.0/token"));
        typeInto(find<QLineEdit>(dialog, "pop3Port"), QStringLiteral("995"));
        test::chooseData(find<QComboBox>(dialog, "pop3Security"), int(Security::StartTls));
        QTest::mouseClick(find<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
        test::growToContent(&dialog);
        test::screenshot(&dialog, QStringLiteral("account-dialog-errors-") + lang);

        dialog.askForMicrosoftTenant();
        QTRY_VERIFY(dialog.tenantDialog()->isVisible());
        QTest::keyClicks(dialog.tenantDialog()->tenantEdit(), QStringLiteral("contoso"));
        test::screenshot(dialog.tenantDialog(), QStringLiteral("tenant-dialog-") + lang);
        dialog.tenantDialog()->reject();
    }
}

QTEST_MAIN(TestAccountDialog)
#include "tst_account_dialog.moc"
