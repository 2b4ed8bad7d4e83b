// The sign-in dialog against the real OAuth server (tests/servers) and the real keychain:
// browser (the system browser is QDesktopServices — captured here, the test plays it), device
// code (shown, then approved at the server), a refused sign-in with cause and fix.
#include "GuiTestSupport.h"
#include "accounts/SignInDialog.h"
#include "secrets/KeychainSecretStore.h"
#include "support/Sync.h"
#include "support/TestAccounts.h"
#include "support/TestServers.h"

#include <QApplication>
#include <QDesktopServices>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QClipboard>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>

using namespace kurier;
using kurier::ui::SignInDialog;

class TestSignInDialog : public QObject
{
    Q_OBJECT
public slots:
    // QDesktopServices hands https URLs here instead of to a browser.
    void openUrl(const QUrl &url) { m_opened.append(url); }

private slots:
    void initTestCase();
    void cleanupTestCase();
    void browser();
    void deviceCode();
    void refusedSignIn();

private:
    store::Account account(oauth::SignInMethod method);
    QString env(const char *key) const { return test::TestServers::instance().value(key); }
    QNetworkReply *get(const QUrl &url);
    QJsonObject post(const QString &path, const QJsonObject &body);
    static QString text(const SignInDialog &d, const char *name) { return d.findChild<QLabel *>(QLatin1String(name))->text(); }

    secrets::KeychainSecretStore m_keychain;
    QNetworkAccessManager m_network;
    QList<QUrl> m_opened;
};

void TestSignInDialog::initTestCase()
{
    QVERIFY2(test::TestServers::instance().isValid(), qPrintable(test::TestServers::instance().errorString()));
    QVERIFY(qEnvironmentVariableIsSet("KURIER_IN_PRIVATE_BUS"));
    QDesktopServices::setUrlHandler(QStringLiteral("https"), this, "openUrl");
}

void TestSignInDialog::cleanupTestCase()
{
    QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
}

store::Account TestSignInDialog::account(oauth::SignInMethod method)
{
    store::Account a;
    a.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    a.prefix = QStringLiteral("Work");
    a.email = env("OAUTH_USER");
    a.extraCaFile = env("KURIER_TEST_CA");
    a.oauth.enabled = true;
    a.oauth.tokenEndpoint = env("OAUTH_TOKEN_URL");
    a.oauth.clientId = env("OAUTH_PUBLIC_CLIENT_ID");
    a.oauth.scope = env("OAUTH_SCOPE_POP") + u' ' + env("OAUTH_SCOPE_SMTP");
    a.oauth.method = method;
    return a;
}

QNetworkReply *TestSignInDialog::get(const QUrl &url)
{
    return test::getWithoutRedirect(m_network, url);
}

QJsonObject TestSignInDialog::post(const QString &path, const QJsonObject &body)
{
    QNetworkRequest request(QUrl(env("OAUTH_BASE") + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setSslConfiguration(test::TestServers::instance().sslConfiguration());
    QNetworkReply *reply = m_network.post(request, QJsonDocument(body).toJson());
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
        qFatal("test endpoint did not answer");
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll()).object();
}

void TestSignInDialog::browser()
{
    m_opened.clear();
    const store::Account a = account(oauth::SignInMethod::Browser);
    SignInDialog dialog(a, &m_keychain);
    dialog.show();
    dialog.start();
    QTRY_COMPARE_WITH_TIMEOUT(m_opened.size(), 1, 10000); // the system browser was asked to open it
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("openAgainButton"))->isVisible());
    test::screenshot(&dialog, QStringLiteral("sign-in-browser-en"));

    // The user signs in; the identity provider redirects the browser to Kurier's listener.
    QNetworkReply *authorize = get(m_opened.first());
    const QUrl back = authorize->header(QNetworkRequest::LocationHeader).toUrl();
    QCOMPARE(back.host(), QStringLiteral("127.0.0.1"));
    QNetworkReply *callback = get(back);
    QVERIFY(callback->error() == QNetworkReply::NoError);

    QTRY_VERIFY_WITH_TIMEOUT(dialog.succeeded(), 15000);
    QVERIFY(text(dialog, "text").contains(env("OAUTH_USER")));
    test::screenshot(&dialog, QStringLiteral("sign-in-success-en"));
    // The refresh token is in the keychain: fetching and sending need no further sign-in.
    const auto refresh = test::waitFor([&](auto cb) {
        m_keychain.read(secrets::SecretStore::keyFor(a.id, store::SecretName::OAuthRefreshToken), cb);
    });
    QVERIFY(refresh.ok());
}

void TestSignInDialog::deviceCode()
{
    test::LanguageScope german(QStringLiteral("de"));
    const store::Account a = account(oauth::SignInMethod::DeviceCode);
    SignInDialog dialog(a, &m_keychain);
    dialog.show();
    dialog.start();
    QLabel *code = dialog.findChild<QLabel *>(QStringLiteral("deviceCode"));
    QTRY_VERIFY_WITH_TIMEOUT(code->isVisible() && !code->text().isEmpty(), 10000);
    QCOMPARE(text(dialog, "heading"), QStringLiteral("Geben Sie diesen Code ein"));
    QVERIFY(text(dialog, "text").contains(QStringLiteral("devicelogin")) || text(dialog, "text").contains(QStringLiteral("https://")));
    dialog.findChild<QPushButton *>(QStringLiteral("copyButton"))->click();
    QCOMPARE(QApplication::clipboard()->text(), code->text());
    test::screenshot(&dialog, QStringLiteral("sign-in-device-code-de"));

    QVERIFY(post(QStringLiteral("/test/device/approve"), {{QStringLiteral("user_code"), code->text()},
                                                         {QStringLiteral("user"), env("OAUTH_USER")}})
                .value(QStringLiteral("ok")).toBool());
    QTRY_VERIFY_WITH_TIMEOUT(dialog.succeeded(), 15000);
    QCOMPARE(text(dialog, "heading"), QStringLiteral("Angemeldet"));
    const auto refresh = test::waitFor([&](auto cb) {
        m_keychain.read(secrets::SecretStore::keyFor(a.id, store::SecretName::OAuthRefreshToken), cb);
    });
    QVERIFY(refresh.ok());
    test::screenshot(&dialog, QStringLiteral("sign-in-success-de"));
}

void TestSignInDialog::refusedSignIn()
{
    test::LanguageScope german(QStringLiteral("de"));
    store::Account a = account(oauth::SignInMethod::Password);
    const auto written = test::waitFor([&](auto cb) {
        m_keychain.write(secrets::SecretStore::keyFor(a.id, store::SecretName::Pop3Password), QStringLiteral("wrong"), cb);
    });
    QVERIFY(written.ok());
    SignInDialog dialog(a, &m_keychain);
    QSignalSpy finished(&dialog, &SignInDialog::finishedSignIn);
    dialog.show();
    dialog.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    QVERIFY(!dialog.succeeded());
    QVERIFY2(text(dialog, "text").contains(QStringLiteral("AADSTS50126")), qPrintable(text(dialog, "text")));
    QVERIFY(text(dialog, "text").contains(QStringLiteral("Benutzername oder Kennwort ist falsch.")));
    QVERIFY(!text(dialog, "text").contains(QStringLiteral("wrong</")));
    test::screenshot(&dialog, QStringLiteral("sign-in-refused-de"));
}

QTEST_MAIN(TestSignInDialog)
#include "tst_sign_in_dialog.moc"
