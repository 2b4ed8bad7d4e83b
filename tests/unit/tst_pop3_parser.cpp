// Pop3Parser and Pop3Reply: table-driven, every case also fed split at every byte boundary and
// byte by byte (RFC 1939 §3 multi-line replies, RFC 2449 §8 response codes, RFC 5034 §4 "+ ").
#include "pop3/Pop3Capabilities.h"
#include "pop3/Pop3Parser.h"

#include <QTest>

using namespace kurier::pop3;
using Expect = Pop3Parser::Expect;

namespace {

// Events as text, adjacent Data merged (chunking depends on how the bytes arrive):
//   "+OK[CODE]text" / "-ERR[CODE]text" / "+ text" · "D:<data>" · "." · "X"(error)
QStringList render(const QList<Pop3Parser::Event> &events)
{
    QStringList out;
    for (const auto &e : events) {
        switch (e.type) {
        case Pop3Parser::Event::Type::Reply: {
            const Pop3Reply &r = e.reply;
            QString s = r.isOk() ? QStringLiteral("+OK") : r.isErr() ? QStringLiteral("-ERR") : QStringLiteral("+ ");
            if (!r.code().isEmpty())
                s += u'[' + QString::fromLatin1(r.code()) + u']';
            s += QString::fromLatin1(r.text());
            out << s;
            break;
        }
        case Pop3Parser::Event::Type::Data:
            if (!out.isEmpty() && out.last().startsWith(u"D:"))
                out.last() += QString::fromLatin1(e.data);
            else
                out << u"D:"_qs + QString::fromLatin1(e.data);
            break;
        case Pop3Parser::Event::Type::End:
            out << QStringLiteral(".");
            break;
        case Pop3Parser::Event::Type::Error:
            out << QStringLiteral("X");
            break;
        }
    }
    return out;
}

QList<Expect> expectations(const QString &spec)
{
    QList<Expect> list;
    for (QChar c : spec)
        list << (c == u'M' ? Expect::MultiLine : c == u'A' ? Expect::Auth : Expect::SingleLine);
    return list;
}

QStringList parseInPieces(const QByteArray &input, const QList<Expect> &expects, const QList<qsizetype> &cuts,
                          qsizetype maxLine = Pop3Parser::DefaultMaxLineLength)
{
    Pop3Parser parser;
    parser.setMaxLineLength(maxLine);
    for (Expect e : expects)
        parser.expect(e);
    QList<Pop3Parser::Event> events;
    qsizetype from = 0;
    for (qsizetype cut : cuts) {
        parser.feed(QByteArrayView(input).sliced(from, cut - from));
        events += parser.takeEvents();
        from = cut;
    }
    parser.feed(QByteArrayView(input).sliced(from));
    events += parser.takeEvents();
    return render(events);
}

} // namespace

class TestPop3Parser : public QObject
{
    Q_OBJECT
private slots:
    void replies_data();
    void replies();
    void splitAtEveryByte_data() { replies_data(); }
    void splitAtEveryByte();
    void byteByByte_data() { replies_data(); }
    void byteByByte();
    void longLine();
    void resetDropsBufferedBytes();
    void reply_data();
    void reply();
    void capabilities();
};

void TestPop3Parser::replies_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expects");
    QTest::addColumn<QStringList>("events");

    QTest::newRow("greeting") << QByteArray("+OK Dovecot (Debian) ready.\r\n") << u"S"_qs
                              << QStringList{u"+OKDovecot (Debian) ready."_qs};
    QTest::newRow("bare +OK") << QByteArray("+OK\r\n") << u"S"_qs << QStringList{u"+OK"_qs};
    QTest::newRow("err with code") << QByteArray("-ERR [IN-USE] Mailbox locked\r\n") << u"S"_qs
                                   << QStringList{u"-ERR[IN-USE]Mailbox locked"_qs};
    QTest::newRow("sys/temp") << QByteArray("-ERR [SYS/TEMP] try later\r\n") << u"S"_qs
                              << QStringList{u"-ERR[SYS/TEMP]try later"_qs};
    QTest::newRow("login-delay") << QByteArray("-ERR [LOGIN-DELAY] wait\r\n") << u"S"_qs
                                 << QStringList{u"-ERR[LOGIN-DELAY]wait"_qs};
    QTest::newRow("microsoft") << QByteArray("-ERR Authentication failure: unknown user name or bad password.\r\n")
                               << u"A"_qs << QStringList{u"-ERRAuthentication failure: unknown user name or bad password."_qs};
    QTest::newRow("multi-line") << QByteArray("+OK 2 messages\r\n1 120\r\n2 200\r\n.\r\n") << u"M"_qs
                                << QStringList{u"+OK2 messages"_qs, u"D:1 120\n2 200\n"_qs, u"."_qs};
    QTest::newRow("multi-line -ERR has no body")
        << QByteArray("-ERR no such message\r\n+OK\r\n") << u"MS"_qs << QStringList{u"-ERRno such message"_qs, u"+OK"_qs};
    QTest::newRow("empty body") << QByteArray("+OK\r\n.\r\n") << u"M"_qs << QStringList{u"+OK"_qs, u"."_qs};
    QTest::newRow("dot-stuffing") << QByteArray("+OK\r\n..\r\n...x\r\n.a\r\nb.\r\n.\r\n") << u"M"_qs
                                  << QStringList{u"+OK"_qs, u"D:.\n..x\na\nb.\n"_qs, u"."_qs};
    QTest::newRow("lone dot inside body (stuffed)") << QByteArray("+OK\r\nline\r\n..\r\nmore\r\n.\r\n") << u"M"_qs
                                                    << QStringList{u"+OK"_qs, u"D:line\n.\nmore\n"_qs, u"."_qs};
    QTest::newRow("bare LF") << QByteArray("+OK\na\nb\r\n.\n") << u"M"_qs
                             << QStringList{u"+OK"_qs, u"D:a\nb\n"_qs, u"."_qs};
    QTest::newRow("CR inside line kept") << QByteArray("+OK\r\na\rb\r\n\r\n.\r\n") << u"M"_qs
                                         << QStringList{u"+OK"_qs, u"D:a\rb\n\n"_qs, u"."_qs};
    QTest::newRow("empty lines") << QByteArray("+OK\r\n\r\n\r\n.\r\n") << u"M"_qs
                                 << QStringList{u"+OK"_qs, u"D:\n\n"_qs, u"."_qs};
    QTest::newRow("pipelined") << QByteArray("+OK 1 octets\r\nX\r\n.\r\n+OK\r\n.\r\n+OK deleted\r\n") << u"MMS"_qs
                               << QStringList{u"+OK1 octets"_qs, u"D:X\n"_qs, u"."_qs, u"+OK"_qs, u"."_qs, u"+OKdeleted"_qs};
    QTest::newRow("body looks like a reply") << QByteArray("+OK\r\n+OK fake\r\n-ERR fake\r\n.\r\n") << u"M"_qs
                                             << QStringList{u"+OK"_qs, u"D:+OK fake\n-ERR fake\n"_qs, u"."_qs};
    QTest::newRow("sasl continuation") << QByteArray("+ \r\n+ eyJzdGF0dXMiOiI0MDEifQ==\r\n-ERR [AUTH] failed\r\n")
                                       << u"A"_qs
                                       << QStringList{u"+ "_qs, u"+ eyJzdGF0dXMiOiI0MDEifQ=="_qs, u"-ERR[AUTH]failed"_qs};
    QTest::newRow("bare + continuation") << QByteArray("+\r\n+OK Logged in.\r\n") << u"A"_qs
                                         << QStringList{u"+ "_qs, u"+OKLogged in."_qs};
    QTest::newRow("continuation outside AUTH") << QByteArray("+ hello\r\n") << u"S"_qs << QStringList{u"X"_qs};
    QTest::newRow("garbage") << QByteArray("HTTP/1.1 400 Bad Request\r\n") << u"S"_qs << QStringList{u"X"_qs};
    QTest::newRow("+OKAY is not +OK") << QByteArray("+OKAY\r\n") << u"S"_qs << QStringList{u"X"_qs};
    QTest::newRow("unsolicited") << QByteArray("+OK\r\n+OK again\r\n") << u"S"_qs << QStringList{u"+OK"_qs, u"X"_qs};
    QTest::newRow("partial line waits") << QByteArray("+OK\r\nabc") << u"M"_qs << QStringList{u"+OK"_qs};
    QTest::newRow("stops after error") << QByteArray("junk\r\n+OK\r\n") << u"SS"_qs << QStringList{u"X"_qs};
}

void TestPop3Parser::replies()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expects);
    QFETCH(QStringList, events);
    QCOMPARE(parseInPieces(input, expectations(expects), {}), events);
}

void TestPop3Parser::splitAtEveryByte()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expects);
    QFETCH(QStringList, events);
    for (qsizetype cut = 0; cut <= input.size(); ++cut) {
        const QStringList got = parseInPieces(input, expectations(expects), {cut});
        if (got != events)
            QFAIL(qPrintable(QStringLiteral("split at %1: %2").arg(cut).arg(got.join(u" | "))));
    }
}

void TestPop3Parser::byteByByte()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expects);
    QFETCH(QStringList, events);
    QList<qsizetype> cuts;
    for (qsizetype i = 1; i < input.size(); ++i)
        cuts << i;
    QCOMPARE(parseInPieces(input, expectations(expects), cuts), events);
}

void TestPop3Parser::longLine()
{
    const QByteArray longBody = "+OK\r\n" + QByteArray(100, 'x') + "\r\n.\r\n";
    QCOMPARE(parseInPieces(longBody, {Expect::MultiLine}, {}, 100),
             (QStringList{u"+OK"_qs, u"D:"_qs + QString(100, u'x') + u'\n', u"."_qs}));
    QCOMPARE(parseInPieces("+OK\r\n" + QByteArray(101, 'x') + "\r\n.\r\n", {Expect::MultiLine}, {}, 100),
             (QStringList{u"+OK"_qs, u"X"_qs}));
    // Without a line end the parser gives up as soon as the limit is passed, not at the end.
    QCOMPARE(parseInPieces("+OK\r\n" + QByteArray(150, 'x'), {Expect::MultiLine}, {10, 60, 120}, 100),
             (QStringList{u"+OK"_qs, u"X"_qs}));
    QCOMPARE(parseInPieces(QByteArray(200, '+'), {Expect::SingleLine}, {}, 100), QStringList{u"X"_qs});
}

void TestPop3Parser::resetDropsBufferedBytes()
{
    // STLS: "+OK" and a line injected after it arrive together; after reset() only what comes
    // through TLS counts (RFC 2595 §4).
    Pop3Parser parser;
    parser.expect(Expect::SingleLine);
    parser.feed("+OK Begin TLS\r\n-ERR inj");
    QCOMPARE(render(parser.takeEvents()), QStringList{u"+OKBegin TLS"_qs});
    QCOMPARE(parser.pendingExpectations(), 0);
    parser.reset();
    QCOMPARE(parser.bufferedBytes(), 0);
    parser.expect(Expect::MultiLine);
    parser.feed("+OK\r\nSTLS\r\n.\r\n");
    QCOMPARE(render(parser.takeEvents()), (QStringList{u"+OK"_qs, u"D:STLS\n"_qs, u"."_qs}));
}

void TestPop3Parser::reply_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("ok") << QByteArray("+OK hi") << true << QByteArray() << QByteArray("hi");
    QTest::newRow("lower-case code") << QByteArray("-ERR [in-use] x") << true << QByteArray("IN-USE") << QByteArray("x");
    QTest::newRow("auth code") << QByteArray("-ERR [AUTH] Authentication failed.") << true << QByteArray("AUTH")
                               << QByteArray("Authentication failed.");
    QTest::newRow("unclosed bracket") << QByteArray("-ERR [oops") << true << QByteArray() << QByteArray("[oops");
    QTest::newRow("-ERRx") << QByteArray("-ERRx") << false << QByteArray() << QByteArray();
    QTest::newRow("empty") << QByteArray() << false << QByteArray() << QByteArray();
}

void TestPop3Parser::reply()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, valid);
    QFETCH(QByteArray, code);
    QFETCH(QByteArray, text);
    bool ok = false;
    const Pop3Reply r = Pop3Reply::parse(line, false, &ok);
    QCOMPARE(ok, valid);
    if (valid) {
        QCOMPARE(r.code(), code);
        QCOMPARE(r.text(), text);
    }
}

void TestPop3Parser::capabilities()
{
    // Dovecot after STLS (tests/servers/README.md "Facts").
    const auto caps = Pop3Capabilities::parse("TOP\nUIDL\nRESP-CODES\nPIPELINING\nAUTH-RESP-CODE\nUSER\n"
                                              "SASL PLAIN LOGIN XOAUTH2 OAUTHBEARER\n");
    QVERIFY(caps.known && caps.top && caps.uidl && caps.pipelining && caps.user && caps.respCodes && caps.authRespCode);
    QVERIFY(!caps.stls);
    QCOMPARE(caps.saslMechanisms, (QList<QByteArray>{"PLAIN", "LOGIN", "XOAUTH2", "OAUTHBEARER"}));
    const auto before = Pop3Capabilities::parse("TOP\nUIDL\nSTLS\nSASL\nEXPIRE NEVER\nLOGIN-DELAY 900\n");
    QVERIFY(before.stls);
    QVERIFY(before.saslMechanisms.isEmpty());
    QCOMPARE(before.expireDays, -1);
    QCOMPARE(before.loginDelaySeconds, 900);
}

QTEST_GUILESS_MAIN(TestPop3Parser)
#include "tst_pop3_parser.moc"
