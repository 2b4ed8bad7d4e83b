// mime::RawMessage: the envelope of a ready-made message (kurierctl send --raw, like
// sendmail -t) comes from its header block only; Bcc is removed with its continuation lines.
#include "mime/RawMessage.h"

#include <QTest>

using kurier::mime::MailAddress;
using kurier::mime::RawMessage;
using namespace Qt::StringLiterals;

namespace {
QStringList addresses(const QList<MailAddress> &list)
{
    QStringList out;
    for (const MailAddress &a : list)
        out << a.address;
    return out;
}
} // namespace

class TestRawMessage : public QObject
{
    Q_OBJECT

private slots:
    void envelope_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QStringList>("to");
        QTest::addRow("crlf, to cc bcc")
            << QByteArray("From: Anna <anna@example.org>\r\nTo: bob@example.org\r\nCc: \"Desk, Front\" <front@example.org>\r\n"
                          "Bcc: boss@example.org\r\nSubject: x\r\n\r\nHello\r\n")
            << u"anna@example.org"_s << QStringList{u"bob@example.org"_s, u"front@example.org"_s, u"boss@example.org"_s};
        QTest::addRow("lf only") << QByteArray("From: anna@example.org\nTo: bob@example.org\n\nHello\n") << "anna@example.org"
                                 << QStringList{u"bob@example.org"_s};
        // Lines in the body that look like headers are text, not recipients.
        QTest::addRow("header-like body")
            << QByteArray("From: anna@example.org\r\nTo: bob@example.org\r\n\r\nTo: spy@example.net\r\nBcc: spy2@example.net\r\n")
            << u"anna@example.org"_s << QStringList{u"bob@example.org"_s};
        // An attached message's headers are not the envelope either.
        QTest::addRow("attached message")
            << QByteArray("From: anna@example.org\r\nTo: bob@example.org\r\nMIME-Version: 1.0\r\n"
                          "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: message/rfc822\r\n\r\n"
                          "From: other@example.net\r\nTo: inner@example.net\r\n\r\ninner\r\n--b--\r\n")
            << u"anna@example.org"_s << QStringList{u"bob@example.org"_s};
        QTest::addRow("folded to") << QByteArray("From: anna@example.org\r\nTo: bob@example.org,\r\n carol@example.org\r\n\r\nx\r\n")
                                   << u"anna@example.org"_s << QStringList{u"bob@example.org"_s, u"carol@example.org"_s};
        QTest::addRow("group") << QByteArray("From: anna@example.org\r\nTo: Team: bob@example.org, carol@example.org;\r\n\r\nx\r\n")
                               << u"anna@example.org"_s << QStringList{u"bob@example.org"_s, u"carol@example.org"_s};
        QTest::addRow("headers only, no body") << QByteArray("From: anna@example.org\r\nTo: bob@example.org\r\n") << "anna@example.org"
                                               << QStringList{u"bob@example.org"_s};
        QTest::addRow("no recipients") << QByteArray("From: anna@example.org\r\n\r\nx") << u"anna@example.org"_s << QStringList{};
        QTest::addRow("empty") << QByteArray() << QString() << QStringList{};
        QTest::addRow("body only") << QByteArray("\r\nTo: spy@example.net\r\n") << QString() << QStringList{};
    }
    void envelope()
    {
        QFETCH(QByteArray, message);
        QFETCH(QString, from);
        QFETCH(QStringList, to);
        const RawMessage::Envelope e = RawMessage::envelopeFromHeaders(message);
        QCOMPARE(e.from, from);
        QCOMPARE(addresses(e.to), to);
    }

    // A large body is not needed for the envelope: the same answer with or without it.
    void largeBodyIsNotNeeded()
    {
        const QByteArray head = "From: anna@example.org\r\nTo: bob@example.org\r\nMIME-Version: 1.0\r\n"
                                "Content-Type: multipart/mixed; boundary=b\r\n\r\n";
        QByteArray body;
        for (int i = 0; i < 20000; ++i)
            body += "--b\r\nContent-Type: text/plain\r\n\r\npart\r\n";
        const RawMessage::Envelope e = RawMessage::envelopeFromHeaders(head + body + "--b--\r\n");
        QCOMPARE(e.from, QStringLiteral("anna@example.org"));
        QCOMPARE(addresses(e.to), QStringList{u"bob@example.org"_s});
    }

    void withoutBcc()
    {
        const QByteArray message = "From: anna@example.org\r\nBcc: boss@example.org,\r\n\tsecret@example.org\r\nTo: bob@example.org\r\n"
                                   "\r\nBcc: this line is body text\r\n";
        QCOMPARE(RawMessage::withoutHeader(message, "Bcc"),
                 QByteArray("From: anna@example.org\r\nTo: bob@example.org\r\n\r\nBcc: this line is body text\r\n"));
        QCOMPARE(RawMessage::withoutHeader(message, "X-None"), message);
    }
};

QTEST_GUILESS_MAIN(TestRawMessage)
#include "tst_raw_message.moc"
