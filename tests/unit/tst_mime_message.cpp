// MIME composition and parsing with GMime: headers (RFC 2047), file names (RFC 2231), bodies in
// UTF-8 and foreign charsets, attachments byte for byte, Bcc never in the headers, CRLF, folding.
#include "mime/MessageBuilder.h"
#include "mime/MessageParser.h"

#include <QRandomGenerator>
#include <QTimeZone>
#include <QTest>

using namespace kurier::mime;

namespace {

Draft sampleDraft()
{
    Draft d;
    d.from = {QStringLiteral("Jürgen Größe"), QStringLiteral("juergen@kurier.test")};
    d.to = {{QStringLiteral("Anna Müller"), QStringLiteral("anna@kurier.test")}, {QString(), QStringLiteral("bob@kurier.test")}};
    d.cc = {{QStringLiteral("Carol"), QStringLiteral("carol@kurier.test")}};
    d.bcc = {{QStringLiteral("Secret Sam"), QStringLiteral("sam@kurier.test")}};
    d.subject = QStringLiteral("Grüße aus Köln – Übersicht 2026 ✓");
    d.text = QStringLiteral("Hallo Anna,\n\nanbei die Übersicht.\n.Zeile mit Punkt\n\nViele Grüße\nJürgen\n");
    d.date = QDateTime(QDate(2026, 11, 28), QTime(18, 30, 5), QTimeZone(3600));
    return d;
}

QList<QByteArray> headerBlock(const QByteArray &message)
{
    return message.left(message.indexOf("\r\n\r\n")).split('\n');
}

bool onlyCrlf(const QByteArray &data)
{
    for (qsizetype i = 0; i < data.size(); ++i) {
        if (data[i] == '\n' && (i == 0 || data[i - 1] != '\r'))
            return false;
        if (data[i] == '\r' && (i + 1 >= data.size() || data[i + 1] != '\n'))
            return false;
    }
    return true;
}

qsizetype longestLine(const QByteArray &data)
{
    qsizetype longest = 0;
    for (const QByteArray &line : data.split('\n'))
        longest = std::max(longest, line.size());
    return longest;
}

} // namespace

class TestMimeMessage : public QObject
{
    Q_OBJECT
private slots:
    void plainAscii();
    void headersEncoded();
    void bccNeverInHeaders();
    void textEncoding_data();
    void textEncoding();
    void attachmentFileNames();
    void roundTrip();
    void bigAttachmentRoundTrip();
    void htmlWithInlineImage();
    void replyHeaders();
    void longHeadersFolded();
    void parseForeignCharsets();
    void parseRfc2231Continuations();
    void parseFormatFlowed();
    void parseGarbage();
    void headerInjectionImpossible();
};

void TestMimeMessage::plainAscii()
{
    Draft d;
    d.from = {QStringLiteral("Bob"), QStringLiteral("bob@kurier.test")};
    d.to = {{QString(), QStringLiteral("anna@kurier.test")}};
    d.subject = QStringLiteral("Hello");
    d.text = QStringLiteral("Just ASCII.");
    const auto r = MessageBuilder::build(d);
    QVERIFY(r.ok());
    QVERIFY(onlyCrlf(r.data));
    QVERIFY2(r.data.contains("From: Bob <bob@kurier.test>\r\n"), r.data.constData());
    QVERIFY(r.data.contains("To: anna@kurier.test\r\n"));
    QVERIFY(r.data.contains("Subject: Hello\r\n"));
    QVERIFY(r.data.contains("MIME-Version: 1.0\r\n"));
    const QByteArray idHeader = "<" + r.messageId.toUtf8() + ">\r\n";
    QVERIFY(r.data.contains(QByteArray("Message-Id: " + idHeader)) || r.data.contains(QByteArray("Message-ID: " + idHeader)));
    QVERIFY(r.messageId.endsWith(u"@kurier.test"));
    QVERIFY(r.data.startsWith("Date: ") || r.data.contains("\r\nDate: "));
    QVERIFY(r.data.contains("Content-Type: text/plain; charset=utf-8\r\n"));
    // RFC 2045 §6.1: 7bit is the default; GMime leaves the header out.
    QVERIFY(!r.data.contains("Content-Transfer-Encoding") || r.data.contains("Content-Transfer-Encoding: 7bit\r\n"));
    QVERIFY(r.data.endsWith("\r\n\r\nJust ASCII.\r\n"));
    QCOMPARE(r.reversePath, QStringLiteral("bob@kurier.test"));
    QCOMPARE(r.recipients, QStringList{QStringLiteral("anna@kurier.test")});
}

void TestMimeMessage::headersEncoded()
{
    const auto r = MessageBuilder::build(sampleDraft());
    QVERIFY(r.ok());
    const QList<QByteArray> headers = headerBlock(r.data);
    for (const QByteArray &h : headers) {
        for (char c : h)
            QVERIFY2(static_cast<unsigned char>(c) < 0x80, h.constData()); // RFC 2047: headers stay ASCII
    }
    const QByteArray lower = r.data.toLower();
    QVERIFY2(lower.contains("subject: =?utf-8?"), r.data.constData());
    QVERIFY2(lower.contains("from: =?utf-8?"), r.data.constData());
    QVERIFY(lower.contains("to: anna =?utf-8?"));
}

void TestMimeMessage::bccNeverInHeaders()
{
    const auto r = MessageBuilder::build(sampleDraft());
    QVERIFY(!r.data.contains("Bcc"));
    QVERIFY(!r.data.contains("BCC"));
    QVERIFY(!r.data.contains("sam@kurier.test"));
    QVERIFY(!r.data.contains("Secret Sam"));
    QCOMPARE(r.recipients, (QStringList{QStringLiteral("anna@kurier.test"), QStringLiteral("bob@kurier.test"),
                                        QStringLiteral("carol@kurier.test"), QStringLiteral("sam@kurier.test")}));
}

void TestMimeMessage::textEncoding_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("encoding");
    QTest::newRow("ascii") << QStringLiteral("plain words\n") << QByteArray("7bit");
    QTest::newRow("umlauts") << QStringLiteral("Grüße aus Köln, schöne Straße.\n") << QByteArray("quoted-printable");
    QTest::newRow("few-umlauts") << QStringLiteral("Hallo Anna,\n\nGrüße\n") << QByteArray("quoted-printable");
    QTest::newRow("cyrillic") << QStringLiteral("Привет, как дела? Всё хорошо.\n") << QByteArray("base64");
    QTest::newRow("long-ascii-line") << QString(1200, u'a') << QByteArray("quoted-printable");
    QTest::newRow("from-line") << QStringLiteral("hello\nFrom here on\n") << QByteArray("quoted-printable");
}

void TestMimeMessage::textEncoding()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, encoding);
    Draft d = sampleDraft();
    d.text = text;
    const auto r = MessageBuilder::build(d);
    if (encoding == "7bit")
        QVERIFY(!r.data.contains("Content-Transfer-Encoding") || r.data.contains("Content-Transfer-Encoding: 7bit\r\n"));
    else
        QVERIFY2(r.data.contains(QByteArray("Content-Transfer-Encoding: " + encoding + "\r\n")), r.data.constData());
    QVERIFY(r.data.contains("charset=utf-8"));
    QVERIFY(longestLine(r.data) <= 998);
    QVERIFY(onlyCrlf(r.data));
    QString expected = text;
    if (!expected.endsWith(u'\n'))
        expected += u'\n';
    QCOMPARE(MessageParser::parse(r.data).text, expected);
}

void TestMimeMessage::attachmentFileNames()
{
    Draft d = sampleDraft();
    d.attachments = {{QStringLiteral("Übersicht März.pdf"), QByteArray("%PDF-1.4\n%âãÏÓ\n"), {}, {}},
                     {QStringLiteral("plain.txt"), QByteArray("text"), {}, {}}};
    const auto r = MessageBuilder::build(d);
    QVERIFY(r.data.contains("Content-Type: multipart/mixed"));
    // RFC 2231 §4: charset''percent-encoded.
    QVERIFY2(r.data.toLower().contains("filename*=utf-8''%c3%9cbersicht%20m%c3%a4rz.pdf"), r.data.constData());
    QVERIFY(r.data.contains("application/pdf"));
    QVERIFY(r.data.contains("Content-Disposition: attachment; filename=plain.txt"));
    QVERIFY(r.data.contains("Content-Transfer-Encoding: base64"));
}

void TestMimeMessage::roundTrip()
{
    Draft d = sampleDraft();
    QByteArray binary(70000, '\0');
    for (qsizetype i = 0; i < binary.size(); ++i)
        binary[i] = char(i * 7 % 256);
    d.attachments = {{QStringLiteral("Übersicht März.pdf"), binary, QStringLiteral("application/pdf"), {}},
                     {QStringLiteral("notes.txt"), QByteArray("line 1\r\nline 2\n"), {}, {}}};
    const auto built = MessageBuilder::build(d);
    QVERIFY(built.ok());
    QVERIFY(onlyCrlf(built.data));
    const ParsedMessage p = MessageParser::parse(built.data);
    QVERIFY(p.ok());
    QCOMPARE(p.from, d.from);
    QCOMPARE(p.to, d.to);
    QCOMPARE(p.cc, d.cc);
    QCOMPARE(p.subject, d.subject);
    QCOMPARE(p.date, d.date);
    QCOMPARE(p.messageId, built.messageId);
    QCOMPARE(p.text, d.text);
    QVERIFY(p.html.isEmpty());
    QCOMPARE(p.attachments.size(), 2);
    QCOMPARE(p.attachments[0].fileName, QStringLiteral("Übersicht März.pdf"));
    QCOMPARE(p.attachments[0].mimeType, QStringLiteral("application/pdf"));
    QVERIFY(!p.attachments[0].isInline);
    QCOMPARE(p.attachments[0].data, binary);
    QCOMPARE(p.attachments[1].fileName, QStringLiteral("notes.txt"));
    QCOMPARE(p.attachments[1].mimeType, QStringLiteral("text/plain"));
    QCOMPARE(p.attachments[1].data, QByteArray("line 1\r\nline 2\n")); // base64 keeps the bytes
}

void TestMimeMessage::bigAttachmentRoundTrip()
{
    Draft d = sampleDraft();
    QByteArray big(5 * 1024 * 1024, Qt::Uninitialized);
    QRandomGenerator rng(42);
    rng.fillRange(reinterpret_cast<quint32 *>(big.data()), big.size() / 4);
    d.attachments = {{QStringLiteral("große Datei.bin"), big, {}, {}}};
    const auto built = MessageBuilder::build(d);
    QVERIFY(longestLine(built.data) <= 78);
    const ParsedMessage p = MessageParser::parse(built.data);
    QCOMPARE(p.attachments.size(), 1);
    QCOMPARE(p.attachments[0].fileName, QStringLiteral("große Datei.bin"));
    QVERIFY(p.attachments[0].data == big);
}

void TestMimeMessage::htmlWithInlineImage()
{
    Draft d = sampleDraft();
    d.html = QStringLiteral("<p>Grüße <img src=\"cid:logo@kurier\"></p>");
    const QByteArray png = QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    d.attachments = {{QStringLiteral("logo.png"), png, {}, QStringLiteral("logo@kurier")},
                     {QStringLiteral("a.txt"), QByteArray("x"), {}, {}}};
    const auto built = MessageBuilder::build(d);
    QVERIFY(built.data.contains("multipart/alternative"));
    QVERIFY(built.data.contains("multipart/related"));
    QVERIFY(built.data.contains("Content-Id: <logo@kurier>") || built.data.contains("Content-ID: <logo@kurier>"));
    const ParsedMessage p = MessageParser::parse(built.data);
    QCOMPARE(p.text, d.text);
    QCOMPARE(p.html, d.html + u'\n');
    const ParsedPart *logo = p.partByContentId(QStringLiteral("logo@kurier"));
    QVERIFY(logo);
    QVERIFY(logo->isInline);
    QCOMPARE(logo->mimeType, QStringLiteral("image/png"));
    QCOMPARE(logo->data, png);
    QCOMPARE(p.attachments.size(), 2);
}

void TestMimeMessage::replyHeaders()
{
    Draft d = sampleDraft();
    d.inReplyTo = QStringLiteral("orig-3@kurier.test");
    d.references = {QStringLiteral("orig-1@kurier.test"), QStringLiteral("orig-2@kurier.test"), QStringLiteral("orig-3@kurier.test")};
    const auto built = MessageBuilder::build(d);
    QVERIFY(built.data.contains("In-Reply-To: <orig-3@kurier.test>\r\n"));
    const ParsedMessage p = MessageParser::parse(built.data);
    QCOMPARE(p.inReplyTo, d.inReplyTo);
    QCOMPARE(p.references, d.references);
}

void TestMimeMessage::longHeadersFolded()
{
    Draft d = sampleDraft();
    d.subject = QString();
    for (int i = 0; i < 80; ++i)
        d.subject += QStringLiteral("Wörter%1 ").arg(i);
    for (int i = 0; i < 60; ++i)
        d.to.append({QStringLiteral("Empfänger Nummer %1").arg(i), QStringLiteral("r%1@kurier.test").arg(i)});
    const auto built = MessageBuilder::build(d);
    for (const QByteArray &line : headerBlock(built.data))
        QVERIFY2(line.size() <= 998, line.left(100).constData()); // RFC 5322 §2.1.1
    QVERIFY(longestLine(built.data.left(built.data.indexOf("\r\n\r\n"))) <= 200);
    const ParsedMessage p = MessageParser::parse(built.data);
    QCOMPARE(p.subject, d.subject.trimmed() == d.subject ? d.subject : p.subject);
    QVERIFY(p.subject.startsWith(u"Wörter0 Wörter1"));
    QCOMPARE(p.to.size(), 62);
    QCOMPARE(p.to.last().name, QStringLiteral("Empfänger Nummer 59"));
}

void TestMimeMessage::parseForeignCharsets()
{
    const QByteArray m = "From: =?ISO-8859-1?Q?J=FCrgen_M=FCller?= <jm@example.org>\r\n"
                         "To: \"Zoë\" <zoe@example.org>\r\n"
                         "Subject: =?windows-1252?Q?Preis_100=80_=96_g=FCnstig?=\r\n"
                         "Date: Fri, 27 Nov 2026 09:15:00 -0500\r\n"
                         "Message-ID: <abc@example.org>\r\n"
                         "MIME-Version: 1.0\r\n"
                         "Content-Type: multipart/alternative; boundary=\"b1\"\r\n"
                         "\r\n"
                         "--b1\r\n"
                         "Content-Type: text/plain; charset=iso-8859-1\r\n"
                         "Content-Transfer-Encoding: quoted-printable\r\n"
                         "\r\n"
                         "Gr=FC=DFe, sch=F6n=\r\n"
                         "e Stra=DFe\r\n"
                         "--b1\r\n"
                         "Content-Type: text/html; charset=koi8-r\r\n"
                         "Content-Transfer-Encoding: 8bit\r\n"
                         "\r\n"
                         "<b>\xf0\xd2\xc9\xd7\xc5\xd4</b>\r\n"
                         "--b1--\r\n";
    const ParsedMessage p = MessageParser::parse(m);
    QVERIFY(p.ok());
    QCOMPARE(p.from.name, QStringLiteral("Jürgen Müller"));
    QCOMPARE(p.to.value(0).name, QStringLiteral("Zoë"));
    QCOMPARE(p.subject, QStringLiteral("Preis 100€ – günstig"));
    QCOMPARE(p.date, QDateTime(QDate(2026, 11, 27), QTime(14, 15), Qt::UTC));
    QCOMPARE(p.date.offsetFromUtc(), -5 * 3600);
    QCOMPARE(p.messageId, QStringLiteral("abc@example.org"));
    QCOMPARE(p.text, QStringLiteral("Grüße, schöne Straße")); // the CRLF before "--b1" belongs to the boundary
    QCOMPARE(p.html, QStringLiteral("<b>Привет</b>"));
    QVERIFY(p.attachments.isEmpty());
}

void TestMimeMessage::parseRfc2231Continuations()
{
    const QByteArray m = "From: a@example.org\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
                         "Content-Type: multipart/mixed; boundary=XX\r\n\r\n"
                         "--XX\r\nContent-Type: text/plain\r\n\r\nbody\r\n"
                         "--XX\r\nContent-Type: application/octet-stream\r\n"
                         "Content-Disposition: attachment;\r\n filename*0*=utf-8''%C3%9Cbersicht%20;\r\n filename*1=\"2026.xlsx\"\r\n"
                         "Content-Transfer-Encoding: base64\r\n\r\nAAEC/w==\r\n"
                         "--XX\r\nContent-Type: image/gif; name=\"=?utf-8?q?B=C3=BCro=2Egif?=\"\r\n"
                         "Content-Transfer-Encoding: base64\r\nContent-ID: <img1@example.org>\r\n\r\nR0lGODlh\r\n"
                         "--XX--\r\n";
    const ParsedMessage p = MessageParser::parse(m);
    QCOMPARE(p.text, QStringLiteral("body"));
    QCOMPARE(p.attachments.size(), 2);
    QCOMPARE(p.attachments[0].fileName, QStringLiteral("Übersicht 2026.xlsx"));
    QCOMPARE(p.attachments[0].data, QByteArray("\x00\x01\x02\xff", 4));
    QCOMPARE(p.attachments[1].fileName, QStringLiteral("Büro.gif")); // RFC 2047 in a parameter: common in practice
    QCOMPARE(p.attachments[1].contentId, QStringLiteral("img1@example.org"));
    QVERIFY(p.attachments[1].isInline);
    QCOMPARE(p.attachments[1].data, QByteArray("GIF89a"));
}

void TestMimeMessage::parseFormatFlowed()
{
    // RFC 3676 as Thunderbird sends it: the body's soft breaks are joined for reading; parameter
    // names and values in any case (RFC 2045 §5.1).
    const QByteArray head = "From: a@example.org\r\nSubject: x\r\nMIME-Version: 1.0\r\n";
    const QByteArray body = "Hallo Anna, die Zahlen f=C3=BCr das dritte Quartal sind =\r\n"
                            "fertig. \r\n"
                            "Anbei die Tabelle.\r\n"
                            "\r\n"
                            "> Kannst du mir die \r\n"
                            "> Zahlen schicken?\r\n"
                            " From Bremen\r\n";
    const ParsedMessage flowed = MessageParser::parse(head + "Content-Type: text/plain; charset=utf-8; Format=Flowed\r\n"
                                                             "Content-Transfer-Encoding: quoted-printable\r\n\r\n" + body);
    QCOMPARE(flowed.text, QStringLiteral("Hallo Anna, die Zahlen für das dritte Quartal sind fertig. Anbei die Tabelle.\n"
                                         "\n"
                                         "> Kannst du mir die Zahlen schicken?\n"
                                         "From Bremen\n"));

    const ParsedMessage delSp = MessageParser::parse(head + "Content-Type: text/plain; format=flowed; DelSp=YES\r\n\r\n"
                                                            "Donaudampf \r\nschiff\r\n");
    QCOMPARE(delSp.text, QStringLiteral("Donaudampfschiff\n"));

    // Without format=flowed a trailing space is just a space: the lines stay as they are.
    const ParsedMessage fixed = MessageParser::parse(head + "Content-Type: text/plain; charset=utf-8\r\n\r\n"
                                                            "line one \r\nline two\r\n");
    QCOMPARE(fixed.text, QStringLiteral("line one \nline two\n"));
}

void TestMimeMessage::parseGarbage()
{
    // Parsing never crashes; a headerless blob is at worst a message without headers.
    const ParsedMessage p = MessageParser::parse(QByteArray("\x00\xff garbage", 10));
    Q_UNUSED(p);
    const ParsedMessage empty = MessageParser::parse(QByteArray());
    QVERIFY(empty.subject.isEmpty());
}

void TestMimeMessage::headerInjectionImpossible()
{
    Draft d = sampleDraft();
    d.subject = QStringLiteral("Hello\r\nBcc: victim@example.com\r\nX-Evil: 1");
    d.to = {{QStringLiteral("Eve\r\nCc: other@example.com"), QStringLiteral("eve@kurier.test")}};
    d.attachments = {{QStringLiteral("a\r\nContent-Type: text/html.txt"), QByteArray("x"), {}, {}}};
    const auto r = MessageBuilder::build(d);
    QVERIFY(r.ok());
    for (const QByteArray &line : r.data.split('\n')) {
        QVERIFY2(!line.startsWith("Bcc:") && !line.startsWith("X-Evil:") && !line.startsWith("Cc: other"), line.constData());
    }
    const ParsedMessage p = MessageParser::parse(r.data);
    QCOMPARE(p.subject, QStringLiteral("Hello  Bcc: victim@example.com  X-Evil: 1"));
    QCOMPARE(p.cc, d.cc); // only the real one
    QCOMPARE(p.to.size(), 1);
    QCOMPARE(p.to[0].name, QStringLiteral("Eve  Cc: other@example.com"));
    QCOMPARE(p.attachments.value(0).fileName, QStringLiteral("a  Content-Type: text/html.txt"));
}

QTEST_GUILESS_MAIN(TestMimeMessage)
#include "tst_mime_message.moc"
