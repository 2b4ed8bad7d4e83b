// diagnostics::secondsText: timeouts in messages are exact and localised, never "0 s".
#include "diagnostics/SecondsText.h"
#include "pop3/Pop3Diagnostics.h"

#include <QLocale>
#include <QTest>

using kurier::diagnostics::secondsText;

class TestSecondsText : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QLocale::setDefault(QLocale::c()); }

    void formats_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("expected");
        QTest::addRow("en 20 s") << "en_US" << qint64(20000) << "20";
        QTest::addRow("en 0.5 s") << "en_US" << qint64(500) << "0.5";
        QTest::addRow("en 0.1 s") << "en_US" << qint64(100) << "0.1";
        QTest::addRow("en 1 ms") << "en_US" << qint64(1) << "0.001";
        QTest::addRow("en 1.25 s") << "en_US" << qint64(1250) << "1.25";
        QTest::addRow("en 0") << "en_US" << qint64(0) << "0";
        QTest::addRow("en 1000 s, no exponent") << "en_US" << qint64(1000000) << "1,000";
        QTest::addRow("de 0,5 s") << "de_DE" << qint64(500) << "0,5";
        QTest::addRow("de 20 s") << "de_DE" << qint64(20000) << "20";
        QTest::addRow("de 1000 s") << "de_DE" << qint64(1000000) << "1.000";
    }
    void formats()
    {
        QFETCH(QString, locale);
        QFETCH(qint64, ms);
        QFETCH(QString, expected);
        QLocale::setDefault(QLocale(locale));
        QCOMPARE(secondsText(ms), expected);
    }

    // The POP3 reply timeout used to say "did not answer within 0 s" for sub-second limits.
    void pop3TimeoutSaysTheRealLimit()
    {
        QLocale::setDefault(QLocale(QStringLiteral("en_US")));
        QCOMPARE(kurier::pop3::Pop3Diagnostics::replyTimeout(QStringLiteral("mail.example.com"), 500).summary,
                 QStringLiteral("mail.example.com did not answer within 0.5 s."));
        QCOMPARE(kurier::pop3::Pop3Diagnostics::tooSlow(QStringLiteral("mail.example.com"), 10, 1500).cause,
                 QStringLiteral("Only 10 bytes of the reply arrived in 1.5 s."));
    }
};

QTEST_GUILESS_MAIN(TestSecondsText)
#include "tst_seconds_text.moc"
