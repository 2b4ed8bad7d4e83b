// mime::MailtoUrl: RFC 6068 mailto: URLs into recipients, subject and body; everything else a
// link might try to set is ignored.

#include "mime/MailtoUrl.h"

#include <QTest>

using kurier::mime::MailtoUrl;
using namespace Qt::StringLiterals;

class TestMailtoUrl : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void notMailto_data();
    void notMailto();
    void tooLongIsCut();
};

void TestMailtoUrl::parse_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QStringList>("to");
    QTest::addColumn<QStringList>("cc");
    QTest::addColumn<QStringList>("bcc");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QStringList>("ignored");

    const QStringList none;
    QTest::newRow("plain") << u"mailto:anna@example.com"_s << QStringList{u"anna@example.com"_s} << none << none << u""_s << u""_s << none;
    QTest::newRow("scheme case") << u"MailTo:anna@example.com"_s << QStringList{u"anna@example.com"_s} << none << none << u""_s << u""_s << none;
    QTest::newRow("empty") << u"mailto:"_s << none << none << none << u""_s << u""_s << none;
    QTest::newRow("several in the path") << u"mailto:anna@example.com,bob@example.org"_s
                                         << QStringList{u"anna@example.com"_s, u"bob@example.org"_s} << none << none << u""_s << u""_s << none;
    // RFC 6068 §6.1 examples
    QTest::newRow("6.1 subject") << u"mailto:infobot@example.com?subject=current-issue"_s
                                 << QStringList{u"infobot@example.com"_s} << none << none << u"current-issue"_s << u""_s << none;
    QTest::newRow("6.1 body") << u"mailto:infobot@example.com?body=send%20current-issue"_s
                              << QStringList{u"infobot@example.com"_s} << none << none << u""_s << u"send current-issue"_s << none;
    QTest::newRow("6.1 body lines") << u"mailto:infobot@example.com?body=send%20current-issue%0D%0Asend%20index"_s
                                    << QStringList{u"infobot@example.com"_s} << none << none << u""_s << u"send current-issue\nsend index"_s << none;
    QTest::newRow("6.1 in-reply-to ignored")
        << u"mailto:list@example.org?In-Reply-To=%3C3469A91.D10AF4C@example.com%3E"_s
        << QStringList{u"list@example.org"_s} << none << none << u""_s << u""_s << QStringList{u"in-reply-to"_s};
    QTest::newRow("6.1 to= only") << u"mailto:?to=joe@example.com&cc=bob@example.com&body=hello"_s
                                  << QStringList{u"joe@example.com"_s} << QStringList{u"bob@example.com"_s} << none << u""_s << u"hello"_s << none;
    QTest::newRow("6.1 path and to=") << u"mailto:joe@example.com?cc=bob@example.com&body=hello"_s
                                      << QStringList{u"joe@example.com"_s} << QStringList{u"bob@example.com"_s} << none << u""_s << u"hello"_s << none;
    QTest::newRow("path plus to= add up") << u"mailto:a@example.com?to=b@example.com,c@example.com&to=d@example.com"_s
                                          << QStringList{u"a@example.com"_s, u"b@example.com"_s, u"c@example.com"_s, u"d@example.com"_s}
                                          << none << none << u""_s << u""_s << none;
    QTest::newRow("field names any case") << u"mailto:?TO=a@example.com&Cc=b@example.com&BCC=c@example.com&SUBJECT=Hi"_s
                                          << QStringList{u"a@example.com"_s} << QStringList{u"b@example.com"_s}
                                          << QStringList{u"c@example.com"_s} << u"Hi"_s << u""_s << none;
    QTest::newRow("6.1 percent in address") << u"mailto:%22not%40me%22@example.org"_s
                                            << QStringList{u"\"not@me\"@example.org"_s} << none << none << u""_s << u""_s << none;
    QTest::newRow("encoded comma stays in one address") << u"mailto:%22Doe%2C%20J%22%20%3Cj@example.org%3E"_s
                                                        << QStringList{u"\"Doe, J\" <j@example.org>"_s} << none << none << u""_s << u""_s << none;
    QTest::newRow("6.2 UTF-8 subject") << u"mailto:user@example.org?subject=caf%C3%A9"_s
                                       << QStringList{u"user@example.org"_s} << none << none << QString::fromUtf8("café") << u""_s << none;
    QTest::newRow("UTF-8 umlauts") << u"mailto:j%C3%BCrgen@example.de?subject=Gr%C3%BC%C3%9Fe&body=%C3%84pfel"_s
                                   << QStringList{QString::fromUtf8("jürgen@example.de")} << none << none
                                   << QString::fromUtf8("Grüße") << QString::fromUtf8("Äpfel") << none;
    QTest::newRow("plus is a plus") << u"mailto:a+tag@example.com?subject=1+1"_s << QStringList{u"a+tag@example.com"_s} << none
                                    << none << u"1+1"_s << u""_s << none;
    QTest::newRow("bad percent kept") << u"mailto:a@example.com?subject=100%&body=%zz%4"_s << QStringList{u"a@example.com"_s}
                                      << none << none << u"100%"_s << u"%zz%4"_s << none;
    QTest::newRow("first subject wins") << u"mailto:a@example.com?subject=one&subject=two&body=b1&body=b2"_s
                                        << QStringList{u"a@example.com"_s} << none << none << u"one"_s << u"b1"_s
                                        << QStringList{u"subject"_s, u"body"_s};
    QTest::newRow("fragment dropped") << u"mailto:a@example.com?subject=x#frag"_s << QStringList{u"a@example.com"_s} << none
                                      << none << u"x"_s << u""_s << none;
    QTest::newRow("empty fields and spaces") << u"mailto:a@example.com,,%20,?&&cc=&subject="_s
                                             << QStringList{u"a@example.com"_s} << none << none << u""_s << u""_s << none;
    // Hostile links: no header of their choosing, no attachments, no injection.
    QTest::newRow("hostile headers ignored")
        << u"mailto:a@example.com?from=boss@example.com&reply-to=evil@example.net&X-Mailer=x&attach=/etc/passwd"
           u"&attachment=%2Fhome%2Fu%2F.ssh%2Fid_rsa&Content-Type=text/html&received=x"_s
        << QStringList{u"a@example.com"_s} << none << none << u""_s << u""_s
        << QStringList{u"from"_s, u"reply-to"_s, u"x-mailer"_s, u"attach"_s, u"attachment"_s, u"content-type"_s, u"received"_s};
    QTest::newRow("CRLF injection in subject")
        << u"mailto:a@example.com?subject=Hi%0D%0ABcc:%20spy@example.net%0D%0A"_s << QStringList{u"a@example.com"_s} << none << none
        << u"Hi Bcc: spy@example.net"_s << u""_s << none;
    QTest::newRow("CRLF injection in address")
        << u"mailto:a@example.com%0D%0ABcc:spy@example.net"_s << QStringList{u"a@example.com Bcc:spy@example.net"_s} << none
        << none << u""_s << u""_s << none;
    QTest::newRow("encoded field name") << u"mailto:a@example.com?%62cc=spy@example.net&b%0Acc=x@example.net"_s
                                        << QStringList{u"a@example.com"_s} << none << QStringList{u"spy@example.net"_s} << u""_s
                                        << u""_s << QStringList{u"b cc"_s};
    QTest::newRow("NUL and controls in body") << u"mailto:a@example.com?body=a%00b%07c%09d%0Ae%0Df"_s
                                              << QStringList{u"a@example.com"_s} << none << none << u""_s << u"abc\td\ne\nf"_s << none;
}

void TestMailtoUrl::parse()
{
    QFETCH(QString, url);
    const auto m = MailtoUrl::parse(url);
    QVERIFY(m);
    QTEST(m->to(), "to");
    QTEST(m->cc(), "cc");
    QTEST(m->bcc(), "bcc");
    QTEST(m->subject(), "subject");
    QTEST(m->body(), "body");
    QTEST(m->ignoredFields(), "ignored");
}

void TestMailtoUrl::notMailto_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("empty") << u""_s;
    QTest::newRow("http") << u"https://example.com/?to=a@example.com"_s;
    QTest::newRow("file") << u"file:///etc/passwd"_s;
    QTest::newRow("bare address") << u"anna@example.com"_s;
    QTest::newRow("mailto without colon") << u"mailto"_s;
    QTest::newRow("leading space") << u" mailto:a@example.com"_s;
}

void TestMailtoUrl::notMailto()
{
    QFETCH(QString, url);
    QVERIFY(!MailtoUrl::parse(url));
    QVERIFY(!MailtoUrl::isMailto(url));
}

void TestMailtoUrl::tooLongIsCut()
{
    const QString url = QStringLiteral("mailto:a@example.com?body=") + QString(MailtoUrl::maxLength, u'x');
    const auto m = MailtoUrl::parse(url);
    QVERIFY(m);
    QCOMPARE(m->body().size(), MailtoUrl::maxLength - qsizetype(QStringLiteral("mailto:a@example.com?body=").size()));
}

QTEST_GUILESS_MAIN(TestMailtoUrl)
#include "tst_mailto_url.moc"
