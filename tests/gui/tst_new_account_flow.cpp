// The window's new-account flow as a user goes through it, against real servers: a real
// dnsmasq (tests/support/with-dns, dns/new-account.zone) publishes DNS SRV records and the host
// name of the real Dovecot and Postfix (tests/servers); the user types a name, the address and
// the password, watches the sources answer, chooses between the two SMTP answers, creates the
// account and the connection test signs in to both servers with what was found.
//
// The probe ports and the test CA stand in for the real world (a test cannot listen on 995, and
// a provider's certificate chains to a public CA); the user types neither.
#include "accounts/AccountDialog.h"
#include "accounts/ConnectionTestDialog.h"
#include "accounts/DiscoveryProgressView.h"
#include "accounts/FoundSettingsView.h"
#include "accounts/NewAccountFlow.h"
#include "GuiTestSupport.h"
#include "support/TestServers.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>

using namespace kurier;
using Source = discovery::DiscoveredConfig::Source;

namespace {

const test::TestServers &servers()
{
    return test::TestServers::instance();
}

QString env(const char *key)
{
    return servers().value(key);
}

} // namespace

class TestNewAccountFlow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void foundSettingsCreateAWorkingAccount();
    void serversElsewhereNeedConfirmation();
    void nothingFoundLeadsToTheForm();
    void badAddressIsExplained();
    void screensInGerman();

private:
    // A flow as the main window opens it, pointed at the test's world.
    std::unique_ptr<ui::NewAccountFlow> makeFlow();
    // Types the first page and presses "Next"; returns when the search page shows.
    void startSearch(ui::NewAccountFlow &flow, const QString &address, const QString &password);

    std::unique_ptr<test::Fixture> m_f;
};

void TestNewAccountFlow::initTestCase()
{
    KURIER_REQUIRE_TEST_SERVERS(servers());
    QVERIFY2(!qEnvironmentVariableIsEmpty("KURIER_TEST_DNS_SERVER"), "run through tests/support/with-dns");
}

void TestNewAccountFlow::init()
{
    m_f = std::make_unique<test::Fixture>();
}

void TestNewAccountFlow::cleanup()
{
    m_f.reset();
}

std::unique_ptr<ui::NewAccountFlow> TestNewAccountFlow::makeFlow()
{
    auto flow = std::make_unique<ui::NewAccountFlow>(m_f->manager.get());
    discovery::Discovery::Settings settings;
    settings.timeoutMs = 8000;
    // No ISPDB here: a name the zone does not know answers NXDOMAIN at once.
    settings.ispdbBaseUrl = QUrl(QStringLiteral("https://ispdb.nowhere.test/v1.1/"));
    const bool portsSet = discovery::Probe::setPort(&settings.probePorts, u"pop3s=" + env("POP3_TLS_PORT"))
        && discovery::Probe::setPort(&settings.probePorts, u"pop3=" + env("POP3_STARTTLS_PORT"))
        && discovery::Probe::setPort(&settings.probePorts, u"submissions=" + env("SMTP_SUBMISSIONS_PORT"))
        && discovery::Probe::setPort(&settings.probePorts, u"submission=" + env("SMTP_SUBMISSION_PORT"));
    QTest::qVerify(portsSet, "portsSet", "the test servers' ports", __FILE__, __LINE__);
    flow->setDiscoverySettings(settings);
    flow->setCaFile(env("KURIER_TEST_CA"));
    return flow;
}

void TestNewAccountFlow::startSearch(ui::NewAccountFlow &flow, const QString &address, const QString &password)
{
    flow.show();
    QVERIFY(QTest::qWaitForWindowExposed(&flow));
    QCOMPARE(flow.page(), ui::NewAccountFlow::Page::Start);
    QVERIFY(flow.continueButton()->isVisible());
    QVERIFY(!flow.createButton()->isVisible());
    test::typeInto(flow.nameEdit(), QStringLiteral("Bob Beispiel"));
    test::typeInto(flow.emailEdit(), address);
    if (!password.isEmpty())
        test::typeInto(flow.passwordEdit(), password);
    QTest::mouseClick(flow.continueButton(), Qt::LeftButton);
    QCOMPARE(flow.page(), ui::NewAccountFlow::Page::Searching);
}

void TestNewAccountFlow::foundSettingsCreateAWorkingAccount()
{
    const QString address = env("PASSWORD_USER");
    QVERIFY(address.endsWith(u"@kurier.test"));
    auto flow = makeFlow();
    test::screenshot(flow.get(), QStringLiteral("new-account-start-en"));
    startSearch(*flow, address, env("PASSWORD_USER_PASSWORD"));
    QTRY_COMPARE_WITH_TIMEOUT(flow->page(), ui::NewAccountFlow::Page::Found, 30000);
    // The result page may come before the last source (probing) has answered; wait for it too,
    // so that its answer is among the choices.
    QTRY_VERIFY_WITH_TIMEOUT(flow->discovery()->isFinished(), 30000);

    ui::FoundSettingsView *view = flow->foundView();
    QVERIFY2(view->sourceLabel()->text().contains(u"DNS SRV"), qPrintable(view->sourceLabel()->text()));
    QVERIFY2(view->sourceLabel()->text().contains(u"(unverified)"), qPrintable(view->sourceLabel()->text()));
    QCOMPARE(view->prefixEdit()->text(), address.section(u'@', 0, 0).toUpper().left(10));
    const QString host = QStringLiteral("mail.kurier.test");
    QVERIFY2(view->incomingLabel()->text().contains(host + u", port " + env("POP3_TLS_PORT") + u", SSL/TLS"),
             qPrintable(view->incomingLabel()->text()));
    QVERIFY2(view->outgoingLabel()->text().contains(env("SMTP_SUBMISSION_PORT")), qPrintable(view->outgoingLabel()->text()));
    QCOMPARE(view->signInLabel()->text(), QStringLiteral("Password"));
    QVERIFY(!view->passwordEdit()->isVisibleTo(view) || !view->passwordEdit()->text().isEmpty());
    // SRV says submission with STARTTLS, probing found submissions with TLS as well: a choice.
    QVERIFY(view->choice()->isVisibleTo(view));
    QCOMPARE(view->choice()->count(), 2);
    QVERIFY(!view->confirmation()->isVisibleTo(view)); // the servers are in the address's domain
    QVERIFY(flow->createButton()->isEnabled());
    test::growToContent(flow.get());
    test::screenshot(flow.get(), QStringLiteral("new-account-found-en"));

    // The user prefers the probe's answer (implicit TLS for SMTP too).
    const int probed = view->choice()->findText(QStringLiteral("Probing"), Qt::MatchStartsWith);
    QVERIFY(probed >= 0);
    view->choice()->setCurrentIndex(probed);
    emit view->choice()->activated(probed);
    QCOMPARE(view->chosen().source, Source::Probe);
    QVERIFY2(view->outgoingLabel()->text().contains(env("SMTP_SUBMISSIONS_PORT") + u", SSL/TLS"),
             qPrintable(view->outgoingLabel()->text()));
    QVERIFY2(view->sourceLabel()->text().startsWith(u"Probing"), qPrintable(view->sourceLabel()->text()));

    // The connection test signs in to the real servers with what was found and typed.
    ui::ConnectionTestDialog *test = flow->testConnection();
    QVERIFY(test);
    QSignalSpy finished(test, &ui::ConnectionTestDialog::testFinished);
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.first().first().toBool(), qPrintable(test->reportText()));
    test->close();

    // A prefix the rules refuse disables "Create account" at once, with the reason beside it.
    test::typeInto(view->prefixEdit(), QStringLiteral("bad prefix"));
    QVERIFY(!flow->createButton()->isEnabled());
    test::typeInto(view->prefixEdit(), QStringLiteral("BOB"));
    QVERIFY(flow->createButton()->isEnabled());

    QSignalSpy saved(flow.get(), &ui::NewAccountFlow::saved);
    QTest::mouseClick(flow->createButton(), Qt::LeftButton);
    QVERIFY(saved.wait(5000));
    QTRY_VERIFY(!flow->isVisible());
    const auto stored = m_f->manager->findByPrefix(QStringLiteral("BOB"));
    QVERIFY(stored);
    QCOMPARE(stored->email, address);
    QCOMPARE(stored->senderName, QStringLiteral("Bob Beispiel"));
    QCOMPARE(stored->pop3.host, host);
    QCOMPARE(stored->pop3.effectivePort(), env("POP3_TLS_PORT").toInt());
    QCOMPARE(stored->pop3.security, store::Security::Tls);
    QCOMPARE(stored->smtp.host, host);
    QCOMPARE(stored->smtp.effectivePort(), env("SMTP_SUBMISSIONS_PORT").toInt());
    QCOMPARE(stored->smtp.security, store::Security::Tls);
    QVERIFY(!stored->oauth.enabled);
    QVERIFY(stored->isDefault); // the first account
    // The password went to the keychain, and only there.
    QVERIFY(stored->hasSecret(store::SecretName::Pop3Password));
    QVERIFY(!m_f->iniContents().contains(env("PASSWORD_USER_PASSWORD").toUtf8()));
}

void TestNewAccountFlow::serversElsewhereNeedConfirmation()
{
    auto flow = makeFlow();
    startSearch(*flow, QStringLiteral("anna@elsewhere.test"), QStringLiteral("secret"));
    QTRY_COMPARE_WITH_TIMEOUT(flow->page(), ui::NewAccountFlow::Page::Found, 30000);
    ui::FoundSettingsView *view = flow->foundView();
    QVERIFY(view->chosen().pointsElsewhere);
    QVERIFY(view->confirmation()->isVisibleTo(view));
    QVERIFY2(view->confirmation()->text().contains(u"elsewhere.test"), qPrintable(view->confirmation()->text()));
    QVERIFY(!flow->createButton()->isEnabled());
    view->confirmation()->click();
    QVERIFY(flow->createButton()->isEnabled());
    view->confirmation()->click();
    QVERIFY(!flow->createButton()->isEnabled());

    // Back to the first page and on again: a new search, nothing left of the old one.
    QTest::mouseClick(flow->backButton(), Qt::LeftButton);
    QCOMPARE(flow->page(), ui::NewAccountFlow::Page::Start);
    QVERIFY(!flow->discovery());
    QCOMPARE(flow->emailEdit()->text(), QStringLiteral("anna@elsewhere.test"));
}

void TestNewAccountFlow::nothingFoundLeadsToTheForm()
{
    auto flow = makeFlow();
    startSearch(*flow, QStringLiteral("erika@nothing.test"), QStringLiteral("geheim"));
    QTRY_VERIFY_WITH_TIMEOUT(flow->nothingFound(), 40000);
    QCOMPARE(flow->page(), ui::NewAccountFlow::Page::Searching);
    ui::DiscoveryProgressView *progress = flow->progressView();
    for (Source s : discovery::Discovery::sources()) {
        QVERIFY(!progress->skipButton(s)->isVisibleTo(progress));
        QVERIFY2(!progress->detailLabel(s)->text().isEmpty(), qPrintable(discovery::Discovery::sourceName(s)));
    }
    QVERIFY(flow->manualButton()->isDefault());
    test::screenshot(flow.get(), QStringLiteral("new-account-nothing-found-en"));

    // The detailed form, with the address, the name, a prefix and the password already there.
    ui::AccountDialog *form = flow->editManually();
    QVERIFY(form);
    QTRY_VERIFY(form->isVisible());
    QVERIFY(!flow->isVisible());
    QCOMPARE(form->account().email, QStringLiteral("erika@nothing.test"));
    QCOMPARE(form->account().prefix, QStringLiteral("ERIKA"));
    QCOMPARE(form->account().senderName, QStringLiteral("Bob Beispiel"));
    QCOMPARE(form->secretUpdate().value(store::SecretName::Pop3Password).value_or(QString()), QStringLiteral("geheim"));
    // Cancelled there, the flow is back where it was.
    form->reject();
    QTRY_VERIFY(flow->isVisible());
    QCOMPARE(flow->page(), ui::NewAccountFlow::Page::Searching);
}

void TestNewAccountFlow::badAddressIsExplained()
{
    auto flow = makeFlow();
    flow->show();
    QVERIFY(QTest::qWaitForWindowExposed(flow.get()));
    QVERIFY(!flow->continueButton()->isEnabled()); // nothing typed yet
    test::typeInto(flow->emailEdit(), QStringLiteral("not an address"));
    QTest::mouseClick(flow->continueButton(), Qt::LeftButton);
    QCOMPARE(flow->page(), ui::NewAccountFlow::Page::Start);
    QVERIFY(!flow->discovery()); // nothing was asked
    const auto labels = flow->findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.begin(), labels.end(), [](const QLabel *l) {
        return l->isVisible() && l->text().contains(u"name@example.com");
    }));
}

void TestNewAccountFlow::screensInGerman()
{
    test::LanguageScope german(QStringLiteral("de"));
    auto flow = makeFlow();
    QCOMPARE(flow->windowTitle(), QStringLiteral("Neues Benutzerkonto"));
    flow->show();
    QVERIFY(QTest::qWaitForWindowExposed(flow.get()));
    test::screenshot(flow.get(), QStringLiteral("new-account-start-de"));
    startSearch(*flow, env("PASSWORD_USER"), env("PASSWORD_USER_PASSWORD"));
    test::screenshot(flow.get(), QStringLiteral("new-account-searching-de"));
    QTRY_COMPARE_WITH_TIMEOUT(flow->page(), ui::NewAccountFlow::Page::Found, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(flow->discovery()->isFinished(), 30000);
    QCOMPARE(flow->createButton()->text(), QStringLiteral("Konto &anlegen"));
    test::growToContent(flow.get());
    test::screenshot(flow.get(), QStringLiteral("new-account-found-de"));
}

QTEST_MAIN(TestNewAccountFlow)
#include "tst_new_account_flow.moc"
