// secrets::SecureErase: a buffer owned alone is overwritten in place (the very bytes, not a
// detached copy); a shared one is left to its other owners, raw data is never written; the SASL
// messages built from a password or token are still right after their temporaries are erased.
#include "sasl/SaslMessages.h"
#include "secrets/SecureErase.h"

#include <QTest>

using namespace kurier::secrets;

class TestSecureErase : public QObject
{
    Q_OBJECT
private slots:
    void wipesTheBytesInPlace();
    void wipesQStringInPlace();
    void leavesSharedDataToItsOtherOwner();
    void neverWritesRawData();
    void secureEraseClears();
    void eraseOnExit();
    void saslMessagesUnchanged();
};

void TestSecureErase::wipesTheBytesInPlace()
{
    QByteArray secret = QByteArray("bob-Passw0rd-") + QByteArray::number(42); // heap, one owner
    QVERIFY(secret.isDetached());
    const char *before = secret.constData();
    const qsizetype size = secret.size();
    QVERIFY(wipe(secret));
    QCOMPARE(secret.constData(), before); // no detach: the original buffer was overwritten
    QCOMPARE(secret.size(), size);
    QCOMPARE(secret, QByteArray(size, '\0'));
}

void TestSecureErase::wipesQStringInPlace()
{
    QString secret = QStringLiteral("Kv8Q~test.secret_") + QString::number(7);
    const QChar *before = secret.constData();
    QVERIFY(wipe(secret));
    QCOMPARE(secret.constData(), before);
    QCOMPARE(secret, QString(secret.size(), QChar(0)));
}

void TestSecureErase::leavesSharedDataToItsOtherOwner()
{
    QByteArray owner = QByteArray("token-") + QByteArray::number(1234567);
    QByteArray copy = owner; // implicitly shared
    QVERIFY(!wipe(copy));
    QCOMPARE(owner, QByteArray("token-1234567"));
    secureErase(copy);
    QVERIFY(copy.isEmpty());
    QCOMPARE(owner, QByteArray("token-1234567"));
    // Now owner is alone again and can be wiped.
    QVERIFY(wipe(owner));
    QCOMPARE(owner, QByteArray(13, '\0'));

    QString text = QStringLiteral("pw-") + QString::number(99);
    QString other = text;
    QVERIFY(!wipe(other));
    secureErase(other);
    QCOMPARE(text, QStringLiteral("pw-99"));
}

void TestSecureErase::neverWritesRawData()
{
    static const char data[] = "not ours";
    QByteArray raw = QByteArray::fromRawData(data, sizeof data - 1);
    QVERIFY(!wipe(raw));
    QCOMPARE(QByteArray(data), QByteArray("not ours"));
    QByteArray literal = QByteArrayLiteral("literal");
    QVERIFY(!wipe(literal)); // read-only memory: writing would crash
    QByteArray empty;
    QVERIFY(!wipe(empty));
}

void TestSecureErase::secureEraseClears()
{
    QByteArray b = QByteArray("x") + QByteArray::number(1);
    secureErase(b);
    QVERIFY(b.isEmpty());
    QString s = QStringLiteral("y") + QString::number(2);
    secureErase(s);
    QVERIFY(s.isEmpty());
}

void TestSecureErase::eraseOnExit()
{
    QByteArray b = QByteArray("x") + QByteArray::number(1);
    QString s = QStringLiteral("y") + QString::number(2);
    {
        EraseOnExit eb(b);
        EraseOnExit es(s);
        QCOMPARE(b, QByteArray("x1"));
    }
    QVERIFY(b.isEmpty());
    QVERIFY(s.isEmpty());
}

void TestSecureErase::saslMessagesUnchanged()
{
    using namespace kurier::sasl;
    QCOMPARE(plainMessage(QStringLiteral("bob@kurier.test"), QStringLiteral("pässwort")),
             QByteArray("\0bob@kurier.test\0p\xc3\xa4sswort", 26));
    QCOMPARE(xoauth2Message(QStringLiteral("a@b"), QStringLiteral("tok")), QByteArray("user=a@b\x01" "auth=Bearer tok\x01\x01"));
    QCOMPARE(oauthBearerMessage(QStringLiteral("a,=b"), QStringLiteral("tok"), QStringLiteral("h"), 995),
             QByteArray("n,a=a=2C=3Db,\x01host=h\x01port=995\x01" "auth=Bearer tok\x01\x01"));
}

QTEST_GUILESS_MAIN(TestSecureErase)
#include "tst_secure_erase.moc"
