// SMTP replies (RFC 5321 §4.2), enhanced status codes (RFC 3463), EHLO capabilities, dot-stuffing.
#include "smtp/DotStuffing.h"
#include "smtp/SmtpCapabilities.h"
#include "smtp/SmtpDiagnostics.h"
#include "smtp/SmtpReplyParser.h"

#include <QTest>

using namespace kurier::smtp;

class TestSmtpParser : public QObject
{
    Q_OBJECT
private slots:
    void replies_data();
    void replies();
    void splitAcrossFeeds();
    void malformed_data();
    void malformed();
    void overlongLine();
    void capabilities();
    void capabilitiesOldAuthSyntax();
    void dotStuffing_data();
    void dotStuffing();
    void diagnostics_data();
    void diagnostics();
};

void TestSmtpParser::replies_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("enhanced");
    QTest::addColumn<QString>("text");
    QTest::newRow("greeting") << QByteArray("220 smtp.example.com ESMTP Postfix\r\n") << 1 << 220 << QString()
                              << QStringLiteral("smtp.example.com ESMTP Postfix");
    QTest::newRow("code-only") << QByteArray("250\r\n") << 1 << 250 << QString() << QString();
    QTest::newRow("bare-lf") << QByteArray("354 go ahead\n") << 1 << 354 << QString() << QStringLiteral("go ahead");
    QTest::newRow("multi-line") << QByteArray("250-mail.example.com\r\n250-PIPELINING\r\n250 8BITMIME\r\n") << 1 << 250
                                << QString() << QStringLiteral("mail.example.com PIPELINING 8BITMIME");
    QTest::newRow("enhanced") << QByteArray("250 2.1.0 Ok\r\n") << 1 << 250 << QStringLiteral("2.1.0") << QStringLiteral("Ok");
    QTest::newRow("microsoft-5.7.139")
        << QByteArray("535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. "
                      "Visit https://aka.ms/smtp_auth_disabled for more information. [AM0PR10CA0003.EURPRD10.PROD.OUTLOOK.COM]\r\n")
        << 1 << 535 << QStringLiteral("5.7.139")
        << QStringLiteral("Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit "
                          "https://aka.ms/smtp_auth_disabled for more information. [AM0PR10CA0003.EURPRD10.PROD.OUTLOOK.COM]");
    QTest::newRow("class-mismatch-not-enhanced") << QByteArray("550 2.1.0 odd\r\n") << 1 << 550 << QString() << QStringLiteral("2.1.0 odd");
    QTest::newRow("multi-enhanced") << QByteArray("550-5.1.1 no such user\r\n550 5.1.1 really\r\n") << 1 << 550
                                    << QStringLiteral("5.1.1") << QStringLiteral("no such user really");
    QTest::newRow("pipelined-batch") << QByteArray("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n550 5.1.1 nope\r\n354 End data\r\n") << 4
                                     << 250 << QStringLiteral("2.1.0") << QStringLiteral("Ok");
    QTest::newRow("auth-challenge") << QByteArray("334 \r\n") << 1 << 334 << QString() << QString();
}

void TestSmtpParser::replies()
{
    QFETCH(QByteArray, input);
    QFETCH(int, count);
    QFETCH(int, code);
    QFETCH(QString, enhanced);
    QFETCH(QString, text);
    SmtpReplyParser p;
    p.feed(input);
    QVERIFY2(!p.hasError(), qPrintable(p.errorText()));
    const QList<SmtpReply> replies = p.takeReplies();
    QCOMPARE(replies.size(), count);
    QCOMPARE(replies.first().code, code);
    QCOMPARE(replies.first().enhancedCode, enhanced);
    QCOMPARE(replies.first().text(), text);
    QVERIFY(!p.hasPartialData());
}

void TestSmtpParser::splitAcrossFeeds()
{
    // Byte by byte, as a slow network may deliver it.
    const QByteArray input("250-smtp.kurier.test\r\n250-SIZE 10240000\r\n250 AUTH PLAIN XOAUTH2\r\n221 2.0.0 Bye\r\n");
    SmtpReplyParser p;
    for (qsizetype i = 0; i < input.size(); ++i) {
        p.feed(input.mid(i, 1));
        // The EHLO reply is complete only with its last line.
        QCOMPARE(p.hasReply(), i >= input.indexOf("250 AUTH") + 23);
    }
    QCOMPARE(p.takeReply().lines.size(), 3);
    const SmtpReply bye = p.takeReply();
    QCOMPARE(bye.code, 221);
    QCOMPARE(bye.toDisplayString(), QStringLiteral("221 2.0.0 Bye"));
}

void TestSmtpParser::malformed_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("pop3") << QByteArray("+OK Dovecot ready.\r\n");
    QTest::newRow("short") << QByteArray("25\r\n");
    QTest::newRow("letters") << QByteArray("2x0 hi\r\n");
    QTest::newRow("bad-separator") << QByteArray("250_hi\r\n");
    QTest::newRow("code-changes") << QByteArray("250-a\r\n251 b\r\n");
    QTest::newRow("class-1") << QByteArray("150 hi\r\n");
    QTest::newRow("http") << QByteArray("HTTP/1.1 400 Bad Request\r\n");
}

void TestSmtpParser::malformed()
{
    QFETCH(QByteArray, input);
    SmtpReplyParser p;
    p.feed(input);
    QVERIFY(p.hasError());
    QVERIFY(!p.hasReply());
    p.feed("250 ok\r\n"); // nothing after an error
    QVERIFY(!p.hasReply());
}

void TestSmtpParser::overlongLine()
{
    SmtpReplyParser p;
    p.feed("250 " + QByteArray(SmtpReplyParser::MaxLineLength + 10, 'a'));
    QVERIFY(p.hasError());
    // Also when the whole line, CRLF included, arrives in one piece.
    SmtpReplyParser whole;
    whole.feed("250 " + QByteArray(SmtpReplyParser::MaxLineLength + 10, 'a') + "\r\n");
    QVERIFY(whole.hasError());
}

void TestSmtpParser::capabilities()
{
    SmtpReplyParser p;
    p.feed("250-smtp.kurier.test\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250-VRFY\r\n250-ETRN\r\n"
           "250-AUTH PLAIN LOGIN XOAUTH2 OAUTHBEARER\r\n250-ENHANCEDSTATUSCODES\r\n250-8BITMIME\r\n"
           "250-DSN\r\n250-SMTPUTF8\r\n250 CHUNKING\r\n");
    const SmtpCapabilities c = SmtpCapabilities::fromEhloReply(p.takeReply());
    QCOMPARE(c.serverName(), QByteArray("smtp.kurier.test"));
    QVERIFY(c.has(SmtpCapabilities::Pipelining));
    QVERIFY(c.has(SmtpCapabilities::Size));
    QCOMPARE(c.sizeLimit(), 10240000);
    QVERIFY(c.has(SmtpCapabilities::EnhancedStatusCodes));
    QVERIFY(c.has(SmtpCapabilities::EightBitMime));
    QVERIFY(c.has(SmtpCapabilities::SmtpUtf8));
    QVERIFY(c.has(SmtpCapabilities::Chunking));
    QVERIFY(!c.has(SmtpCapabilities::StartTls));
    QCOMPARE(c.authMechanisms(), (QList<QByteArray>{"PLAIN", "LOGIN", "XOAUTH2", "OAUTHBEARER"}));

    p.feed("250-smtp.office365.com Hello\r\n250-SIZE\r\n250 STARTTLS\r\n");
    const SmtpCapabilities m = SmtpCapabilities::fromEhloReply(p.takeReply());
    QVERIFY(m.has(SmtpCapabilities::StartTls));
    QVERIFY(!m.has(SmtpCapabilities::Auth));
    QCOMPARE(m.sizeLimit(), 0); // no fixed limit
}

void TestSmtpParser::capabilitiesOldAuthSyntax()
{
    SmtpReplyParser p;
    p.feed("250-old.example\r\n250-AUTH=LOGIN PLAIN\r\n250 auth login plain\r\n");
    const SmtpCapabilities c = SmtpCapabilities::fromEhloReply(p.takeReply());
    QCOMPARE(c.authMechanisms(), (QList<QByteArray>{"LOGIN", "PLAIN"}));
}

void TestSmtpParser::dotStuffing_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<QByteArray>("out");
    QTest::newRow("crlf") << QByteArray("a\r\nb\r\n") << QByteArray("a\r\nb\r\n.\r\n");
    QTest::newRow("lf") << QByteArray("a\nb\n") << QByteArray("a\r\nb\r\n.\r\n");
    QTest::newRow("bare-cr") << QByteArray("a\rb") << QByteArray("a\r\nb\r\n.\r\n");
    QTest::newRow("no-final-eol") << QByteArray("a") << QByteArray("a\r\n.\r\n");
    QTest::newRow("leading-dot") << QByteArray(".hidden\n..two\nmid.dle\n.\n") << QByteArray("..hidden\r\n...two\r\nmid.dle\r\n..\r\n.\r\n");
    QTest::newRow("dot-first-byte") << QByteArray(".") << QByteArray("..\r\n.\r\n");
    QTest::newRow("empty") << QByteArray() << QByteArray(".\r\n");
    QTest::newRow("8bit") << QByteArray("Gr\xc3\xbc\xc3\x9f" "e\n") << QByteArray("Gr\xc3\xbc\xc3\x9f" "e\r\n.\r\n");
}

void TestSmtpParser::dotStuffing()
{
    QFETCH(QByteArray, in);
    QFETCH(QByteArray, out);
    QCOMPARE(dotStuff(in), out);
}

void TestSmtpParser::diagnostics_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("step");
    QTest::addColumn<bool>("known");
    QTest::addColumn<bool>("retryable");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("fixContains");
    using S = SmtpDiagnostics::Step;
    QTest::newRow("5.7.139-disabled")
        << QByteArray("535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.")
        << int(S::Authentication) << true << false << QStringLiteral("5.7.139") << QStringLiteral("Set-CASMailbox");
    QTest::newRow("5.7.139-disabled-camel")
        << QByteArray("535 5.7.139 Authentication unsuccessful, SmtpClientAuthenticationDisabled")
        << int(S::Authentication) << true << false << QStringLiteral("5.7.139") << QStringLiteral("Turn off SMTP AUTH protocol");
    QTest::newRow("5.7.139-blocked")
        << QByteArray("535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.")
        << int(S::Authentication) << true << false << QStringLiteral("5.7.139") << QStringLiteral("Entra ID");
    QTest::newRow("5.7.3") << QByteArray("535 5.7.3 Authentication unsuccessful [SN4PR0501CA0056.namprd05.prod.outlook.com]")
                           << int(S::Authentication) << true << false << QStringLiteral("5.7.3") << QStringLiteral("outlook.office365.com/.default");
    QTest::newRow("storedrv") << QByteArray("430 4.2.0 STOREDRV; mailbox logon failure; Cannot open mailbox.")
                              << int(S::EndOfData) << true << true << QStringLiteral("4.2.0") << QStringLiteral("Add-MailboxPermission");
    QTest::newRow("sendasdenied")
        << QByteArray("554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message")
        << int(S::EndOfData) << true << false << QStringLiteral("5.2.0") << QStringLiteral("Send As");
    QTest::newRow("postfix-auth") << QByteArray("535 5.7.8 Error: authentication failed: (reason unavailable)")
                                  << int(S::Authentication) << true << false << QStringLiteral("5.7.8") << QStringLiteral("kurierctl token");
    QTest::newRow("unknown-user") << QByteArray("550 5.1.1 <x@y>: Recipient address rejected") << int(S::Recipient) << true << false
                                  << QStringLiteral("5.1.1") << QStringLiteral("typing");
    QTest::newRow("greylisted") << QByteArray("450 4.7.1 try later") << int(S::Recipient) << false << true
                                << QStringLiteral("4.7.1") << QStringLiteral("later");
    QTest::newRow("no-enhanced") << QByteArray("552 too big") << int(S::EndOfData) << false << false << QStringLiteral("552")
                                 << QStringLiteral("server's answer");
}

void TestSmtpParser::diagnostics()
{
    QFETCH(QByteArray, line);
    QFETCH(int, step);
    QFETCH(bool, known);
    QFETCH(bool, retryable);
    QFETCH(QString, code);
    QFETCH(QString, fixContains);
    SmtpReplyParser p;
    p.feed(line + "\r\n");
    const SmtpReply reply = p.takeReply();
    QCOMPARE(SmtpDiagnostics::isKnownProblem(reply), known);
    const auto d = SmtpDiagnostics::diagnose(reply, SmtpDiagnostics::Step(step));
    QCOMPARE(d.retryable, retryable);
    QCOMPARE(d.code, code);
    QCOMPARE(d.serverText, QString::fromUtf8(line));
    QVERIFY2(d.fix.contains(fixContains), qPrintable(d.fix));
    QVERIFY(!d.summary.isEmpty());
}

QTEST_GUILESS_MAIN(TestSmtpParser)
#include "tst_smtp_parser.moc"
