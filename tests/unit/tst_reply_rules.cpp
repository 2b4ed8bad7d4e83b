// mime::ReplyRules without a window: what Antworten, Allen antworten and Weiterleiten make of a
// message (recipients, subjects, quote, thread headers) and where the signature goes when the
// sender changes. Table-driven; the composer only shows these.
// The tables read best with plain literals (the project builds with QT_NO_CAST_FROM_ASCII).
#undef QT_NO_CAST_FROM_ASCII
#include "mime/ReplyRules.h"

#include <QTest>

using namespace kurier;
using mime::MailAddress;
using mime::ReplyRules;

namespace {

MailAddress addr(const char *name, const char *address)
{
    return {QString::fromUtf8(name), QString::fromLatin1(address)};
}

QStringList addresses(const QList<MailAddress> &list)
{
    QStringList out;
    for (const MailAddress &a : list)
        out << a.address;
    return out;
}

} // namespace

class TestReplyRules : public QObject
{
    Q_OBJECT
private slots:
    void subjects_data();
    void subjects();
    void recipients_data();
    void recipients();
    void quote_data();
    void quote();
    void threadHeaders();
    void answerAndForward();
    void signatureBlock_data();
    void signatureBlock();
    void signatureRange_data();
    void signatureRange();
    void addressList_data();
    void addressList();
};

void TestReplyRules::subjects_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("reply");
    QTest::addColumn<QString>("forward");
    QTest::newRow("plain") << "Angebot" << "Re: Angebot" << "Fwd: Angebot";
    QTest::newRow("already a reply") << "Re: Angebot" << "Re: Angebot" << "Fwd: Re: Angebot";
    QTest::newRow("any case") << "RE: Angebot" << "RE: Angebot" << "Fwd: RE: Angebot";
    QTest::newRow("already forwarded") << "fwd: Angebot" << "Re: fwd: Angebot" << "fwd: Angebot";
    QTest::newRow("empty") << "" << "Re: " << "Fwd: ";
}

void TestReplyRules::subjects()
{
    QFETCH(QString, subject);
    QFETCH(QString, reply);
    QFETCH(QString, forward);
    QCOMPARE(ReplyRules::replySubject(subject), reply);
    QCOMPARE(ReplyRules::forwardSubject(subject), forward);
}

void TestReplyRules::recipients_data()
{
    QTest::addColumn<QList<MailAddress>>("replyTo");
    QTest::addColumn<QList<MailAddress>>("to");
    QTest::addColumn<QList<MailAddress>>("cc");
    QTest::addColumn<QStringList>("reply");
    QTest::addColumn<QStringList>("replyAllCc");
    const MailAddress me = addr("Ich", "me@example.org");
    const MailAddress bob = addr("Bob", "bob@example.net");
    const MailAddress list = addr("", "list@example.com");
    QTest::newRow("from, nobody else") << QList<MailAddress>{} << QList<MailAddress>{me} << QList<MailAddress>{}
                                       << QStringList{"anna@example.org"} << QStringList{};
    QTest::newRow("others in to and cc, own address left out")
        << QList<MailAddress>{} << QList<MailAddress>{me, bob} << QList<MailAddress>{list}
        << QStringList{"anna@example.org"} << QStringList{"bob@example.net", "list@example.com"};
    QTest::newRow("own address in another case") << QList<MailAddress>{} << QList<MailAddress>{addr("", "ME@Example.org"), bob}
                                                 << QList<MailAddress>{} << QStringList{"anna@example.org"}
                                                 << QStringList{"bob@example.net"};
    QTest::newRow("reply-to wins, not repeated in cc")
        << QList<MailAddress>{list} << QList<MailAddress>{list, bob} << QList<MailAddress>{}
        << QStringList{"list@example.com"} << QStringList{"bob@example.net"};
    QTest::newRow("sender in cc too: once") << QList<MailAddress>{} << QList<MailAddress>{bob}
                                            << QList<MailAddress>{addr("Anna", "Anna@example.org"), bob}
                                            << QStringList{"anna@example.org"} << QStringList{"bob@example.net"};
}

void TestReplyRules::recipients()
{
    QFETCH(QList<MailAddress>, replyTo);
    QFETCH(QList<MailAddress>, to);
    QFETCH(QList<MailAddress>, cc);
    QFETCH(QStringList, reply);
    QFETCH(QStringList, replyAllCc);
    mime::ParsedMessage m;
    m.from = addr("Anna", "anna@example.org");
    m.replyTo = replyTo;
    m.to = to;
    m.cc = cc;
    QCOMPARE(addresses(ReplyRules::replyRecipients(m)), reply);
    QCOMPARE(addresses(ReplyRules::replyAllCc(m, QStringLiteral("me@example.org"))), replyAllCc);
}

void TestReplyRules::quote_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("lines") << "Hallo\nwie geht's?" << "> Hallo\n> wie geht's?";
    QTest::newRow("quoted before: no space") << "> alt\nneu" << ">> alt\n> neu";
    QTest::newRow("signature cut (RFC 3676 §4.3)") << "Text\n-- \nAnna\nTel. 1" << "> Text";
    QTest::newRow("the last signature line counts") << "a\n-- \nb\n-- \nc" << "> a\n> -- \n> b";
    QTest::newRow("only a signature") << "-- \nAnna" << "> ";
    QTest::newRow("\"--\" without the space is text") << "a\n--\nb" << "> a\n> --\n> b";
    QTest::newRow("trailing empty lines dropped") << "a\n\n\n" << "> a";
    QTest::newRow("CRLF") << "a\r\nb\r\n" << "> a\n> b";
}

void TestReplyRules::quote()
{
    QFETCH(QString, text);
    QFETCH(QString, quoted);
    QCOMPARE(ReplyRules::quote(text), quoted);
}

void TestReplyRules::threadHeaders()
{
    mime::ParsedMessage m;
    m.messageId = QStringLiteral("c@x");
    m.references = {QStringLiteral("a@x"), QStringLiteral("b@x")};
    QCOMPARE(ReplyRules::references(m), (QStringList{"a@x", "b@x", "c@x"}));
    m.references << QStringLiteral("c@x"); // not twice
    QCOMPARE(ReplyRules::references(m), (QStringList{"a@x", "b@x", "c@x"}));
    m.messageId.clear();
    m.references.clear();
    QVERIFY(ReplyRules::references(m).isEmpty());
}

void TestReplyRules::answerAndForward()
{
    mime::ParsedMessage m;
    m.from = addr("Anna", "anna@example.org");
    m.to = {addr("", "me@example.org"), addr("Bob", "bob@example.net")};
    m.subject = QStringLiteral("Termin");
    m.messageId = QStringLiteral("id@x");
    m.text = QStringLiteral("Morgen?\n-- \nAnna");
    m.date = QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC);
    m.attachments.append({QStringLiteral("plan.pdf"), QStringLiteral("application/pdf"), {}, false, "%PDF"});

    QString below;
    mime::Draft reply = ReplyRules::answer(ReplyRules::Mode::ReplyAll, m, QStringLiteral("me@example.org"), m.text, &below);
    QCOMPARE(addresses(reply.to), QStringList{"anna@example.org"});
    QCOMPARE(addresses(reply.cc), QStringList{"bob@example.net"});
    QCOMPARE(reply.subject, QStringLiteral("Re: Termin"));
    QCOMPARE(reply.inReplyTo, QStringLiteral("id@x"));
    QCOMPARE(reply.references, QStringList{"id@x"});
    QVERIFY(reply.attachments.isEmpty()); // an answer does not send the attachments back
    QCOMPARE(below, QStringLiteral("\n\nAnna <anna@example.org> wrote:\n> Morgen?"));

    mime::Draft plain = ReplyRules::answer(ReplyRules::Mode::Reply, m, QStringLiteral("me@example.org"), m.text, nullptr);
    QVERIFY(plain.cc.isEmpty());

    mime::Draft forward = ReplyRules::answer(ReplyRules::Mode::Forward, m, QStringLiteral("me@example.org"), m.text, &below);
    QVERIFY(forward.to.isEmpty());
    QCOMPARE(forward.subject, QStringLiteral("Fwd: Termin"));
    QVERIFY(forward.inReplyTo.isEmpty());
    QCOMPARE(forward.attachments.size(), 1);
    QCOMPARE(forward.attachments.first().fileName, QStringLiteral("plan.pdf"));
    QCOMPARE(forward.attachments.first().data, QByteArray("%PDF"));
    QVERIFY(below.startsWith(QStringLiteral("\n\n-------- Forwarded Message --------\nFrom: Anna <anna@example.org>\nSubject: Termin\nDate: ")));
    QVERIFY(below.endsWith(QStringLiteral("\n\nMorgen?\n-- \nAnna"))); // forwarded whole, signature included
}

void TestReplyRules::signatureBlock_data()
{
    QTest::addColumn<QString>("signature");
    QTest::addColumn<QString>("block");
    QTest::newRow("one line") << "Anna" << "\n\n-- \nAnna";
    QTest::newRow("CRLF and CR normalised") << "Anna\r\nTel. 1\r" << "\n\n-- \nAnna\nTel. 1";
    QTest::newRow("empty") << "" << "";
    QTest::newRow("only whitespace") << " \n\t" << "";
}

void TestReplyRules::signatureBlock()
{
    QFETCH(QString, signature);
    QFETCH(QString, block);
    QCOMPARE(ReplyRules::signatureBlock(signature), block);
}

void TestReplyRules::signatureRange_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("quotedPart");
    QTest::addColumn<QString>("oldBlock");
    QTest::addColumn<int>("at"); // -1: left alone
    QTest::addColumn<int>("length");
    const QString sig = QStringLiteral("\n\n-- \nAnna");
    const QString quote = QStringLiteral("\n\nBob wrote:\n> Hi\n> -- \n> Anna");
    QTest::newRow("new message") << "Hallo" + sig << "" << sig << 5 << int(sig.size());
    QTest::newRow("no signature yet: at the end of one's text") << "Hallo" << "" << "" << 5 << 0;
    QTest::newRow("above the quote, not the quoted one") << "Hallo" + sig + quote << quote << sig << 5 << int(sig.size());
    QTest::newRow("none yet, above the quote") << "Hallo" + quote << quote << "" << 5 << 0;
    QTest::newRow("changed by the user") << "Hallo" + sig + " (mobil)" << "" << sig << -1 << 0;
    QTest::newRow("removed by the user") << "Hallo" << "" << sig << -1 << 0;
    QTest::newRow("text after it on a new line stays") << "Hallo" + sig + "\nPS" << "" << sig << 5 << int(sig.size());
}

void TestReplyRules::signatureRange()
{
    QFETCH(QString, text);
    QFETCH(QString, quotedPart);
    QFETCH(QString, oldBlock);
    QFETCH(int, at);
    QFETCH(int, length);
    const auto range = ReplyRules::signatureRange(text, quotedPart, oldBlock);
    if (at < 0) {
        QVERIFY(!range);
        return;
    }
    QVERIFY(range);
    QCOMPARE(int(range->at), at);
    QCOMPARE(int(range->length), length);
}

void TestReplyRules::addressList_data()
{
    QTest::addColumn<QList<MailAddress>>("list");
    QTest::addColumn<QString>("text");
    QTest::newRow("names and bare addresses") << QList<MailAddress>{addr("Anna", "a@x.org"), addr("", "b@x.org")}
                                              << "Anna <a@x.org>, b@x.org";
    QTest::newRow("comma in the name is quoted") << QList<MailAddress>{addr("Desk, Front", "d@x.org")} << "\"Desk, Front\" <d@x.org>";
    QTest::newRow("quote and backslash escaped") << QList<MailAddress>{addr("A \"B\" \\ C.", "c@x.org")}
                                                 << "\"A \\\"B\\\" \\\\ C.\" <c@x.org>";
    QTest::newRow("umlauts need no quotes") << QList<MailAddress>{addr("Jürgen Größe", "j@x.org")} << "Jürgen Größe <j@x.org>";
    QTest::newRow("empty") << QList<MailAddress>{} << "";
}

void TestReplyRules::addressList()
{
    QFETCH(QList<MailAddress>, list);
    QFETCH(QString, text);
    QCOMPARE(ReplyRules::addressList(list), text);
}

QTEST_GUILESS_MAIN(TestReplyRules)
#include "tst_reply_rules.moc"
