// The mail window against the real test servers (Dovecot, Postfix, the OAuth server; TLS with
// the run's CA): Abrufen fetches delivered messages into the list, selecting shows them, a reply
// with an attachment goes through the Outbox and Postfix, lands in Sent, and comes back on the
// next Abrufen with its attachment.

#include "ComposerWindow.h"
#include "ErrorBanner.h"
#include "GuiTestSupport.h"
#include "MailFolder.h"
#include "MainWindow.h"
#include "MessageListModel.h"
#include "MessageView.h"
#include "SafeTextBrowser.h"
#include "support/TestServers.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTreeWidget>
#include <QUuid>

using namespace kurier;
using kurier::test::Fixture;

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

class TestMailWindowServers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fetchReadReplyWithAttachmentRoundTrip();

private:
    QString newOAuthUser(const QString &password);
    QNetworkAccessManager m_network;
};

void TestMailWindowServers::initTestCase()
{
    KURIER_REQUIRE_TEST_SERVERS(servers());
    test::LanguageScope::useEnglish();
}

QString TestMailWindowServers::newOAuthUser(const QString &password)
{
    const QString user = test::TestServers::instance().uniqueAddress(QStringLiteral("gui"));
    QNetworkRequest request(QUrl(env("OAUTH_BASE") + QStringLiteral("/test/users")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setSslConfiguration(servers().sslConfiguration());
    QNetworkReply *reply = m_network.post(
        request, QJsonDocument(QJsonObject{{QStringLiteral("user"), user}, {QStringLiteral("password"), password}}).toJson());
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
        qFatal("test endpoint did not answer");
    reply->deleteLater();
    if (!QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("ok")).toBool())
        qFatal("cannot create a test user");
    return user;
}

void TestMailWindowServers::fetchReadReplyWithAttachmentRoundTrip()
{
    Fixture f;
    qputenv("XDG_DATA_HOME", QFile::encodeName(f.dir.path() + QStringLiteral("/data")));
    const QString password = QStringLiteral("pw-") + QUuid::createUuid().toString(QUuid::Id128);
    const QString user = newOAuthUser(password);

    store::Account a;
    a.prefix = QStringLiteral("GUI");
    a.email = user;
    a.senderName = QStringLiteral("Jürgen Größe");
    a.isDefault = true;
    a.pop3.host = servers().host();
    a.pop3.port = servers().port("POP3_TLS_PORT");
    a.pop3.security = store::Security::Tls;
    a.smtp.host = servers().host();
    a.smtp.port = servers().port("SMTP_SUBMISSION_PORT");
    a.smtp.security = store::Security::StartTls;
    a.oauth.enabled = true;
    a.oauth.tokenEndpoint = env("OAUTH_TOKEN_URL");
    a.oauth.clientId = env("OAUTH_PUBLIC_CLIENT_ID");
    a.oauth.scope = env("OAUTH_SCOPE_SMTP");
    a.oauth.method = oauth::SignInMethod::Password;
    a.extraCaFile = env("KURIER_TEST_CA");
    const auto saved = f.save(a, test::passwordUpdate(password));
    QVERIFY2(saved.ok, qPrintable(saved.error));
    const store::Account account = saved.account;

    const QByteArray first = "From: Anna Schmidt <" + user.toUtf8() + ">\r\nTo: " + user.toUtf8()
        + "\r\nSubject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?= vom Server\r\nDate: Fri, 27 Nov 2026 10:00:00 +0100\r\n"
          "Message-ID: <gui-first@kurier.test>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
          "Content-Transfer-Encoding: 8bit\r\n\r\nHallo, siehe https://kurier.test/info\r\n";
    const QByteArray second = "From: bob@kurier.test\r\nTo: " + user.toUtf8() + "\r\nSubject: Zweite\r\n"
        "Date: Fri, 27 Nov 2026 11:00:00 +0100\r\nMessage-ID: <gui-second@kurier.test>\r\n\r\nNoch eine.\r\n";
    QCOMPARE(servers().deliver(user, {first, second}), QString());

    ui::MainWindow window(f.manager.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.messageModel()->rowCount(), 0);

    window.findChild<QAction *>(QStringLiteral("fetchAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 60000);
    QVERIFY2(window.banner()->isHidden(), qPrintable(window.banner()->detailsView()->toPlainText()));
    QCOMPARE(window.messageModel()->rowCount(), 2);
    QCOMPARE(window.folderItem(account.id, ui::MailFolder::Kind::Inbox)->text(0), QStringLiteral("Inbox (2)"));
    QVERIFY(window.statusText()->text().contains(QStringLiteral("2 new messages")));
    // Newest first: "Zweite", then the one to reply to.
    QCOMPARE(window.messageModel()->index(1, ui::MessageListModel::SubjectColumn).data().toString(), QStringLiteral("Grüße vom Server"));
    window.messageList()->setCurrentIndex(window.messageModel()->index(1, 0));
    QCOMPARE(window.messageView()->findChild<QLabel *>(QStringLiteral("headerSubject"))->text(), QStringLiteral("Grüße vom Server"));
    QVERIFY(window.messageView()->browser()->toHtml().contains(QStringLiteral("href=\"https://kurier.test/info\"")));
    QCOMPARE(window.folderItem(account.id, ui::MailFolder::Kind::Inbox)->text(0), QStringLiteral("Inbox (1)"));
    test::screenshot(&window, QStringLiteral("mail-window-fetched-en"));

    // Antworten with an attachment; the reply goes to the sender, which is this mailbox.
    ui::ComposerWindow *reply = window.reply();
    QCOMPARE(reply->toEdit()->text(), QStringLiteral("Anna Schmidt <%1>").arg(user));
    reply->bodyEdit()->setPlainText(QStringLiteral("Danke!\n\n") + reply->bodyEdit()->toPlainText());
    reply->addAttachment({QStringLiteral("Übersicht.txt"), QByteArray("Zeile 1\nZeile 2 äöü\n"), {}, {}});
    QVERIFY(reply->send());
    QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 60000);
    QVERIFY2(window.banner()->isHidden(), qPrintable(window.banner()->detailsView()->toPlainText()));
    QVERIFY2(window.statusText()->text().contains(QStringLiteral("1 message sent")), qPrintable(window.statusText()->text()));
    QCOMPARE(window.folderItem(account.id, ui::MailFolder::Kind::Outbox)->text(0), QStringLiteral("Outbox"));
    window.selectFolder(account.id, ui::MailFolder::Kind::Sent);
    QCOMPARE(window.messageModel()->rowCount(), 1);
    QCOMPARE(window.messageModel()->index(0, ui::MessageListModel::SubjectColumn).data().toString(), QStringLiteral("Re: Grüße vom Server"));

    // It comes back on the next Abrufen (Postfix delivers asynchronously: try a few times).
    window.selectFolder(account.id, ui::MailFolder::Kind::Inbox);
    for (int attempt = 0; attempt < 20 && window.messageModel()->totalCount() < 3; ++attempt) {
        window.fetchAll();
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 60000);
        if (window.messageModel()->totalCount() < 3)
            QTest::qWait(500);
    }
    QCOMPARE(window.messageModel()->totalCount(), 3);
    int row = -1;
    for (int r = 0; r < window.messageModel()->rowCount(); ++r) {
        if (window.messageModel()->rowAt(r).entry.subject == QStringLiteral("Re: Grüße vom Server"))
            row = r;
    }
    QVERIFY(row >= 0);
    window.messageList()->setCurrentIndex(window.messageModel()->index(row, 0));
    const mime::ParsedMessage &back = window.messageView()->message();
    QCOMPARE(back.from.name, QStringLiteral("Jürgen Größe"));
    QCOMPARE(back.inReplyTo, QStringLiteral("gui-first@kurier.test"));
    QVERIFY(back.text.startsWith(QStringLiteral("Danke!")));
    QVERIFY(back.text.contains(QStringLiteral("> Hallo, siehe https://kurier.test/info")));
    QCOMPARE(window.messageView()->listedAttachments().size(), 1);
    QCOMPARE(window.messageView()->listedAttachments().first().fileName, QStringLiteral("Übersicht.txt"));
    QCOMPARE(window.messageView()->listedAttachments().first().data, QByteArray("Zeile 1\nZeile 2 äöü\n"));
}

QTEST_MAIN(TestMailWindowServers)
#include "tst_mail_window_servers.moc"
