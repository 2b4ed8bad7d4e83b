// SASL messages built byte for byte as the RFCs and Microsoft's documentation show them.
#include "sasl/Mechanism.h"
#include "sasl/SaslMessages.h"

#include <QTest>

using namespace kurier::sasl;

class TestSasl : public QObject
{
    Q_OBJECT
private slots:
    void plain();
    void xoauth2();
    void oauthBearer();
    void oauthFailure_data();
    void oauthFailure();
    void choose_data();
    void choose();
    void redact_data();
    void redact();
};

void TestSasl::plain()
{
    // RFC 4616 §4 example 2 without authzid.
    QCOMPARE(plainMessage(QStringLiteral("tim"), QStringLiteral("tanstaaftanstaaf")), QByteArray("\0tim\0tanstaaftanstaaf", 21));
    QCOMPARE(plainMessage(QStringLiteral("jürgen"), QStringLiteral("pä")).toBase64(), QByteArray("AGrDvHJnZW4AcMOk"));
}

void TestSasl::xoauth2()
{
    // Microsoft's documented example: user=test@contoso.onmicrosoft.com, token EwBAAl3BAAUFFpUAo7J3Ve0bjLBWZWCclRC3EoAA
    const QByteArray m = xoauth2Message(QStringLiteral("test@contoso.onmicrosoft.com"), QStringLiteral("EwBAAl3BAAUFFpUAo7J3Ve0bjLBWZWCclRC3EoAA"));
    QCOMPARE(m.toBase64(), QByteArray("dXNlcj10ZXN0QGNvbnRvc28ub25taWNyb3NvZnQuY29tAWF1dGg9QmVhcmVyIEV3QkFBbDNCQUFVRkZwVUFvN0ozVmUwYmpMQldaV0NjbFJDM0VvQUEBAQ=="));
}

void TestSasl::oauthBearer()
{
    // RFC 7628 §4.1 example.
    const QByteArray m = oauthBearerMessage(QStringLiteral("user@example.com"), QStringLiteral("vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg=="),
                                            QStringLiteral("server.example.com"), 143);
    QCOMPARE(m, QByteArray("n,a=user@example.com,\x01host=server.example.com\x01port=143\x01"
                           "auth=Bearer vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==\x01\x01"));
    QVERIFY(oauthBearerMessage(QStringLiteral("a,b=c"), QStringLiteral("t"), QStringLiteral("h"), 1).startsWith("n,a=a=2Cb=3Dc,"));
}

void TestSasl::oauthFailure_data()
{
    QTest::addColumn<QByteArray>("challenge");
    QTest::addColumn<bool>("parsed");
    QTest::addColumn<bool>("rejected");
    QTest::newRow("google-400") << QByteArray(R"({"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"})").toBase64() << true << true;
    QTest::newRow("rfc7628-invalid-token") << QByteArray(R"({"status":"invalid_token","scope":"example_scope"})").toBase64() << true << true;
    QTest::newRow("numeric-401") << QByteArray(R"({"status":401})").toBase64() << true << true;
    QTest::newRow("other-status") << QByteArray(R"({"status":"insufficient_scope"})").toBase64() << true << false;
    QTest::newRow("not-base64") << QByteArray("!!!") << false << false;
    QTest::newRow("not-json") << QByteArray("hello").toBase64() << false << false;
    QTest::newRow("empty") << QByteArray() << false << false;
}

void TestSasl::oauthFailure()
{
    QFETCH(QByteArray, challenge);
    QFETCH(bool, parsed);
    QFETCH(bool, rejected);
    const auto f = parseOAuthFailure(challenge);
    QCOMPARE(f.has_value(), parsed);
    if (f)
        QCOMPARE(f->tokenRejected(), rejected);
}

void TestSasl::choose_data()
{
    QTest::addColumn<QList<QByteArray>>("offered");
    QTest::addColumn<bool>("oauth");
    QTest::addColumn<int>("expected"); // -1: none
    using L = QList<QByteArray>;
    QTest::newRow("microsoft-oauth") << L{"LOGIN", "XOAUTH2"} << true << int(Mechanism::XOAuth2);
    QTest::newRow("dovecot-oauth") << L{"PLAIN", "LOGIN", "OAUTHBEARER", "XOAUTH2"} << true << int(Mechanism::XOAuth2);
    QTest::newRow("bearer-only") << L{"oauthbearer"} << true << int(Mechanism::OAuthBearer);
    QTest::newRow("oauth-none") << L{"PLAIN", "LOGIN"} << true << -1;
    QTest::newRow("password-plain") << L{"LOGIN", "PLAIN", "XOAUTH2"} << false << int(Mechanism::Plain);
    QTest::newRow("password-login") << L{"LOGIN", "XOAUTH2"} << false << int(Mechanism::Login);
    QTest::newRow("password-none") << L{"XOAUTH2", "GSSAPI"} << false << -1;
    QTest::newRow("nothing") << L{} << false << -1;
}

void TestSasl::choose()
{
    QFETCH(QList<QByteArray>, offered);
    QFETCH(bool, oauth);
    QFETCH(int, expected);
    const auto m = chooseMechanism(offered, oauth);
    QCOMPARE(m ? int(*m) : -1, expected);
}

void TestSasl::redact_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("auth-initial") << QByteArray("AUTH XOAUTH2 dXNlcj1...\r\n") << QByteArray("AUTH XOAUTH2 <redacted>");
    QTest::newRow("auth-plain-initial") << QByteArray("AUTH PLAIN AGFubmEAc2VjcmV0") << QByteArray("AUTH PLAIN <redacted>");
    QTest::newRow("auth-bare") << QByteArray("AUTH XOAUTH2\r\n") << QByteArray("AUTH XOAUTH2");
    QTest::newRow("pass") << QByteArray("PASS hunter2\r\n") << QByteArray("PASS <redacted>");
    QTest::newRow("continuation") << QByteArray("dXNlcj1hbm5hAWF1dGg9QmVhcmVy\r\n") << QByteArray("<redacted>");
}

void TestSasl::redact()
{
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, expected);
    QCOMPARE(redactAuthCommand(line), expected);
}

QTEST_GUILESS_MAIN(TestSasl)
#include "tst_sasl.moc"
