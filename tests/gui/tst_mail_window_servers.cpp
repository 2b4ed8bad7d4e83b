// The mail window against the real test servers (Dovecot, Postfix, the OAuth server; TLS with
// the run's CA): Abrufen fetches delivered messages into the list, selecting shows them, a reply
// with an attachment goes through the Outbox and Postfix, lands in Sent, and comes back on the
// next Abrufen with its attachment.

#include "accounts/AccountDialog.h"
#include "accounts/NewAccountFlow.h"
#include "compose/ComposerWindow.h"
#include "common/ErrorBanner.h"
#include "GuiTestSupport.h"
#include "store/Mailbox.h"
#include "mail/MainWindow.h"
#include "mail/MessageListModel.h"
#include "activity/FetchScheduler.h"
#include "activity/MailActivity.h"
#include "store/Outbox.h"
#include "mail/MessageView.h"
#include "mail/NewMailNotifier.h"
#include "accounts/OptionsDialog.h"
#include "accounts/SignInDialog.h"
#include "mail/SafeTextBrowser.h"
#include "ServerWindowSupport.h"
#include "support/TestAccounts.h"
#include "support/TestServers.h"

#include <QCheckBox>
#include <QDesktopServices>
#include <QJsonObject>
#include <QNetworkReply>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputMethodEvent>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QSignalSpy>
#include <QSpinBox>
#include <QPushButton>
#include <QTableView>
#include <QTreeWidget>
#include <QUuid>

using namespace kurier;
using kurier::test::Fixture;

using kurier::test::env;
using kurier::test::servers;

class TestMailWindowServers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fetchReadReplyWithAttachmentRoundTrip();
    void deleteLocallyDeletesOnServerAtNextFetch();
    void deferredMessageGoesOutByItself();
    void fetchAndSendShareOneSignIn();

private:
    QString newOAuthUser(const QString &password) { return test::newOAuthUser(m_network, QStringLiteral("gui"), password); }
    // An OAuth account (password sign-in) for `user`, saved directly (the first test makes one
    // through the dialog).
    static store::Account oauthAccount(const QString &prefix, const QString &user) { return test::oauthTestAccount(prefix, user); }
    // Optionen → Benutzerkonten → Neu, the form filled with the test servers' values (the test CA
    // chosen with Durchsuchen… like a company CA), Speichern.
    store::Account createOAuthAccountThroughGui(ui::MainWindow &window, store::AccountManager *manager, const QString &user,
                                                const QString &password);
    // Clicks `button`, which opens a QFileDialog under `parent`, and chooses `path` there.
    static void chooseInFileDialog(QWidget *parent, QAbstractButton *button, const QString &path);
    QNetworkAccessManager m_network;
};

// Receives what QDesktopServices would hand to the system browser (setUrlHandler), instead of it.
class BrowserCatcher : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> urls;
public slots:
    void open(const QUrl &url) { urls << url; }
};

void TestMailWindowServers::initTestCase()
{
    KURIER_REQUIRE_TEST_SERVERS(servers());
    test::LanguageScope::useEnglish();
}

void TestMailWindowServers::chooseInFileDialog(QWidget *parent, QAbstractButton *button, const QString &path)
{
    QVERIFY(button);
    button->click();
    QFileDialog *chooser = nullptr;
    QTRY_VERIFY((chooser = parent->findChild<QFileDialog *>()) != nullptr && chooser->isVisible());
    // Typed into the file name field and accepted (Qt's own dialog: offscreen has no native one).
    auto *name = chooser->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
    QVERIFY(name);
    chooser->setDirectory(QFileInfo(path).absolutePath());
    name->setText(QFileInfo(path).fileName());
    QMetaObject::invokeMethod(chooser, "accept");
    QTRY_VERIFY(!parent->findChild<QFileDialog *>() || !parent->findChild<QFileDialog *>()->isVisible());
}

store::Account TestMailWindowServers::createOAuthAccountThroughGui(ui::MainWindow &window, store::AccountManager *manager,
                                                                   const QString &user, const QString &password)
{
    auto *accountsAction = window.findChild<QAction *>(QStringLiteral("accountsAction"));
    if (!accountsAction)
        return {};
    accountsAction->trigger();
    ui::OptionsDialog *options = window.optionsDialog();
    if (!options || !QTest::qWaitForWindowExposed(options))
        return {};
    auto *newButton = options->findChild<QPushButton *>(QStringLiteral("newButton"));
    if (!newButton)
        return {};
    newButton->click();
    // The address-first flow opens; this test types every field itself in the detailed form.
    auto *flow = options->findChild<ui::NewAccountFlow *>();
    if (!flow || !QTest::qWaitForWindowExposed(flow))
        return {};
    flow->manualButton()->click();
    ui::AccountDialog *dialog = options->findChild<ui::AccountDialog *>();
    if (!dialog || !QTest::qWaitForWindowExposed(dialog))
        return {};
    auto edit = [dialog](const char *name) { return dialog->findChild<QLineEdit *>(QString::fromLatin1(name)); };
    auto combo = [dialog](const char *name) { return dialog->findChild<QComboBox *>(QString::fromLatin1(name)); };

    test::typeInto(edit("prefix"), QStringLiteral("GUI"));
    test::typeInto(edit("email"), user);
    // Umlauts come as an input method commits them (QTest::keyClicks takes Latin-1 keys only).
    edit("senderName")->setFocus();
    QInputMethodEvent umlauts;
    umlauts.setCommitString(QStringLiteral("Jürgen Größe"));
    QApplication::sendEvent(edit("senderName"), &umlauts);
    test::typeInto(edit("pop3Host"), servers().host());
    test::chooseData(combo("pop3Security"), int(store::Security::Tls));
    // Delete on the server what is deleted here; fetch every 30 minutes while open.
    dialog->findChild<QCheckBox *>(QStringLiteral("pop3DeleteWhenDeletedLocally"))->click();
    auto *interval = dialog->findChild<QSpinBox *>(QStringLiteral("pop3FetchInterval"));
    interval->setFocus();
    interval->selectAll();
    QTest::keyClicks(interval, QStringLiteral("30"));
    test::typeInto(edit("pop3Port"), servers().value("POP3_TLS_PORT"));
    dialog->findChild<QCheckBox *>(QStringLiteral("oauthEnabled"))->click();
    test::typeInto(edit("oauthTokenEndpoint"), env("OAUTH_TOKEN_URL"));
    test::typeInto(edit("oauthClientId"), env("OAUTH_PUBLIC_CLIENT_ID"));
    test::typeInto(edit("oauthScope"), env("OAUTH_SCOPE_SMTP"));
    test::chooseData(combo("oauthMethod"), int(oauth::SignInMethod::Password));
    test::typeInto(edit("pop3Password"), password);
    test::typeInto(edit("smtpHost"), servers().host());
    test::chooseData(combo("smtpSecurity"), int(store::Security::StartTls));
    test::typeInto(edit("smtpPort"), servers().value("SMTP_SUBMISSION_PORT"));
    chooseInFileDialog(dialog, dialog->findChild<QPushButton *>(QStringLiteral("browseCaFile")), env("KURIER_TEST_CA"));
    if (edit("extraCaFile")->text() != QFileInfo(env("KURIER_TEST_CA")).absoluteFilePath())
        qWarning("CA file field: %s", qPrintable(edit("extraCaFile")->text()));
    test::growToContent(dialog);
    test::screenshot(dialog, QStringLiteral("mail-window-new-oauth-account-en"));

    QPointer<ui::AccountDialog> guard(dialog);
    dialog->findChild<QPushButton *>(QStringLiteral("saveButton"))->click();
    if (!QTest::qWaitFor([&guard] { return guard.isNull() || !guard->isVisible(); }, 10000)) {
        qWarning("the account dialog stayed open: %s",
                 qPrintable(guard ? guard->findChild<QLabel *>(QStringLiteral("errorBannerText"))->text() : QString()));
        return {};
    }
    options->findChild<QPushButton *>(QStringLiteral("closeButton"))->click();
    if (manager->accounts().size() != 1)
        return {};
    const store::Account account = manager->accounts().first();
    // What the form made of it: OAuth with the password method, the CA file chosen, the password
    // in the keychain (not in the settings).
    if (!account.oauth.enabled || account.oauth.method != oauth::SignInMethod::Password
        || account.extraCaFile != QFileInfo(env("KURIER_TEST_CA")).absoluteFilePath()
        || !account.hasSecret(store::SecretName::Pop3Password) || !account.pop3.deleteWhenDeletedLocally
        || account.pop3.fetchIntervalMinutes != 30) {
        qWarning("the account is not as entered");
        return {};
    }
    return account;
}

void TestMailWindowServers::fetchReadReplyWithAttachmentRoundTrip()
{
    Fixture f;
    qputenv("XDG_DATA_HOME", QFile::encodeName(f.dir.path() + QStringLiteral("/data")));
    const QString password = test::newTestPassword();
    const QString user = newOAuthUser(password);

    ui::MainWindow window(f.manager.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Everything from here on as a user does it: no account is made behind the window's back.
    const store::Account account = createOAuthAccountThroughGui(window, f.manager.get(), user, password);
    QVERIFY(!account.id.isEmpty());
    QCOMPARE(window.activity()->scheduler()->intervalMs(account.id), 30 * 60 * 1000);

    const QByteArray first = "From: Anna Schmidt <" + user.toUtf8() + ">\r\nTo: " + user.toUtf8()
        + "\r\nSubject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?= vom Server\r\nDate: Fri, 27 Nov 2026 10:00:00 +0100\r\n"
          "Message-ID: <gui-first@kurier.test>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
          "Content-Transfer-Encoding: 8bit\r\n\r\nHallo, siehe https://kurier.test/info\r\n";
    const QByteArray second = "From: bob@kurier.test\r\nTo: " + user.toUtf8() + "\r\nSubject: Zweite\r\n"
        "Date: Fri, 27 Nov 2026 11:00:00 +0100\r\nMessage-ID: <gui-second@kurier.test>\r\n\r\nNoch eine.\r\n";
    QCOMPARE(servers().deliver(user, {first, second}), QString());

    QCOMPARE(window.messageModel()->rowCount(), 0);

    QSignalSpy newMail(window.newMailNotifier(), &ui::NewMailNotifier::newMail);
    window.findChild<QAction *>(QStringLiteral("fetchAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 60000);
    QVERIFY2(window.banner()->isHidden(), qPrintable(window.banner()->detailsView()->toPlainText()));
    QCOMPARE(window.messageModel()->rowCount(), 2);
    QCOMPARE(newMail.count(), 1);
    QCOMPARE(newMail.first().at(1).toString(), QStringLiteral("2 new messages"));
    QCOMPARE(window.folderTree()->folderItem(account.id, store::Mailbox::Kind::Inbox)->text(0), QStringLiteral("Inbox (2)"));
    QVERIFY(window.statusText()->text().contains(QStringLiteral("2 new messages")));
    // Newest first: "Zweite", then the one to reply to.
    QCOMPARE(window.messageModel()->index(1, ui::MessageListModel::SubjectColumn).data().toString(), QStringLiteral("Grüße vom Server"));
    window.messageList()->setCurrentIndex(window.messageModel()->index(1, 0));
    QCOMPARE(window.messageView()->findChild<QLabel *>(QStringLiteral("headerSubject"))->text(), QStringLiteral("Grüße vom Server"));
    QVERIFY(window.messageView()->browser()->toHtml().contains(QStringLiteral("href=\"https://kurier.test/info\"")));
    QCOMPARE(window.folderTree()->folderItem(account.id, store::Mailbox::Kind::Inbox)->text(0), QStringLiteral("Inbox (1)"));
    test::screenshot(&window, QStringLiteral("mail-window-fetched-en"));

    // Antworten with an attachment; the reply goes to the sender, which is this mailbox.
    ui::ComposerWindow *reply = window.composing()->reply();
    QCOMPARE(reply->toEdit()->text(), QStringLiteral("Anna Schmidt <%1>").arg(user));
    reply->bodyEdit()->setPlainText(QStringLiteral("Danke!\n\n") + reply->bodyEdit()->toPlainText());
    // Anhängen… with the file dialog, then Senden, as a user would.
    const QString attachmentPath = f.dir.path() + QStringLiteral("/Übersicht.txt");
    {
        QFile file(attachmentPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Zeile 1\nZeile 2 äöü\n");
    }
    chooseInFileDialog(reply, reply->findChild<QPushButton *>(QStringLiteral("composerAttach")), attachmentPath);
    QCOMPARE(reply->attachmentList()->count(), 1);
    test::screenshot(reply, QStringLiteral("composer-reply-attachment-en"));
    reply->findChild<QPushButton *>(QStringLiteral("composerSend"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 60000);
    QVERIFY2(window.banner()->isHidden(), qPrintable(window.banner()->detailsView()->toPlainText()));
    QVERIFY2(window.statusText()->text().contains(QStringLiteral("1 message sent")), qPrintable(window.statusText()->text()));
    QCOMPARE(window.folderTree()->folderItem(account.id, store::Mailbox::Kind::Outbox)->text(0), QStringLiteral("Outbox"));
    window.selectFolder(account.id, store::Mailbox::Kind::Sent);
    QCOMPARE(window.messageModel()->rowCount(), 1);
    QCOMPARE(window.messageModel()->index(0, ui::MessageListModel::SubjectColumn).data().toString(), QStringLiteral("Re: Grüße vom Server"));

    // It comes back on the next Abrufen (Postfix delivers asynchronously: try a few times).
    window.selectFolder(account.id, store::Mailbox::Kind::Inbox);
    test::fetchUntil(window, 3);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(window.messageModel()->totalCount(), 3);
    int row = test::rowWithSubject(window, QStringLiteral("Re: Grüße vom Server"));
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

void TestMailWindowServers::deleteLocallyDeletesOnServerAtNextFetch()
{
    Fixture f;
    qputenv("XDG_DATA_HOME", QFile::encodeName(f.dir.path() + QStringLiteral("/data")));
    const QString password = test::newTestPassword();
    const QString user = newOAuthUser(password);
    store::Account a = oauthAccount(QStringLiteral("DEL"), user);
    a.isDefault = true;
    a.pop3.deleteWhenDeletedLocally = true; // leave-on-server policy stays "keep"
    auto saved = f.save(a, test::passwordUpdate(password));
    QVERIFY2(saved.ok, qPrintable(saved.error));
    const store::Account account = saved.account;
    // A second account on the same mailbox, to look at what the server still has.
    saved = f.save(oauthAccount(QStringLiteral("CHECK"), user), test::passwordUpdate(password));
    QVERIFY2(saved.ok, qPrintable(saved.error));
    const store::Account check = saved.account;

    QList<QByteArray> messages;
    for (const char *subject : {"Eins", "Zwei", "Drei"}) {
        messages << "From: anna@kurier.test\r\nTo: " + user.toUtf8() + "\r\nSubject: " + subject
                + "\r\nMessage-ID: <del-" + subject + "@kurier.test>\r\n\r\nText " + subject + "\r\n";
    }
    QCOMPARE(servers().deliver(user, messages), QString());

    ui::MainWindow window(f.manager.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.selectFolder(account.id, store::Mailbox::Kind::Inbox);
    window.activity()->fetch(account.id);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 60000);
    QVERIFY2(window.banner()->isHidden(), qPrintable(window.banner()->detailsView()->toPlainText()));
    QCOMPARE(window.messageModel()->totalCount(), 3);

    // Löschen on "Zwei": into the Papierkorb, marked for deletion on the server.
    int row = test::rowWithSubject(window, QStringLiteral("Zwei"));
    QVERIFY(row >= 0);
    window.messageList()->setCurrentIndex(window.messageModel()->index(row, 0));
    window.findChild<QAction *>(QStringLiteral("deleteAction"))->trigger();
    QVERIFY(!window.operations()->deleteQuestion()); // no question: it can be taken back from the Trash
    QCOMPARE(window.messageModel()->totalCount(), 2);
    QVERIFY2(window.statusText()->text().contains(QStringLiteral("deleted on the server")), qPrintable(window.statusText()->text()));
    const QString requests = store::Mailbox::accountRoot(account) + QStringLiteral("/delete-on-server");
    QCOMPARE(QDir(requests).entryList(QDir::Files).size(), 1);

    // The next Abrufen deletes it there; nothing else goes, nothing is fetched again.
    window.activity()->fetch(account.id);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 60000);
    QVERIFY2(window.banner()->isHidden(), qPrintable(window.banner()->detailsView()->toPlainText()));
    QVERIFY2(window.statusText()->text().contains(QStringLiteral("no new messages")), qPrintable(window.statusText()->text()));
    QCOMPARE(QDir(requests).entryList(QDir::Files).size(), 0);
    QCOMPARE(window.messageModel()->totalCount(), 2);
    window.selectFolder(account.id, store::Mailbox::Kind::Trash);
    QCOMPARE(window.messageModel()->totalCount(), 1);
    QCOMPARE(window.messageModel()->rowAt(0).entry.subject, QStringLiteral("Zwei"));

    // What the server has now: a fresh account on the same mailbox fetches "Eins" and "Drei".
    window.activity()->fetch(check.id);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 60000);
    QVERIFY2(window.banner()->isHidden(), qPrintable(window.banner()->detailsView()->toPlainText()));
    window.selectFolder(check.id, store::Mailbox::Kind::Inbox);
    QStringList onServer;
    for (int r = 0; r < window.messageModel()->rowCount(); ++r)
        onServer << window.messageModel()->rowAt(r).entry.subject;
    onServer.sort();
    QCOMPARE(onServer, (QStringList{QStringLiteral("Drei"), QStringLiteral("Eins")}));
}

// A message the server defers (451 at RCPT) stays in the Outbox as Deferred, the banner shows
// the failure with the redacted SMTP transcript under Details, and the Outbox's retry timer
// sends it by itself when its time has come — nobody clicks anything.
void TestMailWindowServers::deferredMessageGoesOutByItself()
{
    Fixture f;
    qputenv("XDG_DATA_HOME", QFile::encodeName(f.dir.path() + QStringLiteral("/data")));
    store::Account a = oauthAccount(QStringLiteral("LATER"), env("PASSWORD_USER"));
    a.oauth = {};
    a.smtp.auth = store::SmtpAuth::SameAsPop3;
    const QString password = env("PASSWORD_USER_PASSWORD");
    const auto saved = f.save(a, test::passwordUpdate(password));
    QVERIFY2(saved.ok, qPrintable(saved.error));
    const store::Account account = saved.account;
    // The test policy of Postfix defers a "defer1-" recipient once, then takes it.
    const QString recipient = servers().uniqueAddress(QStringLiteral("defer1"));

    ui::MainWindow window(f.manager.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    activity::AccountActivity *activity = window.activity()->account(account.id);
    QVERIFY(activity);
    activity->setSendBackoff([](int) { return 2; }); // seconds; an hour's wait would be the same code
    ui::ComposerWindow *composer = window.composing()->compose();
    composer->toEdit()->setText(recipient);
    composer->subjectEdit()->setText(QStringLiteral("Später zugestellt"));
    composer->bodyEdit()->setPlainText(QStringLiteral("Der Server nimmt sie beim zweiten Mal."));
    QVERIFY(composer->send());

    // The first attempt: deferred, and said so with the conversation behind it.
    QTRY_VERIFY_WITH_TIMEOUT(window.banner()->isVisible()
                                 && window.banner()->text().contains(QStringLiteral("Not sent from LATER yet; Kurier tries again at")),
                             30000);
    QVERIFY2(window.statusText()->text().contains(QStringLiteral("LATER: not sent yet, next attempt at")),
             qPrintable(window.statusText()->text()));
    const QString details = window.banner()->detailsView()->toPlainText();
    QVERIFY2(details.contains(QStringLiteral("Protocol transcript (passwords and tokens removed):")), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("RCPT TO:<") + recipient + u'>'), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("S: 451 4.3.0")), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("C: AUTH PLAIN")), qPrintable(details));
    const QByteArray plain = QByteArray('\0' + env("PASSWORD_USER").toUtf8() + '\0' + password.toUtf8()).toBase64();
    QVERIFY(!details.contains(password));
    QVERIFY(!details.contains(QString::fromLatin1(plain)));
    store::Outbox outbox(store::Mailbox::accountRoot(account));
    QVERIFY(outbox.open());
    QCOMPARE(outbox.entries().size(), 1);
    QCOMPARE(outbox.entries().first().state, store::Outbox::State::Deferred);
    QVERIFY(activity->nextSendAttempt().isValid());
    test::screenshot(&window, QStringLiteral("mail-window-send-deferred-en"));

    // The timer's attempt: sent, in Sent, delivered; the failure's banner goes.
    QTRY_VERIFY_WITH_TIMEOUT(outbox.entries().isEmpty(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(window.statusText()->text().contains(QStringLiteral("LATER: 1 message sent")), 10000);
    QVERIFY(window.banner()->isHidden());
    QCOMPARE(store::Mailbox::messageCount(account, store::Mailbox::Kind::Sent), 1);
    QCOMPARE(test::waitForMail(recipient, 1, 15000).size(), 1);
    QVERIFY(!activity->nextSendAttempt().isValid());
}

// Abrufen and Senden at once for an account that signs in in the browser: both wait for one
// token, so the browser opens once and the OAuth server sees one sign-in, not one per job.
void TestMailWindowServers::fetchAndSendShareOneSignIn()
{
    Fixture f;
    qputenv("XDG_DATA_HOME", QFile::encodeName(f.dir.path() + QStringLiteral("/data")));
    const QString user = newOAuthUser(test::newTestPassword());
    store::Account a = oauthAccount(QStringLiteral("WEB"), user);
    a.oauth.method = oauth::SignInMethod::Browser;
    a.oauth.scope = env("OAUTH_SCOPE_POP") + u' ' + env("OAUTH_SCOPE_SMTP");
    const auto saved = f.save(a);
    QVERIFY2(saved.ok, qPrintable(saved.error));
    const store::Account account = saved.account;
    BrowserCatcher browser;
    QDesktopServices::setUrlHandler(QStringLiteral("https"), &browser, "open");

    ui::MainWindow window(f.manager.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activity()->fetch(account.id);
    ui::ComposerWindow *composer = window.composing()->compose();
    composer->toEdit()->setText(user);
    composer->subjectEdit()->setText(QStringLiteral("Eine Anmeldung für beide"));
    composer->bodyEdit()->setPlainText(QStringLiteral("Abrufen und Senden warten auf dasselbe Token."));
    QVERIFY(composer->send());

    // Both are waiting: the fetch asked first, the send has said EHLO after STARTTLS (next it
    // needs the token for AUTH).
    QTRY_COMPARE_WITH_TIMEOUT(browser.urls.size(), 1, 15000);
    activity::AccountActivity *activity = window.activity()->account(account.id);
    QVERIFY(activity);
    auto sendTranscript = [activity] {
        QFile t(activity->sendTranscriptPath());
        return t.open(QIODevice::ReadOnly) ? QString::fromUtf8(t.readAll()) : QString();
    };
    QTRY_VERIFY_WITH_TIMEOUT(sendTranscript().count(QStringLiteral("C: EHLO")) >= 2, 15000);
    QTest::qWait(300);
    QVERIFY(activity->isFetching() && activity->isSending());
    QCOMPARE(activity->state(), activity::AccountActivity::State::SignInNeeded);
    QCOMPARE(browser.urls.size(), 1);
    QVERIFY(window.banner()->text().contains(QStringLiteral("sign in in the browser")));

    // The user signs in; the identity provider sends the browser back to Kurier's listener.
    auto get = [this](const QUrl &url) { return test::getWithoutRedirect(m_network, url); };
    const QUrl back = get(browser.urls.first())->header(QNetworkRequest::LocationHeader).toUrl();
    QCOMPARE(back.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(get(back)->error(), QNetworkReply::NoError);

    QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 60000);
    QVERIFY2(window.banner()->isHidden() || !window.banner()->text().contains(QStringLiteral("failed")),
             qPrintable(window.banner()->detailsView()->toPlainText()));
    QCOMPARE(store::Mailbox::messageCount(account, store::Mailbox::Kind::Sent), 1);
    QCOMPARE(browser.urls.size(), 1);
    const QJsonObject stats = test::oauthStatsFor(m_network, user);
    QCOMPARE(stats.value(QStringLiteral("authorize")).toInt(), 1);
    QCOMPARE(stats.value(QStringLiteral("authorization_code")).toObject().value(QStringLiteral("requests")).toInt(), 1);

    // Anmelden… from the folder tree signs in with the same provider: its token is theirs.
    ui::SignInDialog *signIn = window.signIn(account.id);
    QVERIFY(signIn);
    QCOMPARE(signIn->provider(), activity->tokens());
    QTRY_VERIFY_WITH_TIMEOUT(signIn->succeeded(), 15000); // the token it has already
    signIn->close();
    QCOMPARE(browser.urls.size(), 1);
    QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
}

QTEST_MAIN(TestMailWindowServers)
#include "tst_mail_window_servers.moc"
