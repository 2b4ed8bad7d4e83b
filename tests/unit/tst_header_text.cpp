// mime::HeaderText: header values for the message list, decoded in the core. RFC 2047 encoded
// words (B and Q, any charset QStringDecoder knows; whitespace between adjacent encoded words
// dropped, §6.2), control characters made spaces, undecodable words left as they are; and the
// display part of a From value.
#include "mime/HeaderText.h"

#include <QTest>

using namespace kurier::mime;

class TestHeaderText : public QObject
{
    Q_OBJECT
private slots:
    void decode_data();
    void decode();
    void displayName_data();
    void displayName();
};

void TestHeaderText::decode_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QStringLiteral("Quarterly report") << QStringLiteral("Quarterly report");
    QTest::newRow("q utf-8") << QStringLiteral("=?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?=") << QStringLiteral("Jürgen Müller");
    QTest::newRow("adjacent words, two charsets")
        << QStringLiteral("=?UTF-8?Q?Gr=C3=BC=C3=9Fe?= =?ISO-8859-1?B?/A==?= x") << QStringLiteral("Grüßeü x");
    QTest::newRow("b utf-8") << QStringLiteral("=?utf-8?b?w5xiZXJzaWNodA==?=") << QStringLiteral("Übersicht");
    QTest::newRow("word and text keep their space")
        << QStringLiteral("=?UTF-8?Q?Gr=C3=BC=C3=9Fe?= aus Bremen") << QStringLiteral("Grüße aus Bremen");
    QTest::newRow("control character") << QStringLiteral("plain\x01text") << QStringLiteral("plain text");
    QTest::newRow("unknown charset stays") << QStringLiteral("=?x-no-such?Q?abc?=") << QStringLiteral("=?x-no-such?Q?abc?=");
}

void TestHeaderText::decode()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QCOMPARE(HeaderText::decode(value), expected);
}

void TestHeaderText::displayName_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("expected");
    QTest::newRow("quoted name") << QStringLiteral("\"Anna S.\" <a@x.org>") << QStringLiteral("Anna S.");
    QTest::newRow("bare name") << QStringLiteral("Anna <a@x.org>") << QStringLiteral("Anna");
    QTest::newRow("address only") << QStringLiteral("a@x.org") << QStringLiteral("a@x.org");
}

void TestHeaderText::displayName()
{
    QFETCH(QString, from);
    QFETCH(QString, expected);
    QCOMPARE(HeaderText::displayName(from), expected);
}

QTEST_GUILESS_MAIN(TestHeaderText)
#include "tst_header_text.moc"
