// FlowedText::unflow: RFC 3676 format=flowed bodies are joined into paragraphs for reading.
#include "mime/FlowedText.h"

#include <QTest>

using kurier::mime::FlowedText;

class TestFlowedText : public QObject
{
    Q_OBJECT

private slots:
    void unflow_data()
    {
        QTest::addColumn<QString>("flowed");
        QTest::addColumn<bool>("delSp");
        QTest::addColumn<QString>("expected");
        // §4.2: a trailing space is a soft break; without it the line is fixed.
        QTest::addRow("paragraph") << "The quick brown \nfox jumps over \nthe lazy dog.\nNext line.\n" << false
                                   << "The quick brown fox jumps over the lazy dog.\nNext line.\n";
        QTest::addRow("fixed lines stay") << "one\ntwo\n\nthree" << false << "one\ntwo\n\nthree";
        QTest::addRow("empty") << "" << false << "";
        QTest::addRow("only a newline") << "\n" << false << "\n";
        // §4.2: with DelSp=yes the space before the break was added by the sender.
        QTest::addRow("delsp joins inside a word") << "Donaudampf \nschiff\n" << true << "Donaudampfschiff\n";
        QTest::addRow("delsp keeps a real space") << "two  \nspaces\n" << true << "two spaces\n";
        QTest::addRow("no delsp keeps both") << "two  \nspaces\n" << false << "two  spaces\n";
        // §4.4: a leading space is stuffing ("From " and lines that begin with a space).
        QTest::addRow("stuffed From") << " From the start\n" << false << "From the start\n";
        QTest::addRow("stuffed space") << "  indented\n" << false << " indented\n";
        QTest::addRow("stuffed quote mark") << " >not a quote\n" << false << ">not a quote\n";
        // §4.5: quote depth is counted; flowing happens within one depth.
        QTest::addRow("quoted paragraph") << "> Hello, this is \n> one line.\n" << false << "> Hello, this is one line.\n";
        QTest::addRow("nested") << ">> deep \n>> text\n> shallow\nnone\n" << false << ">> deep text\n> shallow\nnone\n";
        QTest::addRow("quote marks without space") << ">>a \n>>b\n" << false << ">> a b\n";
        QTest::addRow("empty quoted line") << "> a\n>\n> b\n" << false << "> a\n>\n> b\n";
        QTest::addRow("soft break before another depth ends the paragraph")
            << "> quoted \nnot quoted\n" << false << "> quoted \nnot quoted\n";
        QTest::addRow("soft break before deeper quote") << "mine \n> theirs\n" << false << "mine \n> theirs\n";
        // §4.3: the signature separator is never flowed, even though it ends in a space.
        QTest::addRow("signature separator") << "Regards \nAnna\n-- \nAnna Schmidt\n" << false
                                             << "Regards Anna\n-- \nAnna Schmidt\n";
        QTest::addRow("quoted signature separator") << "> -- \n> sig\n" << false << "> -- \n> sig\n";
        QTest::addRow("soft line before the separator") << "Regards, \n-- \nErika\n" << false << "Regards, \n-- \nErika\n";
        // The end: a soft last line keeps the text's final line end and does not swallow anything.
        QTest::addRow("soft last line") << "ends softly \n" << false << "ends softly \n";
        QTest::addRow("soft last line, no newline") << "ends \nsoftly " << false << "ends softly ";
        QTest::addRow("soft line before empty line") << "para \n\nnext\n" << false << "para \nnext\n";
        QTest::addRow("umlauts") << "Grüße aus \nKöln\n" << false << "Grüße aus Köln\n";
    }

    void unflow()
    {
        QFETCH(QString, flowed);
        QFETCH(bool, delSp);
        QFETCH(QString, expected);
        QCOMPARE(FlowedText::unflow(flowed, delSp), expected);
    }

    void longParagraph()
    {
        // A 5,000-line paragraph becomes one line, in linear time.
        QString flowed;
        for (int i = 0; i < 5000; ++i)
            flowed += QStringLiteral("word%1 \n").arg(i);
        flowed += QStringLiteral("end\n");
        const QString text = FlowedText::unflow(flowed, false);
        QCOMPARE(text.count(u'\n'), 1);
        QVERIFY(text.startsWith(QStringLiteral("word0 word1 ")));
        QVERIFY(text.endsWith(QStringLiteral("word4999 end\n")));
    }
};

QTEST_GUILESS_MAIN(TestFlowedText)
#include "tst_flowed_text.moc"
